//! Email one-time passcodes as a primary factor for one organization: [`LoginOrSignup`] emails
//! a code, [`Authenticate`] checks it and logs the member in. Only the latest code sent to an
//! address is valid. [`discovery`] does the same across organizations.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::OrganizationId;
//! use stytch_client::b2b::otps::email::{Authenticate, LoginOrSignup};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! client.send(LoginOrSignup::new(&organization_id, "ada@example.com")).await?;
//!
//! // With the code the member typed:
//! let login = client
//!     .send(Authenticate::new(&organization_id, "ada@example.com", "123456"))
//!     .await?;
//! println!("member {} authenticated: {}", login.member_id, login.member_authenticated);
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::member_auth_response;
use crate::b2b::models::{
    DeviceInfo, JsonObject, Member, MemberId, Organization, OrganizationId, PasswordsLocale, PrimaryRequired,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

pub mod discovery;

/// Emails a login code to an active member, or a signup code to a pending or invited one or to
/// a new address (creating a pending member when the organization allows it).
///
/// `POST /v1/b2b/otps/email/login_or_signup`; official SDKs: Ruby `otps.email.login_or_signup`,
/// Node `otps.email.loginOrSignup`, Python `otps.email.login_or_signup`.
#[endpoint(POST, "/v1/b2b/otps/email/login_or_signup")]
pub struct LoginOrSignup {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The email address to send the code to.
    pub email_address: String,
    /// Custom email template for the login email.
    pub login_template_id: Option<String>,
    /// Custom email template for the signup email.
    pub signup_template_id: Option<String>,
    /// Language of the email.
    pub locale: Option<PasswordsLocale>,
    /// Login code lifetime, 2 to 15 minutes (10 by default).
    pub login_expiration_minutes: Option<u32>,
    /// Signup code lifetime, 2 to 15 minutes (10 by default).
    pub signup_expiration_minutes: Option<u32>,
}

/// What [`LoginOrSignup`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LoginOrSignupResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// Whether the call created the member (false if it already existed).
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_created: bool,
    /// The member the code was sent to.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Logs a member in with an emailed code. Returns a session, or an intermediate session token
/// when MFA or another primary factor is still required.
///
/// `POST /v1/b2b/otps/email/authenticate`; official SDKs: Ruby `otps.email.authenticate`, Node
/// `otps.email.authenticate`, Python `otps.email.authenticate`.
#[endpoint(POST, "/v1/b2b/otps/email/authenticate")]
pub struct Authenticate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The email address the code was sent to.
    pub email_address: String,
    /// The six-digit code from the email.
    pub code: Secret<String>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// An intermediate session token from an earlier step, consumed if the flow completes.
    pub intermediate_session_token: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA SMS Stytch may send.
    pub locale: Option<PasswordsLocale>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
        /// The id of the email address the code was sent to (`member-email-test-...`).
        pub method_id: String,
        /// The organization's id.
        pub organization_id: OrganizationId,
        /// The primary factors the organization still requires, if any.
        #[serde(default)]
        pub primary_required: Option<PrimaryRequired>,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

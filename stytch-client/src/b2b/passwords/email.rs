//! Email-based password resets: [`ResetStart`] emails a link, [`Reset`] sets the new password
//! with the link's token, and [`RequireReset`] forces a reset before the next login.
//!
//! ```no_run
//! use stytch_client::{Authorization, Client};
//! use stytch_client::b2b::models::{OrganizationId, PasswordsLocale};
//! use stytch_client::b2b::passwords::email::{RequireReset, Reset, ResetStart};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! client
//!     .send(
//!         ResetStart::new(&organization_id, "ada@example.com")
//!             .reset_password_redirect_url("https://example.com/reset")
//!             .locale(PasswordsLocale::PtBr), // sent as "pt-br"
//!     )
//!     .await?;
//!
//! // Later, with the `token` query parameter of the emailed link:
//! let token = "token-from-the-link";
//! let reset = client.send(Reset::new(token, "a new long passphrase")).await?;
//! println!("member {} authenticated: {}", reset.member_id, reset.member_authenticated);
//!
//! // An admin forcing a reset, with their own RBAC permissions:
//! client
//!     .send(
//!         RequireReset::new("ada@example.com")
//!             .organization_id(&organization_id)
//!             .authorization(Authorization::session_jwt("eyJ...")),
//!     )
//!     .await?;
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{
    DeviceInfo, JsonObject, Member, MemberId, Organization, OrganizationId, PasswordsLocale, PrimaryRequired,
};
use crate::{Authorization, Secret, endpoint};
use serde::Deserialize;

/// Emails a member a password reset link (with an optional PKCE challenge).
///
/// `POST /v1/b2b/passwords/email/reset/start`; official SDKs: Ruby `passwords.email.reset_start`,
/// Node `passwords.email.resetStart`, Python `passwords.email.reset_start`.
#[endpoint(POST, "/v1/b2b/passwords/email/reset/start")]
pub struct ResetStart {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's email address.
    pub email_address: String,
    /// Where the reset link in the email points (the dashboard default if omitted).
    pub reset_password_redirect_url: Option<String>,
    /// Reset link lifetime, 5 to 10080 minutes (30 by default).
    pub reset_password_expiration_minutes: Option<u32>,
    /// PKCE challenge, base64url(SHA-256(verifier)).
    pub code_challenge: Option<String>,
    /// Where the verification link points when the email is not yet verified.
    pub login_redirect_url: Option<String>,
    /// Language of emails or SMS Stytch sends (e.g. the MFA OTP).
    pub locale: Option<PasswordsLocale>,
    /// Custom email template for the reset email.
    pub reset_password_template_id: Option<String>,
    /// Custom email template used instead when the email is not yet verified.
    pub verify_email_template_id: Option<String>,
}

/// What [`ResetStart`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ResetStartResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The id of the member's email address.
    pub member_email_id: String,
    /// The member the email was sent to.
    pub member: Member,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Sets a new password with the token from a reset email, and logs the member in.
///
/// `POST /v1/b2b/passwords/email/reset`; official SDKs: Ruby `passwords.email.reset`, Node
/// `passwords.email.reset`, Python `passwords.email.reset`.
#[endpoint(POST, "/v1/b2b/passwords/email/reset")]
pub struct Reset {
    /// The token from the reset email link.
    pub password_reset_token: Secret<String>,
    /// The new password.
    pub password: Secret<String>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// PKCE verifier matching the earlier `code_challenge`.
    pub code_verifier: Option<Secret<String>>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of emails or SMS Stytch sends (e.g. the MFA OTP).
    pub locale: Option<PasswordsLocale>,
    /// An intermediate session token from an earlier step, consumed if the flow completes.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Reset`] returns.
    pub struct ResetResponse {
        /// The id of the member's email address.
        pub member_email_id: String,
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

/// Forces a member (or every member with the email, across organizations) to reset their
/// password before logging in again. Needs cross-organization passwords.
///
/// `POST /v1/b2b/passwords/email/require_reset`; official SDKs: Ruby
/// `passwords.email.require_reset`, Node `passwords.email.requireReset`, Python
/// `passwords.email.require_reset`.
#[endpoint(POST, "/v1/b2b/passwords/email/require_reset")]
pub struct RequireReset {
    /// The email address whose password must be reset.
    pub email_address: String,
    /// Limit to this organization.
    pub organization_id: Option<OrganizationId>,
    /// Limit to this member.
    pub member_id: Option<MemberId>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`RequireReset`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RequireResetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The member whose password must now be reset.
    #[serde(default)]
    pub member_id: Option<MemberId>,
    /// The member, if one matched.
    #[serde(default)]
    pub member: Option<Member>,
    /// The member's organization, if one matched.
    #[serde(default)]
    pub organization: Option<Organization>,
}

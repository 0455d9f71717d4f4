//! Email and password login to one organization.

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, JsonObject, OrganizationId, PasswordsLocale, PrimaryRequired};
use crate::{Secret, endpoint};

/// Logs a member into an organization with email and password. Returns a session, or an
/// intermediate session token when MFA or another primary factor is still required.
///
/// `POST /v1/b2b/passwords/authenticate`; official SDKs: Ruby `passwords.authenticate`, Node
/// `passwords.authenticate`, Python `passwords.authenticate`.
#[endpoint(POST, "/v1/b2b/passwords/authenticate")]
pub struct Authenticate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's email address.
    pub email_address: String,
    /// The member's password.
    pub password: Secret<String>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
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
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
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

//! Magic link login to one organization.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, JsonObject, OrganizationId, PasswordsLocale, PrimaryRequired};
use crate::{Secret, endpoint};

/// Logs a member in with the token of an email magic link (login, signup, invite or email
/// update). Returns a session, or an intermediate session token when MFA or another primary
/// factor is still required.
///
/// `POST /v1/b2b/magic_links/authenticate`; official SDKs: Ruby `magic_links.authenticate`, Node
/// `magicLinks.authenticate`, Python `magic_links.authenticate`.
#[endpoint(POST, "/v1/b2b/magic_links/authenticate")]
pub struct Authenticate {
    /// The token from the magic link's `token` query parameter.
    pub magic_links_token: Secret<String>,
    /// PKCE verifier matching the link's `pkce_code_challenge`.
    pub pkce_code_verifier: Option<Secret<String>>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA SMS Stytch may send.
    pub locale: Option<PasswordsLocale>,
    /// An intermediate session token from an earlier step, consumed if the flow completes.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
        /// The id of the email address the link was sent to (`member-email-test-...`).
        pub method_id: String,
        /// Whether the member's other sessions were revoked.
        #[serde(default, deserialize_with = "null_as_default")]
        pub reset_sessions: bool,
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

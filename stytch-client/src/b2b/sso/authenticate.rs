//! Completing an SSO login.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, ExchangeLocale, JsonObject, OrganizationId, PrimaryRequired};
use crate::{Secret, endpoint};

/// Authenticates the SSO token Stytch's SSO callback put on your redirect URL, logging the member
/// in (and provisioning them just in time if the organization allows it).
///
/// `POST /v1/b2b/sso/authenticate`; official SDKs: Ruby `sso.authenticate`, Node
/// `sso.authenticate`, Python `sso.authenticate`.
#[endpoint(POST, "/v1/b2b/sso/authenticate")]
pub struct Authenticate {
    /// The SSO token from the redirect URL; single use.
    pub sso_token: Secret<String>,
    /// The PKCE code verifier, if the flow was started with a code challenge.
    pub pkce_code_verifier: Option<Secret<String>>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA SMS, if one is sent.
    pub locale: Option<ExchangeLocale>,
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
        /// Whether the member's other sessions should be revoked (always `false` today).
        #[serde(default, deserialize_with = "null_as_default")]
        pub reset_session: bool,
        /// The primary factors the organization still requires, if any.
        #[serde(default)]
        pub primary_required: Option<PrimaryRequired>,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

//! Session exchange between organizations.

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, ExchangeLocale, JsonObject, OrganizationId, PrimaryRequired};
use crate::{Secret, endpoint};

/// Exchanges a session for one in another organization the member belongs to.
///
/// `POST /v1/b2b/sessions/exchange`; official SDKs: Ruby `sessions.exchange`, Node
/// `sessions.exchange`, Python `sessions.exchange`.
#[endpoint(POST, "/v1/b2b/sessions/exchange")]
pub struct Exchange {
    /// The organization to exchange the session into.
    pub organization_id: OrganizationId,
    /// The current session token; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// The current session JWT; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA OTP SMS, if one is sent.
    pub locale: Option<ExchangeLocale>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Exchange`] returns.
    pub struct ExchangeResponse {
        /// The primary factors the organization still requires, if any.
        #[serde(default)]
        pub primary_required: Option<PrimaryRequired>,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

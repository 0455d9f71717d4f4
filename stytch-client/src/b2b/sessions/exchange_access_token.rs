//! Connected-app access token exchange.

use crate::b2b::models::member_session_response;
use crate::b2b::models::{DeviceInfo, JsonObject};
use crate::{Secret, endpoint};

/// Exchanges a connected-app access token for a member session.
///
/// `POST /v1/b2b/sessions/exchange_access_token`; official SDKs: Ruby
/// `sessions.exchange_access_token`, Node `sessions.exchangeAccessToken`, Python
/// `sessions.exchange_access_token`.
#[endpoint(POST, "/v1/b2b/sessions/exchange_access_token")]
pub struct ExchangeAccessToken {
    /// The connected-app access token to exchange.
    pub access_token: Secret<String>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_session_response! {
    /// What [`ExchangeAccessToken`] returns.
    pub struct ExchangeAccessTokenResponse {
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

//! Connected-app access token exchange.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{DeviceInfo, JsonObject, Member, MemberId, MemberSession, Organization};
use crate::{Secret, endpoint};
use serde::Deserialize;

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

/// What [`ExchangeAccessToken`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ExchangeAccessTokenResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The session token (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// The session JWT, valid for five minutes (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new or extended session; `None` while MFA or another primary factor is still needed.
    #[serde(default)]
    pub member_session: Option<MemberSession>,
    /// What Stytch knows about the device the request came from.
    #[serde(default)]
    pub member_device: Option<DeviceInfo>,
}

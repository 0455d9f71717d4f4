//! Intermediate session exchange: finishing a discovery flow in one organization.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::discovery::intermediate_sessions::Exchange;
//! use stytch_client::b2b::models::{ExchangeLocale, OrganizationId};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let exchanged = client
//!     .send(
//!         Exchange::new(OrganizationId::new("organization-test-..."), "ist_...")
//!             .session_duration_minutes(120)
//!             .locale(ExchangeLocale::DeDe), // sent as "de-DE"
//!     )
//!     .await?;
//! match exchanged.mfa_required {
//!     Some(mfa) => println!("finish MFA first: {mfa:?}"),
//!     None => println!("session: {:?}", exchanged.member_session),
//! }
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    DeviceInfo, ExchangeLocale, JsonObject, Member, MemberId, MemberSession, MfaRequired, Organization,
    OrganizationId, PrimaryRequired,
};
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Exchanges an intermediate session token for a session in the chosen organization.
///
/// `POST /v1/b2b/discovery/intermediate_sessions/exchange`; official SDKs: Ruby
/// `discovery.intermediate_sessions.exchange`, Node `discovery.intermediateSessions.exchange`,
/// Python `discovery.intermediate_sessions.exchange`.
#[endpoint(POST, "/v1/b2b/discovery/intermediate_sessions/exchange")]
pub struct Exchange {
    /// The organization to log into.
    pub organization_id: OrganizationId,
    /// The intermediate session token to exchange.
    pub intermediate_session_token: Secret<String>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA OTP SMS, if one is sent.
    pub locale: Option<ExchangeLocale>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

/// What [`Exchange`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ExchangeResponse {
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
    /// Whether the member is fully authenticated (no MFA or primary factor pending).
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_authenticated: bool,
    /// An intermediate session token to finish MFA or pick an organization (empty when a full
    /// session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub intermediate_session_token: Secret<String>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new or extended session; `None` while MFA or another primary factor is still needed.
    #[serde(default)]
    pub member_session: Option<MemberSession>,
    /// What the member must do to finish MFA, if it is required.
    #[serde(default)]
    pub mfa_required: Option<MfaRequired>,
    /// The primary factors the organization still requires, if any.
    #[serde(default)]
    pub primary_required: Option<PrimaryRequired>,
    /// What Stytch knows about the device the request came from.
    #[serde(default)]
    pub member_device: Option<DeviceInfo>,
    /// When the intermediate session token expires.
    #[serde(default)]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

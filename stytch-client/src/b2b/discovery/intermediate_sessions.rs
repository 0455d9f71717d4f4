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

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, ExchangeLocale, JsonObject, OrganizationId, PrimaryRequired};
use crate::{Secret, endpoint};

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

//! The B2B OAuth API: finish a Google, Microsoft, Slack, GitHub or HubSpot login started by
//! Stytch's hosted OAuth flow. [`Authenticate`] logs into one organization, [`discovery`] works
//! across organizations. OAuth tokens, PKCE verifiers and the provider's own tokens are
//! [`Secret`]s.
//!
//! ```no_run
//! use stytch_client::{Client, ExposeSecret};
//! use stytch_client::b2b::oauth::Authenticate;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! // With the `token` query parameter Stytch redirected to your callback with:
//! let login = client
//!     .send(Authenticate::new("token-from-the-redirect").pkce_code_verifier("the-pkce-code-verifier"))
//!     .await?;
//! println!("{} login by {}", login.provider_type, login.member.email_address);
//! if let Some(access_token) = login.provider_values.as_ref().and_then(|v| v.access_token.as_ref()) {
//!     // Call the provider's API on the member's behalf.
//!     let _bearer = access_token.expose_secret();
//! }
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::member_auth_response;
use crate::b2b::models::{
    DeviceInfo, ExchangeLocale, JsonObject, OrganizationId, PrimaryRequired, ProviderValues,
};
use crate::{Secret, endpoint};

pub mod discovery;

/// Logs a member into an organization with the token of a finished OAuth flow. Returns a
/// session, or an intermediate session token when MFA or another primary factor (for a provider
/// that does not verify email addresses) is still required.
///
/// `POST /v1/b2b/oauth/authenticate`; official SDKs: Ruby `oauth.authenticate`, Node
/// `oauth.authenticate`, Python `oauth.authenticate`.
#[endpoint(POST, "/v1/b2b/oauth/authenticate")]
pub struct Authenticate {
    /// The token from the `token` query parameter of the OAuth redirect.
    pub oauth_token: Secret<String>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// PKCE verifier matching the flow's `pkce_code_challenge`.
    pub pkce_code_verifier: Option<Secret<String>>,
    /// Language of the MFA SMS Stytch may send.
    pub locale: Option<ExchangeLocale>,
    /// An intermediate session token from an earlier step, consumed if the flow completes.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
        /// The member's id at the provider (the `sub` claim).
        #[serde(default, deserialize_with = "null_as_default")]
        pub provider_subject: String,
        /// The provider, e.g. `Google` or `Microsoft`.
        #[serde(default, deserialize_with = "null_as_default")]
        pub provider_type: String,
        /// The organization's id.
        pub organization_id: OrganizationId,
        /// Whether the member's other sessions were revoked.
        #[serde(default, deserialize_with = "null_as_default")]
        pub reset_sessions: bool,
        /// The provider's tokens and granted scopes.
        #[serde(default)]
        pub provider_values: Option<ProviderValues>,
        /// The primary factors the organization still requires, if any.
        #[serde(default)]
        pub primary_required: Option<PrimaryRequired>,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

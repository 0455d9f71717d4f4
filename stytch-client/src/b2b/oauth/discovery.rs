//! Cross-organization OAuth login: authenticate the token of a discovery OAuth flow, then pick
//! an organization with [`b2b::discovery`](crate::b2b::discovery).

use crate::b2b::models::DiscoveredOrganization;
use crate::b2b::models::JsonObject;
use crate::b2b::models::de::null_as_default;
use crate::b2b::models::timestamp;
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Authenticates the token of a discovery OAuth flow without picking an organization; returns
/// an intermediate session token and the organizations it can enter.
///
/// `POST /v1/b2b/oauth/discovery/authenticate`; official SDKs: Ruby
/// `oauth.discovery.authenticate`, Node `oauth.discovery.authenticate`, Python
/// `oauth.discovery.authenticate`.
#[endpoint(POST, "/v1/b2b/oauth/discovery/authenticate")]
pub struct Authenticate {
    /// The token from the `token` query parameter of the discovery OAuth redirect.
    pub discovery_oauth_token: Secret<String>,
    /// An existing session token; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// Session lifetime for a session created later from the intermediate session token.
    pub session_duration_minutes: Option<u32>,
    /// An existing session JWT; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Custom claims for a session created later (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// PKCE verifier matching the flow's `pkce_code_challenge`.
    pub pkce_code_verifier: Option<Secret<String>>,
}

/// What [`Authenticate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// An intermediate session token to pick or create an organization with.
    #[serde(default, deserialize_with = "null_as_default")]
    pub intermediate_session_token: Secret<String>,
    /// The email address the provider returned.
    pub email_address: String,
    /// Organizations the email address can log into or join.
    #[serde(default, deserialize_with = "null_as_default")]
    pub discovered_organizations: Vec<DiscoveredOrganization>,
    /// The provider, e.g. `Google` or `Microsoft`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The provider tenant (Google Workspace domain, Microsoft tenant, Slack workspace, ...),
    /// when exactly one came back; empty otherwise.
    pub provider_tenant_id: String,
    /// Every provider tenant the member belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_tenant_ids: Vec<String>,
    /// The member's full name at the provider.
    #[serde(default, deserialize_with = "null_as_default")]
    pub full_name: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// When the intermediate session token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

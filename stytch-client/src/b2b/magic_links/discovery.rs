//! Cross-organization magic link login: authenticate the token of a link sent by
//! [`email::discovery::Send`](crate::b2b::magic_links::email::discovery::Send), then pick an
//! organization with [`b2b::discovery`](crate::b2b::discovery).

use crate::b2b::models::DiscoveredOrganization;
use crate::b2b::models::de::null_as_default;
use crate::b2b::models::timestamp;
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Authenticates a discovery magic link token without picking an organization; returns an
/// intermediate session token and the organizations it can enter.
///
/// `POST /v1/b2b/magic_links/discovery/authenticate`; official SDKs: Ruby
/// `magic_links.discovery.authenticate`, Node `magicLinks.discovery.authenticate`, Python
/// `magic_links.discovery.authenticate`.
#[endpoint(POST, "/v1/b2b/magic_links/discovery/authenticate")]
pub struct Authenticate {
    /// The token from the discovery magic link's `token` query parameter.
    pub discovery_magic_links_token: Secret<String>,
    /// PKCE verifier matching the link's `pkce_code_challenge`.
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
    /// The email address the discovery ran for.
    pub email_address: String,
    /// Organizations the email address can log into or join.
    #[serde(default, deserialize_with = "null_as_default")]
    pub discovered_organizations: Vec<DiscoveredOrganization>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// When the intermediate session token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

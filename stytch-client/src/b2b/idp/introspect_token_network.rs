//! Introspecting a connected app's OAuth token over the network (RFC 7662).

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{ConnectedAppId, TokenOrganization, TokenTypeHint};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Asks Stytch whether a connected app's access or refresh token is active, and for its claims.
/// An inactive, expired or unknown token is not an error: the response has `active: false`.
///
/// `POST /v1/public/{project_id}/oauth2/introspect`, form-encoded; official SDKs: Ruby
/// `idp.introspect_token_network`, Node `idp.introspectTokenNetwork`, Python
/// `idp.introspect_token_network`.
///
/// The newest Node and Python SDKs send this public OAuth path **form-encoded**
/// (`application/x-www-form-urlencoded`, as RFC 7662 specifies), so it is declared `form`. It
/// only reads, so it is `idempotent` (retried after a lost response). Like Python, the request
/// carries the project's Basic auth (Node sends none; the API accepts both).
///
/// `new` takes the ids (`project_id`, `client_id`), then the token; `client_secret` (for
/// confidential clients) and `token_type_hint` are setters.
///
/// ```
/// use stytch_client::b2b::idp::IntrospectTokenNetwork;
/// use stytch_client::b2b::models::{ConnectedAppId, TokenTypeHint};
///
/// let request = IntrospectTokenNetwork::new(
///     "project-test-...",
///     ConnectedAppId::new("connected-app-test-..."),
///     "eyJ...",
/// )
/// .token_type_hint(TokenTypeHint::AccessToken);
/// assert!(!format!("{request:?}").contains("eyJ"));
/// ```
#[endpoint(POST, "/v1/public/{project_id}/oauth2/introspect", form, idempotent)]
pub struct IntrospectTokenNetwork {
    /// Your project id (the path's `{project_id}`).
    pub project_id: String,
    /// The connected app the token was issued to.
    pub client_id: ConnectedAppId,
    /// The access or refresh token to introspect.
    pub token: Secret<String>,
    /// The connected app's client secret, for confidential clients.
    pub client_secret: Option<Secret<String>>,
    /// Whether `token` is an access or a refresh token.
    pub token_type_hint: Option<TokenTypeHint>,
}

/// What [`IntrospectTokenNetwork`] returns: `active` and, for an active token, its claims.
///
/// The official SDKs also surface any other top-level claim of an active token as custom claims;
/// this type keeps the documented ones.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct IntrospectTokenNetworkResponse {
    /// Whether the token is active (issued, unexpired and not revoked).
    #[serde(default, deserialize_with = "null_as_default")]
    pub active: bool,
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The token's subject (the member).
    #[serde(default)]
    pub sub: Option<String>,
    /// The granted scopes, space-separated.
    #[serde(default)]
    pub scope: Option<String>,
    /// The token's audiences.
    #[serde(default)]
    pub aud: Option<Vec<String>>,
    /// When the token expires, in seconds since the Unix epoch.
    #[serde(default)]
    pub exp: Option<i64>,
    /// When the token was issued, in seconds since the Unix epoch.
    #[serde(default)]
    pub iat: Option<i64>,
    /// The token's issuer.
    #[serde(default)]
    pub iss: Option<String>,
    /// When the token becomes valid, in seconds since the Unix epoch.
    #[serde(default)]
    pub nbf: Option<i64>,
    /// The connected app the token was issued to.
    #[serde(default)]
    pub client_id: Option<ConnectedAppId>,
    /// Whether it is an access or a refresh token.
    #[serde(default)]
    pub token_type: Option<TokenTypeHint>,
    /// The organization the token was issued in (the `https://stytch.com/organization` claim).
    #[serde(rename = "https://stytch.com/organization", default)]
    pub stytch_organization: Option<TokenOrganization>,
}

//! Introspecting a connected app's OAuth token over the network (RFC 7662).

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{ConnectedAppId, TokenOrganization, TokenTypeHint};
use crate::encode::push_segment;
use crate::{Endpoint, Error, Secret};
use http::header::CONTENT_TYPE;
use http::{HeaderMap, HeaderValue, Method};
use serde::Deserialize;

/// Asks Stytch whether a connected app's access or refresh token is active, and for its claims.
/// An inactive, expired or unknown token is not an error: the response has `active: false`.
///
/// `POST /v1/public/{project_id}/oauth2/introspect`, form-encoded; official SDKs: Ruby
/// `idp.introspect_token_network`, Node `idp.introspectTokenNetwork`, Python
/// `idp.introspect_token_network`.
///
/// This one endpoint implements [`Endpoint`] by hand instead of with `#[endpoint]`: the newest
/// Node and Python SDKs send it to this public OAuth path **form-encoded**
/// (`application/x-www-form-urlencoded`, as RFC 7662 specifies), which `#[endpoint]` cannot
/// express (it only writes JSON bodies), and nothing documents that this path takes JSON (only
/// Ruby sends JSON, to the older `/v1/oauth2/introspect`). The body is written with
/// `serde_urlencoded` and the endpoint's own `Content-Type` header replaces the client's JSON
/// one. It only reads, so it is `idempotent` (retried after a lost response). Like Python, the
/// request carries the project's Basic auth (Node sends none; the API accepts both).
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
#[derive(Debug)]
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

impl IntrospectTokenNetwork {
    /// Creates the request from its required fields (`project_id`, `client_id`, `token`);
    /// optional fields start unset.
    pub fn new(
        project_id: impl Into<String>,
        client_id: impl Into<ConnectedAppId>,
        token: impl Into<Secret<String>>,
    ) -> Self {
        Self {
            project_id: project_id.into(),
            client_id: client_id.into(),
            token: token.into(),
            client_secret: None,
            token_type_hint: None,
        }
    }

    /// Sets `client_secret`: the connected app's client secret, for confidential clients.
    pub fn client_secret(mut self, value: impl Into<Secret<String>>) -> Self {
        self.client_secret = Some(value.into());
        self
    }

    /// Sets or clears `client_secret` (`None` leaves it off the wire).
    pub fn set_client_secret(mut self, value: Option<Secret<String>>) -> Self {
        self.client_secret = value;
        self
    }

    /// Sets `token_type_hint`: whether `token` is an access or a refresh token.
    pub fn token_type_hint(mut self, value: TokenTypeHint) -> Self {
        self.token_type_hint = Some(value);
        self
    }

    /// Sets or clears `token_type_hint` (`None` leaves it off the wire).
    pub fn set_token_type_hint(mut self, value: Option<TokenTypeHint>) -> Self {
        self.token_type_hint = value;
        self
    }
}

impl Endpoint for IntrospectTokenNetwork {
    type Response = IntrospectTokenNetworkResponse;
    const METHOD: Method = Method::POST;
    const PATH_TEMPLATE: &'static str = "/v1/public/{project_id}/oauth2/introspect";

    fn write_path(&self, out: &mut String) -> Result<(), Error> {
        out.push_str("/v1/public/");
        push_segment(out, "project_id", &self.project_id)?;
        out.push_str("/oauth2/introspect");
        Ok(())
    }

    /// The form-encoded body: `token`, `client_id`, then the optional fields that are set.
    fn body(&self) -> Result<Option<Vec<u8>>, Error> {
        let mut form: Vec<(&str, &str)> = vec![
            ("token", self.token.expose_secret()),
            ("client_id", self.client_id.as_str()),
        ];
        if let Some(secret) = &self.client_secret {
            form.push(("client_secret", secret.expose_secret()));
        }
        if let Some(hint) = &self.token_type_hint {
            form.push(("token_type_hint", hint.as_str()));
        }
        serde_urlencoded::to_string(&form)
            .map(|body| Some(body.into_bytes()))
            .map_err(|_| Error::invalid_request("the form body could not be encoded"))
    }

    fn headers(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        headers.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("application/x-www-form-urlencoded"),
        );
        Ok(())
    }

    fn idempotent(&self) -> bool {
        true
    }
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

//! Configuring an OIDC connection.

use crate::b2b::models::{ConnectionId, JsonObject, OidcConnection, OrganizationId, SsoIdentityProvider};
use crate::{Authorization, Secret, endpoint};
use serde::Deserialize;

/// Updates an OIDC connection. It becomes active once the issuer, client id and secret and the
/// four endpoint URLs are set; a changed `issuer` makes Stytch fill unset URLs from the issuer's
/// discovery document.
///
/// `PUT /v1/b2b/sso/oidc/{organization_id}/connections/{connection_id}`; official SDKs: Ruby
/// `sso.oidc.update_connection`, Node `sso.oidc.updateConnection`, Python
/// `sso.oidc.update_connection`.
#[endpoint(PUT, "/v1/b2b/sso/oidc/{organization_id}/connections/{connection_id}")]
pub struct UpdateConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection to update.
    pub connection_id: ConnectionId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// The OAuth client id registered at the IdP.
    pub client_id: Option<String>,
    /// The OAuth client secret registered at the IdP.
    pub client_secret: Option<Secret<String>>,
    /// The IdP's issuer URL.
    pub issuer: Option<String>,
    /// The IdP's authorization endpoint.
    pub authorization_url: Option<String>,
    /// The IdP's token endpoint.
    pub token_url: Option<String>,
    /// The IdP's userinfo endpoint.
    pub userinfo_url: Option<String>,
    /// The IdP's JWKS URL.
    pub jwks_url: Option<String>,
    /// The identity provider.
    pub identity_provider: Option<SsoIdentityProvider>,
    /// Space-separated scopes to request instead of `openid email profile`.
    pub custom_scopes: Option<String>,
    /// Which claims fill which member fields.
    pub attribute_mapping: Option<JsonObject>,
    /// Act with this member's RBAC permissions on `stytch.sso`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`UpdateConnection`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UpdateConnectionResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The updated connection.
    #[serde(default)]
    pub connection: Option<OidcConnection>,
    /// Why the issuer's discovery document could not fill the URLs, if it could not.
    #[serde(default)]
    pub warning: Option<String>,
}

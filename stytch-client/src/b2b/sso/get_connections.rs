//! Listing an organization's SSO connections.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{ExternalConnection, OidcConnection, OrganizationId, SamlConnection};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Lists an organization's SAML, OIDC and external SSO connections.
///
/// `GET /v1/b2b/sso/{organization_id}`; official SDKs: Ruby `sso.get_connections`, Node
/// `sso.getConnections`, Python `sso.get_connections`.
#[endpoint(GET, "/v1/b2b/sso/{organization_id}")]
pub struct GetConnections {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// Act with this member's RBAC permissions (`stytch.sso` `get`).
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`GetConnections`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetConnectionsResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization's SAML connections.
    #[serde(default, deserialize_with = "null_as_default")]
    pub saml_connections: Vec<SamlConnection>,
    /// The organization's OIDC connections.
    #[serde(default, deserialize_with = "null_as_default")]
    pub oidc_connections: Vec<OidcConnection>,
    /// The organization's external connections.
    #[serde(default, deserialize_with = "null_as_default")]
    pub external_connections: Vec<ExternalConnection>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

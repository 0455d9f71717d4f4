//! Creating a SAML connection.

use crate::b2b::models::{OrganizationId, SamlConnection, SsoIdentityProvider};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Creates a pending SAML connection for an organization, with Stytch's ACS URL, audience URI and
/// signing certificate; configure the IdP side with [`UpdateConnection`](super::UpdateConnection)
/// or [`UpdateByUrl`](super::UpdateByUrl).
///
/// `POST /v1/b2b/sso/saml/{organization_id}`; official SDKs: Ruby `sso.saml.create_connection`,
/// Node `sso.saml.createConnection`, Python `sso.saml.create_connection`.
#[endpoint(POST, "/v1/b2b/sso/saml/{organization_id}")]
pub struct CreateConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// The identity provider.
    pub identity_provider: Option<SsoIdentityProvider>,
    /// Act with this member's RBAC permissions (`stytch.sso` `create`).
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`CreateConnection`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CreateConnectionResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new connection.
    #[serde(default)]
    pub connection: Option<SamlConnection>,
}

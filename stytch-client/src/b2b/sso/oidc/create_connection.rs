//! Creating an OIDC connection.

use crate::b2b::models::{OidcConnection, OrganizationId, SsoIdentityProvider};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Creates a pending OIDC connection for an organization; configure it with
/// [`UpdateConnection`](super::UpdateConnection).
///
/// `POST /v1/b2b/sso/oidc/{organization_id}`; official SDKs: Ruby `sso.oidc.create_connection`,
/// Node `sso.oidc.createConnection`, Python `sso.oidc.create_connection`.
#[endpoint(POST, "/v1/b2b/sso/oidc/{organization_id}")]
pub struct CreateConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// The identity provider.
    pub identity_provider: Option<SsoIdentityProvider>,
    /// Act with this member's RBAC permissions on `stytch.sso`.
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
    pub connection: Option<OidcConnection>,
}

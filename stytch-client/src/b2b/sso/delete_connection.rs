//! Deleting an SSO connection.

use crate::b2b::models::{ConnectionId, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Deletes a SAML, OIDC or external SSO connection of an organization.
///
/// `DELETE /v1/b2b/sso/{organization_id}/connections/{connection_id}`; official SDKs: Ruby
/// `sso.delete_connection`, Node `sso.deleteConnection`, Python `sso.delete_connection`.
#[endpoint(DELETE, "/v1/b2b/sso/{organization_id}/connections/{connection_id}")]
pub struct DeleteConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection to delete.
    pub connection_id: ConnectionId,
    /// Act with this member's RBAC permissions on `stytch.sso`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteConnection`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteConnectionResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The deleted connection's id.
    pub connection_id: ConnectionId,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

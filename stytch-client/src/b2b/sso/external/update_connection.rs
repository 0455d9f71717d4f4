//! Updating an external SSO connection.

use crate::b2b::models::{
    ConnectionId, ConnectionImplicitRoleAssignment, ExternalConnection, GroupImplicitRoleAssignment,
    OrganizationId,
};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Updates an external SSO connection's name and role assignments.
///
/// `PUT /v1/b2b/sso/external/{organization_id}/connections/{connection_id}`; official SDKs: Ruby
/// `sso.external.update_connection`, Node `sso.external.updateConnection`, Python
/// `sso.external.update_connection`.
#[endpoint(PUT, "/v1/b2b/sso/external/{organization_id}/connections/{connection_id}")]
pub struct UpdateConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The external connection to update.
    pub connection_id: ConnectionId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// Roles to grant every member who logs in through the connection (replaces the list).
    pub external_connection_implicit_role_assignments: Option<Vec<ConnectionImplicitRoleAssignment>>,
    /// Roles to grant the members of IdP groups (replaces the list).
    pub external_group_implicit_role_assignments: Option<Vec<GroupImplicitRoleAssignment>>,
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
    pub connection: Option<ExternalConnection>,
}

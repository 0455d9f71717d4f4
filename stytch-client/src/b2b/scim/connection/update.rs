//! Updating a SCIM connection.

use crate::b2b::models::{
    ConnectionId, OrganizationId, ScimConnection, ScimGroupImplicitRoleAssignment, ScimIdentityProvider,
};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Updates a SCIM connection's name, identity provider and group role assignments.
///
/// `PUT /v1/b2b/scim/{organization_id}/connection/{connection_id}`; official SDKs: Ruby
/// `scim.connection.update`, Node `scim.connection.update`, Python `scim.connection.update`.
#[endpoint(PUT, "/v1/b2b/scim/{organization_id}/connection/{connection_id}")]
pub struct Update {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SCIM connection.
    pub connection_id: ConnectionId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// The identity provider.
    pub identity_provider: Option<ScimIdentityProvider>,
    /// Roles to grant the members of SCIM groups (replaces the list; the groups must exist).
    pub scim_group_implicit_role_assignments: Option<Vec<ScimGroupImplicitRoleAssignment>>,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Update`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UpdateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The updated connection.
    #[serde(default)]
    pub connection: Option<ScimConnection>,
}

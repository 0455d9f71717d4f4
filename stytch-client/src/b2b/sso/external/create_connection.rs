//! Creating an external SSO connection.

use crate::b2b::models::{
    ConnectionId, ExternalConnection, OrganizationId, SamlConnectionImplicitRoleAssignment,
    SamlGroupImplicitRoleAssignment,
};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Lets an organization log its members in through another organization's SAML or OIDC
/// connection in the same project.
///
/// `POST /v1/b2b/sso/external/{organization_id}`; official SDKs: Ruby
/// `sso.external.create_connection`, Node `sso.external.createConnection`, Python
/// `sso.external.create_connection`.
#[endpoint(POST, "/v1/b2b/sso/external/{organization_id}")]
pub struct CreateConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The organization that owns the connection to use.
    pub external_organization_id: OrganizationId,
    /// The SAML or OIDC connection to use.
    pub external_connection_id: ConnectionId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// Roles to grant every member who logs in through the connection (not for OIDC).
    pub connection_implicit_role_assignments: Option<Vec<SamlConnectionImplicitRoleAssignment>>,
    /// Roles to grant the members of IdP groups (the SAML connection must map `groups`).
    pub group_implicit_role_assignments: Option<Vec<SamlGroupImplicitRoleAssignment>>,
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
    pub connection: Option<ExternalConnection>,
}

//! Deleting a SCIM connection.

use crate::b2b::models::{ConnectionId, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Deletes an organization's SCIM connection.
///
/// `DELETE /v1/b2b/scim/{organization_id}/connection/{connection_id}`; official SDKs: Ruby
/// `scim.connection.delete`, Node `scim.connection.delete`, Python `scim.connection.delete`.
#[endpoint(DELETE, "/v1/b2b/scim/{organization_id}/connection/{connection_id}")]
pub struct Delete {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SCIM connection.
    pub connection_id: ConnectionId,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Delete`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The deleted connection's id.
    pub connection_id: ConnectionId,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

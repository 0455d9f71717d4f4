//! Organization deletion.

use crate::b2b::models::OrganizationId;
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Deletes an organization and all of its members.
///
/// `DELETE /v1/b2b/organizations/{organization_id}`; official SDKs: Ruby `organizations.delete`,
/// Node `organizations.delete`, Python `organizations.delete`.
#[endpoint(DELETE, "/v1/b2b/organizations/{organization_id}")]
pub struct Delete {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// Act with this member's RBAC permissions (`stytch.organization` `delete`).
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Delete`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The deleted organization's id.
    pub organization_id: OrganizationId,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

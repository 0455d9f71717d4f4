//! Removal of an organization's external id.

use crate::b2b::models::{Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Removes an organization's external id.
///
/// `DELETE /v1/b2b/organizations/{organization_id}/external_id`; official SDKs: Ruby
/// `organizations.delete_external_id`, Node `organizations.deleteExternalId`, Python
/// `organizations.delete_external_id`.
#[endpoint(DELETE, "/v1/b2b/organizations/{organization_id}/external_id")]
pub struct DeleteExternalId {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteExternalId`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteExternalIdResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization, without its external id.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

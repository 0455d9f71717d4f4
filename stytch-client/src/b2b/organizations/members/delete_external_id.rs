//! Removal of a member's external id.

use crate::b2b::models::{Member, MemberId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Removes a member's external id.
///
/// `DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}/external_id`; official
/// SDKs: Ruby `organizations.members.delete_external_id`, Node
/// `organizations.members.deleteExternalId`, Python `organizations.members.delete_external_id`.
#[endpoint(
    DELETE,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/external_id"
)]
pub struct DeleteExternalId {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteExternalId`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteExternalIdResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member, without an external id.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

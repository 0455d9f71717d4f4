//! Member reactivation.

use crate::b2b::models::{Member, MemberId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Reactivates a deleted member.
///
/// `PUT /v1/b2b/organizations/{organization_id}/members/{member_id}/reactivate`; official SDKs:
/// Ruby `organizations.members.reactivate`, Node `organizations.members.reactivate`, Python
/// `organizations.members.reactivate`.
#[endpoint(PUT, "/v1/b2b/organizations/{organization_id}/members/{member_id}/reactivate")]
pub struct Reactivate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's Stytch id (not an external id).
    pub member_id: MemberId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Reactivate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ReactivateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The reactivated member.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! Member deletion.

use crate::b2b::models::{MemberId, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Deletes a member (it can be brought back with [`Reactivate`](super::Reactivate)).
///
/// `DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}`; official SDKs: Ruby
/// `organizations.members.delete`, Node `organizations.members.delete`, Python
/// `organizations.members.delete`.
#[endpoint(DELETE, "/v1/b2b/organizations/{organization_id}/members/{member_id}")]
pub struct Delete {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Act with this member's RBAC permissions (`stytch.member` `delete`, or `stytch.self`).
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Delete`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The deleted member's id.
    pub member_id: MemberId,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! Removal of a member's password.

use crate::b2b::models::{Member, MemberId, MemberPasswordId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Removes a member's password.
///
/// `DELETE /v1/b2b/organizations/{organization_id}/members/passwords/{member_password_id}`;
/// official SDKs: Ruby `organizations.members.delete_password`, Node
/// `organizations.members.deletePassword`, Python `organizations.members.delete_password`.
#[endpoint(
    DELETE,
    "/v1/b2b/organizations/{organization_id}/members/passwords/{member_password_id}"
)]
pub struct DeletePassword {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The password's id (`Member::member_password_id`).
    pub member_password_id: MemberPasswordId,
    /// Act with this member's RBAC permissions (`update.info.delete.password`).
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeletePassword`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeletePasswordResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member, without a password.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

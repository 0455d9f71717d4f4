//! Unlinking a member's retired email address.

use crate::b2b::models::{EmailId, Member, MemberId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Unlinks a retired email address from a member, so another member may use it. Name it by id
/// or by address.
///
/// `POST /v1/b2b/organizations/{organization_id}/members/{member_id}/unlink_retired_email`;
/// official SDKs: Ruby `organizations.members.unlink_retired_email`, Node
/// `organizations.members.unlinkRetiredEmail`, Python `organizations.members.unlink_retired_email`.
#[endpoint(
    POST,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/unlink_retired_email"
)]
pub struct UnlinkRetiredEmail {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// The retired email address's id (`RetiredEmail::email_id`).
    pub email_id: Option<EmailId>,
    /// The retired email address.
    pub email_address: Option<String>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`UnlinkRetiredEmail`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UnlinkRetiredEmailResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The member, without the retired email address.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

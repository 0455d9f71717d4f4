//! Removal of a member's TOTP registration.

use crate::b2b::models::{Member, MemberId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Removes a member's TOTP (authenticator app) registration.
///
/// `DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}/totp`; official SDKs:
/// Ruby `organizations.members.delete_totp`, Node `organizations.members.deleteTOTP`, Python
/// `organizations.members.delete_totp`.
#[endpoint(DELETE, "/v1/b2b/organizations/{organization_id}/members/{member_id}/totp")]
pub struct DeleteTotp {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteTotp`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteTotpResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member, without a TOTP registration.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

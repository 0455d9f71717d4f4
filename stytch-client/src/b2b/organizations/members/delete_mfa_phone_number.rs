//! Removal of a member's MFA phone number.

use crate::b2b::models::{Member, MemberId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Removes a member's MFA phone number.
///
/// `DELETE /v1/b2b/organizations/{organization_id}/members/mfa_phone_numbers/{member_id}`;
/// official SDKs: Ruby `organizations.members.delete_mfa_phone_number`, Node
/// `organizations.members.deleteMFAPhoneNumber`, Python
/// `organizations.members.delete_mfa_phone_number`.
#[endpoint(
    DELETE,
    "/v1/b2b/organizations/{organization_id}/members/mfa_phone_numbers/{member_id}"
)]
pub struct DeleteMfaPhoneNumber {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Act with this member's RBAC permissions (`update.info.delete.mfa-phone`).
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteMfaPhoneNumber`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteMfaPhoneNumberResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member, without an MFA phone number.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

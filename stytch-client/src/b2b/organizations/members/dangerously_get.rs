//! Member lookup without an organization.

use super::GetResponse;
use crate::b2b::models::MemberId;
use crate::endpoint;

/// Fetches a member by id alone, whatever their organization. Use it only where the
/// organization cannot be known: it skips the organization check [`Get`](super::Get) makes.
///
/// `GET /v1/b2b/organizations/members/dangerously_get/{member_id}`; official SDKs: Ruby
/// `organizations.members.dangerously_get`, Node `organizations.members.dangerouslyGet`, Python
/// `organizations.members.dangerously_get`.
///
/// It returns the same [`GetResponse`] as [`Get`](super::Get).
#[endpoint(GET, "/v1/b2b/organizations/members/dangerously_get/{member_id}", response = GetResponse)]
pub struct DangerouslyGet {
    /// The member's Stytch id (not an external id).
    pub member_id: MemberId,
    /// Find the member even if deleted.
    pub include_deleted: Option<bool>,
}

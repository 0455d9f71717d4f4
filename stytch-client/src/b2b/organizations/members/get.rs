//! Member lookup.

use crate::b2b::models::{Member, MemberId, Organization, OrganizationId};
use crate::endpoint;
use serde::Deserialize;

/// Fetches a member by id or email address.
///
/// `GET /v1/b2b/organizations/{organization_id}/member`; official SDKs: Ruby
/// `organizations.members.get`, Node `organizations.members.get`, Python
/// `organizations.members.get`.
#[endpoint(GET, "/v1/b2b/organizations/{organization_id}/member")]
pub struct Get {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// Look the member up by id (or use `email_address`).
    pub member_id: Option<MemberId>,
    /// Look the member up by email (or use `member_id`).
    pub email_address: Option<String>,
}

/// What [`Get`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

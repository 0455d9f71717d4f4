//! Member search.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{Member, MemberSearchQuery, Organization, OrganizationId, ResultsMetadata};
use crate::{Authorization, endpoint};
use serde::Deserialize;
use std::collections::HashMap;

/// Searches the members of one or more organizations, a page at a time.
///
/// `POST /v1/b2b/organizations/members/search`; official SDKs: Ruby
/// `organizations.members.search`, Node `organizations.members.search`, Python
/// `organizations.members.search`.
///
/// It only reads, so the client may resend it after a lost response. Deleted members are left out
/// unless the query's `statuses` filter names them. With
/// [`authorization`](Self::authorization), `organization_ids` may hold only the session's
/// organization, and the session needs `stytch.member` `search`.
///
/// ```
/// use stytch_client::b2b::models::{MemberFilter, MemberSearchQuery, MemberStatus, OrganizationId};
/// use stytch_client::b2b::organizations::members::Search;
///
/// let organization_id = OrganizationId::new("organization-test-...");
/// let request = Search::new(vec![organization_id]).query(MemberSearchQuery::and([
///     MemberFilter::statuses([MemberStatus::Active]),
///     MemberFilter::member_password_exists(false),
/// ]));
/// # let _ = request;
/// ```
#[endpoint(POST, "/v1/b2b/organizations/members/search", idempotent)]
pub struct Search {
    /// The organizations to search in (at least one).
    pub organization_ids: Vec<OrganizationId>,
    /// The `next_cursor` of the previous page; unset for the first page.
    pub cursor: Option<String>,
    /// Results per page: 100 by default, at most 1000.
    pub limit: Option<u32>,
    /// The filters; unset, every non-deleted member matches.
    pub query: Option<MemberSearchQuery>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Search`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SearchResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// This page of matching members.
    #[serde(default, deserialize_with = "null_as_default")]
    pub members: Vec<Member>,
    /// The total count and the next page's cursor.
    pub results_metadata: ResultsMetadata,
    /// The organizations of the members on this page, by id.
    #[serde(default, deserialize_with = "null_as_default")]
    pub organizations: HashMap<OrganizationId, Organization>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

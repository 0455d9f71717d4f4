//! Organization search.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{Organization, OrganizationSearchQuery, ResultsMetadata};
use crate::endpoint;
use serde::Deserialize;

/// Searches the project's organizations, a page at a time.
///
/// `POST /v1/b2b/organizations/search`; official SDKs: Ruby `organizations.search`, Node
/// `organizations.search`, Python `organizations.search`.
///
/// It only reads, so the client may resend it after a lost response.
///
/// ```
/// use stytch_client::b2b::models::{OrganizationFilter, OrganizationSearchQuery};
/// use stytch_client::b2b::organizations::Search;
///
/// let request = Search::new()
///     .query(OrganizationSearchQuery::and([
///         OrganizationFilter::organization_name_fuzzy("acme"),
///         OrganizationFilter::has_active_sso_connection(true),
///     ]))
///     .limit(50);
/// # let _ = request;
/// ```
#[endpoint(POST, "/v1/b2b/organizations/search", idempotent)]
pub struct Search {
    /// The `next_cursor` of the previous page; unset for the first page.
    pub cursor: Option<String>,
    /// Results per page: 100 by default, at most 1000.
    pub limit: Option<u32>,
    /// The filters; unset, every organization matches.
    pub query: Option<OrganizationSearchQuery>,
}

/// What [`Search`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SearchResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// This page of matching organizations.
    #[serde(default, deserialize_with = "null_as_default")]
    pub organizations: Vec<Organization>,
    /// The total count and the next page's cursor.
    pub results_metadata: ResultsMetadata,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

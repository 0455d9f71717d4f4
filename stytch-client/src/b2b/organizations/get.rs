//! Organization lookup.

use crate::b2b::models::{Organization, OrganizationId};
use crate::endpoint;
use serde::Deserialize;

/// Fetches an organization by id.
///
/// `GET /v1/b2b/organizations/{organization_id}`; official SDKs: Ruby `organizations.get`, Node
/// `organizations.get`, Python `organizations.get`.
#[endpoint(GET, "/v1/b2b/organizations/{organization_id}")]
pub struct Get {
    /// The organization's id.
    pub organization_id: OrganizationId,
}

/// What [`Get`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

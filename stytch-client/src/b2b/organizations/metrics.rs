//! Organization metrics.

use crate::b2b::models::OrganizationId;
use crate::b2b::models::de::null_as_default;
use crate::endpoint;
use serde::Deserialize;

/// Counts an organization's members.
///
/// `GET /v1/b2b/organizations/{organization_id}/metrics`; official SDKs: Ruby
/// `organizations.metrics`, Node `organizations.metrics`, Python `organizations.metrics`.
#[endpoint(GET, "/v1/b2b/organizations/{organization_id}/metrics")]
pub struct Metrics {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
}

/// What [`Metrics`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MetricsResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// How many members the organization has.
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_count: u32,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

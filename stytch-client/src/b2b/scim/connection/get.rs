//! Fetching an organization's SCIM connection.

use crate::b2b::models::{OrganizationId, ScimConnection};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Fetches an organization's SCIM connection (its bearer token's last four characters only).
///
/// `GET /v1/b2b/scim/{organization_id}/connection`; official SDKs: Ruby `scim.connection.get`,
/// Node `scim.connection.get`, Python `scim.connection.get`.
#[endpoint(GET, "/v1/b2b/scim/{organization_id}/connection")]
pub struct Get {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Get`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The connection, if the organization has one.
    #[serde(default)]
    pub connection: Option<ScimConnection>,
}

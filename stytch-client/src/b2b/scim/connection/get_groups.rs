//! Listing the groups of a SCIM connection.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{ConnectionId, OrganizationId, ScimGroup};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Lists, a page at a time, the groups a SCIM connection's identity provider pushed.
///
/// `GET /v1/b2b/scim/{organization_id}/connection/{connection_id}`; official SDKs: Ruby
/// `scim.connection.get_groups`, Node `scim.connection.getGroups`, Python
/// `scim.connection.get_groups`.
#[endpoint(GET, "/v1/b2b/scim/{organization_id}/connection/{connection_id}")]
pub struct GetGroups {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SCIM connection.
    pub connection_id: ConnectionId,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// The page size.
    pub limit: Option<u32>,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`GetGroups`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetGroupsResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// This page of groups.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scim_groups: Vec<ScimGroup>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The cursor of the next page; `None` on the last one.
    #[serde(default)]
    pub next_cursor: Option<String>,
}

//! The connected apps an organization's members use.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{OrganizationConnectedApp, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Lists the connected apps that members of an organization have authorized.
///
/// `GET /v1/b2b/organizations/{organization_id}/connected_apps`; official SDKs: Ruby
/// `organizations.connected_apps`, Node `organizations.connectedApps`, Python
/// `organizations.connected_apps`.
#[endpoint(GET, "/v1/b2b/organizations/{organization_id}/connected_apps")]
pub struct ConnectedApps {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`ConnectedApps`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ConnectedAppsResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The apps members have authorized.
    #[serde(default, deserialize_with = "null_as_default")]
    pub connected_apps: Vec<OrganizationConnectedApp>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

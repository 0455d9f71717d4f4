//! The connected apps a member has authorized.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{MemberConnectedApp, MemberId, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Lists the connected apps a member has authorized, with the scopes granted.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps`; official
/// SDKs: Ruby `organizations.members.get_connected_apps`, Node
/// `organizations.members.getConnectedApps`, Python `organizations.members.get_connected_apps`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps"
)]
pub struct GetConnectedApps {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`GetConnectedApps`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetConnectedAppsResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The apps the member has authorized.
    #[serde(default, deserialize_with = "null_as_default")]
    pub connected_apps: Vec<MemberConnectedApp>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! A member's connected apps.

use crate::b2b::models::{ConnectedAppId, MemberId, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Revokes a member's authorization of a connected app, with the app's tokens for that member.
///
/// `POST /v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke`;
/// official SDKs: Ruby `organizations.members.connected_apps.revoke`, Node
/// `organizations.members.connectedApps.revoke`, Python
/// `organizations.members.connected_apps.revoke`.
#[endpoint(
    POST,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke"
)]
pub struct Revoke {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// The connected app's id.
    pub connected_app_id: ConnectedAppId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Revoke`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RevokeResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

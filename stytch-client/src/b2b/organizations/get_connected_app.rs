//! One connected app of an organization.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{ConnectedAppId, OrganizationConnectedAppActiveMember, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Fetches a connected app and the organization's members who have authorized it.
///
/// `GET /v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}`; official
/// SDKs: Ruby `organizations.get_connected_app`, Node `organizations.getConnectedApp`, Python
/// `organizations.get_connected_app`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}"
)]
pub struct GetConnectedApp {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connected app's id.
    pub connected_app_id: ConnectedAppId,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`GetConnectedApp`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetConnectedAppResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The connected app's id.
    pub connected_app_id: ConnectedAppId,
    /// The app's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// What the app is for.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// `first_party`, `first_party_public`, `third_party` or `third_party_public`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub client_type: String,
    /// The members who have authorized the app, with the scopes they granted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub active_members: Vec<OrganizationConnectedAppActiveMember>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// URL of the app's logo.
    #[serde(default)]
    pub logo_url: Option<String>,
}

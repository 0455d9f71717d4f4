//! The connected apps an organization's members use, and the scopes they granted.

use super::de::null_as_default;
use super::{ConnectedAppId, MemberId};
use serde::Deserialize;

/// A connected app that members of an organization have authorized.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OrganizationConnectedApp {
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
    /// URL of the app's logo.
    #[serde(default)]
    pub logo_url: Option<String>,
}

/// A member who has authorized a connected app, with the scopes granted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OrganizationConnectedAppActiveMember {
    /// The member's id.
    pub member_id: MemberId,
    /// The scopes the member granted the app.
    #[serde(default, deserialize_with = "null_as_default")]
    pub granted_scopes: Vec<String>,
}

/// A connected app one member has authorized.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MemberConnectedApp {
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
    /// The scopes the member granted, space-separated.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes_granted: String,
    /// URL of the app's logo.
    #[serde(default)]
    pub logo_url: Option<String>,
}

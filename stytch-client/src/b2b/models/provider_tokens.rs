//! The tokens Stytch holds for a member at an OIDC identity provider or an OAuth provider.
//!
//! Every token is a [`Secret`], so it never shows in `Debug` output.

use super::ConnectionId;
use super::de::null_as_default;
use crate::Secret;
use serde::Deserialize;

/// A member's tokens at one OIDC SSO connection.
///
/// `OIDCProviderInfo` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OidcProviderInfo {
    /// The subject the identity provider identifies the member by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The ID token the identity provider issued.
    #[serde(default, deserialize_with = "null_as_default")]
    pub id_token: Secret<String>,
    /// The access token the identity provider issued.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token: Secret<String>,
    /// Seconds until the access token expires.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token_expires_in: u32,
    /// The scopes the access token carries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
    /// The OIDC connection's id.
    pub connection_id: ConnectionId,
    /// The refresh token, when asked for with `include_refresh_token`.
    #[serde(default)]
    pub refresh_token: Option<Secret<String>>,
}

/// A member's tokens in one Slack workspace.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SlackProviderInfo {
    /// The subject Slack identifies the member by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The Slack workspace's id.
    pub provider_tenant_id: String,
    /// The user access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token: Secret<String>,
    /// The scopes of the user access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
    /// The bot access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bot_access_token: Secret<String>,
    /// The scopes of the bot access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bot_scopes: Vec<String>,
}

/// A member's tokens in one HubSpot account.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct HubspotProviderInfo {
    /// The subject HubSpot identifies the member by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The HubSpot account's id.
    pub provider_tenant_id: String,
    /// The access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token: Secret<String>,
    /// Seconds until the access token expires.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token_expires_in: u32,
    /// The scopes the access token carries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
    /// The refresh token, when asked for with `include_refresh_token`.
    #[serde(default)]
    pub refresh_token: Option<Secret<String>>,
}

/// A member's GitHub tokens.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GithubProviderInfo {
    /// The subject GitHub identifies the member by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The ids of the GitHub organizations the member belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_tenant_ids: Vec<String>,
    /// The access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token: Secret<String>,
    /// The scopes the access token carries.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
}

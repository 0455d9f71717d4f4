//! The OAuth authorization server Stytch runs for connected apps: clients, scopes, tokens.

use super::de::null_as_default;
use super::string_enum::string_enum;
use super::{ConnectedAppId, OrganizationId};
use serde::Deserialize;

/// What a member may see of a connected app asking for access.
///
/// `ConnectedAppPublic` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ConnectedAppPublic {
    /// The connected app's client id.
    pub client_id: ConnectedAppId,
    /// The app's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub client_name: String,
    /// The app's description.
    #[serde(default, deserialize_with = "null_as_default")]
    pub client_description: String,
    /// `first_party`, `first_party_public`, `third_party` or `third_party_public`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub client_type: String,
    /// URL of the app's logo.
    #[serde(default)]
    pub logo_url: Option<String>,
}

/// One requested scope and whether the member may grant it.
///
/// `ScopeResult` (`B2BIDPScopeResult` in Node) in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScopeResult {
    /// The scope.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scope: String,
    /// What the scope allows, for a consent screen.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// Whether the member's roles allow granting it.
    #[serde(default, deserialize_with = "null_as_default")]
    pub is_grantable: bool,
}

/// The organization an introspected token was issued in (the
/// `https://stytch.com/organization` claim).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct TokenOrganization {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The organization's slug.
    #[serde(default, deserialize_with = "null_as_default")]
    pub slug: String,
}

string_enum! {
    /// The kind of an OAuth token of a connected app.
    pub enum TokenTypeHint {
        /// An access token.
        AccessToken = "access_token",
        /// A refresh token.
        RefreshToken = "refresh_token",
    }
}

string_enum! {
    /// The OAuth `response_type` of an authorization request.
    pub enum IdpResponseType {
        /// The authorization-code flow.
        Code = "code",
    }
}

string_enum! {
    /// The OAuth `prompt` of an authorization request.
    pub enum IdpPrompt {
        /// Ask the member for consent even if it was given before.
        Consent = "consent",
    }
}

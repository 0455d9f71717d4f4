//! The identity provider's tokens returned by an OAuth login.

use super::de::null_as_default;
use crate::Secret;
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// The OAuth provider's own tokens and granted scopes, returned by
/// [`oauth::Authenticate`](crate::b2b::oauth::Authenticate). The tokens are [`Secret`]s.
///
/// `B2BOAuthProviderValues` in the Node SDK.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ProviderValues {
    /// The OAuth scopes the member granted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
    /// The provider's access token, if it issued one.
    #[serde(default)]
    pub access_token: Option<Secret<String>>,
    /// The provider's refresh token, if it issued one.
    #[serde(default)]
    pub refresh_token: Option<Secret<String>>,
    /// When the access token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub expires_at: Option<DateTime<Utc>>,
    /// The provider's OpenID Connect ID token, if it issued one.
    #[serde(default)]
    pub id_token: Option<Secret<String>>,
}

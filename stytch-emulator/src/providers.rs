//! What Stytch holds for members from elsewhere: tokens issued by OAuth / OIDC providers at the
//! member's last login, and the Connected Apps a member authorized. The emulator serves no
//! provider login or Connected-App consent screen, so test hooks put them in
//! ([`Emulator::set_provider_tokens`], [`Emulator::authorize_connected_app`]); the members
//! endpoints read them back and revoke them.
//!
//! [`Emulator::set_provider_tokens`]: crate::Emulator::set_provider_tokens
//! [`Emulator::authorize_connected_app`]: crate::Emulator::authorize_connected_app

use std::fmt;

/// An identity provider whose tokens Stytch keeps.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provider {
    /// Google OAuth (one registration per member).
    Google,
    /// Microsoft OAuth (one registration per member).
    Microsoft,
    /// Slack OAuth.
    Slack,
    /// HubSpot OAuth.
    Hubspot,
    /// GitHub OAuth.
    Github,
    /// An OIDC SSO connection.
    Oidc {
        /// The connection's id.
        connection_id: String,
    },
}

impl Provider {
    /// The path segment / `provider_type` (`google`, …; `oidc`).
    pub fn name(&self) -> &'static str {
        match self {
            Provider::Google => "google",
            Provider::Microsoft => "microsoft",
            Provider::Slack => "slack",
            Provider::Hubspot => "hubspot",
            Provider::Github => "github",
            Provider::Oidc { .. } => "oidc",
        }
    }
}

/// Tokens a provider issued to a member. Every token is redacted in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct ProviderTokens {
    /// Who issued them.
    pub provider: Provider,
    /// The member's id at the provider.
    pub provider_subject: String,
    /// The access token.
    pub access_token: String,
    /// The refresh token, if the provider issued one (GitHub and Slack never do).
    pub refresh_token: Option<String>,
    /// The OpenID Connect id token (Google, Microsoft, OIDC).
    pub id_token: String,
    /// The scopes granted.
    pub scopes: Vec<String>,
    /// Seconds until the access token expires.
    pub access_token_expires_in: u64,
    /// The provider tenants (Slack workspace, HubSpot portal, GitHub organizations).
    pub provider_tenant_ids: Vec<String>,
    /// Slack's bot token.
    pub bot_access_token: String,
    /// Slack's bot scopes.
    pub bot_scopes: Vec<String>,
}

impl ProviderTokens {
    /// Tokens from `provider` for the subject, with an access token; set the rest as needed.
    pub fn new(
        provider: Provider,
        provider_subject: impl Into<String>,
        access_token: impl Into<String>,
    ) -> Self {
        Self {
            provider,
            provider_subject: provider_subject.into(),
            access_token: access_token.into(),
            refresh_token: None,
            id_token: String::new(),
            scopes: Vec::new(),
            access_token_expires_in: 3600,
            provider_tenant_ids: Vec::new(),
            bot_access_token: String::new(),
            bot_scopes: Vec::new(),
        }
    }
}

impl fmt::Debug for ProviderTokens {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProviderTokens")
            .field("provider", &self.provider)
            .field("provider_subject", &self.provider_subject)
            .field("access_token", &"***")
            .field("refresh_token", &self.refresh_token.as_ref().map(|_| "***"))
            .field("id_token", &"***")
            .field("scopes", &self.scopes)
            .field("provider_tenant_ids", &self.provider_tenant_ids)
            .finish_non_exhaustive()
    }
}

/// A member's tokens at one provider.
#[derive(Clone, Debug)]
pub(crate) struct ProviderToken {
    pub member_id: String,
    pub tokens: ProviderTokens,
}

/// A Connected App as the members endpoints describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConnectedApp {
    /// The app's id (`connected-app-test-…`).
    pub connected_app_id: String,
    /// Its name.
    pub name: String,
    /// What it does.
    pub description: String,
    /// `first_party`, `first_party_public`, `third_party` or `third_party_public`.
    pub client_type: String,
    /// Its logo.
    pub logo_url: Option<String>,
}

impl ConnectedApp {
    /// An app with an id, a name and a client type (no description or logo).
    pub fn new(
        connected_app_id: impl Into<String>,
        name: impl Into<String>,
        client_type: impl Into<String>,
    ) -> Self {
        Self {
            connected_app_id: connected_app_id.into(),
            name: name.into(),
            description: String::new(),
            client_type: client_type.into(),
            logo_url: None,
        }
    }
}

/// A member's authorization of a Connected App.
#[derive(Clone, Debug)]
pub(crate) struct ConnectedAppGrant {
    pub member_id: String,
    pub organization_id: String,
    pub app: ConnectedApp,
    pub scopes: Vec<String>,
}

//! Authentication factors recorded on a member session.

use super::de::null_as_default;
use super::string_enum::string_enum;
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// One factor a member authenticated with; the sub-object matching `kind` is set.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticationFactor {
    /// The kind of factor, e.g. `password`.
    #[serde(rename = "type")]
    pub kind: AuthenticationFactorType,
    /// How the factor was delivered, e.g. `knowledge`.
    pub delivery_method: AuthenticationFactorDeliveryMethod,
    /// When this factor was last used.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub last_authenticated_at: Option<DateTime<Utc>>,
    /// When it was created.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Set when the factor is an email factor.
    #[serde(default)]
    pub email_factor: Option<EmailFactor>,
    /// Set when the factor is a phone number factor.
    #[serde(default)]
    pub phone_number_factor: Option<PhoneNumberFactor>,
    /// Set when the factor is a Google OAuth factor.
    #[serde(default)]
    pub google_oauth_factor: Option<GoogleOAuthFactor>,
    /// Set when the factor is a Microsoft OAuth factor.
    #[serde(default)]
    pub microsoft_oauth_factor: Option<MicrosoftOAuthFactor>,
    /// Set when the factor is a Apple OAuth factor.
    #[serde(default)]
    pub apple_oauth_factor: Option<AppleOAuthFactor>,
    /// Set when the factor is a WebAuthn factor.
    #[serde(default)]
    pub webauthn_factor: Option<WebAuthnFactor>,
    /// Set when the factor is an authenticator-app factor.
    #[serde(default)]
    pub authenticator_app_factor: Option<AuthenticatorAppFactor>,
    /// Set when the factor is a GitHub OAuth factor.
    #[serde(default)]
    pub github_oauth_factor: Option<GithubOAuthFactor>,
    /// Set when the factor is a recovery-code factor.
    #[serde(default)]
    pub recovery_code_factor: Option<RecoveryCodeFactor>,
    /// Set when the factor is a Facebook OAuth factor.
    #[serde(default)]
    pub facebook_oauth_factor: Option<FacebookOAuthFactor>,
    /// Set when the factor is a crypto-wallet factor.
    #[serde(default)]
    pub crypto_wallet_factor: Option<CryptoWalletFactor>,
    /// Set when the factor is a Amazon OAuth factor.
    #[serde(default)]
    pub amazon_oauth_factor: Option<AmazonOAuthFactor>,
    /// Set when the factor is a Bitbucket OAuth factor.
    #[serde(default)]
    pub bitbucket_oauth_factor: Option<BitbucketOAuthFactor>,
    /// Set when the factor is a Coinbase OAuth factor.
    #[serde(default)]
    pub coinbase_oauth_factor: Option<CoinbaseOAuthFactor>,
    /// Set when the factor is a Discord OAuth factor.
    #[serde(default)]
    pub discord_oauth_factor: Option<DiscordOAuthFactor>,
    /// Set when the factor is a Figma OAuth factor.
    #[serde(default)]
    pub figma_oauth_factor: Option<FigmaOAuthFactor>,
    /// Set when the factor is a GitLab OAuth factor.
    #[serde(default)]
    pub git_lab_oauth_factor: Option<GitLabOAuthFactor>,
    /// Set when the factor is a Instagram OAuth factor.
    #[serde(default)]
    pub instagram_oauth_factor: Option<InstagramOAuthFactor>,
    /// Set when the factor is a LinkedIn OAuth factor.
    #[serde(default)]
    pub linked_in_oauth_factor: Option<LinkedInOAuthFactor>,
    /// Set when the factor is a Shopify OAuth factor.
    #[serde(default)]
    pub shopify_oauth_factor: Option<ShopifyOAuthFactor>,
    /// Set when the factor is a Slack OAuth factor.
    #[serde(default)]
    pub slack_oauth_factor: Option<SlackOAuthFactor>,
    /// Set when the factor is a Snapchat OAuth factor.
    #[serde(default)]
    pub snapchat_oauth_factor: Option<SnapchatOAuthFactor>,
    /// Set when the factor is a Spotify OAuth factor.
    #[serde(default)]
    pub spotify_oauth_factor: Option<SpotifyOAuthFactor>,
    /// Set when the factor is a Steam OAuth factor.
    #[serde(default)]
    pub steam_oauth_factor: Option<SteamOAuthFactor>,
    /// Set when the factor is a TikTok OAuth factor.
    #[serde(default)]
    pub tik_tok_oauth_factor: Option<TikTokOAuthFactor>,
    /// Set when the factor is a Twitch OAuth factor.
    #[serde(default)]
    pub twitch_oauth_factor: Option<TwitchOAuthFactor>,
    /// Set when the factor is a Twitter OAuth factor.
    #[serde(default)]
    pub twitter_oauth_factor: Option<TwitterOAuthFactor>,
    /// Set when the factor is an embeddable magic-link factor.
    #[serde(default)]
    pub embeddable_magic_link_factor: Option<EmbeddableMagicLinkFactor>,
    /// Set when the factor is a biometric factor.
    #[serde(default)]
    pub biometric_factor: Option<BiometricFactor>,
    /// Set when the factor is a SAML SSO factor.
    #[serde(default)]
    pub saml_sso_factor: Option<SamlSsoFactor>,
    /// Set when the factor is an OIDC SSO factor.
    #[serde(default)]
    pub oidc_sso_factor: Option<OidcSsoFactor>,
    /// Set when the factor is a Salesforce OAuth factor.
    #[serde(default)]
    pub salesforce_oauth_factor: Option<SalesforceOAuthFactor>,
    /// Set when the factor is a Yahoo OAuth factor.
    #[serde(default)]
    pub yahoo_oauth_factor: Option<YahooOAuthFactor>,
    /// Set when the factor is a HubSpot OAuth factor.
    #[serde(default)]
    pub hubspot_oauth_factor: Option<HubspotOAuthFactor>,
    /// Set when the factor is a Slack OAuth token-exchange factor.
    #[serde(default)]
    pub slack_oauth_exchange_factor: Option<SlackOAuthExchangeFactor>,
    /// Set when the factor is a HubSpot OAuth token-exchange factor.
    #[serde(default)]
    pub hubspot_oauth_exchange_factor: Option<HubspotOAuthExchangeFactor>,
    /// Set when the factor is a GitHub OAuth token-exchange factor.
    #[serde(default)]
    pub github_oauth_exchange_factor: Option<GithubOAuthExchangeFactor>,
    /// Set when the factor is a Google OAuth token-exchange factor.
    #[serde(default)]
    pub google_oauth_exchange_factor: Option<GoogleOAuthExchangeFactor>,
    /// Set when the factor is an impersonation factor.
    #[serde(default)]
    pub impersonated_factor: Option<ImpersonatedFactor>,
    /// Set when the factor is an OAuth access-token exchange factor.
    #[serde(default)]
    pub oauth_access_token_exchange_factor: Option<OAuthAccessTokenExchangeFactor>,
    /// Set when the factor is a trusted auth token factor.
    #[serde(default)]
    pub trusted_auth_token_factor: Option<TrustedAuthTokenFactor>,
}

/// An email factor (magic link or email OTP).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct EmailFactor {
    /// The email address's id.
    pub email_id: String,
    /// The email address.
    pub email_address: String,
}

/// A phone number factor (SMS or WhatsApp OTP).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PhoneNumberFactor {
    /// The phone number's id.
    pub phone_id: String,
    /// The phone number.
    #[serde(default, deserialize_with = "null_as_default")]
    pub phone_number: String,
}

/// A WebAuthn (passkey) factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct WebAuthnFactor {
    /// The WebAuthn registration's id.
    pub webauthn_registration_id: String,
    /// The relying-party domain.
    #[serde(default, deserialize_with = "null_as_default")]
    pub domain: String,
    /// The browser user agent at registration.
    #[serde(default)]
    pub user_agent: Option<String>,
}

/// A TOTP authenticator-app factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticatorAppFactor {
    /// The TOTP registration's id.
    pub totp_id: String,
}

/// A recovery-code factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RecoveryCodeFactor {
    /// The recovery code's id.
    pub totp_recovery_code_id: String,
}

/// A crypto-wallet factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CryptoWalletFactor {
    /// The wallet's Stytch id.
    pub crypto_wallet_id: String,
    /// The wallet address.
    #[serde(default, deserialize_with = "null_as_default")]
    pub crypto_wallet_address: String,
    /// The wallet type, e.g. `ethereum`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub crypto_wallet_type: String,
}

/// An embeddable magic-link factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct EmbeddableMagicLinkFactor {
    /// The embeddable magic link's id.
    pub embedded_id: String,
}

/// A biometric factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct BiometricFactor {
    /// The biometric registration's id.
    pub biometric_registration_id: String,
}

/// A factor recording that the session is an impersonation.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ImpersonatedFactor {
    /// The id of the person impersonating.
    pub impersonator_id: String,
    /// The email of the person impersonating.
    pub impersonator_email_address: String,
}

/// A connected-app access-token exchange factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OAuthAccessTokenExchangeFactor {
    /// The connected app client that exchanged the token.
    pub client_id: String,
}

/// A trusted auth token (attestation) factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct TrustedAuthTokenFactor {
    /// The trusted auth token's id.
    pub token_id: String,
}

/// An OAuth login factor: the provider account used.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OAuthFactor {
    /// Its Stytch id.
    pub id: String,
    /// The subject the provider identifies the user by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The id of the email address involved.
    #[serde(default)]
    pub email_id: Option<String>,
}

/// `AmazonOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type AmazonOAuthFactor = OAuthFactor;

/// `AppleOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type AppleOAuthFactor = OAuthFactor;

/// `BitbucketOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type BitbucketOAuthFactor = OAuthFactor;

/// `CoinbaseOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type CoinbaseOAuthFactor = OAuthFactor;

/// `DiscordOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type DiscordOAuthFactor = OAuthFactor;

/// `FacebookOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type FacebookOAuthFactor = OAuthFactor;

/// `FigmaOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type FigmaOAuthFactor = OAuthFactor;

/// `GitLabOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type GitLabOAuthFactor = OAuthFactor;

/// `GithubOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type GithubOAuthFactor = OAuthFactor;

/// `GoogleOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type GoogleOAuthFactor = OAuthFactor;

/// `HubspotOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type HubspotOAuthFactor = OAuthFactor;

/// `InstagramOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type InstagramOAuthFactor = OAuthFactor;

/// `LinkedInOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type LinkedInOAuthFactor = OAuthFactor;

/// `MicrosoftOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type MicrosoftOAuthFactor = OAuthFactor;

/// `SalesforceOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type SalesforceOAuthFactor = OAuthFactor;

/// `ShopifyOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type ShopifyOAuthFactor = OAuthFactor;

/// `SlackOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type SlackOAuthFactor = OAuthFactor;

/// `SnapchatOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type SnapchatOAuthFactor = OAuthFactor;

/// `SpotifyOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type SpotifyOAuthFactor = OAuthFactor;

/// `SteamOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type SteamOAuthFactor = OAuthFactor;

/// `TikTokOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type TikTokOAuthFactor = OAuthFactor;

/// `TwitchOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type TwitchOAuthFactor = OAuthFactor;

/// `TwitterOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type TwitterOAuthFactor = OAuthFactor;

/// `YahooOAuthFactor` in the official SDKs: an [`OAuthFactor`].
pub type YahooOAuthFactor = OAuthFactor;

/// An OAuth token-exchange factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OAuthExchangeFactor {
    /// The id of the email address the exchange verified.
    pub email_id: String,
}

/// `GithubOAuthExchangeFactor` in the official SDKs: an [`OAuthExchangeFactor`].
pub type GithubOAuthExchangeFactor = OAuthExchangeFactor;

/// `GoogleOAuthExchangeFactor` in the official SDKs: an [`OAuthExchangeFactor`].
pub type GoogleOAuthExchangeFactor = OAuthExchangeFactor;

/// `HubspotOAuthExchangeFactor` in the official SDKs: an [`OAuthExchangeFactor`].
pub type HubspotOAuthExchangeFactor = OAuthExchangeFactor;

/// `SlackOAuthExchangeFactor` in the official SDKs: an [`OAuthExchangeFactor`].
pub type SlackOAuthExchangeFactor = OAuthExchangeFactor;

/// An SSO (SAML or OIDC) login factor.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SsoFactor {
    /// The SSO registration's id.
    pub id: String,
    /// The SSO connection's id.
    pub provider_id: String,
    /// The user's id at the identity provider.
    pub external_id: String,
}

/// `OIDCSSOFactor` in the official SDKs: a [`SsoFactor`].
pub type OidcSsoFactor = SsoFactor;

/// `SAMLSSOFactor` in the official SDKs: a [`SsoFactor`].
pub type SamlSsoFactor = SsoFactor;

string_enum! {
    /// The kind of an authentication factor.
    pub enum AuthenticationFactorType {
        /// Magic link.
        MagicLink = "magic_link",
        /// OTP.
        Otp = "otp",
        /// OAuth.
        OAuth = "oauth",
        /// WebAuthn.
        WebAuthn = "webauthn",
        /// TOTP.
        Totp = "totp",
        /// Crypto.
        Crypto = "crypto",
        /// Password.
        Password = "password",
        /// Signature challenge.
        SignatureChallenge = "signature_challenge",
        /// SSO.
        Sso = "sso",
        /// Imported.
        Imported = "imported",
        /// Recovery codes.
        RecoveryCodes = "recovery_codes",
        /// Email OTP.
        EmailOtp = "email_otp",
        /// Impersonated.
        Impersonated = "impersonated",
        /// Trusted auth token.
        TrustedAuthToken = "trusted_auth_token",
    }
}

string_enum! {
    /// How an authentication factor was delivered or proven.
    pub enum AuthenticationFactorDeliveryMethod {
        /// Email.
        Email = "email",
        /// SMS.
        Sms = "sms",
        /// WhatsApp.
        WhatsApp = "whatsapp",
        /// Embedded.
        Embedded = "embedded",
        /// OAuth google.
        OAuthGoogle = "oauth_google",
        /// OAuth microsoft.
        OAuthMicrosoft = "oauth_microsoft",
        /// OAuth apple.
        OAuthApple = "oauth_apple",
        /// WebAuthn registration.
        WebAuthnRegistration = "webauthn_registration",
        /// Authenticator app.
        AuthenticatorApp = "authenticator_app",
        /// OAuth GitHub.
        OAuthGitHub = "oauth_github",
        /// Recovery code.
        RecoveryCode = "recovery_code",
        /// OAuth facebook.
        OAuthFacebook = "oauth_facebook",
        /// Crypto wallet.
        CryptoWallet = "crypto_wallet",
        /// OAuth amazon.
        OAuthAmazon = "oauth_amazon",
        /// OAuth bitbucket.
        OAuthBitbucket = "oauth_bitbucket",
        /// OAuth coinbase.
        OAuthCoinbase = "oauth_coinbase",
        /// OAuth discord.
        OAuthDiscord = "oauth_discord",
        /// OAuth figma.
        OAuthFigma = "oauth_figma",
        /// OAuth GitLab.
        OAuthGitLab = "oauth_gitlab",
        /// OAuth instagram.
        OAuthInstagram = "oauth_instagram",
        /// OAuth LinkedIn.
        OAuthLinkedIn = "oauth_linkedin",
        /// OAuth shopify.
        OAuthShopify = "oauth_shopify",
        /// OAuth slack.
        OAuthSlack = "oauth_slack",
        /// OAuth snapchat.
        OAuthSnapchat = "oauth_snapchat",
        /// OAuth spotify.
        OAuthSpotify = "oauth_spotify",
        /// OAuth steam.
        OAuthSteam = "oauth_steam",
        /// OAuth TikTok.
        OAuthTikTok = "oauth_tiktok",
        /// OAuth twitch.
        OAuthTwitch = "oauth_twitch",
        /// OAuth twitter.
        OAuthTwitter = "oauth_twitter",
        /// Knowledge.
        Knowledge = "knowledge",
        /// Biometric.
        Biometric = "biometric",
        /// SSO SAML.
        SsoSaml = "sso_saml",
        /// SSO OIDC.
        SsoOidc = "sso_oidc",
        /// OAuth salesforce.
        OAuthSalesforce = "oauth_salesforce",
        /// OAuth yahoo.
        OAuthYahoo = "oauth_yahoo",
        /// OAuth HubSpot.
        OAuthHubSpot = "oauth_hubspot",
        /// Imported Auth0.
        ImportedAuth0 = "imported_auth0",
        /// OAuth exchange slack.
        OAuthExchangeSlack = "oauth_exchange_slack",
        /// OAuth exchange HubSpot.
        OAuthExchangeHubSpot = "oauth_exchange_hubspot",
        /// OAuth exchange GitHub.
        OAuthExchangeGitHub = "oauth_exchange_github",
        /// OAuth exchange google.
        OAuthExchangeGoogle = "oauth_exchange_google",
        /// Impersonation.
        Impersonation = "impersonation",
        /// OAuth access token exchange.
        OAuthAccessTokenExchange = "oauth_access_token_exchange",
        /// Trusted token exchange.
        TrustedTokenExchange = "trusted_token_exchange",
    }
}

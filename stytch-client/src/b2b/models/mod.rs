//! Models shared by the B2B endpoints: members, organizations, sessions, factors, hash
//! configurations, feedback and the open string enums.
//!
//! Response models are lenient, so a Stytch release that adds fields or enum values does not
//! break decoding:
//! - fields the API may omit or send as `null` are `Option`;
//! - fields the API documents as always present but empty-able (`""`, `[]`, `false`) decode an
//!   absent or `null` value as the empty default; ids, `request_id` and `status_code` stay strict;
//! - unknown JSON fields are ignored;
//! - every enum keeps unknown values as `Other(String)`.
//!
//! Timestamps are [`chrono::DateTime<chrono::Utc>`] everywhere. Arbitrary JSON objects
//! (metadata, custom claims) are [`JsonObject`]. Request-side models ([`Argon2Config`],
//! [`AuthorizationCheck`], ...) leave unset optional fields off the wire.
//!
//! Where the official SDKs repeat one shape under many names (twenty-odd OAuth factors, the SCIM
//! multi-valued attributes, the MD5/SHA salt configs), this crate defines the shape once and keeps
//! every official name as a type alias.
//!
//! Hash salts are plain strings, not [`Secret`](crate::Secret)s: a salt is a public parameter of a
//! hash, not a credential (the `hash` it goes with is a `Secret`).

pub(crate) mod de;
mod string_enum;

mod device;
mod discovery;
mod factors;
mod feedback;
mod hash;
mod locale;
mod member;
mod mfa;
mod organization;
mod scim;
mod session;

pub use device::{DeviceAttributeDetails, DeviceInfo};
pub use discovery::{DiscoveredOrganization, Membership};
pub use factors::{
    AmazonOAuthFactor, AppleOAuthFactor, AuthenticationFactor, AuthenticationFactorDeliveryMethod,
    AuthenticationFactorType, AuthenticatorAppFactor, BiometricFactor, BitbucketOAuthFactor,
    CoinbaseOAuthFactor, CryptoWalletFactor, DiscordOAuthFactor, EmailFactor, EmbeddableMagicLinkFactor,
    FacebookOAuthFactor, FigmaOAuthFactor, GitLabOAuthFactor, GithubOAuthExchangeFactor, GithubOAuthFactor,
    GoogleOAuthExchangeFactor, GoogleOAuthFactor, HubspotOAuthExchangeFactor, HubspotOAuthFactor,
    ImpersonatedFactor, InstagramOAuthFactor, LinkedInOAuthFactor, MicrosoftOAuthFactor,
    OAuthAccessTokenExchangeFactor, OAuthExchangeFactor, OAuthFactor, OidcSsoFactor, PhoneNumberFactor,
    RecoveryCodeFactor, SalesforceOAuthFactor, SamlSsoFactor, ShopifyOAuthFactor, SlackOAuthExchangeFactor,
    SlackOAuthFactor, SnapchatOAuthFactor, SpotifyOAuthFactor, SsoFactor, SteamOAuthFactor,
    TikTokOAuthFactor, TrustedAuthTokenFactor, TwitchOAuthFactor, TwitterOAuthFactor, WebAuthnFactor,
    YahooOAuthFactor,
};
pub use feedback::{LudsFeedback, ZxcvbnFeedback};
pub use hash::{
    Argon2Config, HashType, Md5Config, Pbkdf2Config, SaltConfig, ScryptConfig, Sha1Config, Sha512Config,
};
pub use locale::{ExchangeLocale, PasswordsLocale};
pub use member::{
    Member, MemberRole, MemberRoleSource, OAuthRegistration, RetiredEmail, ScimRegistration, SsoRegistration,
};
pub use mfa::{MemberOptions, MfaRequired, PrimaryRequired};
pub use organization::{
    ActiveScimConnection, ActiveSsoConnection, ConnectedAppsAllowedType, CustomRole, CustomRolePermission,
    EmailImplicitRoleAssignment, Organization,
};
pub use scim::{
    Address, EnterpriseExtension, Entitlement, Group, Ims, Manager, Photo, Role, ScimAttributes, ScimEmail,
    ScimName, ScimPhoneNumber, ScimValue, ScimX509Certificate,
};
pub use session::{AuthorizationCheck, AuthorizationVerdict, Jwk, MemberSession};

/// An arbitrary JSON object, such as metadata or session custom claims.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

//! Models shared by the B2B endpoints: typed ids, members, organizations, sessions, factors,
//! hash configurations, feedback and the open string enums.
//!
//! # Typed ids
//!
//! Ids that flow from a response into a later request are newtypes ([`OrganizationId`],
//! [`MemberId`], [`MemberSessionId`], [`MemberPasswordId`], [`TotpId`], [`ConnectionId`],
//! [`ConnectedAppId`]): responses return them, requests take them (by value or `&id`), and a string
//! becomes one only through an explicit `new`, so an email address cannot land where an
//! organization id belongs. Endpoints that accept an organization's slug or external id in place
//! of its id take it as `OrganizationId::new("acme")`. Ids that never go back into a request
//! (`request_id`, `registration_id`, an authentication factor's `email_id`, ...) stay `String`.
//!
//! # Decoding: what is required, what is lenient
//!
//! Response models decode leniently, so a Stytch release that adds fields or enum values does not
//! break decoding, except where an invented value would mislead:
//! - **Identity fields are required.** Every id (`id`, `*_id`) and email address (`*email_address`)
//!   the API documents as always present must be present and not `null`: otherwise decoding fails
//!   with an error naming the JSON path (`member.email_address`). The client never invents an empty
//!   id or email for an app to look members up by. (The API itself sends `""` for a member's
//!   `member_password_id` or `totp_registration_id` when there is none; that value is kept.)
//! - `request_id`, `status_code`, session timestamps and enum kinds are required too.
//! - Fields the API may omit or send as `null` are `Option`.
//! - Every other field the API documents as always present but empty-able (`""`, `[]`, `false`)
//!   decodes an absent or `null` value as that empty default.
//! - Unknown JSON fields are ignored; every enum keeps unknown values as `Other(String)`.
//!
//! # Building models in your tests
//!
//! Every response and model type derives `Default` and has public fields, so a fake of a client
//! call can build exactly the value it needs:
//!
//! ```
//! use stytch_client::b2b::models::{Member, MemberId, OrganizationId};
//! use stytch_client::b2b::organizations::members::GetResponse;
//!
//! let response = GetResponse {
//!     member_id: MemberId::new("member-test-1"),
//!     member: Member {
//!         member_id: MemberId::new("member-test-1"),
//!         organization_id: OrganizationId::new("organization-test-1"),
//!         email_address: "ada@example.com".into(),
//!         ..Default::default()
//!     },
//!     status_code: 200,
//!     ..Default::default()
//! };
//! assert_eq!(response.member.email_address, "ada@example.com");
//! ```
//!
//! # Open enums
//!
//! Enums such as [`HashType`] or [`PasswordsLocale`] keep values this crate does not know as
//! `Other(String)`. A string becomes an enum only through an explicit call:
//! `HashType::from_wire("bcrypt")` (a known value gives its variant) or `HashType::Other(..)`;
//! there is no `From<&str>`, so a string cannot fill an enum parameter by accident.
//!
//! # Other conventions
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

mod auth_response;
pub(crate) mod de;
pub(crate) mod timestamp;
pub(crate) use auth_response::{member_auth_response, member_session_response};
mod string_enum;

mod device;
mod discovery;
mod factors;
mod feedback;
mod hash;
mod ids;
mod locale;
mod member;
mod mfa;
mod organization;
mod scim;
mod session;

mod connected_app_usage;
mod member_enums;
mod provider_tokens;
mod search;

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
pub use ids::{
    ConnectedAppId, ConnectionId, MemberId, MemberPasswordId, MemberSessionId, OrganizationId, TotpId,
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

pub use connected_app_usage::{
    MemberConnectedApp, OrganizationConnectedApp, OrganizationConnectedAppActiveMember,
};
pub use ids::EmailId;
pub use member_enums::{MemberStatus, MfaMethod, StartEmailUpdateDeliveryMethod};
pub use provider_tokens::{GithubProviderInfo, HubspotProviderInfo, OidcProviderInfo, SlackProviderInfo};
pub use search::{
    MemberFilter, MemberSearchQuery, OrganizationFilter, OrganizationSearchQuery, ResultsMetadata,
    SearchQuery, SearchQueryOperator,
};
mod mfa_enrollment;
mod provider_values;
pub use mfa_enrollment::SetMfaEnrollment;
// Enterprise products: SSO, SCIM connections, RBAC, the connected-apps IdP.
mod idp;
mod rbac;
mod scim_connection;
mod sso;
pub use idp::{
    ConnectedAppPublic, IdpPrompt, IdpResponseType, ScopeResult, TokenOrganization, TokenTypeHint,
};
pub use ids::{CertificateId, PrivateKeyId, ScimGroupId};
pub use provider_values::ProviderValues;
pub use rbac::{
    OrgPolicy, Policy, PolicyResource, PolicyRole, PolicyRolePermission, PolicyScope, PolicyScopePermission,
};
pub use scim_connection::{
    ScimConnection, ScimConnectionWithNextToken, ScimConnectionWithToken, ScimGroup,
    ScimGroupImplicitRoleAssignment, ScimGroupImplicitRoleAssignments, ScimIdentityProvider,
};
pub use sso::{
    ConnectionImplicitRoleAssignment, EncryptionPrivateKey, ExternalConnection, GroupImplicitRoleAssignment,
    OidcConnection, SamlConnection, SamlConnectionImplicitRoleAssignment, SamlGroupImplicitRoleAssignment,
    SsoIdentityProvider, X509Certificate,
};

/// An arbitrary JSON object, such as metadata or session custom claims.
pub type JsonObject = serde_json::Map<String, serde_json::Value>;

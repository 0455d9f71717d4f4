//! The tokens Stytch holds for a member at an OAuth provider (Google, Microsoft, Slack, HubSpot,
//! GitHub), for calling the provider's API on the member's behalf.
//!
//! Every token is a [`Secret`]; read it with `expose_secret()`.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    GithubProviderInfo, HubspotProviderInfo, MemberId, OrganizationId, SlackProviderInfo,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Fetches a member's Google tokens.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/google`;
/// official SDKs: Ruby `organizations.members.oauth_providers.google`, Node
/// `organizations.members.oauthProviders.google`, Python
/// `organizations.members.oauth_providers.google`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/google"
)]
pub struct Google {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Return the refresh token too.
    pub include_refresh_token: Option<bool>,
}

/// What [`Google`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GoogleResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The provider, `google`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The subject Google identifies the member by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The ID token Google issued.
    #[serde(default, deserialize_with = "null_as_default")]
    pub id_token: Secret<String>,
    /// The scopes the tokens carry.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The access token, if Stytch holds one.
    #[serde(default)]
    pub access_token: Option<Secret<String>>,
    /// Seconds until the access token expires.
    #[serde(default)]
    pub access_token_expires_in: Option<u32>,
    /// The refresh token, when asked for with `include_refresh_token`.
    #[serde(default)]
    pub refresh_token: Option<Secret<String>>,
}

/// Fetches a member's Microsoft tokens.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/microsoft`;
/// official SDKs: Ruby `organizations.members.oauth_providers.microsoft`, Node
/// `organizations.members.oauthProviders.microsoft`, Python
/// `organizations.members.oauth_providers.microsoft`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/microsoft"
)]
pub struct Microsoft {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Return the refresh token too.
    pub include_refresh_token: Option<bool>,
}

/// What [`Microsoft`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MicrosoftResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The provider, `microsoft`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The subject Microsoft identifies the member by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The access token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token: Secret<String>,
    /// Seconds until the access token expires.
    #[serde(default, deserialize_with = "null_as_default")]
    pub access_token_expires_in: u32,
    /// The ID token Microsoft issued.
    #[serde(default, deserialize_with = "null_as_default")]
    pub id_token: Secret<String>,
    /// The scopes the tokens carry.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<String>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The refresh token, when asked for with `include_refresh_token`.
    #[serde(default)]
    pub refresh_token: Option<Secret<String>>,
}

/// Fetches a member's Slack tokens, one registration per workspace.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/slack`;
/// official SDKs: Ruby `organizations.members.oauth_providers.slack`, Node
/// `organizations.members.oauthProviders.slack`, Python
/// `organizations.members.oauth_providers.slack`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/slack"
)]
pub struct Slack {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
}

/// What [`Slack`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SlackResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The provider, `slack`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The member's tokens, one entry per Slack workspace.
    #[serde(default, deserialize_with = "null_as_default")]
    pub registrations: Vec<SlackProviderInfo>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Fetches a member's HubSpot tokens, one registration per HubSpot account.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/hubspot`;
/// official SDKs: Ruby `organizations.members.oauth_providers.hubspot`, Node
/// `organizations.members.oauthProviders.hubspot`, Python
/// `organizations.members.oauth_providers.hubspot`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/hubspot"
)]
pub struct Hubspot {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Return the refresh tokens too.
    pub include_refresh_token: Option<bool>,
}

/// What [`Hubspot`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct HubspotResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The provider, `hubspot`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The member's tokens, one entry per HubSpot account.
    #[serde(default, deserialize_with = "null_as_default")]
    pub registrations: Vec<HubspotProviderInfo>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Fetches a member's GitHub tokens.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/github`;
/// official SDKs: Ruby `organizations.members.oauth_providers.github`, Node
/// `organizations.members.oauthProviders.github`, Python
/// `organizations.members.oauth_providers.github`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/github"
)]
pub struct Github {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Return the refresh tokens too.
    pub include_refresh_token: Option<bool>,
}

/// What [`Github`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GithubResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The provider, `github`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The member's tokens.
    #[serde(default, deserialize_with = "null_as_default")]
    pub registrations: Vec<GithubProviderInfo>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! A member's OIDC tokens.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{MemberId, OidcProviderInfo, OrganizationId};
use crate::endpoint;
use serde::Deserialize;

/// Fetches the tokens Stytch holds for a member at the organization's OIDC identity providers.
///
/// `GET /v1/b2b/organizations/{organization_id}/members/{member_id}/oidc_providers`; official
/// SDKs: Ruby `organizations.members.oidc_providers`, Node `organizations.members.oidcProviders`,
/// Python `organizations.members.oidc_providers`.
#[endpoint(
    GET,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/oidc_providers"
)]
pub struct OidcProviders {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// Return the refresh tokens too.
    pub include_refresh_token: Option<bool>,
}

/// What [`OidcProviders`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OidcProvidersResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's tokens, one entry per OIDC connection.
    #[serde(default, deserialize_with = "null_as_default")]
    pub registrations: Vec<OidcProviderInfo>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

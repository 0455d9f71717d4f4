//! Creating a SCIM connection.

use crate::b2b::models::{OrganizationId, ScimConnectionWithToken, ScimIdentityProvider};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Creates an organization's SCIM connection (one per organization) and its bearer token, which
/// the response shows this one time only.
///
/// `POST /v1/b2b/scim/{organization_id}/connection`; official SDKs: Ruby `scim.connection.create`,
/// Node `scim.connection.create`, Python `scim.connection.create`.
#[endpoint(POST, "/v1/b2b/scim/{organization_id}/connection")]
pub struct Create {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// The identity provider.
    pub identity_provider: Option<ScimIdentityProvider>,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Create`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CreateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new connection, with its bearer token.
    #[serde(default)]
    pub connection: Option<ScimConnectionWithToken>,
}

//! Member sessions, RBAC checks and the JWKS.

use super::de::null_as_default;
use super::{AuthenticationFactor, JsonObject, MemberId, MemberSessionId, OrganizationId};
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A member's session.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MemberSession {
    /// The session's id.
    pub member_session_id: MemberSessionId,
    /// The member's id.
    pub member_id: MemberId,
    /// When the session started.
    #[serde(deserialize_with = "timestamp::required")]
    pub started_at: DateTime<Utc>,
    /// When the session was last used.
    #[serde(deserialize_with = "timestamp::required")]
    pub last_accessed_at: DateTime<Utc>,
    /// When the session expires.
    #[serde(deserialize_with = "timestamp::required")]
    pub expires_at: DateTime<Utc>,
    /// The factors used to authenticate.
    #[serde(default, deserialize_with = "null_as_default")]
    pub authentication_factors: Vec<AuthenticationFactor>,
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The member's role ids at session time.
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<String>,
    /// The organization's slug.
    #[serde(default, deserialize_with = "null_as_default")]
    pub organization_slug: String,
    /// Custom claims stored on the session.
    #[serde(default)]
    pub custom_claims: Option<JsonObject>,
}

/// An RBAC check to perform while authenticating a session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AuthorizationCheck {
    /// The organization the member must belong to.
    pub organization_id: OrganizationId,
    /// The RBAC resource, e.g. `documents`.
    pub resource_id: String,
    /// The action on the resource, e.g. `read`.
    pub action: String,
}

impl AuthorizationCheck {
    /// Creates it from every field.
    pub fn new(
        organization_id: impl Into<OrganizationId>,
        resource_id: impl Into<String>,
        action: impl Into<String>,
    ) -> Self {
        Self {
            organization_id: organization_id.into(),
            resource_id: resource_id.into(),
            action: action.into(),
        }
    }
}

/// The result of an RBAC authorization check.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthorizationVerdict {
    /// Whether the member may perform the action.
    #[serde(default, deserialize_with = "null_as_default")]
    pub authorized: bool,
    /// Roles that grant the permission.
    #[serde(default, deserialize_with = "null_as_default")]
    pub granting_roles: Vec<String>,
}

/// A public key that signs session JWTs (RFC 7517).
///
/// `JWK` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Jwk {
    /// Key type, `RSA`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub kty: String,
    /// Intended use, `sig`.
    #[serde(rename = "use", default, deserialize_with = "null_as_default")]
    pub key_use: String,
    /// Allowed operations, e.g. `verify`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub key_ops: Vec<String>,
    /// Algorithm, `RS256`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub alg: String,
    /// Key id, matched against the JWT header's `kid`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub kid: String,
    /// X.509 certificate chain (may be empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub x5c: Vec<String>,
    /// SHA-256 thumbprint of the certificate.
    #[serde(rename = "x5tS256", default, deserialize_with = "null_as_default")]
    pub x5t_s256: String,
    /// RSA modulus (base64url).
    #[serde(default, deserialize_with = "null_as_default")]
    pub n: String,
    /// RSA exponent (base64url).
    #[serde(default, deserialize_with = "null_as_default")]
    pub e: String,
}

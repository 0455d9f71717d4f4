//! Organizations and their settings.

use super::de::null_as_default;
use super::string_enum::string_enum;
use super::{ConnectedAppId, ConnectionId, JsonObject, OrganizationId};
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A Stytch B2B organization.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Organization {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The organization's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub organization_name: String,
    /// URL of the organization's logo (empty when unset).
    #[serde(default, deserialize_with = "null_as_default")]
    pub organization_logo_url: String,
    /// The organization's unique slug.
    #[serde(default, deserialize_with = "null_as_default")]
    pub organization_slug: String,
    /// Who may join through SSO: `ALL_ALLOWED`, `RESTRICTED` or `NOT_ALLOWED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sso_jit_provisioning: String,
    /// SSO connections allowed to provision members when `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sso_jit_provisioning_allowed_connections: Vec<ConnectionId>,
    /// The organization's active SSO connections.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sso_active_connections: Vec<ActiveSsoConnection>,
    /// Email domains allowed for JIT provisioning and invites.
    #[serde(default, deserialize_with = "null_as_default")]
    pub email_allowed_domains: Vec<String>,
    /// Whether matching emails may join: `RESTRICTED` or `NOT_ALLOWED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub email_jit_provisioning: String,
    /// Who may be invited: `ALL_ALLOWED`, `RESTRICTED` or `NOT_ALLOWED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub email_invites: String,
    /// Whether auth methods are limited: `ALL_ALLOWED` or `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub auth_methods: String,
    /// Auth methods allowed when `auth_methods` is `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_auth_methods: Vec<String>,
    /// MFA policy: `OPTIONAL` or `REQUIRED_FOR_ALL`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mfa_policy: String,
    /// Roles granted implicitly by email domain.
    #[serde(default, deserialize_with = "null_as_default")]
    pub rbac_email_implicit_role_assignments: Vec<EmailImplicitRoleAssignment>,
    /// Whether MFA methods are limited: `ALL_ALLOWED` or `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mfa_methods: String,
    /// MFA methods allowed when `mfa_methods` is `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_mfa_methods: Vec<String>,
    /// Whether OAuth tenants may provision members: `RESTRICTED` or `NOT_ALLOWED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub oauth_tenant_jit_provisioning: String,
    /// Email domains the organization has claimed.
    #[serde(default, deserialize_with = "null_as_default")]
    pub claimed_email_domains: Vec<String>,
    /// Which first-party connected apps members may use.
    #[serde(default, deserialize_with = "null_as_default")]
    pub first_party_connected_apps_allowed_type: String,
    /// First-party connected apps allowed when `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_first_party_connected_apps: Vec<ConnectedAppId>,
    /// Which third-party connected apps members may use.
    #[serde(default, deserialize_with = "null_as_default")]
    pub third_party_connected_apps_allowed_type: String,
    /// Third-party connected apps allowed when `RESTRICTED`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_third_party_connected_apps: Vec<ConnectedAppId>,
    /// Roles defined for this organization only.
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_roles: Vec<CustomRole>,
    /// Metadata only your backend may write.
    #[serde(default)]
    pub trusted_metadata: Option<JsonObject>,
    /// When it was created.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Your own identifier for the organization.
    #[serde(default)]
    pub organization_external_id: Option<String>,
    /// The SSO connection used when none is named.
    #[serde(default)]
    pub sso_default_connection_id: Option<ConnectionId>,
    /// The organization's active SCIM connection.
    #[serde(default)]
    pub scim_active_connection: Option<ActiveScimConnection>,
    /// OAuth tenants allowed to provision members, by provider.
    #[serde(default)]
    pub allowed_oauth_tenants: Option<JsonObject>,
}

/// An organization's active SCIM connection.
///
/// `ActiveSCIMConnection` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ActiveScimConnection {
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// Its human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// Last four characters of the SCIM bearer token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bearer_token_last_four: String,
    /// When the SCIM bearer token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub bearer_token_expires_at: Option<DateTime<Utc>>,
}

/// One of an organization's active SSO connections.
///
/// `ActiveSSOConnection` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ActiveSsoConnection {
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// Its human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The identity provider, e.g. `okta`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub identity_provider: String,
}

/// A role defined for one organization.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CustomRole {
    /// The role's id.
    pub role_id: String,
    /// What the role is for.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// What the role allows.
    #[serde(default, deserialize_with = "null_as_default")]
    pub permissions: Vec<CustomRolePermission>,
}

/// Actions a custom role allows on one resource.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CustomRolePermission {
    /// The resource the actions apply to.
    pub resource_id: String,
    /// The allowed actions (`*` for all).
    #[serde(default, deserialize_with = "null_as_default")]
    pub actions: Vec<String>,
}

/// A role granted to every member whose email is in a domain.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EmailImplicitRoleAssignment {
    /// Members with an email in this domain get the role.
    pub domain: String,
    /// The role granted.
    pub role_id: String,
}

impl EmailImplicitRoleAssignment {
    /// Creates it from every field.
    pub fn new(domain: impl Into<String>, role_id: impl Into<String>) -> Self {
        Self {
            domain: domain.into(),
            role_id: role_id.into(),
        }
    }
}

string_enum! {
    /// Which connected apps an organization's members may use.
    ///
    /// Sent when creating organizations; `Organization` reports it as a plain string.
    pub enum ConnectedAppsAllowedType {
        /// Every connected app is allowed.
        AllAllowed = "ALL_ALLOWED",
        /// Only the listed connected apps are allowed.
        Restricted = "RESTRICTED",
        /// No connected app is allowed.
        NotAllowed = "NOT_ALLOWED",
    }
}

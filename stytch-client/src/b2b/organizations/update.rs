//! Organization update.

use crate::b2b::models::{
    ConnectedAppId, ConnectedAppsAllowedType, ConnectionId, EmailImplicitRoleAssignment, JsonObject,
    Organization, OrganizationId,
};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Updates an organization's name, settings or metadata; fields left unset keep their value.
///
/// `PUT /v1/b2b/organizations/{organization_id}`; official SDKs: Ruby `organizations.update`,
/// Node `organizations.update`, Python `organizations.update`.
///
/// With [`authorization`](Self::authorization), each field set needs its own `stytch.organization`
/// permission (`update.info.name`, `update.settings.mfa-policy`, ...), and `trusted_metadata` is
/// refused.
#[endpoint(PUT, "/v1/b2b/organizations/{organization_id}")]
pub struct Update {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The organization's new name.
    pub organization_name: Option<String>,
    /// A new unique slug (2-128 characters).
    pub organization_slug: Option<String>,
    /// URL of the organization's logo.
    pub organization_logo_url: Option<String>,
    /// Metadata only your backend may write (replaces the whole object).
    pub trusted_metadata: Option<JsonObject>,
    /// Your own identifier for the organization.
    pub organization_external_id: Option<String>,
    /// The SSO connection used when none is named.
    pub sso_default_connection_id: Option<ConnectionId>,
    /// `ALL_ALLOWED`, `RESTRICTED` or `NOT_ALLOWED`.
    pub sso_jit_provisioning: Option<String>,
    /// SSO connections allowed to provision members when `sso_jit_provisioning` is `RESTRICTED`.
    pub sso_jit_provisioning_allowed_connections: Option<Vec<ConnectionId>>,
    /// Email domains allowed for JIT provisioning and invites.
    pub email_allowed_domains: Option<Vec<String>>,
    /// `RESTRICTED` or `NOT_ALLOWED`.
    pub email_jit_provisioning: Option<String>,
    /// `ALL_ALLOWED`, `RESTRICTED` or `NOT_ALLOWED`.
    pub email_invites: Option<String>,
    /// `ALL_ALLOWED` or `RESTRICTED`.
    pub auth_methods: Option<String>,
    /// Auth methods allowed when `auth_methods` is `RESTRICTED`.
    pub allowed_auth_methods: Option<Vec<String>>,
    /// `OPTIONAL` or `REQUIRED_FOR_ALL`.
    pub mfa_policy: Option<String>,
    /// Roles granted implicitly by email domain.
    pub rbac_email_implicit_role_assignments: Option<Vec<EmailImplicitRoleAssignment>>,
    /// `ALL_ALLOWED` or `RESTRICTED`.
    pub mfa_methods: Option<String>,
    /// MFA methods allowed when `mfa_methods` is `RESTRICTED`.
    pub allowed_mfa_methods: Option<Vec<String>>,
    /// `RESTRICTED` or `NOT_ALLOWED`.
    pub oauth_tenant_jit_provisioning: Option<String>,
    /// OAuth tenants allowed to provision members, by provider.
    pub allowed_oauth_tenants: Option<JsonObject>,
    /// Email domains the organization claims.
    pub claimed_email_domains: Option<Vec<String>>,
    /// Which first-party connected apps members may use.
    pub first_party_connected_apps_allowed_type: Option<ConnectedAppsAllowedType>,
    /// First-party connected apps allowed when `RESTRICTED`.
    pub allowed_first_party_connected_apps: Option<Vec<ConnectedAppId>>,
    /// Which third-party connected apps members may use.
    pub third_party_connected_apps_allowed_type: Option<ConnectedAppsAllowedType>,
    /// Third-party connected apps allowed when `RESTRICTED`.
    pub allowed_third_party_connected_apps: Option<Vec<ConnectedAppId>>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Update`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UpdateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization as updated.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

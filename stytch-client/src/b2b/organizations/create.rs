//! Organization creation.

use crate::b2b::models::{
    ConnectedAppId, ConnectedAppsAllowedType, EmailImplicitRoleAssignment, JsonObject, Organization,
};
use crate::endpoint;
use serde::Deserialize;

/// Creates an organization.
///
/// `POST /v1/b2b/organizations`; official SDKs: Ruby `organizations.create`, Node
/// `organizations.create`, Python `organizations.create`.
#[endpoint(POST, "/v1/b2b/organizations")]
pub struct Create {
    /// The organization's name.
    pub organization_name: String,
    /// A unique slug (2-128 characters).
    pub organization_slug: Option<String>,
    /// URL of the organization's logo.
    pub organization_logo_url: Option<String>,
    /// Metadata only your backend may write.
    pub trusted_metadata: Option<JsonObject>,
    /// Your own identifier for the organization.
    pub organization_external_id: Option<String>,
    /// `ALL_ALLOWED` (default), `RESTRICTED` or `NOT_ALLOWED`.
    pub sso_jit_provisioning: Option<String>,
    /// Email domains allowed for JIT provisioning and invites.
    pub email_allowed_domains: Option<Vec<String>>,
    /// `RESTRICTED` or `NOT_ALLOWED` (default).
    pub email_jit_provisioning: Option<String>,
    /// `ALL_ALLOWED`, `RESTRICTED` or `NOT_ALLOWED`.
    pub email_invites: Option<String>,
    /// `ALL_ALLOWED` (default) or `RESTRICTED`.
    pub auth_methods: Option<String>,
    /// Auth methods allowed when `auth_methods` is `RESTRICTED`.
    pub allowed_auth_methods: Option<Vec<String>>,
    /// `OPTIONAL` (default) or `REQUIRED_FOR_ALL`.
    pub mfa_policy: Option<String>,
    /// Roles granted implicitly by email domain.
    pub rbac_email_implicit_role_assignments: Option<Vec<EmailImplicitRoleAssignment>>,
    /// `ALL_ALLOWED` (default) or `RESTRICTED`.
    pub mfa_methods: Option<String>,
    /// MFA methods allowed when `mfa_methods` is `RESTRICTED`.
    pub allowed_mfa_methods: Option<Vec<String>>,
    /// `RESTRICTED` or `NOT_ALLOWED` (default).
    pub oauth_tenant_jit_provisioning: Option<String>,
    /// OAuth tenants allowed to provision members, by provider.
    pub allowed_oauth_tenants: Option<JsonObject>,
    /// Email domains to claim for the organization.
    pub claimed_email_domains: Option<Vec<String>>,
    /// Which first-party connected apps members may use.
    pub first_party_connected_apps_allowed_type: Option<ConnectedAppsAllowedType>,
    /// First-party connected apps allowed when `RESTRICTED`.
    pub allowed_first_party_connected_apps: Option<Vec<ConnectedAppId>>,
    /// Which third-party connected apps members may use.
    pub third_party_connected_apps_allowed_type: Option<ConnectedAppsAllowedType>,
    /// Third-party connected apps allowed when `RESTRICTED`.
    pub allowed_third_party_connected_apps: Option<Vec<ConnectedAppId>>,
}

/// What [`Create`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CreateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

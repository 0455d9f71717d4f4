//! Organization creation from a discovery flow.

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{
    ConnectedAppId, ConnectedAppsAllowedType, DeviceInfo, EmailImplicitRoleAssignment, JsonObject,
    PrimaryRequired,
};
use crate::{Secret, endpoint};

/// Creates an organization from a discovery flow and logs the member into it as its
/// first admin.
///
/// `POST /v1/b2b/discovery/organizations/create`; official SDKs: Ruby
/// `discovery.organizations.create`, Node `discovery.organizations.create`, Python
/// `discovery.organizations.create`.
#[endpoint(POST, "/v1/b2b/discovery/organizations/create")]
pub struct Create {
    /// The intermediate session token of the discovery flow.
    pub intermediate_session_token: Secret<String>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// The organization's name (derived from the email if omitted).
    pub organization_name: Option<String>,
    /// A unique slug (derived from the name if omitted).
    pub organization_slug: Option<String>,
    /// Your own identifier for the organization.
    pub organization_external_id: Option<String>,
    /// URL of the organization's logo.
    pub organization_logo_url: Option<String>,
    /// Metadata only your backend may write.
    pub trusted_metadata: Option<JsonObject>,
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
    /// Which first-party connected apps members may use.
    pub first_party_connected_apps_allowed_type: Option<ConnectedAppsAllowedType>,
    /// First-party connected apps allowed when `RESTRICTED`.
    pub allowed_first_party_connected_apps: Option<Vec<ConnectedAppId>>,
    /// Which third-party connected apps members may use.
    pub third_party_connected_apps_allowed_type: Option<ConnectedAppsAllowedType>,
    /// Third-party connected apps allowed when `RESTRICTED`.
    pub allowed_third_party_connected_apps: Option<Vec<ConnectedAppId>>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Create`] returns.
    pub struct CreateResponse {
        /// The primary factors the organization still requires, if any.
        #[serde(default)]
        pub primary_required: Option<PrimaryRequired>,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

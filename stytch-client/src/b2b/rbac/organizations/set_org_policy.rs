//! Replacing an organization's own roles.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{OrgPolicy, OrganizationId};
use crate::endpoint;
use serde::Deserialize;

/// Replaces the roles defined for one organization only (the whole list).
///
/// `PUT /v1/b2b/rbac/organizations/{organization_id}`; official SDKs: Ruby
/// `rbac.organizations.set_org_policy`, Node `rbac.organizations.setOrgPolicy`, Python
/// `rbac.organizations.set_org_policy`.
///
/// ```
/// use stytch_client::b2b::models::{OrgPolicy, OrganizationId, PolicyRole, PolicyRolePermission};
/// use stytch_client::b2b::rbac::organizations::SetOrgPolicy;
///
/// let organization_id = OrganizationId::new("organization-test-...");
/// let reader = PolicyRole::new(
///     "reader",
///     "Reads documents",
///     vec![PolicyRolePermission::new("documents", vec!["read".to_owned()])],
/// );
/// let request = SetOrgPolicy::new(&organization_id, OrgPolicy::new(vec![reader]));
/// assert_eq!(request.org_policy.roles[0].role_id, "reader");
/// ```
#[endpoint(PUT, "/v1/b2b/rbac/organizations/{organization_id}")]
pub struct SetOrgPolicy {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The organization's roles.
    pub org_policy: OrgPolicy,
}

/// What [`SetOrgPolicy`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SetOrgPolicyResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization's roles as stored.
    #[serde(default, deserialize_with = "null_as_default")]
    pub org_policy: OrgPolicy,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! Fetching an organization's own roles.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{OrgPolicy, OrganizationId};
use crate::endpoint;
use serde::Deserialize;

/// Fetches the roles defined for one organization only.
///
/// `GET /v1/b2b/rbac/organizations/{organization_id}`; official SDKs: Ruby
/// `rbac.organizations.get_org_policy`, Node `rbac.organizations.getOrgPolicy`, Python
/// `rbac.organizations.get_org_policy`.
#[endpoint(GET, "/v1/b2b/rbac/organizations/{organization_id}")]
pub struct GetOrgPolicy {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
}

/// What [`GetOrgPolicy`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetOrgPolicyResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The organization's roles.
    #[serde(default, deserialize_with = "null_as_default")]
    pub org_policy: OrgPolicy,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

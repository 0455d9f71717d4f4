//! Roles defined for one organization only (custom roles): fetch and replace them.

mod get_org_policy;
mod set_org_policy;

pub use get_org_policy::{GetOrgPolicy, GetOrgPolicyResponse};
pub use set_org_policy::{SetOrgPolicy, SetOrgPolicyResponse};

//! The RBAC policy: roles, resources, scopes and an organization's own roles.

use super::de::null_as_default;
use serde::{Deserialize, Serialize};

/// The project's RBAC policy. The roles always include `stytch_member` and `stytch_admin`, the
/// resources Stytch's own (`stytch.organization`, `stytch.member`, `stytch.sso`, ...).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Policy {
    /// The roles and what each allows.
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<PolicyRole>,
    /// The resources and their actions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub resources: Vec<PolicyResource>,
    /// The OAuth scopes connected apps may request, and what each allows.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scopes: Vec<PolicyScope>,
}

/// The roles defined for one organization only.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OrgPolicy {
    /// The organization's roles (setting them replaces the whole list).
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<PolicyRole>,
}

impl OrgPolicy {
    /// Creates it from its roles.
    pub fn new(roles: Vec<PolicyRole>) -> Self {
        Self { roles }
    }
}

/// A role and the actions it allows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyRole {
    /// The role's id, e.g. `stytch_admin`.
    pub role_id: String,
    /// What the role is for.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// The actions the role allows, by resource.
    #[serde(default, deserialize_with = "null_as_default")]
    pub permissions: Vec<PolicyRolePermission>,
}

impl PolicyRole {
    /// Creates it from every field.
    pub fn new(
        role_id: impl Into<String>,
        description: impl Into<String>,
        permissions: Vec<PolicyRolePermission>,
    ) -> Self {
        Self {
            role_id: role_id.into(),
            description: description.into(),
            permissions,
        }
    }
}

/// Actions allowed on one resource.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyRolePermission {
    /// The resource the actions apply to.
    pub resource_id: String,
    /// The allowed actions (`*` for all).
    #[serde(default, deserialize_with = "null_as_default")]
    pub actions: Vec<String>,
}

impl PolicyRolePermission {
    /// Creates it from every field.
    pub fn new(resource_id: impl Into<String>, actions: Vec<String>) -> Self {
        Self {
            resource_id: resource_id.into(),
            actions,
        }
    }
}

/// `PolicyScopePermission` in the official SDKs: a [`PolicyRolePermission`].
pub type PolicyScopePermission = PolicyRolePermission;

/// A resource of the RBAC policy and its actions.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PolicyResource {
    /// The resource's id, e.g. `documents`.
    pub resource_id: String,
    /// What the resource is.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// The actions defined on it.
    #[serde(default, deserialize_with = "null_as_default")]
    pub actions: Vec<String>,
}

/// An OAuth scope of the RBAC policy and the actions it grants.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PolicyScope {
    /// The scope, e.g. `read:documents`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scope: String,
    /// What the scope is for.
    #[serde(default, deserialize_with = "null_as_default")]
    pub description: String,
    /// The actions the scope grants, by resource.
    #[serde(default, deserialize_with = "null_as_default")]
    pub permissions: Vec<PolicyScopePermission>,
}

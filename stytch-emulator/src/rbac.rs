//! Role-based access control: the project's RBAC policy, organization-scoped roles, the roles a
//! member holds (and why), and the one permission decision every check uses.
//!
//! # The project policy
//!
//! Stytch's default resources (`stytch.organization`, `stytch.member`, `stytch.sso`,
//! `stytch.scim`, `stytch.self`) and default roles are always present:
//!
//! - `stytch_member`, held by every member and never removable, allows every `stytch.self`
//!   action (what a member may do to their own member record);
//! - `stytch_admin` allows every action (`*`) on `stytch.organization`, `stytch.member`,
//!   `stytch.sso` and `stytch.scim`.
//!
//! Your own resources, roles and scopes are set with [`Emulator::set_rbac_policy`] (or over HTTP
//! with `PUT /__emulator/rbac/policy`, or one permission at a time with
//! [`EmulatorBuilder::grant`]). A role in your policy named `stytch_member` or `stytch_admin`
//! adds its permissions to that default role, as granting a default role your own resources in
//! Stytch's Dashboard does.
//!
//! # The decision
//!
//! A member may do `action` on `resource` when one of their roles — from the project policy or
//! their organization's own roles (`PUT /v1/b2b/rbac/organizations/{organization_id}`) — has a
//! permission on exactly that resource whose actions contain the action or `*`. A member's
//! roles are `stytch_member`, the roles assigned to them directly, and the roles their
//! organization's `rbac_email_implicit_role_assignments` give their email domain.
//!
//! [`Emulator::set_rbac_policy`]: crate::Emulator::set_rbac_policy
//! [`EmulatorBuilder::grant`]: crate::EmulatorBuilder::grant

use crate::errors::ApiError;
use crate::policy;
use crate::store::{Member, Store, email_domain};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// The role every member holds.
pub const MEMBER_ROLE: &str = "stytch_member";
/// The administrator role.
pub const ADMIN_ROLE: &str = "stytch_admin";
/// The resource that stands for the calling member's own record.
pub const SELF_RESOURCE: &str = "stytch.self";
/// The wildcard action.
pub const ANY_ACTION: &str = "*";

/// Actions on one resource, as a role grants them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RbacPermission {
    /// The resource, e.g. `documents`.
    pub resource_id: String,
    /// The actions allowed on it (`*` for all).
    #[serde(default)]
    pub actions: Vec<String>,
}

impl RbacPermission {
    /// `actions` on `resource_id`.
    pub fn new<I, S>(resource_id: impl Into<String>, actions: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            resource_id: resource_id.into(),
            actions: actions.into_iter().map(Into::into).collect(),
        }
    }

    fn allows(&self, resource: &str, action: &str) -> bool {
        self.resource_id == resource && self.actions.iter().any(|a| a == action || a == ANY_ACTION)
    }
}

/// A role and its permissions.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RbacRole {
    /// The role's id, e.g. `editor`.
    pub role_id: String,
    /// What it is for.
    #[serde(default)]
    pub description: String,
    /// What it allows.
    #[serde(default)]
    pub permissions: Vec<RbacPermission>,
}

impl RbacRole {
    /// A role without permissions yet.
    pub fn new(role_id: impl Into<String>, description: impl Into<String>) -> Self {
        Self {
            role_id: role_id.into(),
            description: description.into(),
            permissions: Vec::new(),
        }
    }

    /// Adds a permission: `actions` on `resource_id`.
    pub fn permission<I, S>(mut self, resource_id: impl Into<String>, actions: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.permissions.push(RbacPermission::new(resource_id, actions));
        self
    }

    fn allows(&self, resource: &str, action: &str) -> bool {
        self.permissions.iter().any(|p| p.allows(resource, action))
    }
}

/// A resource of your own and the actions defined on it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RbacResource {
    /// The resource's id; may not start with `stytch`.
    pub resource_id: String,
    /// What it is.
    #[serde(default)]
    pub description: String,
    /// Its actions.
    #[serde(default)]
    pub actions: Vec<String>,
}

impl RbacResource {
    /// A resource with its actions.
    pub fn new<I, S>(resource_id: impl Into<String>, description: impl Into<String>, actions: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            resource_id: resource_id.into(),
            description: description.into(),
            actions: actions.into_iter().map(Into::into).collect(),
        }
    }
}

/// An OAuth scope (for Connected Apps) and the permissions it carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RbacScope {
    /// The scope, e.g. `read:documents`.
    pub scope: String,
    /// What it is for.
    #[serde(default)]
    pub description: String,
    /// What it allows.
    #[serde(default)]
    pub permissions: Vec<RbacPermission>,
}

/// The part of the project's RBAC policy you define: your resources, roles and scopes. Stytch's
/// default resources and roles are always added to it.
///
/// ```
/// use stytch_emulator::rbac::{RbacPolicy, RbacResource, RbacRole};
///
/// let policy = RbacPolicy::default()
///     .resource(RbacResource::new("documents", "Team documents", ["read", "write"]))
///     .role(RbacRole::new("editor", "Edits documents").permission("documents", ["read", "write"]))
///     .role(RbacRole::new("stytch_member", "").permission("documents", ["read"]));
/// assert_eq!(policy.roles.len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RbacPolicy {
    /// Your resources.
    #[serde(default)]
    pub resources: Vec<RbacResource>,
    /// Your roles; `stytch_member` / `stytch_admin` here extend the default roles.
    #[serde(default)]
    pub roles: Vec<RbacRole>,
    /// Your OAuth scopes.
    #[serde(default)]
    pub scopes: Vec<RbacScope>,
}

impl RbacPolicy {
    /// Adds a resource.
    pub fn resource(mut self, resource: RbacResource) -> Self {
        self.resources.push(resource);
        self
    }

    /// Adds a role.
    pub fn role(mut self, role: RbacRole) -> Self {
        self.roles.push(role);
        self
    }

    /// Adds a scope.
    pub fn scope(mut self, scope: RbacScope) -> Self {
        self.scopes.push(scope);
        self
    }

    /// Grants `role` the `action` on `resource`, declaring the resource, the action and the
    /// role when they are new.
    pub(crate) fn grant(&mut self, role: &str, resource: &str, action: &str) {
        if !resource.starts_with("stytch") {
            match self.resources.iter_mut().find(|r| r.resource_id == resource) {
                Some(r) if action == ANY_ACTION || r.actions.iter().any(|a| a == action) => {}
                Some(r) => r.actions.push(action.to_owned()),
                None => self.resources.push(RbacResource::new(
                    resource,
                    "",
                    (action != ANY_ACTION).then_some(action),
                )),
            }
        }
        let index = match self.roles.iter().position(|r| r.role_id == role) {
            Some(i) => i,
            None => {
                self.roles.push(RbacRole::new(role, ""));
                self.roles.len() - 1
            }
        };
        self.roles[index]
            .permissions
            .push(RbacPermission::new(resource, [action]));
    }

    /// Checks the policy: resources are yours (not `stytch…`) and unique, roles unique, and every
    /// permission names a known resource and its actions.
    pub(crate) fn validate(&self) -> Result<(), ApiError> {
        let mut seen = Vec::new();
        for r in &self.resources {
            if r.resource_id.is_empty() || r.resource_id.starts_with("stytch") {
                return Err(rbac_error(
                    "invalid_rbac_resource_id",
                    format!(
                        "Resource id {:?} is invalid: custom resources may not be empty or start with 'stytch'.",
                        r.resource_id
                    ),
                ));
            }
            if seen.contains(&r.resource_id) {
                return Err(rbac_error(
                    "rbac_resource_duplicate",
                    format!("Resource {:?} is defined twice.", r.resource_id),
                ));
            }
            seen.push(r.resource_id.clone());
        }
        let project = ProjectPolicy::with_custom(self.clone());
        validate_roles(&project, &self.roles, false)?;
        for s in &self.scopes {
            for p in &s.permissions {
                validate_permission(&project, p)?;
            }
        }
        Ok(())
    }
}

/// The project's policy as the emulator holds it: the defaults plus what you defined.
#[derive(Clone, Debug, Default)]
pub(crate) struct ProjectPolicy {
    custom: RbacPolicy,
}

/// A default resource: id, description, actions.
struct DefaultResource {
    id: &'static str,
    description: &'static str,
    actions: &'static [&'static str],
}

/// Stytch's default resources and their actions.
const DEFAULT_RESOURCES: &[DefaultResource] = &[
    DefaultResource {
        id: "stytch.organization",
        description: "Standard Stytch resource type for an Organization.",
        actions: policy::ORGANIZATION_ACTIONS,
    },
    DefaultResource {
        id: "stytch.member",
        description: "Standard Stytch resource type for Members within an Organization.",
        actions: policy::MEMBER_ACTIONS,
    },
    DefaultResource {
        id: "stytch.sso",
        description: "Standard Stytch resource type for SSO connections within an Organization.",
        actions: &["create", "get", "update", "delete"],
    },
    DefaultResource {
        id: "stytch.scim",
        description: "Standard Stytch resource type for SCIM connections within an Organization.",
        actions: &["create", "get", "update", "delete"],
    },
    DefaultResource {
        id: SELF_RESOURCE,
        description: "Standard Stytch resource type for the Member taking the action on themselves.",
        actions: policy::SELF_ACTIONS,
    },
];

impl ProjectPolicy {
    pub fn with_custom(custom: RbacPolicy) -> Self {
        Self { custom }
    }

    pub fn custom(&self) -> &RbacPolicy {
        &self.custom
    }

    pub fn custom_mut(&mut self) -> &mut RbacPolicy {
        &mut self.custom
    }

    /// Every role: the two defaults (extended by your roles of the same id), then yours.
    pub fn roles(&self) -> Vec<RbacRole> {
        let extra = |id: &str| -> Vec<RbacPermission> {
            self.custom
                .roles
                .iter()
                .filter(|r| r.role_id == id)
                .flat_map(|r| r.permissions.clone())
                .collect()
        };
        let mut admin = RbacRole::new(
            ADMIN_ROLE,
            "Granted to Members who create an Organization through the Discovery flow. Admins have full permissions on Stytch resources by default.",
        );
        for resource in policy::ADMIN_RESOURCES {
            admin = admin.permission(*resource, [ANY_ACTION]);
        }
        admin.permissions.extend(extra(ADMIN_ROLE));
        let mut member = RbacRole::new(
            MEMBER_ROLE,
            "Granted to all Members upon creation; grants permissions to perform actions on their own Member record.",
        )
        .permission(SELF_RESOURCE, [ANY_ACTION]);
        member.permissions.extend(extra(MEMBER_ROLE));
        let mut roles = vec![admin, member];
        roles.extend(
            self.custom
                .roles
                .iter()
                .filter(|r| !is_default_role(&r.role_id))
                .cloned(),
        );
        roles
    }

    /// Whether a resource exists, and whether `action` is one of its actions (`*` always is).
    fn resource_has(&self, resource: &str, action: Option<&str>) -> Option<bool> {
        let actions: Vec<&str> = if let Some(d) = DEFAULT_RESOURCES.iter().find(|d| d.id == resource) {
            d.actions.to_vec()
        } else {
            let r = self.custom.resources.iter().find(|r| r.resource_id == resource)?;
            r.actions.iter().map(String::as_str).collect()
        };
        Some(action.is_none_or(|a| a == ANY_ACTION || actions.contains(&a)))
    }

    /// `GET /v1/b2b/rbac/policy`'s `policy`.
    pub fn render(&self) -> Value {
        let mut resources: Vec<Value> = DEFAULT_RESOURCES
            .iter()
            .map(|d| json!({ "resource_id": d.id, "description": d.description, "actions": d.actions }))
            .collect();
        resources.extend(self.custom.resources.iter().map(|r| json!(r)));
        json!({
            "roles": self.roles(),
            "resources": resources,
            "scopes": self.custom.scopes,
        })
    }
}

fn is_default_role(id: &str) -> bool {
    id == ADMIN_ROLE || id == MEMBER_ROLE
}

fn rbac_error(error_type: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(policy::RBAC_VALIDATION_STATUS, error_type, message)
}

fn validate_permission(project: &ProjectPolicy, p: &RbacPermission) -> Result<(), ApiError> {
    if p.actions.is_empty() {
        return Err(rbac_error(
            "rbac_permission_missing_actions",
            format!("The permission on {:?} lists no actions.", p.resource_id),
        ));
    }
    for action in &p.actions {
        match project.resource_has(&p.resource_id, Some(action)) {
            None => {
                return Err(rbac_error(
                    "invalid_permission_resource",
                    format!("Resource {:?} is not defined in the RBAC policy.", p.resource_id),
                ));
            }
            Some(false) => {
                return Err(rbac_error(
                    "invalid_permission_action",
                    format!(
                        "Action {action:?} is not defined on resource {:?}.",
                        p.resource_id
                    ),
                ));
            }
            Some(true) => {}
        }
    }
    Ok(())
}

/// Checks a list of roles: ids well-formed and unique, descriptions short, permissions valid.
/// `org_only`: organization roles, which may not reuse a project role's id.
pub(crate) fn validate_roles(
    project: &ProjectPolicy,
    roles: &[RbacRole],
    org_only: bool,
) -> Result<(), ApiError> {
    let mut seen: Vec<&str> = Vec::new();
    for role in roles {
        let id = role.role_id.as_str();
        if id.is_empty()
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c))
        {
            return Err(rbac_error(
                "invalid_rbac_role_id",
                format!("Role id {id:?} is invalid."),
            ));
        }
        if id.len() > policy::MAX_RBAC_ID_LEN {
            return Err(rbac_error(
                "rbac_role_id_too_long",
                format!("Role ids are at most {} characters.", policy::MAX_RBAC_ID_LEN),
            ));
        }
        if role.description.chars().count() > policy::MAX_RBAC_DESCRIPTION_LEN {
            return Err(rbac_error(
                "rbac_description_too_long",
                format!(
                    "Role descriptions are at most {} characters.",
                    policy::MAX_RBAC_DESCRIPTION_LEN
                ),
            ));
        }
        if org_only && (id.starts_with("stytch") || project.roles().iter().any(|r| r.role_id == id)) {
            return Err(rbac_error(
                "rbac_org_custom_roles_only",
                format!("Role {id:?} is a project role; an organization policy may only add its own roles."),
            ));
        }
        if !org_only && id.starts_with("stytch") && !is_default_role(id) {
            return Err(rbac_error(
                "invalid_rbac_role_id",
                format!("Role id {id:?} is reserved: ids starting with 'stytch' belong to Stytch."),
            ));
        }
        if seen.contains(&id) {
            return Err(rbac_error(
                "rbac_role_duplicate",
                format!("Role {id:?} is defined twice."),
            ));
        }
        seen.push(id);
        if org_only && role.permissions.is_empty() {
            return Err(rbac_error(
                "rbac_role_missing_permissions",
                format!("Role {id:?} has no permissions."),
            ));
        }
        for p in &role.permissions {
            validate_permission(project, p)?;
        }
    }
    Ok(())
}

/// Why a member holds a role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum RoleSource {
    /// Assigned on the member (`roles` on create/update), or the implicit `stytch_member`.
    Direct,
    /// Given by the organization to every member with an email at `domain`.
    Email { domain: String },
}

impl RoleSource {
    fn render(&self) -> Value {
        match self {
            RoleSource::Direct => json!({ "type": "direct_assignment", "details": {} }),
            RoleSource::Email { domain } => {
                json!({ "type": "email_assignment", "details": { "email_domain": domain } })
            }
        }
    }
}

/// A role a member holds, with every reason.
#[derive(Clone, Debug)]
pub(crate) struct RoleGrant {
    pub role_id: String,
    pub sources: Vec<RoleSource>,
}

/// The roles `member` holds: `stytch_member`, the direct ones, then those implied by the email
/// domain (SSO and SCIM sources need connections, which this emulator does not model yet).
pub(crate) fn member_roles(store: &Store, member: &Member) -> Vec<RoleGrant> {
    let mut grants: Vec<RoleGrant> = Vec::new();
    let mut add = |role: &str, source: RoleSource| match grants.iter_mut().find(|g| g.role_id == role) {
        Some(g) if !g.sources.contains(&source) => g.sources.push(source),
        Some(_) => {}
        None => grants.push(RoleGrant {
            role_id: role.to_owned(),
            sources: vec![source],
        }),
    };
    if policy::MEMBER_HAS_IMPLICIT_STYTCH_MEMBER_ROLE {
        add(MEMBER_ROLE, RoleSource::Direct);
    }
    for r in &member.roles {
        add(r, RoleSource::Direct);
    }
    if let Some(org) = store.organizations.get(&member.organization_id) {
        let domain = email_domain(&member.email);
        for assignment in &org.rbac_email_implicit_role_assignments {
            let (Some(d), Some(role)) = (assignment["domain"].as_str(), assignment["role_id"].as_str())
            else {
                continue;
            };
            if d.eq_ignore_ascii_case(domain) {
                add(
                    role,
                    RoleSource::Email {
                        domain: d.to_lowercase(),
                    },
                );
            }
        }
    }
    grants
}

/// The role ids `member` holds.
pub(crate) fn member_role_ids(store: &Store, member: &Member) -> Vec<String> {
    member_roles(store, member)
        .into_iter()
        .map(|g| g.role_id)
        .collect()
}

/// A Member's `roles` list as rendered.
pub(crate) fn render_roles(grants: &[RoleGrant]) -> Value {
    Value::Array(
        grants
            .iter()
            .map(|g| json!({ "role_id": g.role_id, "sources": g.sources.iter().map(RoleSource::render).collect::<Vec<_>>() }))
            .collect(),
    )
}

/// The roles, among `roles`, that allow `action` on `resource` in organization `org_id`
/// (project roles plus that organization's own roles). Empty: refused.
pub(crate) fn granting_roles(
    store: &Store,
    org_id: &str,
    roles: &[String],
    resource: &str,
    action: &str,
) -> Vec<String> {
    let project = store.rbac.roles();
    let org_roles = store
        .organizations
        .get(org_id)
        .map(|o| o.custom_roles.as_slice())
        .unwrap_or_default();
    roles
        .iter()
        .filter(|id| {
            project
                .iter()
                .chain(org_roles.iter())
                .any(|r| &r.role_id == *id && r.allows(resource, action))
        })
        .cloned()
        .collect()
}

//! The local authorization check of [`Client::authenticate_session_jwt`]: the project's RBAC
//! policy and the organizations' own roles, cached, and the decision the official SDKs make.
//!
//! # The rules (as the official Node, Python, Ruby and Go SDKs apply them)
//!
//! 1. Tenancy first: when the JWT's organization (`https://stytch.com/organization`'s
//!    `organization_id`) is not the check's `organization_id`, the check fails with
//!    [`JwtReason::TenancyMismatch`].
//! 2. The roles considered are the project policy's roles plus, when the organization has its
//!    own roles (`GET /v1/b2b/rbac/organizations/{organization_id}`), those.
//! 3. Of these, keep the roles whose `role_id` is in the session's `roles` claim. The check
//!    passes when one of their permissions has exactly the check's `resource_id` (resources
//!    have no wildcards) and an `actions` list containing the check's action or `"*"`; the
//!    roles that pass are the verdict's `granting_roles`. Otherwise it fails with
//!    [`JwtReason::PermissionDenied`].
//!
//! Neither failure falls back to Stytch: the JWT is valid and the answer is final.
//!
//! # The cache
//!
//! Policies are fetched on the first check (never without one), through the client's
//! authenticated send path, and kept for [`POLICY_TTL`]; after that the next check refreshes
//! them (lazily, as the official SDKs do: no background timer). Any number of concurrent
//! checks that need a fetch cause one request (single flight). A failed refresh keeps the
//! previous policy; with none yet, the check fails with the fetch's error.
//!
//! [`Client::authenticate_session_jwt`]: crate::Client::authenticate_session_jwt

use crate::b2b::models::{AuthorizationCheck, AuthorizationVerdict, OrganizationId, PolicyRole};
use crate::b2b::rbac::Policy;
use crate::b2b::rbac::organizations::GetOrgPolicy;
use crate::client::Client;
use crate::error::{Error, JwtReason};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a fetched policy is used before the next check refreshes it (the official SDKs'
/// five minutes).
pub const POLICY_TTL: Duration = Duration::from_secs(300);

/// The wildcard action.
const ANY_ACTION: &str = "*";

/// Roles fetched at some instant.
#[derive(Clone)]
struct Fetched {
    roles: Arc<[PolicyRole]>,
    at: Instant,
}

impl Fetched {
    fn fresh(&self) -> bool {
        self.at.elapsed() < POLICY_TTL
    }
}

/// The cached project policy and organization policies of one client.
#[derive(Default)]
pub(crate) struct PolicyCache {
    project: Mutex<Option<Fetched>>,
    organizations: Mutex<HashMap<OrganizationId, Fetched>>,
    fetch_lock: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for PolicyCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PolicyCache").finish_non_exhaustive()
    }
}

impl PolicyCache {
    fn project(&self) -> Option<Fetched> {
        self.project.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn organization(&self, id: &OrganizationId) -> Option<Fetched> {
        self.organizations
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(id)
            .cloned()
    }

    /// The roles that apply in `organization`: the project's, then the organization's own.
    /// Fetches what is missing or stale, one fetch at a time.
    async fn roles(&self, client: &Client, organization: &OrganizationId) -> Result<Vec<PolicyRole>, Error> {
        let (mut project, mut org) = (self.project(), self.organization(organization));
        let fresh = |f: &Option<Fetched>| f.as_ref().is_some_and(Fetched::fresh);
        if !(fresh(&project) && fresh(&org)) {
            let _fetching = self.fetch_lock.lock().await;
            // Another caller may have fetched while this one waited.
            project = self.project();
            org = self.organization(organization);
            if !fresh(&project) {
                project = self
                    .fetch_project(client)
                    .await
                    .or_else(|e| project.ok_or(e))
                    .map(Some)?;
            }
            if !fresh(&org) {
                org = self
                    .fetch_organization(client, organization)
                    .await
                    .or_else(|e| org.ok_or(e))
                    .map(Some)?;
            }
        }
        let mut roles: Vec<PolicyRole> = project.map(|p| p.roles.to_vec()).unwrap_or_default();
        roles.extend(org.iter().flat_map(|o| o.roles.iter().cloned()));
        Ok(roles)
    }

    async fn fetch_project(&self, client: &Client) -> Result<Fetched, Error> {
        let response = client.send(Policy::new()).await.inspect_err(|e| {
            tracing::warn!(error = %e, "RBAC policy fetch failed");
        })?;
        let fetched = Fetched {
            roles: response.policy.map(|p| p.roles).unwrap_or_default().into(),
            at: Instant::now(),
        };
        *self.project.lock().unwrap_or_else(|p| p.into_inner()) = Some(fetched.clone());
        Ok(fetched)
    }

    async fn fetch_organization(&self, client: &Client, id: &OrganizationId) -> Result<Fetched, Error> {
        let response = client.send(GetOrgPolicy::new(id)).await.inspect_err(|e| {
            tracing::warn!(error = %e, "organization RBAC policy fetch failed");
        })?;
        let fetched = Fetched {
            roles: response.org_policy.roles.into(),
            at: Instant::now(),
        };
        self.organizations
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone(), fetched.clone());
        Ok(fetched)
    }
}

/// The roles among `session_roles` that allow `action` on `resource` under `policy_roles`.
pub(crate) fn granting_roles(
    policy_roles: &[PolicyRole],
    session_roles: &[String],
    resource: &str,
    action: &str,
) -> Vec<String> {
    let mut granting: Vec<String> = Vec::new();
    for role in policy_roles.iter().filter(|r| session_roles.contains(&r.role_id)) {
        let allows = role
            .permissions
            .iter()
            .any(|p| p.resource_id == resource && p.actions.iter().any(|a| a == action || a == ANY_ACTION));
        if allows && !granting.contains(&role.role_id) {
            granting.push(role.role_id.clone());
        }
    }
    granting
}

/// Decides `check` for a locally verified session in `organization` with `session_roles`.
pub(crate) async fn authorize(
    client: &Client,
    organization: &OrganizationId,
    session_roles: &[String],
    check: &AuthorizationCheck,
) -> Result<AuthorizationVerdict, Error> {
    if *organization != check.organization_id {
        return Err(Error::jwt(
            JwtReason::TenancyMismatch,
            Some("Member belongs to different organization".to_owned()),
        ));
    }
    let roles = client.rbac_policy_cache().roles(client, organization).await?;
    let granting = granting_roles(&roles, session_roles, &check.resource_id, &check.action);
    if granting.is_empty() {
        return Err(Error::jwt(
            JwtReason::PermissionDenied,
            Some(format!(
                "Member does not have permission to perform {} on {}",
                check.action, check.resource_id
            )),
        ));
    }
    Ok(AuthorizationVerdict {
        authorized: true,
        granting_roles: granting,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::b2b::models::PolicyRolePermission;

    fn role(id: &str, permissions: &[(&str, &[&str])]) -> PolicyRole {
        PolicyRole::new(
            id,
            "",
            permissions
                .iter()
                .map(|(r, a)| PolicyRolePermission::new(*r, a.iter().map(|s| s.to_string()).collect()))
                .collect(),
        )
    }

    #[test]
    fn the_official_sdks_rules() {
        let policy = [
            role("stytch_member", &[("stytch.self", &["*"])]),
            role("editor", &[("documents", &["read", "write"])]),
            role("owner", &[("documents", &["*"])]),
        ];
        let member = ["stytch_member".to_owned()];
        let editor = ["stytch_member".to_owned(), "editor".to_owned()];
        let both = ["editor".to_owned(), "owner".to_owned()];
        assert!(granting_roles(&policy, &member, "documents", "read").is_empty());
        assert_eq!(granting_roles(&policy, &editor, "documents", "read"), ["editor"]);
        assert!(granting_roles(&policy, &editor, "documents", "delete").is_empty());
        // `*` grants every action, on that resource only; resources match exactly.
        assert_eq!(granting_roles(&policy, &both, "documents", "delete"), ["owner"]);
        assert!(granting_roles(&policy, &both, "documents.archive", "read").is_empty());
        assert_eq!(
            granting_roles(&policy, &both, "documents", "read"),
            ["editor", "owner"]
        );
        // Roles the session does not hold, or the policy does not define, grant nothing.
        assert!(granting_roles(&policy, &["ghost".to_owned()], "documents", "read").is_empty());
    }
}

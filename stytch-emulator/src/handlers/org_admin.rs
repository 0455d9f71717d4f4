//! Organizations: update (with Stytch's configuration rules), delete, search, metrics,
//! delete_external_id, and the connected-app reads.

use super::organizations::{obj, one_of, validate_external_id, validate_slug};
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, PathParams};
use crate::search::{self, Filter, Kind, SearchCtx, contains_ci, in_ci};
use crate::store::{Organization, PasswordOwner, Store, normalize_email};
use axum::Json;
use axum::extract::State;
use serde_json::{Map, Value, json};

fn bad(error_type: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(400, error_type, message)
}

/// The organization `key` names (id, slug or external id), cloned.
fn org_of(store: &Store, key: &str) -> ApiResult<Organization> {
    store
        .find_org(key)
        .cloned()
        .ok_or_else(ApiError::organization_not_found)
}

/// Checks a domain list: well-formed, not a consumer domain, no duplicates. `claimed` picks the
/// claimed-domain error names.
fn validate_domains(field: &str, domains: &[String], claimed: bool) -> ApiResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for d in domains {
        let d = d.trim().to_lowercase();
        let well_formed = d.contains('.')
            && !d.starts_with('.')
            && !d.ends_with('.')
            && !d.contains("..")
            && d.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.');
        if !well_formed {
            return Err(bad(
                "organization_settings_invalid_domain",
                format!("{field}: {d:?} is not a valid domain."),
            ));
        }
        if policy::COMMON_EMAIL_DOMAINS.contains(&d.as_str()) {
            let ty = if claimed {
                "organization_settings_claimed_domain_too_common"
            } else {
                "organization_settings_domain_too_common"
            };
            return Err(bad(
                ty,
                format!("{field}: {d} is a common email domain and cannot be used."),
            ));
        }
        if out.contains(&d) {
            let ty = if claimed {
                "organization_settings_duplicate_claimed_domain"
            } else {
                "organization_settings_duplicate_domain"
            };
            return Err(bad(ty, format!("{field}: {d} is listed twice.")));
        }
        out.push(d);
    }
    Ok(out)
}

/// Every value of `list` in `allowed`.
fn subset(field: &str, list: Vec<String>, allowed: &[&str]) -> ApiResult<Vec<String>> {
    match list.iter().find(|v| !allowed.contains(&v.as_str())) {
        Some(v) => Err(ApiError::invalid(
            field,
            format!("{v:?} is not one of {}", allowed.join(", ")),
        )),
        None => Ok(list),
    }
}

/// Applies an update body to `org` (only fields sent change; lists are replaced whole), then
/// checks the organization's settings as a whole.
fn apply_update(store: &Store, org: &mut Organization, body: &Map<String, Value>) -> ApiResult<()> {
    if let Some(name) = body.opt_str("organization_name")? {
        if name.chars().count() > 128 {
            return Err(bad(
                "invalid_organization_name",
                "organization_name must be 1 to 128 characters.",
            ));
        }
        org.name = name.to_owned();
    }
    if let Some(slug) = body.opt_str("organization_slug")? {
        validate_slug(slug)?;
        if store
            .organizations
            .values()
            .any(|o| o.id != org.id && o.slug == slug)
        {
            return Err(bad(
                "organization_slug_already_used",
                "The provided organization_slug is already used in another organization.",
            ));
        }
        org.slug = slug.to_owned();
    }
    if let Some(url) = body.opt_str("organization_logo_url")? {
        if url.len() > policy::MAX_LOGO_URL_LEN {
            return Err(bad(
                "organization_logo_url_too_long",
                format!(
                    "organization_logo_url is longer than {} characters.",
                    policy::MAX_LOGO_URL_LEN
                ),
            ));
        }
        org.logo_url = url.to_owned();
    }
    if let Some(x) = body.opt_str("organization_external_id")? {
        validate_external_id("organization_external_id", x)?;
        if store
            .organizations
            .values()
            .any(|o| o.id != org.id && o.external_id.as_deref() == Some(x))
        {
            return Err(bad(
                "organization_external_id_already_used",
                "The provided organization_external_id is already used in another organization.",
            ));
        }
        org.external_id = Some(x.to_owned());
    }
    if let Some(t) = body.opt_object("trusted_metadata")? {
        org.trusted_metadata = Some(Value::Object(t.clone()));
    }
    if body.opt_str("sso_default_connection_id")?.is_some() {
        return Err(bad(
            "invalid_sso_default_connection_id",
            "sso_default_connection_id must be one of the organization's SSO connections.",
        ));
    }
    if let Some(connections) = body.opt_str_list("sso_jit_provisioning_allowed_connections")? {
        if let Some(c) = connections.first() {
            return Err(ApiError::not_found(
                "sso_connection_not_found",
                format!("SSO connection {c:?} is not a connection of this organization."),
            ));
        }
        org.sso_jit_provisioning_allowed_connections = connections;
    }
    let keep = |current: &str| current.to_owned();
    let all = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    org.sso_jit_provisioning = one_of(
        body,
        "sso_jit_provisioning",
        &all,
        &keep(&org.sso_jit_provisioning),
    )?;
    org.email_jit_provisioning = one_of(
        body,
        "email_jit_provisioning",
        &["RESTRICTED", "NOT_ALLOWED"],
        &keep(&org.email_jit_provisioning),
    )?;
    org.email_invites = one_of(body, "email_invites", &all, &keep(&org.email_invites))?;
    org.auth_methods = one_of(
        body,
        "auth_methods",
        &["ALL_ALLOWED", "RESTRICTED"],
        &keep(&org.auth_methods),
    )?;
    org.mfa_policy = one_of(
        body,
        "mfa_policy",
        &["OPTIONAL", "REQUIRED_FOR_ALL"],
        &keep(&org.mfa_policy),
    )?;
    org.mfa_methods = one_of(
        body,
        "mfa_methods",
        &["ALL_ALLOWED", "RESTRICTED"],
        &keep(&org.mfa_methods),
    )?;
    org.oauth_tenant_jit_provisioning = one_of(
        body,
        "oauth_tenant_jit_provisioning",
        &["RESTRICTED", "NOT_ALLOWED"],
        &keep(&org.oauth_tenant_jit_provisioning),
    )?;
    org.first_party_connected_apps_allowed_type = one_of(
        body,
        "first_party_connected_apps_allowed_type",
        &all,
        &keep(&org.first_party_connected_apps_allowed_type),
    )?;
    org.third_party_connected_apps_allowed_type = one_of(
        body,
        "third_party_connected_apps_allowed_type",
        &all,
        &keep(&org.third_party_connected_apps_allowed_type),
    )?;
    if let Some(d) = body.opt_str_list("email_allowed_domains")? {
        org.email_allowed_domains = validate_domains("email_allowed_domains", &d, false)?;
    }
    if let Some(d) = body.opt_str_list("claimed_email_domains")? {
        let d = validate_domains("claimed_email_domains", &d, true)?;
        if let Some((domain, other)) = d.iter().find_map(|domain| {
            store
                .organizations
                .values()
                .find(|o| o.id != org.id && o.claimed_email_domains.contains(domain))
                .map(|o| (domain.clone(), o.slug.clone()))
        }) {
            return Err(bad(
                "action_not_allowed_email_domain_is_claimed",
                format!("{domain} is already claimed by organization {other}."),
            ));
        }
        org.claimed_email_domains = d;
    }
    if let Some(m) = body.opt_str_list("allowed_auth_methods")? {
        org.allowed_auth_methods = subset("allowed_auth_methods", m, policy::ALL_AUTH_METHODS)?;
    }
    if let Some(m) = body.opt_str_list("allowed_mfa_methods")? {
        org.allowed_mfa_methods = subset("allowed_mfa_methods", m, &["sms_otp", "totp"])?;
    }
    if let Some(t) = body.opt_object("allowed_oauth_tenants")? {
        if let Some(k) = t
            .keys()
            .find(|k| !["slack", "hubspot", "github"].contains(&k.as_str()))
        {
            return Err(ApiError::invalid(
                "allowed_oauth_tenants",
                format!("{k:?} is not one of slack, hubspot, github"),
            ));
        }
        org.allowed_oauth_tenants = Some(Value::Object(t.clone()));
    }
    if let Some(list) = body.opt_list("rbac_email_implicit_role_assignments")? {
        for a in &list {
            if a["domain"].as_str().is_none_or(str::is_empty)
                || a["role_id"].as_str().is_none_or(str::is_empty)
            {
                return Err(ApiError::invalid(
                    "rbac_email_implicit_role_assignments",
                    "each entry needs a domain and a role_id",
                ));
            }
        }
        org.rbac_email_implicit_role_assignments = list;
    }
    if let Some(apps) = body.opt_str_list("allowed_first_party_connected_apps")? {
        org.allowed_first_party_connected_apps = apps;
    }
    if let Some(apps) = body.opt_str_list("allowed_third_party_connected_apps")? {
        org.allowed_third_party_connected_apps = apps;
    }
    check_consistency(org)
}

/// The configuration rules that span several settings.
fn check_consistency(org: &Organization) -> ApiResult<()> {
    let not_allowed = |s: &str| s == "NOT_ALLOWED";
    if not_allowed(&org.sso_jit_provisioning)
        && not_allowed(&org.email_jit_provisioning)
        && not_allowed(&org.email_invites)
    {
        return Err(bad(
            "invalid_organization_auth_factor_setting",
            "sso_jit_provisioning, email_jit_provisioning and email_invites cannot all be NOT_ALLOWED.",
        ));
    }
    if org.auth_methods == "RESTRICTED" && org.allowed_auth_methods.is_empty() {
        return Err(bad(
            "allowed_auth_methods_required_for_restricted",
            "Allowed auth methods must be set for 'RESTRICTED' auth methods",
        ));
    }
    if org.mfa_methods == "RESTRICTED" && org.allowed_mfa_methods.is_empty() {
        return Err(bad(
            "allowed_mfa_methods_required_for_restricted",
            "Allowed MFA methods must be set for 'RESTRICTED' MFA methods",
        ));
    }
    if (org.email_invites == "RESTRICTED" || org.email_jit_provisioning == "RESTRICTED")
        && org.email_allowed_domains.is_empty()
    {
        return Err(bad(
            "invalid_restricted_email_setting",
            "email_allowed_domains must be set when email_invites or email_jit_provisioning is RESTRICTED.",
        ));
    }
    if org.sso_jit_provisioning == "RESTRICTED" && org.sso_jit_provisioning_allowed_connections.is_empty() {
        return Err(bad(
            "invalid_restricted_sso_setting",
            "sso_jit_provisioning_allowed_connections must be set when sso_jit_provisioning is RESTRICTED.",
        ));
    }
    let tenants_empty = org
        .allowed_oauth_tenants
        .as_ref()
        .and_then(Value::as_object)
        .is_none_or(|m| m.values().all(|v| v.as_array().is_none_or(Vec::is_empty)));
    if org.oauth_tenant_jit_provisioning == "RESTRICTED" && tenants_empty {
        return Err(bad(
            "invalid_restricted_oauth_tenants_setting",
            "allowed_oauth_tenants must be set when oauth_tenant_jit_provisioning is RESTRICTED.",
        ));
    }
    Ok(())
}

/// `PUT /v1/b2b/organizations/{organization_id}`.
pub(crate) async fn update(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let mut org = org_of(&store, &key)?;
    apply_update(&store, &mut org, &body)?;
    org.updated_at = now;
    let rendered = render::organization(&org);
    store.organizations.insert(org.id.clone(), org);
    Ok(Json(render::success(obj(json!({ "organization": rendered })))))
}

/// `DELETE /v1/b2b/organizations/{organization_id}`: the organization and all its members
/// (with their passwords and sessions).
pub(crate) async fn delete(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let mut store = app.store();
    let org = org_of(&store, &key)?;
    let members: Vec<String> = store
        .members
        .values()
        .filter(|m| m.organization_id == org.id)
        .map(|m| m.id.clone())
        .collect();
    for id in &members {
        store.revoke_member_sessions(id, None);
        store.passwords.remove(&PasswordOwner::Member(id.clone()));
        store.members.remove(id);
        store.email_updates.remove(id);
    }
    store.provider_tokens.retain(|t| !members.contains(&t.member_id));
    store.connected_app_grants.retain(|g| g.organization_id != org.id);
    store
        .intermediate_sessions
        .retain(|_, i| i.organization_id.as_deref() != Some(&org.id));
    store.organizations.remove(&org.id);
    Ok(Json(render::success(obj(json!({ "organization_id": org.id })))))
}

/// `DELETE /v1/b2b/organizations/{organization_id}/external_id`.
pub(crate) async fn delete_external_id(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let id = org_of(&store, &key)?.id;
    let org = store.organizations.get_mut(&id).expect("found above");
    org.external_id = None;
    org.updated_at = now;
    Ok(Json(render::success(obj(
        json!({ "organization": render::organization(org) }),
    ))))
}

/// `GET /v1/b2b/organizations/{organization_id}/metrics`: `{member_count}`.
pub(crate) async fn metrics(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let org = org_of(&store, &key)?;
    let count = store
        .members
        .values()
        .filter(|m| m.organization_id == org.id && (policy::METRICS_COUNT_DELETED || m.status != "deleted"))
        .count();
    Ok(Json(render::success(obj(json!({ "member_count": count })))))
}

/// The organization search filters.
const ORGANIZATION_FILTERS: &[Filter<Organization>] = &[
    Filter {
        name: "organization_ids",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, o, v| v.list().contains(&o.id),
    },
    Filter {
        name: "organization_slugs",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, o, v| v.list().contains(&o.slug),
    },
    Filter {
        name: "organization_name_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |_, o, v| contains_ci(&o.name, v.text()),
    },
    Filter {
        name: "organization_slug_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |_, o, v| contains_ci(&o.slug, v.text()),
    },
    Filter {
        name: "member_emails",
        kind: Kind::List,
        fuzzy: false,
        matches: |c, o, v| {
            let emails: Vec<String> = v.list().iter().map(|e| normalize_email(e)).collect();
            c.store
                .members
                .values()
                .any(|m| m.organization_id == o.id && m.status != "deleted" && emails.contains(&m.email))
        },
    },
    Filter {
        name: "member_email_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |c, o, v| {
            c.store.members.values().any(|m| {
                m.organization_id == o.id && m.status != "deleted" && contains_ci(&m.email, v.text())
            })
        },
    },
    Filter {
        name: "allowed_domains",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, o, v| o.email_allowed_domains.iter().any(|d| in_ci(v.list(), d)),
    },
    Filter {
        name: "allowed_domain_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |_, o, v| o.email_allowed_domains.iter().any(|d| contains_ci(d, v.text())),
    },
    Filter {
        name: "claimed_email_domains",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, o, v| o.claimed_email_domains.iter().any(|d| in_ci(v.list(), d)),
    },
    // No SSO connections are modelled yet: no organization has an active one.
    Filter {
        name: "has_active_sso_connection",
        kind: Kind::Flag,
        fuzzy: false,
        matches: |_, _, v| !v.flag(),
    },
    Filter {
        name: "sso_connection_id",
        kind: Kind::Text,
        fuzzy: false,
        matches: |_, _, _| false,
    },
];

/// `POST /v1/b2b/organizations/search`.
pub(crate) async fn search(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let query = search::parse_query(&body, "organization", ORGANIZATION_FILTERS)?;
    let store = app.store();
    let ctx = SearchCtx {
        store: &store,
        cross_org: app.settings().cross_org_passwords,
    };
    let matching: Vec<&Organization> = store
        .orgs_in_order()
        .into_iter()
        .filter(|o| query.matches(&ctx, o))
        .collect();
    let (page, metadata) = search::page(&body, matching)?;
    let organizations: Vec<Value> = page.into_iter().map(render::organization).collect();
    Ok(Json(render::success(obj(json!({
        "organizations": organizations,
        "results_metadata": metadata,
    })))))
}

/// `GET /v1/b2b/organizations/{organization_id}/connected_apps`: the apps its members authorized.
pub(crate) async fn connected_apps(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let org = org_of(&store, &key)?;
    let mut apps: Vec<Value> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for g in store
        .connected_app_grants
        .iter()
        .filter(|g| g.organization_id == org.id)
    {
        if !seen.contains(&g.app.connected_app_id.as_str()) {
            seen.push(&g.app.connected_app_id);
            apps.push(json!({
                "connected_app_id": g.app.connected_app_id,
                "name": g.app.name,
                "description": g.app.description,
                "client_type": g.app.client_type,
                "logo_url": g.app.logo_url,
            }));
        }
    }
    Ok(Json(render::success(obj(json!({ "connected_apps": apps })))))
}

/// `GET /v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}`.
pub(crate) async fn get_connected_app(
    State(app): State<App>,
    PathParams((key, app_id)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let org = org_of(&store, &key)?;
    let grants: Vec<_> = store
        .connected_app_grants
        .iter()
        .filter(|g| g.organization_id == org.id && g.app.connected_app_id == app_id)
        .collect();
    let Some(first) = grants.first() else {
        return Err(ApiError::not_found(
            "connected_app_not_found",
            "Connected App could not be found.",
        ));
    };
    let members: Vec<Value> = grants
        .iter()
        .map(|g| json!({ "member_id": g.member_id, "granted_scopes": g.scopes }))
        .collect();
    Ok(Json(render::success(obj(json!({
        "connected_app_id": first.app.connected_app_id,
        "name": first.app.name,
        "description": first.app.description,
        "client_type": first.app.client_type,
        "logo_url": first.app.logo_url,
        "active_members": members,
    })))))
}

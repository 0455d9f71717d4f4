//! `POST /v1/b2b/organizations`, `GET /v1/b2b/organizations/{organization_id}`.

use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, PathParams};
use crate::store::{Organization, Store};
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

pub(crate) fn one_of(
    body: &Map<String, Value>,
    key: &str,
    allowed: &[&str],
    default: &str,
) -> ApiResult<String> {
    match body.opt_str(key)? {
        None => Ok(default.to_owned()),
        Some(v) if allowed.contains(&v) => Ok(v.to_owned()),
        Some(v) => Err(ApiError::invalid(
            key,
            format!("{v:?} is not one of {}", allowed.join(", ")),
        )),
    }
}

/// Validates a slug with the message Stytch's SDK mocks carry.
pub(crate) fn validate_slug(slug: &str) -> ApiResult<()> {
    let ok = (2..=128).contains(&slug.chars().count())
        && slug
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-._~".contains(c))
        && slug.chars().any(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(())
    } else {
        Err(ApiError::new(
            400,
            "invalid_organization_slug",
            "The organization_slug must be at least 2 characters long and may only contain alphanumerics and the reserved characters '-', '.', '_', or '~'. At least one character must be alphanumeric.",
        ))
    }
}

pub(crate) fn validate_external_id(field: &str, id: &str) -> ApiResult<()> {
    if id.len() <= 128
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._-|".contains(c))
    {
        Ok(())
    } else {
        Err(ApiError::invalid(
            field,
            "may only contain alphanumerics and . _ - | (at most 128 characters)",
        ))
    }
}

fn slugify(name: &str) -> String {
    let mut slug: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while slug.contains("--") {
        slug = slug.replace("--", "-");
    }
    let slug = slug.trim_matches('-').chars().take(100).collect::<String>();
    if slug.len() < 2 {
        format!("org-{slug}").trim_end_matches('-').to_owned()
    } else {
        slug
    }
}

/// Builds an organization from create-style fields (shared with discovery organization create).
/// `fallback_name` is used when `organization_name` is absent (discovery create).
pub(crate) fn build_organization(
    store: &Store,
    body: &Map<String, Value>,
    now: DateTime<Utc>,
    fallback_name: Option<&str>,
) -> ApiResult<Organization> {
    let name = match (body.opt_str("organization_name")?, fallback_name) {
        (Some(n), _) => n.to_owned(),
        (None, Some(f)) => f.to_owned(),
        (None, None) => {
            return Err(ApiError::missing("organization_name").with_error_type("organization_name_missing"));
        }
    };
    if name.chars().count() > 128 {
        return Err(ApiError::new(
            400,
            "invalid_organization_name",
            "organization_name must be at most 128 characters.",
        ));
    }
    let slug = match body.opt_str("organization_slug")? {
        Some(s) => {
            validate_slug(s)?;
            if store.organizations.values().any(|o| o.slug == s) {
                return Err(ApiError::new(
                    400,
                    "organization_slug_already_used",
                    "The provided organization_slug is already used in another organization.",
                ));
            }
            s.to_owned()
        }
        None if policy::GENERATE_MISSING_SLUG => {
            let base = slugify(&name);
            let mut slug = base.clone();
            while store.organizations.values().any(|o| o.slug == slug) {
                slug = format!("{base}-{}", &uuid::Uuid::new_v4().simple().to_string()[..6]);
            }
            slug
        }
        None => return Err(ApiError::missing("organization_slug")),
    };
    let external_id = body.opt_str("organization_external_id")?.map(str::to_owned);
    if let Some(x) = &external_id {
        validate_external_id("organization_external_id", x)?;
        if store
            .organizations
            .values()
            .any(|o| o.external_id.as_deref() == Some(x))
        {
            return Err(ApiError::new(
                400,
                "organization_external_id_already_used",
                "The provided organization_external_id is already used in another organization.",
            ));
        }
    }
    let auth_setting_keys = [
        "sso_jit_provisioning",
        "email_allowed_domains",
        "email_jit_provisioning",
        "email_invites",
        "auth_methods",
        "allowed_auth_methods",
    ];
    let any_auth_setting = auth_setting_keys
        .iter()
        .any(|k| body.get(*k).is_some_and(|v| !v.is_null()));
    let email_invites_default = if any_auth_setting {
        "NOT_ALLOWED"
    } else {
        "ALL_ALLOWED"
    };
    let apps = ["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"];
    let email_allowed_domains = body.opt_str_list("email_allowed_domains")?.unwrap_or_default();
    let email_jit_provisioning = one_of(
        body,
        "email_jit_provisioning",
        &["RESTRICTED", "NOT_ALLOWED"],
        "NOT_ALLOWED",
    )?;
    let trusted_metadata = body
        .opt_object("trusted_metadata")?
        .map(|m| Value::Object(m.clone()));
    Ok(Organization {
        id: ids::id("organization"),
        seq: 0,
        name,
        slug,
        logo_url: body.opt_str("organization_logo_url")?.unwrap_or("").to_owned(),
        trusted_metadata,
        external_id,
        sso_jit_provisioning: one_of(
            body,
            "sso_jit_provisioning",
            &["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"],
            "ALL_ALLOWED",
        )?,
        email_allowed_domains,
        email_jit_provisioning,
        email_invites: one_of(
            body,
            "email_invites",
            &["ALL_ALLOWED", "RESTRICTED", "NOT_ALLOWED"],
            email_invites_default,
        )?,
        auth_methods: one_of(
            body,
            "auth_methods",
            &["ALL_ALLOWED", "RESTRICTED"],
            "ALL_ALLOWED",
        )?,
        allowed_auth_methods: body.opt_str_list("allowed_auth_methods")?.unwrap_or_default(),
        mfa_policy: one_of(body, "mfa_policy", &["OPTIONAL", "REQUIRED_FOR_ALL"], "OPTIONAL")?,
        rbac_email_implicit_role_assignments: body
            .opt_list("rbac_email_implicit_role_assignments")?
            .unwrap_or_default(),
        mfa_methods: one_of(body, "mfa_methods", &["ALL_ALLOWED", "RESTRICTED"], "ALL_ALLOWED")?,
        allowed_mfa_methods: body.opt_str_list("allowed_mfa_methods")?.unwrap_or_default(),
        oauth_tenant_jit_provisioning: one_of(
            body,
            "oauth_tenant_jit_provisioning",
            &["RESTRICTED", "NOT_ALLOWED"],
            "NOT_ALLOWED",
        )?,
        allowed_oauth_tenants: body
            .opt_object("allowed_oauth_tenants")?
            .map(|m| Value::Object(m.clone())),
        claimed_email_domains: body.opt_str_list("claimed_email_domains")?.unwrap_or_default(),
        first_party_connected_apps_allowed_type: one_of(
            body,
            "first_party_connected_apps_allowed_type",
            &apps,
            "ALL_ALLOWED",
        )?,
        allowed_first_party_connected_apps: body
            .opt_str_list("allowed_first_party_connected_apps")?
            .unwrap_or_default(),
        third_party_connected_apps_allowed_type: one_of(
            body,
            "third_party_connected_apps_allowed_type",
            &apps,
            "ALL_ALLOWED",
        )?,
        allowed_third_party_connected_apps: body
            .opt_str_list("allowed_third_party_connected_apps")?
            .unwrap_or_default(),
        created_at: now,
        updated_at: now,
        custom_roles: Vec::new(),
        sso_jit_provisioning_allowed_connections: Vec::new(),
    })
}

/// `POST /v1/b2b/organizations`.
pub(crate) async fn create(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let mut org = build_organization(&store, &body, now, None)?;
    org.seq = store.next_seq();
    let rendered = render::organization(&org);
    store.organizations.insert(org.id.clone(), org);
    Ok(Json(render::success(obj(json!({ "organization": rendered })))))
}

/// `GET /v1/b2b/organizations/{organization_id}`.
pub(crate) async fn get(
    State(app): State<App>,
    PathParams(org_id): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let org = store
        .find_org(&org_id)
        .ok_or_else(ApiError::organization_not_found)?;
    Ok(Json(render::success(obj(
        json!({ "organization": render::organization(org) }),
    ))))
}

/// A `json!` object as a map.
pub(crate) fn obj(v: Value) -> Map<String, Value> {
    match v {
        Value::Object(m) => m,
        _ => Map::new(),
    }
}

//! `GET /v1/b2b/rbac/policy`, the organization policy get/set, and the emulator's
//! `PUT /__emulator/rbac/policy` hook.

use super::organizations::obj;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::rbac::{self, RbacPolicy, RbacRole};
use crate::render;
use crate::request::{Body, Fields, PathParams};
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

/// `GET /v1/b2b/rbac/policy`: the project's policy, Stytch's defaults included.
pub(crate) async fn policy(State(app): State<App>) -> Json<Value> {
    let policy = app.store().rbac.render();
    Json(render::success(obj(json!({ "policy": policy }))))
}

/// `GET /v1/b2b/rbac/organizations/{organization_id}`: the organization's own roles.
pub(crate) async fn get_org_policy(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let org = store
        .find_org(&key)
        .ok_or_else(ApiError::organization_not_found)?;
    Ok(Json(render::success(obj(
        json!({ "org_policy": { "roles": org.custom_roles } }),
    ))))
}

/// `PUT /v1/b2b/rbac/organizations/{organization_id}` with `{"org_policy": {"roles": [...]}}`:
/// replaces the organization's own roles (the whole list).
pub(crate) async fn set_org_policy(
    State(app): State<App>,
    PathParams(key): PathParams<String>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let policy = body
        .opt_object("org_policy")?
        .ok_or_else(|| ApiError::missing("org_policy"))?;
    let roles: Vec<RbacRole> = match policy.get("roles") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => serde_json::from_value(v.clone())
            .map_err(|e| ApiError::invalid("org_policy.roles", format!("must be a list of roles ({e})")))?,
    };
    let now = app.now();
    let mut store = app.store();
    let id = store
        .find_org(&key)
        .ok_or_else(ApiError::organization_not_found)?
        .id
        .clone();
    rbac::validate_roles(&store.rbac, &roles, true)?;
    let org = store.organizations.get_mut(&id).expect("found above");
    org.custom_roles = roles;
    org.updated_at = now;
    Ok(Json(render::success(obj(
        json!({ "org_policy": { "roles": org.custom_roles } }),
    ))))
}

/// `PUT /__emulator/rbac/policy` with `{"resources": [...], "roles": [...], "scopes": [...]}`:
/// replaces the project's own resources, roles and scopes (see [`crate::rbac`]); answers the
/// whole policy as `GET /v1/b2b/rbac/policy` would.
pub(crate) async fn set_project_policy(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let policy: RbacPolicy = serde_json::from_value(Value::Object(body))
        .map_err(|e| ApiError::bad_request(format!("The body is not an RBAC policy: {e}")))?;
    set_policy(&app, policy)?;
    let rendered = app.store().rbac.render();
    Ok(Json(json!({ "policy": rendered })))
}

/// Validates and installs the project's own part of the RBAC policy.
pub(crate) fn set_policy(app: &App, policy: RbacPolicy) -> ApiResult<()> {
    policy.validate()?;
    app.store().rbac = rbac::ProjectPolicy::with_custom(policy);
    Ok(())
}

//! Members: create, get, and `dangerously_get`.

use super::organizations::obj;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, PathParams, QueryFields, validate_email};
use crate::store::{Member, Store, normalize_email};
use axum::Json;
use axum::extract::{RawQuery, State};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

/// A new, unsaved member with defaults.
pub(crate) fn new_member(org_id: &str, email: &str, now: DateTime<Utc>) -> Member {
    Member {
        id: ids::id("member"),
        organization_id: org_id.to_owned(),
        email: normalize_email(email),
        email_id: ids::id(policy::MEMBER_EMAIL_ID_PREFIX),
        status: "active".into(),
        name: String::new(),
        is_breakglass: false,
        email_verified: false,
        mfa_phone_number: String::new(),
        mfa_phone_number_verified: false,
        mfa_enrolled: false,
        roles: Vec::new(),
        trusted_metadata: None,
        untrusted_metadata: None,
        external_id: None,
        created_at: now,
        updated_at: now,
        mfa: Default::default(),
        retired_emails: Vec::new(),
    }
}

/// E.164: `+` then 8 to 15 digits.
pub(crate) fn validate_phone(phone: &str) -> ApiResult<()> {
    let digits = phone.strip_prefix('+').unwrap_or("");
    if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(ApiError::new(
            400,
            "invalid_phone_number",
            "Phone number format is invalid; use E.164, e.g. +12025550123.",
        ))
    }
}

/// Applies the optional member fields shared by members/create and passwords/migrate.
pub(crate) fn apply_member_fields(
    store: &Store,
    m: &mut Member,
    body: &Map<String, Value>,
    new: bool,
) -> ApiResult<()> {
    if let Some(name) = body.opt_str("name")? {
        m.name = name.to_owned();
    }
    if let Some(t) = body.opt_object("trusted_metadata")? {
        m.trusted_metadata = Some(Value::Object(t.clone()));
    }
    if let Some(u) = body.opt_object("untrusted_metadata")? {
        m.untrusted_metadata = Some(Value::Object(u.clone()));
    }
    if let Some(phone) = body.opt_str("mfa_phone_number")? {
        validate_phone(phone)?;
        m.mfa_phone_number = phone.to_owned();
    }
    if let Some(roles) = body.opt_str_list("roles")? {
        // Explicit roles replace the previous explicit roles.
        m.roles = roles.into_iter().filter(|r| r != "stytch_member").collect();
    }
    if new && let Some(x) = body.opt_str("external_id")? {
        if !(x.len() <= 128 && x.chars().all(|c| c.is_ascii_alphanumeric() || "._-|".contains(c))) {
            return Err(ApiError::invalid(
                "external_id",
                "may only contain alphanumerics and . _ - | (at most 128 characters)",
            ));
        }
        if store
            .members
            .values()
            .any(|o| o.organization_id == m.organization_id && o.external_id.as_deref() == Some(x))
        {
            return Err(ApiError::new(
                400,
                "duplicate_member_external_id",
                "A member with this external_id already exists in the organization.",
            ));
        }
        m.external_id = Some(x.to_owned());
    }
    Ok(())
}

/// `POST /v1/b2b/organizations/{organization_id}/members`.
pub(crate) async fn create(
    State(app): State<App>,
    PathParams(org_key): PathParams<String>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let now = app.now();
    let mut store = app.store();
    let org = store
        .find_org(&org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let normalized = normalize_email(email);
    let retired_elsewhere = store
        .members
        .values()
        .any(|m| m.organization_id == org.id && m.retired_emails.iter().any(|r| r.email == normalized));
    if store.member_by_email(&org.id, email).is_some() || retired_elsewhere {
        return Err(ApiError::new(
            policy::DUPLICATE_MEMBER_EMAIL_STATUS,
            "duplicate_member_email",
            "A member with this email address already exists in the organization.",
        ));
    }
    let mut m = new_member(&org.id, email, now);
    apply_member_fields(&store, &mut m, &body, true)?;
    if body.opt_bool("create_member_as_pending")?.unwrap_or(false) {
        m.status = "pending".into();
    }
    m.is_breakglass = body.opt_bool("is_breakglass")?.unwrap_or(false);
    m.mfa_enrolled = body.opt_bool("mfa_enrolled")?.unwrap_or(false);
    let member_id = m.id.clone();
    store.members.insert(m.id.clone(), m);
    let member = render::member_in(
        &store,
        &store.members[&member_id],
        app.settings().cross_org_passwords,
    );
    Ok(Json(render::success(obj(json!({
        "member_id": member_id,
        "member": member,
        "organization": render::organization(&org),
    })))))
}

/// `GET /v1/b2b/organizations/{organization_id}/member?member_id=…|email_address=…`.
pub(crate) async fn get(
    State(app): State<App>,
    PathParams(org_key): PathParams<String>,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Value>> {
    let q = QueryFields::parse(query.as_deref())?;
    let member_id = q.opt_str("member_id")?;
    let email = q.opt_str("email_address")?;
    if member_id.is_none() && email.is_none() {
        return Err(
            ApiError::missing("member_id").with_message("Either member_id or email_address is required.")
        );
    }
    let store = app.store();
    let org = store
        .find_org(&org_key)
        .ok_or_else(ApiError::organization_not_found)?;
    let m = match member_id {
        Some(id) => store
            .members
            .get(id)
            .filter(|m| m.organization_id == org.id && m.status != "deleted"),
        None => store.member_by_email(&org.id, email.unwrap_or_default()),
    }
    .ok_or_else(ApiError::member_not_found)?;
    Ok(Json(render::success(obj(json!({
        "member_id": m.id,
        "member": render::member_in(&store, m, app.settings().cross_org_passwords),
        "organization": render::organization(org),
    })))))
}

/// `GET /v1/b2b/organizations/members/dangerously_get/{member_id}[?include_deleted=true]`: a
/// member by id alone.
pub(crate) async fn dangerously_get(
    State(app): State<App>,
    PathParams(member_id): PathParams<String>,
    RawQuery(query): RawQuery,
) -> ApiResult<Json<Value>> {
    let q = QueryFields::parse(query.as_deref())?;
    let include_deleted = match q.opt_str("include_deleted")? {
        None => false,
        Some(v) => v
            .parse::<bool>()
            .map_err(|_| ApiError::invalid("include_deleted", "must be true or false"))?,
    };
    let store = app.store();
    let m = store
        .members
        .get(&member_id)
        .filter(|m| include_deleted || m.status != "deleted")
        .ok_or_else(ApiError::member_not_found)?;
    let org = store
        .organizations
        .get(&m.organization_id)
        .ok_or_else(ApiError::organization_not_found)?;
    Ok(Json(render::success(obj(json!({
        "member_id": m.id,
        "member": render::member_in(&store, m, app.settings().cross_org_passwords),
        "organization": render::organization(org),
    })))))
}

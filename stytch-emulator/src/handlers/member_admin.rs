//! Members: update, delete, reactivate, search, and removing factors, passwords, external ids
//! and retired emails; start_email_update.

use super::members::validate_phone;
use super::organizations::{obj, validate_external_id};
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::outbox::{MessageKind, OutboxMessage};
use crate::policy;
use crate::rbac;
use crate::render;
use crate::request::{Body, Fields, PathParams, validate_email};
use crate::search::{self, Filter, Kind, SearchCtx, contains_ci, in_ci};
use crate::store::{EmailUpdate, Member, PasswordOwner, RetiredEmail, Store, normalize_email};
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

fn bad(error_type: &str, message: impl Into<String>) -> ApiError {
    ApiError::new(400, error_type, message)
}

/// `(organization id, member id)` for path keys: the organization by id, slug or external id;
/// the member by id or (when `external_ok`) external id; deleted members only if `deleted_ok`.
pub(crate) fn resolve(
    store: &Store,
    org_key: &str,
    member_key: &str,
    external_ok: bool,
    deleted_ok: bool,
) -> ApiResult<(String, String)> {
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?;
    let m = store
        .find_member(&org.id, member_key, external_ok)
        .filter(|m| deleted_ok || m.status != "deleted")
        .ok_or_else(ApiError::member_not_found)?;
    Ok((org.id.clone(), m.id.clone()))
}

/// `{member_id, member, organization}` for a member.
pub(crate) fn member_body(app: &App, store: &Store, member_id: &str) -> ApiResult<Value> {
    let m = store
        .members
        .get(member_id)
        .ok_or_else(ApiError::member_not_found)?;
    let org = store
        .organizations
        .get(&m.organization_id)
        .ok_or_else(ApiError::organization_not_found)?;
    Ok(render::success(obj(json!({
        "member_id": m.id,
        "member": render::member_in(store, m, app.settings().cross_org_passwords),
        "organization": render::organization(org),
    }))))
}

/// Whether `email` belongs (current or retired) to a member of `org_id` other than `except`.
fn email_taken(store: &Store, org_id: &str, email: &str, except: &str) -> bool {
    store.members.values().any(|m| {
        m.organization_id == org_id
            && m.id != except
            && ((m.email == email && m.status != "deleted")
                || m.retired_emails.iter().any(|r| r.email == email))
    })
}

/// Moves a member to a new email address: the old one is retired (or dropped when `unlink`),
/// the new one is unverified, and the organization-scoped password goes.
fn change_email(store: &mut Store, member_id: &str, email: String, unlink: bool) {
    store
        .passwords
        .remove(&PasswordOwner::Member(member_id.to_owned()));
    let m = store.members.get_mut(member_id).expect("caller checked");
    if m.email == email {
        return;
    }
    let old = RetiredEmail {
        email_id: std::mem::replace(&mut m.email_id, ids::id(policy::MEMBER_EMAIL_ID_PREFIX)),
        email: std::mem::replace(&mut m.email, email.clone()),
    };
    m.retired_emails.retain(|r| r.email != email);
    if !unlink {
        m.retired_emails.push(old);
    }
    m.email_verified = false;
}

/// The update fields applied to a copy of `m`; the email change is returned for
/// [`change_email`].
fn apply_update(store: &Store, m: &mut Member, body: &Map<String, Value>) -> ApiResult<Option<String>> {
    if let Some(name) = body.opt_str("name")? {
        m.name = name.to_owned();
    }
    if let Some(t) = body.opt_object("trusted_metadata")? {
        m.trusted_metadata = Some(Value::Object(t.clone()));
    }
    if let Some(u) = body.opt_object("untrusted_metadata")? {
        m.untrusted_metadata = Some(Value::Object(u.clone()));
    }
    if let Some(b) = body.opt_bool("is_breakglass")? {
        m.is_breakglass = b;
    }
    if let Some(b) = body.opt_bool("mfa_enrolled")? {
        m.mfa_enrolled = b;
    }
    if let Some(phone) = body.opt_str("mfa_phone_number")?
        && phone != m.mfa_phone_number
    {
        validate_phone(phone)?;
        if !m.mfa_phone_number.is_empty() {
            let (status, ty) = policy::PHONE_ALREADY_SET_ERROR;
            return Err(ApiError::new(
                status,
                ty,
                "The member already has an MFA phone number; delete it before setting another.",
            ));
        }
        if store
            .members
            .values()
            .any(|o| o.organization_id == m.organization_id && o.id != m.id && o.mfa_phone_number == phone)
        {
            return Err(bad(
                "duplicate_member_phone_number",
                "Another member of the organization already uses this phone number.",
            ));
        }
        m.mfa_phone_number = phone.to_owned();
        m.mfa_phone_number_verified = false;
    }
    if let Some(roles) = body.opt_str_list("roles")? {
        m.roles = roles.into_iter().filter(|r| r != rbac::MEMBER_ROLE).collect();
    }
    if let Some(method) = body.opt_str("default_mfa_method")? {
        let has = match method {
            "sms_otp" => !m.mfa_phone_number.is_empty(),
            "totp" => m.mfa.active_totp().is_some(),
            _ => {
                return Err(bad(
                    "invalid_mfa_default_method",
                    "default_mfa_method must be sms_otp or totp.",
                ));
            }
        };
        if !has {
            return Err(bad(
                "default_mfa_member_missing_factor",
                format!("The member has no {method} factor to make the default."),
            ));
        }
        m.mfa.default_method = method.to_owned();
    }
    if let Some(x) = body.opt_str("external_id")? {
        validate_external_id("external_id", x)?;
        if store.members.values().any(|o| {
            o.organization_id == m.organization_id && o.id != m.id && o.external_id.as_deref() == Some(x)
        }) {
            return Err(bad(
                "duplicate_member_external_id",
                "A member with this external_id already exists in the organization.",
            ));
        }
        m.external_id = Some(x.to_owned());
    }
    match body.opt_str("email_address")? {
        Some(email) => {
            validate_email(email)?;
            let email = normalize_email(email);
            if email_taken(store, &m.organization_id, &email, &m.id) {
                return Err(ApiError::new(
                    policy::DUPLICATE_MEMBER_EMAIL_STATUS,
                    "duplicate_member_email",
                    "A member with this email address already exists in the organization.",
                ));
            }
            Ok((email != m.email).then_some(email))
        }
        None => Ok(None),
    }
}

/// `PUT /v1/b2b/organizations/{organization_id}/members/{member_id}`.
pub(crate) async fn update(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let unlink = body.opt_bool("unlink_email")?.unwrap_or(false);
    let now = app.now();
    let mut store = app.store();
    let (_, id) = resolve(&store, &org_key, &member_key, true, false)?;
    let mut m = store.members[&id].clone();
    let new_email = apply_update(&store, &mut m, &body)?;
    m.updated_at = now;
    store.members.insert(id.clone(), m);
    if let Some(email) = new_email {
        change_email(&mut store, &id, email, unlink);
    }
    Ok(Json(member_body(&app, &store, &id)?))
}

/// `DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}`: a soft delete to
/// `deleted`, revoking the member's sessions.
pub(crate) async fn delete(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let (_, id) = resolve(&store, &org_key, &member_key, true, false)?;
    store.revoke_member_sessions(&id, None);
    store.email_updates.remove(&id);
    let m = store.members.get_mut(&id).expect("resolved");
    m.status = "deleted".into();
    m.updated_at = now;
    Ok(Json(render::success(obj(json!({ "member_id": id })))))
}

/// `PUT /v1/b2b/organizations/{organization_id}/members/{member_id}/reactivate` (member id
/// only, no external id).
pub(crate) async fn reactivate(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let (org_id, id) = resolve(&store, &org_key, &member_key, false, true)?;
    let m = &store.members[&id];
    if m.status != "deleted" {
        return Err(bad(
            "no_deleted_member_found_for_reactivation",
            "Only a deleted member can be reactivated.",
        ));
    }
    if !m.email_verified {
        return Err(bad(
            "email_unverified_for_reactivation",
            "The member's email address must be verified to reactivate them.",
        ));
    }
    let email = m.email.clone();
    if store
        .members
        .values()
        .any(|o| o.organization_id == org_id && o.id != id && o.status != "deleted" && o.email == email)
    {
        return Err(bad(
            "reactivation_email_belongs_to_another_member",
            "The member's email address now belongs to another member of the organization.",
        ));
    }
    let m = store.members.get_mut(&id).expect("resolved");
    m.status = "active".into();
    m.updated_at = now;
    Ok(Json(member_body(&app, &store, &id)?))
}

/// `DELETE /v1/b2b/organizations/{organization_id}/members/mfa_phone_numbers/{member_id}`.
/// Sessions are left alone; MFA applies again at the next login.
pub(crate) async fn delete_mfa_phone_number(
    State(app): State<App>,
    path: PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let missing = (
        "member_phone_number_not_found",
        "The member has no MFA phone number.",
    );
    remove_second_factor(&app, path, missing, |m| {
        let had = !m.mfa_phone_number.is_empty();
        m.mfa_phone_number.clear();
        m.mfa_phone_number_verified = false;
        had.then_some("sms_otp")
    })
}

/// `DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}/totp`: removes the
/// member's TOTP registration (pending or active) and its recovery codes.
pub(crate) async fn delete_totp(
    State(app): State<App>,
    path: PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let missing = ("totp_not_found", "The member has no TOTP registration.");
    remove_second_factor(&app, path, missing, |m| m.mfa.totp.take().map(|_| "totp"))
}

/// Removes one second factor with `remove`, which returns the factor's method name if the member
/// had it; that method stops being the member's default. A member without it gets `missing`
/// (`404`) when [`policy::DELETE_MISSING_FACTOR_IS_ERROR`], else the unchanged member.
fn remove_second_factor(
    app: &App,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
    missing: (&'static str, &'static str),
    remove: impl FnOnce(&mut crate::store::Member) -> Option<&'static str>,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let (_, id) = resolve(&store, &org_key, &member_key, true, false)?;
    let m = store.members.get_mut(&id).expect("resolved");
    match remove(m) {
        Some(method) => {
            if m.mfa.default_method == method {
                m.mfa.default_method.clear();
            }
            m.updated_at = now;
        }
        None if policy::DELETE_MISSING_FACTOR_IS_ERROR => {
            return Err(ApiError::not_found(missing.0, missing.1));
        }
        None => {}
    }
    Ok(Json(member_body(app, &store, &id)?))
}

/// `DELETE /v1/b2b/organizations/{organization_id}/members/passwords/{member_password_id}`
/// (organization-scoped passwords only).
pub(crate) async fn delete_password(
    State(app): State<App>,
    PathParams((org_key, password_id)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let org_id = store
        .find_org(&org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .id
        .clone();
    let owner = store
        .passwords
        .iter()
        .find_map(|(owner, p)| match owner {
            PasswordOwner::Member(m)
                if p.id == password_id
                    && store.members.get(m).is_some_and(|m| m.organization_id == org_id) =>
            {
                Some(m.clone())
            }
            _ => None,
        })
        .ok_or_else(|| {
            ApiError::not_found("member_password_not_found", "Member password could not be found.")
        })?;
    store.passwords.remove(&PasswordOwner::Member(owner.clone()));
    if let Some(m) = store.members.get_mut(&owner) {
        m.updated_at = now;
    }
    Ok(Json(member_body(&app, &store, &owner)?))
}

/// `DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}/external_id`.
pub(crate) async fn delete_external_id(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let now = app.now();
    let mut store = app.store();
    let (_, id) = resolve(&store, &org_key, &member_key, true, false)?;
    let m = store.members.get_mut(&id).expect("resolved");
    m.external_id = None;
    m.updated_at = now;
    Ok(Json(member_body(&app, &store, &id)?))
}

/// `POST …/members/{member_id}/unlink_retired_email` with `email_id` and/or `email_address`.
pub(crate) async fn unlink_retired_email(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let email_id = body.opt_str("email_id")?;
    let email = body.opt_str("email_address")?.map(normalize_email);
    if email_id.is_none() && email.is_none() {
        return Err(bad(
            "retired_email_missing_email_identifiers",
            "Either email_id or email_address is required.",
        ));
    }
    let now = app.now();
    let mut store = app.store();
    let (org_id, id) = resolve(&store, &org_key, &member_key, true, false)?;
    let m = store.members.get_mut(&id).expect("resolved");
    let position = m.retired_emails.iter().position(|r| {
        email_id.is_none_or(|e| r.email_id == e) && email.as_ref().is_none_or(|e| &r.email == e)
    });
    let Some(position) = position else {
        return Err(bad(
            "invalid_email_id",
            "The email_id / email_address do not identify one of the member's retired email addresses.",
        ));
    };
    m.retired_emails.remove(position);
    m.updated_at = now;
    let mut body = member_body(&app, &store, &id)?;
    body["organization_id"] = json!(org_id);
    Ok(Json(body))
}

/// `POST …/members/{member_id}/start_email_update`: sends a verification (a magic link, or an
/// email OTP with `delivery_method: EMAIL_OTP`) to the new address, valid five minutes; the
/// member's email changes only when it is completed.
pub(crate) async fn start_email_update(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let email = normalize_email(email);
    let otp = match body.opt_str("delivery_method")? {
        None | Some("EMAIL_MAGIC_LINK") => false,
        Some("EMAIL_OTP") => true,
        Some(other) => {
            return Err(ApiError::invalid(
                "delivery_method",
                format!("{other:?} is not one of EMAIL_MAGIC_LINK, EMAIL_OTP"),
            ));
        }
    };
    let now = app.now();
    let mut store = app.store();
    store.email_updates.retain(|_, u| u.expires_at > now);
    let (org_id, id) = resolve(&store, &org_key, &member_key, true, false)?;
    let m = &store.members[&id];
    if m.status != "active" {
        return Err(bad(
            "email_updates_available_only_for_active_members",
            "Only active members can update their email address.",
        ));
    }
    if !m.email_verified {
        return Err(bad(
            "member_has_no_active_verified_email",
            "The member needs a verified email address to update it.",
        ));
    }
    if email_taken(&store, &org_id, &email, &id) {
        return Err(ApiError::new(
            policy::DUPLICATE_MEMBER_EMAIL_STATUS,
            "duplicate_member_email",
            "A member with this email address already exists in the organization.",
        ));
    }
    if store.email_updates.iter().any(|(other, u)| {
        other != &id
            && u.email == email
            && store
                .members
                .get(other)
                .is_some_and(|o| o.organization_id == org_id)
    }) {
        return Err(bad(
            "desired_email_updating_for_different_member",
            "Another member is already updating their email address to this one.",
        ));
    }
    let expires_at = now + chrono::Duration::minutes(policy::EMAIL_UPDATE_LIFETIME_MINUTES);
    let token = if otp { otp_code() } else { ids::token() };
    store.email_updates.insert(
        id.clone(),
        EmailUpdate {
            email: email.clone(),
            token: token.clone().into(),
            expires_at,
        },
    );
    store.outbox.push(email_update_message(
        &body, &email, &org_id, &id, token, now, expires_at,
    )?);
    Ok(Json(member_body(&app, &store, &id)?))
}

/// Six random digits.
fn otp_code() -> String {
    use rand::Rng as _;
    format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
}

fn email_update_message(
    body: &Map<String, Value>,
    to: &str,
    org_id: &str,
    member_id: &str,
    token: String,
    now: DateTime<Utc>,
    expires_at: DateTime<Utc>,
) -> ApiResult<OutboxMessage> {
    let redirect = body.opt_str("login_redirect_url")?.map(str::to_owned);
    Ok(OutboxMessage {
        message_id: ids::id("message"),
        kind: MessageKind::EmailUpdate,
        to: to.to_owned(),
        organization_id: Some(org_id.to_owned()),
        member_id: Some(member_id.to_owned()),
        link: redirect
            .as_deref()
            .map(|r| crate::outbox::link(r, &token, policy::EMAIL_UPDATE_TOKEN_TYPE)),
        token: Some(token),
        redirect_url: None,
        login_redirect_url: redirect,
        discovery_redirect_url: None,
        template_id: body.opt_str("login_template_id")?.map(str::to_owned),
        verify_email_template_id: None,
        locale: body.opt_str("locale")?.map(str::to_owned),
        sent_at: now,
        expires_at: Some(expires_at),
    })
}

/// The member search filters.
const MEMBER_FILTERS: &[Filter<Member>] = &[
    Filter {
        name: "member_ids",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, m, v| {
            v.list()
                .iter()
                .any(|id| *id == m.id || m.external_id.as_deref() == Some(id))
        },
    },
    Filter {
        name: "member_emails",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, m, v| in_ci(v.list(), &m.email),
    },
    Filter {
        name: "member_email_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |_, m, v| contains_ci(&m.email, v.text()),
    },
    Filter {
        name: "member_is_breakglass",
        kind: Kind::Flag,
        fuzzy: false,
        matches: |_, m, v| m.is_breakglass == v.flag(),
    },
    Filter {
        name: "statuses",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, m, v| v.list().contains(&m.status),
    },
    Filter {
        name: "member_mfa_phone_numbers",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, m, v| !m.mfa_phone_number.is_empty() && v.list().contains(&m.mfa_phone_number),
    },
    Filter {
        name: "member_phone_numbers",
        kind: Kind::List,
        fuzzy: false,
        matches: |_, m, v| !m.mfa_phone_number.is_empty() && v.list().contains(&m.mfa_phone_number),
    },
    Filter {
        name: "member_mfa_phone_number_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |_, m, v| contains_ci(&m.mfa_phone_number, v.text()),
    },
    Filter {
        name: "member_phone_number_fuzzy",
        kind: Kind::Text,
        fuzzy: true,
        matches: |_, m, v| contains_ci(&m.mfa_phone_number, v.text()),
    },
    Filter {
        name: "member_password_exists",
        kind: Kind::Flag,
        fuzzy: false,
        matches: |c, m, v| c.store.password_of(m, c.cross_org).is_some() == v.flag(),
    },
    Filter {
        name: "member_roles",
        kind: Kind::List,
        fuzzy: false,
        matches: |c, m, v| {
            rbac::member_role_ids(c.store, m)
                .iter()
                .any(|r| v.list().contains(r))
        },
    },
];

/// The member statuses a `statuses` filter may name.
const STATUSES: &[&str] = &["active", "invited", "pending", "deleted"];

/// `POST /v1/b2b/organizations/members/search`.
pub(crate) async fn search(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_keys = body.opt_str_list("organization_ids")?.unwrap_or_default();
    if org_keys.is_empty() {
        return Err(bad(
            "member_search_organization_ids_empty",
            "organization_ids must name at least one organization.",
        ));
    }
    let query = search::parse_query(&body, "member", MEMBER_FILTERS)?;
    for v in query.values_of("statuses") {
        if let Some(s) = v.list().iter().find(|s| !STATUSES.contains(&s.as_str())) {
            return Err(bad(
                "search_invalid_status_filter",
                format!("{s:?} is not a member status (active, invited, pending, deleted)."),
            ));
        }
    }
    for v in query.values_of("member_ids") {
        let internal = v.list().iter().filter(|id| id.starts_with("member-")).count();
        if internal != 0 && internal != v.list().len() {
            return Err(bad(
                "member_search_cannot_mix_internal_and_external_member_ids",
                "member_ids must be all member ids or all external ids.",
            ));
        }
    }
    let with_deleted = query
        .values_of("statuses")
        .any(|v| v.list().iter().any(|s| s == "deleted"));
    let store = app.store();
    let mut org_ids = Vec::new();
    for key in &org_keys {
        let org = store.find_org(key).ok_or_else(ApiError::organization_not_found)?;
        org_ids.push(org.id.clone());
    }
    let ctx = SearchCtx {
        store: &store,
        cross_org: app.settings().cross_org_passwords,
    };
    let mut matching: Vec<&Member> = store
        .members
        .values()
        .filter(|m| org_ids.contains(&m.organization_id))
        .filter(|m| with_deleted || m.status != "deleted")
        .filter(|m| query.matches(&ctx, m))
        .collect();
    matching.sort_by(|a, b| (a.created_at, &a.id).cmp(&(b.created_at, &b.id)));
    let (page, metadata) = search::page(&body, matching)?;
    let mut organizations = Map::new();
    for m in &page {
        if let Some(o) = store.organizations.get(&m.organization_id) {
            organizations.insert(o.id.clone(), render::organization(o));
        }
    }
    let cross_org = app.settings().cross_org_passwords;
    let members: Vec<Value> = page
        .into_iter()
        .map(|m| render::member_in(&store, m, cross_org))
        .collect();
    Ok(Json(render::success(obj(json!({
        "members": members,
        "results_metadata": metadata,
        "organizations": organizations,
    })))))
}

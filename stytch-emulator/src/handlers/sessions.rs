//! The eight `/v1/b2b/sessions*` endpoints.

use super::organizations::obj;
use crate::app::App;
use crate::auth_flow::{self, Outcome, Primary};
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, PathParams, QueryFields};
use crate::sessions::{self, SessionInput, SessionRef};
use crate::store::{Factor, FactorKind, Store};
use axum::Json;
use axum::extract::{RawQuery, State};
use serde_json::{Map, Value, json};

/// A session response: `member_session`, `session_token`, `session_jwt`, `member`,
/// `organization`, `member_id`.
/// Fields of the auth-style body that the sessions endpoints (authenticate, exchange_access_token,
/// attest, migrate) do not return.
const NOT_IN_SESSION_RESPONSES: [&str; 6] = [
    "organization_id",
    "member_authenticated",
    "intermediate_session_token",
    "intermediate_session_token_expires_at",
    "mfa_required",
    "primary_required",
];

/// [`session_body`] without [`NOT_IN_SESSION_RESPONSES`] and `also_without`.
fn session_only_body(
    app: &App,
    store: &Store,
    session_id: &str,
    also_without: &[&str],
) -> ApiResult<auth_flow::Pending> {
    Ok(session_body(app, store, session_id)?
        .without(&NOT_IN_SESSION_RESPONSES)
        .without(also_without))
}

fn session_body(app: &App, store: &Store, session_id: &str) -> ApiResult<auth_flow::Pending> {
    let s = store
        .sessions
        .get(session_id)
        .ok_or_else(ApiError::session_not_found)?;
    let (org_id, member_id) = (s.organization_id.clone(), s.member_id.clone());
    let p = auth_flow::auth_body(
        app,
        store,
        &org_id,
        &member_id,
        &Outcome::Session(session_id.to_owned()),
    )?;
    Ok(p)
}

/// `GET /v1/b2b/sessions?organization_id=…&member_id=…`: the member's live sessions.
pub(crate) async fn get(State(app): State<App>, RawQuery(query): RawQuery) -> ApiResult<Json<Value>> {
    let q = QueryFields::parse(query.as_deref())?;
    let org_key = q.req_str("organization_id")?;
    let member_id = q.req_str("member_id")?;
    let now = app.now();
    let store = app.store();
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?;
    let member = store
        .members
        .get(member_id)
        .filter(|m| m.organization_id == org.id)
        .ok_or_else(ApiError::member_not_found)?;
    let roles = crate::rbac::member_role_ids(&store, member);
    let mut list: Vec<_> = store
        .sessions
        .values()
        .filter(|s| s.member_id == member.id && s.expires_at > now)
        .collect();
    list.sort_by_key(|s| s.started_at);
    let sessions: Vec<Value> = list
        .into_iter()
        .map(|s| render::member_session(s, org, &roles))
        .collect();
    Ok(Json(render::success(obj(json!({ "member_sessions": sessions })))))
}

/// `POST /v1/b2b/sessions/authenticate`.
pub(crate) async fn authenticate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let input = SessionInput::read(&body)?;
    if input.is_empty() {
        return Err(ApiError::no_session_arguments());
    }
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let check = body.opt_object("authorization_check")?.cloned();
    let session_ref = sessions::session_ref(&app, &input)?.expect("checked non-empty");

    let pending = {
        let mut store = app.store();
        let now = app.now();
        let sid = sessions::live_session_id(&store, &session_ref, now)?;
        let verdict = match &check {
            Some(c) => Some(authorization_verdict(&store, &sid, c)?),
            None => None,
        };
        // Omitted session_duration_minutes means "not extended" here.
        sessions::update(&mut store, now, &sid, None, duration, claims.as_ref())?;
        let mut p = session_only_body(&app, &store, &sid, &["member_device", "member_id"])?;
        if let Some(v) = verdict {
            p.body.insert("verdict".into(), v);
        }
        p
    };
    Ok(Json(pending.finish(&app)))
}

/// The RBAC check of sessions/authenticate: the organization must match (403
/// `session_authorization_tenancy_error`); one of the member's roles must allow the action in the
/// project's RBAC policy or the organization's own roles (see [`crate::rbac`]).
fn authorization_verdict(store: &Store, session_id: &str, check: &Map<String, Value>) -> ApiResult<Value> {
    let org_key = check
        .req_str("organization_id")
        .map_err(|_| ApiError::missing("authorization_check.organization_id"))?;
    let resource = check
        .req_str("resource_id")
        .map_err(|_| ApiError::missing("authorization_check.resource_id"))?;
    let action = check
        .req_str("action")
        .map_err(|_| ApiError::missing("authorization_check.action"))?;
    let s = &store.sessions[session_id];
    let org_matches = store.find_org(org_key).is_some_and(|o| o.id == s.organization_id);
    if !org_matches {
        return Err(ApiError::new(
            403,
            "session_authorization_tenancy_error",
            "The session's organization does not match the organization_id of the authorization check.",
        ));
    }
    let member = store
        .members
        .get(&s.member_id)
        .ok_or_else(ApiError::member_not_found)?;
    let roles = crate::rbac::member_role_ids(store, member);
    let granting = crate::rbac::granting_roles(store, &s.organization_id, &roles, resource, action);
    if granting.is_empty() {
        return Err(ApiError::new(
            403,
            "session_authorization_error",
            format!("The member is not authorized to perform {action} on {resource}."),
        ));
    }
    Ok(json!({ "authorized": true, "granting_roles": granting }))
}

/// `POST /v1/b2b/sessions/revoke`: exactly one of `member_session_id`, `session_token`,
/// `session_jwt`, `member_id` (all sessions of the member).
pub(crate) async fn revoke(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let session_id = body.opt_str("member_session_id")?;
    let member_id = body.opt_str("member_id")?;
    let input = SessionInput {
        token: body.opt_str("session_token")?,
        jwt: body.opt_str("session_jwt")?,
    };
    let given = [
        session_id.is_some(),
        member_id.is_some(),
        input.token.is_some(),
        input.jwt.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given == 0 {
        return Err(ApiError::new(
            400,
            policy::NO_SESSION_ARGUMENTS,
            "One of member_session_id, session_token, session_jwt or member_id is required.",
        ));
    }
    if given > 1 {
        return Err(ApiError::new(
            400,
            policy::TOO_MANY_SESSION_ARGUMENTS,
            "Provide only one of member_session_id, session_token, session_jwt or member_id.",
        ));
    }
    let session_ref = sessions::session_ref(&app, &input)?;
    let mut store = app.store();
    let now = app.now();
    if let Some(mid) = member_id {
        if !store.members.contains_key(mid) {
            return Err(ApiError::member_not_found());
        }
        store.revoke_member_sessions(mid, None);
    } else {
        let r = match (session_id, session_ref) {
            (Some(id), _) => SessionRef::Id(id.to_owned()),
            (None, Some(r)) => r,
            (None, None) => unreachable!("counted above"),
        };
        let sid = sessions::live_session_id(&store, &r, now)?;
        store.remove_session(&sid);
    }
    Ok(Json(render::success(Map::new())))
}

/// `POST /v1/b2b/sessions/exchange`: a session in one organization for one in another, for the
/// same email (password factors transfer only with cross-org passwords).
pub(crate) async fn exchange(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let input = SessionInput::read(&body)?;
    if input.is_empty() {
        return Err(ApiError::no_session_arguments());
    }
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let session_ref = sessions::session_ref(&app, &input)?.expect("checked non-empty");
    let cross_org = app.settings().cross_org_passwords;

    let pending = {
        let mut store = app.store();
        let now = app.now();
        let sid = sessions::live_session_id(&store, &session_ref, now)?;
        let source = store.sessions[&sid].clone();
        let email = store
            .members
            .get(&source.member_id)
            .ok_or_else(ApiError::member_not_found)?
            .email
            .clone();
        let org = store
            .find_org(org_key)
            .ok_or_else(ApiError::organization_not_found)?
            .clone();
        if org.id == source.organization_id {
            sessions::update(&mut store, now, &sid, None, duration, claims.as_ref())?;
            session_body(&app, &store, &sid)?
        } else {
            let member = join_or_find(&mut store, &org, &email, now, source.factors.iter().any(|_| true))?;
            let transferable: Vec<Factor> = source
                .factors
                .iter()
                .filter(|f| f.kind != FactorKind::Password || cross_org)
                .cloned()
                .collect();
            let primary_ok = auth_flow::has_accepted_primary(&org, &member, &transferable);
            let outcome = if !primary_ok {
                start_ist(
                    &mut store,
                    &org,
                    &member,
                    transferable,
                    now,
                    None,
                    Some(render::primary_required(&org)),
                )
            } else if auth_flow::needs_mfa(&org, &member) {
                let initiated = auth_flow::send_sms_otp(&mut store, now, &org, &member);
                let mfa = render::mfa_required(Some(&member), initiated);
                start_ist(&mut store, &org, &member, transferable, now, Some(mfa), None)
            } else {
                Outcome::Session(sessions::create(
                    &mut store,
                    now,
                    &member.id,
                    &org.id,
                    transferable,
                    duration,
                    claims.as_ref(),
                )?)
            };
            auth_flow::auth_body(&app, &store, &org.id, &member.id, &outcome)?
        }
        .without(&["organization_id"])
    };
    Ok(Json(pending.finish(&app)))
}

/// The member with `email` in `org`, JIT-provisioning them by email domain when allowed.
pub(crate) fn join_or_find(
    store: &mut Store,
    org: &crate::store::Organization,
    email: &str,
    now: chrono::DateTime<chrono::Utc>,
    email_verified: bool,
) -> ApiResult<crate::store::Member> {
    if let Some(m) = store.member_by_email(&org.id, email) {
        return Ok(m.clone());
    }
    let domain = crate::store::email_domain(email).to_owned();
    let vouched = store.members.values().any(|m| {
        m.organization_id == org.id
            && m.email_verified
            && crate::store::email_domain(&m.email).eq_ignore_ascii_case(&domain)
    });
    if !(org.email_jit_allows(email) && vouched) {
        return Err(ApiError::member_not_found().with_message(
            "The email address is not a member of this organization and is not eligible to join it.",
        ));
    }
    let mut m = super::members::new_member(&org.id, email, now);
    m.email_verified = email_verified;
    store.members.insert(m.id.clone(), m.clone());
    Ok(m)
}

/// Starts an organization-bound IST carrying `factors`.
pub(crate) fn start_ist(
    store: &mut Store,
    org: &crate::store::Organization,
    member: &crate::store::Member,
    factors: Vec<Factor>,
    now: chrono::DateTime<chrono::Utc>,
    mfa_required: Option<Value>,
    primary_required: Option<Value>,
) -> Outcome {
    let token = crate::ids::token();
    store.intermediate_sessions.insert(
        token.clone(),
        crate::store::IntermediateSession {
            email: member.email.clone(),
            organization_id: Some(org.id.clone()),
            member_id: Some(member.id.clone()),
            factors,
            email_verified: member.email_verified,
            expires_at: now + crate::clock::chrono_duration(policy::IST_LIFETIME),
        },
    );
    Outcome::Intermediate {
        token,
        mfa_required,
        primary_required,
    }
}

/// `POST /v1/b2b/sessions/exchange_access_token`: a connected-apps access token (issued by
/// [`Emulator::issue_access_token`](crate::Emulator::issue_access_token)) back into a session.
pub(crate) async fn exchange_access_token(
    State(app): State<App>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let token = body.req_str("access_token")?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let (status, ty) = policy::INVALID_ACCESS_TOKEN_ERROR;
        let t = store
            .access_tokens
            .get(token)
            .filter(|t| t.expires_at > now)
            .cloned()
            .ok_or_else(|| ApiError::new(status, ty, "The access token is invalid or expired."))?;
        let source = store
            .sessions
            .get(&t.session_id)
            .cloned()
            .ok_or_else(ApiError::session_not_found)?;
        let factor = Factor::new(
            FactorKind::AccessTokenExchange {
                client_id: t.client_id.clone(),
            },
            now,
        );
        let sid = sessions::create(
            &mut store,
            now,
            &source.member_id,
            &source.organization_id,
            vec![factor],
            duration,
            claims.as_ref(),
        )?;
        session_only_body(&app, &store, &sid, &[])?
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/sessions/attest`: a trusted-auth token (registered with
/// [`Emulator::register_trusted_auth_token`](crate::Emulator::register_trusted_auth_token)) for
/// a session, or added to the session passed in.
pub(crate) async fn attest(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let profile_id = body.req_str("profile_id")?;
    let token = body.req_str("token")?;
    let org_key = body.opt_str("organization_id")?;
    let input = SessionInput::read(&body)?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let session_ref = sessions::session_ref(&app, &input)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let (status, ty) = policy::INVALID_TRUSTED_AUTH_TOKEN_ERROR;
        let email = store
            .trusted_auth_tokens
            .get(&(profile_id.to_owned(), token.to_owned()))
            .cloned()
            .ok_or_else(|| {
                ApiError::new(status, ty, "The trusted auth token is invalid for this profile.")
            })?;
        let existing = match &session_ref {
            Some(r) => Some(sessions::live_session_id(&store, r, now)?),
            None => None,
        };
        let org_id = match (org_key, &existing) {
            (Some(k), _) => store
                .find_org(k)
                .ok_or_else(ApiError::organization_not_found)?
                .id
                .clone(),
            (None, Some(sid)) => store.sessions[sid].organization_id.clone(),
            (None, None) => return Err(ApiError::missing("organization_id")),
        };
        let member = store
            .member_by_email(&org_id, &email)
            .cloned()
            .ok_or_else(ApiError::member_not_found)?;
        let token_id = crate::ids::id("trusted-auth-token");
        let factor = Factor::new(FactorKind::TrustedAuthToken { token_id }, now);
        let own = existing.filter(|sid| store.sessions[sid].member_id == member.id);
        let outcome = auth_flow::complete(
            &app,
            &mut store,
            Primary {
                org_id: org_id.clone(),
                member_id: member.id.clone(),
                factor: factor.kind.clone(),
                duration,
                claims,
                session_id: own,
                ist: None,
            },
        )?;
        let Outcome::Session(sid) = outcome else {
            return Err(ApiError::new(
                400,
                "mfa_required",
                "The member must complete MFA; attest cannot return an intermediate session.",
            ));
        };
        session_only_body(&app, &store, &sid, &[])?
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/sessions/migrate`: an external session token (registered with
/// [`Emulator::register_external_session`](crate::Emulator::register_external_session)) for a
/// session of the member with that email, who must already exist.
pub(crate) async fn migrate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let token = body.req_str("session_token")?;
    let org_key = body.req_str("organization_id")?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let (status, ty) = policy::INVALID_EXTERNAL_SESSION_ERROR;
        let email =
            store.external_sessions.get(token).cloned().ok_or_else(|| {
                ApiError::new(status, ty, "The external session could not be authenticated.")
            })?;
        let org = store
            .find_org(org_key)
            .ok_or_else(ApiError::organization_not_found)?
            .clone();
        let member = store
            .member_by_email(&org.id, &email)
            .cloned()
            .ok_or_else(ApiError::member_not_found)?;
        let factor = Factor::new(FactorKind::Imported, now);
        let sid = sessions::create(
            &mut store,
            now,
            &member.id,
            &org.id,
            vec![factor],
            duration,
            claims.as_ref(),
        )?;
        session_only_body(&app, &store, &sid, &["member_device"])?
    };
    Ok(Json(pending.finish(&app)))
}

/// `GET /v1/b2b/sessions/jwks/{project_id}`: no authentication needed.
pub(crate) async fn jwks(
    State(app): State<App>,
    PathParams(project_id): PathParams<String>,
) -> ApiResult<Json<Value>> {
    if project_id != app.settings().project_id {
        let (status, ty) = policy::UNKNOWN_PROJECT_JWKS_ERROR;
        return Err(ApiError::new(status, ty, "Project could not be found."));
    }
    let keys = app.keys().jwks(app.now());
    Ok(Json(render::success(obj(json!({ "keys": keys })))))
}

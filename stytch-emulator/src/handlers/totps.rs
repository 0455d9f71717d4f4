//! `/v1/b2b/totp*`: TOTP registration (create, migrate) and authentication (RFC 6238).

use super::organizations::obj;
use super::passwordless;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::mfa::totp::{self, Registration};
use crate::mfa::{self, Method, Requested, Verified};
use crate::one_time;
use crate::policy;
use crate::render;
use crate::request::{Body, Fields};
use crate::store::{FactorKind, Member};
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

fn active_totp_exists() -> ApiError {
    ApiError::new(
        400,
        "active_totp_exists",
        "The member already has an active TOTP registration; delete it before creating another.",
    )
}

fn totp_not_found() -> ApiError {
    ApiError::not_found("totp_not_found", "The member has no TOTP registration.")
}

/// `POST /v1/b2b/totp`: a pending registration (secret, otpauth QR code, recovery codes) that
/// the first successful authenticate activates.
pub(crate) async fn create(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let lifetime = one_time::expiration(
        body.opt_int("expiration_minutes")?,
        "expiration_minutes",
        policy::TOTP_EXPIRATION_MINUTES,
        policy::DEFAULT_TOTP_MINUTES,
        "invalid_expiration",
    )?;
    let proof = mfa::read_proof(&app, &body)?;
    let now = app.now();
    let mut store = app.store();
    let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
    mfa::require_active(&member)?;
    mfa::check_method_allowed(&org, &member, Method::Totp)?;
    if member.mfa.active_totp().is_some() {
        return Err(active_totp_exists());
    }
    mfa::check_enrolment_proof(&store, proof.as_ref(), &org, &member, now)?;
    // A pending registration is replaced by the new one.
    let reg = Registration::new(false, now + lifetime);
    let secret = reg.secret.expose_secret().clone();
    let uri = totp::otpauth_uri(&org.name, &member.email, &secret);
    let out = json!({
        "member_id": member.id,
        "totp_registration_id": reg.id,
        "secret": secret,
        "qr_code": totp::qr_code(&uri),
        "recovery_codes": reg.unused_codes(),
    });
    let member = save(&mut store, &member.id, reg, now);
    Ok(Json(with_member(&app, &store, out, &member, &org)))
}

/// Stores `reg` as the member's registration; returns the updated member.
fn save(
    store: &mut crate::store::Store,
    member_id: &str,
    reg: Registration,
    now: chrono::DateTime<chrono::Utc>,
) -> Member {
    let m = store.members.get_mut(member_id).expect("member found by caller");
    m.mfa.totp = Some(reg);
    m.updated_at = now;
    m.clone()
}

/// `out` plus `member` and `organization`, as a success body.
pub(crate) fn with_member(
    app: &App,
    store: &crate::store::Store,
    out: Value,
    member: &Member,
    org: &crate::store::Organization,
) -> Value {
    let mut out = obj(out);
    let cross_org = app.settings().cross_org_passwords;
    out.insert("member".into(), render::member_in(store, member, cross_org));
    out.insert("organization".into(), render::organization(org));
    render::success(out)
}

/// `POST /v1/b2b/totp/authenticate`: completes MFA (or steps up a session) with a TOTP code;
/// exactly one of `intermediate_session_token`, `session_token`, `session_jwt`.
pub(crate) async fn authenticate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let code = body.req_str("code")?;
    if totp::is_recovery_code_shaped(code) {
        return Err(ApiError::new(
            400,
            "recovery_code_used_as_totp_code",
            "This is a recovery code: use recovery_codes/recover.",
        ));
    }
    if !one_time::is_six_digits(code) {
        return Err(ApiError::new(
            400,
            "invalid_totp_code",
            "A TOTP code is six digits.",
        ));
    }
    let proof = mfa::require_proof(&app, &body)?;
    let requested = Requested::read(&body, true)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
        mfa::check_method_allowed(&org, &member, Method::Totp)?;
        let target = mfa::resolve(&store, &proof, &org, &member, now)?;
        let reg = member.mfa.totp.as_ref().ok_or_else(totp_not_found)?;
        if !reg.active && reg.pending_until <= now {
            let (status, ty) = policy::TOTP_EXPIRED_ERROR;
            return Err(ApiError::new(
                status,
                ty,
                "The TOTP registration was not confirmed in time; create a new one.",
            ));
        }
        let Some(step) = reg.matching_step(code, now.timestamp()) else {
            let (status, ty) = policy::TOTP_WRONG_CODE_ERROR;
            return Err(ApiError::new(status, ty, "The TOTP code is wrong."));
        };
        if reg.last_step.is_some_and(|last| step <= last) {
            let (status, ty) = policy::TOTP_REPLAY_ERROR;
            return Err(ApiError::new(status, ty, "This TOTP code was already used."));
        }
        let totp_id = reg.id.clone();
        if let Some(r) = store
            .members
            .get_mut(&member.id)
            .and_then(|m| m.mfa.totp.as_mut())
        {
            r.active = true;
            r.last_step = Some(step);
        }
        let verified = Verified {
            factor: FactorKind::Totp { totp_id },
            method: Some(Method::Totp),
        };
        let sid = mfa::finish(&mut store, now, &org, &member.id, target, verified, requested)?;
        mfa::response(&app, &store, &org.id, &member.id, &sid)?
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/totp/migrate`: imports an existing base32 secret as an active registration,
/// with the given recovery codes (or ten new ones when the list is empty).
pub(crate) async fn migrate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let secret = body.req_str("secret")?;
    if totp::decode_secret(secret).is_none() {
        return Err(ApiError::invalid("secret", "must be a base32 TOTP secret"));
    }
    let codes = body.opt_str_list("recovery_codes")?.unwrap_or_default();
    if let Some(bad) = codes.iter().find(|c| !totp::is_recovery_code_shaped(c)) {
        return Err(ApiError::new(
            400,
            "invalid_recovery_code",
            format!(
                "Recovery codes look like xxxx-xxxx-xxxx (lower-case letters and digits); one of {} characters does not.",
                bad.len()
            ),
        ));
    }
    let now = app.now();
    let mut store = app.store();
    let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
    mfa::check_method_allowed(&org, &member, Method::Totp)?;
    if member.mfa.active_totp().is_some() {
        return Err(active_totp_exists());
    }
    let clean: String = secret
        .chars()
        .filter(|c| *c != ' ' && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let mut reg = Registration::with_secret(clean, true, now);
    if !codes.is_empty() {
        reg.recovery_codes = codes.into_iter().map(totp::recovery_code).collect();
    }
    let out = json!({
        "member_id": member.id,
        "totp_registration_id": reg.id,
        "recovery_codes": reg.unused_codes(),
    });
    let member = save(&mut store, &member.id, reg, now);
    Ok(Json(with_member(&app, &store, out, &member, &org)))
}

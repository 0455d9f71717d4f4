//! `/v1/b2b/recovery_codes*`: the ten single-use codes of a member's active TOTP registration:
//! get, rotate (a whole new set), recover (a second factor in place of TOTP or SMS).

use super::passwordless;
use super::totps::with_member;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::mfa::totp::{self, Registration};
use crate::mfa::{self, Requested, Verified};
use crate::one_time;
use crate::policy;
use crate::request::{Body, Fields, PathParams};
use crate::store::{FactorKind, Member};
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};
use subtle::ConstantTimeEq as _;

/// The member's active TOTP registration, which holds the codes.
fn registration(member: &Member) -> ApiResult<&Registration> {
    member.mfa.active_totp().ok_or_else(|| {
        let (status, ty) = policy::NO_RECOVERY_CODES_ERROR;
        ApiError::new(
            status,
            ty,
            "The member has no active TOTP registration, so no recovery codes.",
        )
    })
}

/// `GET /v1/b2b/recovery_codes/{organization_id}/{member_id}`: the codes not used yet.
pub(crate) async fn get(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let (org, member) = passwordless::org_and_member(&store, &org_key, &member_key)?;
    let codes = registration(&member)?.unused_codes();
    let out = json!({ "member_id": member.id, "recovery_codes": codes });
    Ok(Json(with_member(&app, &store, out, &member, &org)))
}

/// `POST /v1/b2b/recovery_codes/rotate`: replaces every code with a fresh set of ten.
pub(crate) async fn rotate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let now = app.now();
    let mut store = app.store();
    let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
    registration(&member)?;
    let m = store.members.get_mut(&member.id).expect("found above");
    let reg = m.mfa.totp.as_mut().expect("active registration checked");
    reg.recovery_codes = totp::new_recovery_codes();
    let codes = reg.unused_codes();
    m.updated_at = now;
    let member = m.clone();
    let out = json!({ "member_id": member.id, "recovery_codes": codes });
    Ok(Json(with_member(&app, &store, out, &member, &org)))
}

/// `POST /v1/b2b/recovery_codes/recover`: completes MFA with one recovery code (spent);
/// exactly one of `intermediate_session_token`, `session_token`, `session_jwt`.
pub(crate) async fn recover(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let code = body.req_str("recovery_code")?;
    if one_time::is_six_digits(code) {
        return Err(ApiError::new(
            400,
            "totp_code_used_as_recovery_code",
            "This is a TOTP code: use totp/authenticate.",
        ));
    }
    if !totp::is_recovery_code_shaped(code) {
        return Err(ApiError::new(
            400,
            "invalid_recovery_code",
            "A recovery code looks like xxxx-xxxx-xxxx.",
        ));
    }
    let proof = mfa::require_proof(&app, &body)?;
    let requested = Requested::read(&body, false)?;
    let pending =
        {
            let mut store = app.store();
            let now = app.now();
            let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
            let target = mfa::resolve(&store, &proof, &org, &member, now)?;
            let reg = registration(&member)?;
            let Some(index) = reg.recovery_codes.iter().position(|c| {
                !c.used && bool::from(c.code.expose_secret().as_bytes().ct_eq(code.as_bytes()))
            }) else {
                let (status, ty) = policy::RECOVERY_CODE_WRONG_ERROR;
                return Err(ApiError::new(
                    status,
                    ty,
                    "The recovery code is wrong or was already used.",
                ));
            };
            let reg = store
                .members
                .get_mut(&member.id)
                .and_then(|m| m.mfa.totp.as_mut())
                .expect("active registration checked");
            reg.recovery_codes[index].used = true;
            let recovery_code_id = reg.recovery_codes[index].id.clone();
            let remaining = reg.recovery_codes.iter().filter(|c| !c.used).count();
            let verified = Verified {
                factor: FactorKind::RecoveryCode { recovery_code_id },
                method: None,
            };
            let sid = mfa::finish(&mut store, now, &org, &member.id, target, verified, requested)?;
            let mut p = mfa::response(&app, &store, &org.id, &member.id, &sid)?;
            p.body.insert("recovery_codes_remaining".into(), json!(remaining));
            p
        };
    Ok(Json(pending.finish(&app)))
}

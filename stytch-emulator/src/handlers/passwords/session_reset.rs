//! `POST /v1/b2b/passwords/session/reset`: the five-minute rule.

use super::{hash_new_password, set_password};
use crate::app::App;
use crate::auth_flow::{self, Outcome};
use crate::clock::chrono_duration;
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::request::{Body, Fields};
use crate::sessions::{self, SessionInput};
use axum::Json;
use axum::extract::State;
use serde_json::Value;

pub(crate) async fn handle(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let password = body.req_str("password")?;
    let input = SessionInput::read(&body)?;
    if input.is_empty() {
        return Err(ApiError::no_session_arguments());
    }
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let session_ref = sessions::session_ref(&app, &input)?.expect("checked non-empty");
    let cross_org = app.settings().cross_org_passwords;

    let (session_id, member) = {
        let store = app.store();
        let now = app.now();
        let sid = sessions::live_session_id(&store, &session_ref, now)?;
        let session = &store.sessions[&sid];
        let org = store
            .find_org(org_key)
            .ok_or_else(ApiError::organization_not_found)?;
        if session.organization_id != org.id {
            return Err(ApiError::new(
                400,
                "session_organization_mismatch",
                "The session does not belong to this organization.",
            ));
        }
        let fresh_since = now - chrono_duration(policy::SESSION_RESET_MAX_FACTOR_AGE);
        if !session
            .factors
            .iter()
            .any(|f| f.last_authenticated_at >= fresh_since)
        {
            return Err(ApiError::new(
                400,
                "session_too_old_to_reset_password",
                "The provided session cannot be used to reset a password. It does not have an authentication_factor that was authenticated within the last 5 minutes. Please prompt the user to authenticate again before retrying the endpoint.",
            ));
        }
        let member = store
            .members
            .get(&session.member_id)
            .ok_or_else(ApiError::member_not_found)?
            .clone();
        (sid, member)
    };
    let hash = hash_new_password(&app, password, &member.email).await?;

    let pending = {
        let mut store = app.store();
        let now = app.now();
        if store.live_session(&session_id, now).is_none() {
            return Err(ApiError::session_not_found());
        }
        set_password(&mut store, cross_org, &member, hash, now);
        // Every other session of the member is revoked; this one is kept and updated.
        store.revoke_member_sessions(&member.id, Some(&session_id));
        sessions::update(&mut store, now, &session_id, None, duration, claims.as_ref())?;
        let org_id = store.sessions[&session_id].organization_id.clone();
        auth_flow::auth_body(
            &app,
            &store,
            &org_id,
            &member.id,
            &Outcome::Session(session_id.clone()),
        )?
        .without(&["organization_id", "primary_required"])
    };
    Ok(Json(pending.finish(&app)))
}

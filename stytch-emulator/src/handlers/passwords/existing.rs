//! `POST /v1/b2b/passwords/existing_password/reset`.

use super::{
    ensure_unchanged, hash_new_password, member_with_password, set_password, verify_password, wrong_password,
};
use crate::app::App;
use crate::auth_flow::{self, Primary};
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::request::{Body, Fields, validate_email};
use crate::sessions::{self, SessionInput};
use crate::store::{FactorKind, Store};
use axum::Json;
use axum::extract::State;
use serde_json::Value;

pub(crate) async fn handle(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    let existing = body.req_str("existing_password")?;
    let new = body.req_str("new_password")?;
    let org_key = body.req_str("organization_id")?;
    validate_email(email)?;
    let input = SessionInput::read(&body)?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let session_ref = sessions::session_ref(&app, &input)?;
    let cross_org = app.settings().cross_org_passwords;

    let (org, member, record) = member_with_password(&app, org_key, email)?;
    if !verify_password(&app, record.hash.clone(), existing).await? {
        return Err(wrong_password());
    }
    if !org.allows_password(Some(&member)) {
        let (status, ty) = policy::RESTRICTED_AUTH_METHOD_ERROR;
        return Err(ApiError::new(
            status,
            ty,
            "This organization does not allow password authentication.",
        ));
    }
    let hash = hash_new_password(&app, new, &member.email).await?;

    let pending = {
        let mut store = app.store();
        let now = app.now();
        // Commit only if the verified password is still the member's: of several concurrent
        // resets with the same old password, exactly one wins.
        ensure_unchanged(&store, &Store::password_owner(&member, cross_org), &record)?;
        let own = auth_flow::own_session(&store, session_ref.as_ref(), &member.id, now)?;
        set_password(&mut store, cross_org, &member, hash, now);
        // All the member's sessions are revoked, except one they passed in themselves.
        store.revoke_member_sessions(&member.id, own.as_deref());
        let outcome = auth_flow::complete(
            &app,
            &mut store,
            Primary {
                org_id: org.id.clone(),
                member_id: member.id.clone(),
                factor: FactorKind::Password,
                duration,
                claims,
                session_id: own,
                ist: None,
            },
        )?;
        auth_flow::auth_body(&app, &store, &org.id, &member.id, &outcome)?.without(&["organization_id"])
    };
    Ok(Json(pending.finish(&app)))
}

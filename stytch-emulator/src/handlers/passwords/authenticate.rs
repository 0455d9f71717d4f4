//! `POST /v1/b2b/passwords/authenticate`.

use super::{
    check_not_flagged, ensure_unchanged, member_with_password, upgrade_hash, verify_password, wrong_password,
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
    let org_key = body.req_str("organization_id")?;
    let email = body.req_str("email_address")?;
    let password = body.req_str("password")?;
    validate_email(email)?;
    let input = SessionInput::read(&body)?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let ist = body.opt_str("intermediate_session_token")?.map(str::to_owned);
    let session_ref = sessions::session_ref(&app, &input)?;
    let cross_org = app.settings().cross_org_passwords;

    // 1-3: organization, member, password.
    let (org, member, record) = member_with_password(&app, org_key, email)?;
    // 4: compare.
    if !verify_password(&app, record.hash.clone(), password).await? {
        return Err(wrong_password());
    }
    // 5: breach on authentication, require_reset.
    check_not_flagged(&app, password, &record)?;
    // 7: organization auth-method restriction.
    if !org.allows_password(Some(&member)) {
        let (status, ty) = policy::RESTRICTED_AUTH_METHOD_ERROR;
        return Err(ApiError::new(
            status,
            ty,
            "This organization does not allow password authentication.",
        ));
    }
    let owner = Store::password_owner(&member, cross_org);
    upgrade_hash(&app, owner.clone(), &record, password).await?;

    // 8-9: MFA decision, session.
    let pending = {
        let mut store = app.store();
        let now = app.now();
        // A reset that committed since the check revoked the member's sessions; a session for
        // the old password must not be created after it.
        ensure_unchanged(&store, &owner, &record)?;
        let own = auth_flow::own_session(&store, session_ref.as_ref(), &member.id, now)?;
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
                ist,
            },
        )?;
        auth_flow::auth_body(&app, &store, &org.id, &member.id, &outcome)?
    };
    Ok(Json(pending.finish(&app)))
}

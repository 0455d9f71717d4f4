//! `POST /v1/b2b/passwords/email/reset/start`, `/email/reset`, `/email/require_reset`.

use super::{
    bad_reset_token, check_pkce, hash_new_password, redirect_url, require_cross_org, reset_expiration,
    set_password, verify_email,
};
use crate::app::App;
use crate::auth_flow::{self, Primary};
use crate::errors::{ApiError, ApiResult};
use crate::handlers::organizations::obj;
use crate::ids;
use crate::outbox::{self, MessageKind, OutboxMessage};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, validate_email};
use crate::sessions::{self, SessionInput};
use crate::store::{FactorKind, PasswordOwner, ResetTarget, ResetToken};
use axum::Json;
use axum::extract::State;
use serde_json::{Map, Value, json};

/// `POST /v1/b2b/passwords/email/reset/start`.
pub(crate) async fn reset_start(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let minutes = reset_expiration(body.opt_int("reset_password_expiration_minutes")?)?;
    let challenge = body.opt_str("code_challenge")?.map(str::to_owned);
    let redirect = redirect_url(
        body.opt_str("reset_password_redirect_url")?,
        app.settings().default_reset_redirect_url.as_ref(),
    )?;
    let login_redirect = body.opt_str("login_redirect_url")?.map(str::to_owned);
    let locale = body.opt_str("locale")?.map(str::to_owned);
    let template_id = body.opt_str("reset_password_template_id")?.map(str::to_owned);
    let verify_template_id = body.opt_str("verify_email_template_id")?.map(str::to_owned);
    let now = app.now();

    let mut store = app.store();
    store.sweep(now);
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let member = match store.member_by_email(&org.id, email) {
        Some(m) => m.clone(),
        None if policy::RESET_START_UNKNOWN_EMAIL_IS_ERROR => return Err(ApiError::member_not_found()),
        None => unreachable!("the emulator only implements the erroring variant"),
    };
    let token = ids::token();
    let expires_at = now + chrono::Duration::minutes(minutes);
    store.reset_tokens.insert(
        token.clone(),
        ResetToken {
            target: ResetTarget::Member {
                organization_id: org.id.clone(),
                member_id: member.id.clone(),
            },
            code_challenge: challenge,
            expires_at,
            used: false,
        },
    );
    store.outbox.push(OutboxMessage {
        message_id: ids::id("message"),
        kind: MessageKind::PasswordReset,
        to: member.email.clone(),
        organization_id: Some(org.id.clone()),
        member_id: Some(member.id.clone()),
        link: Some(outbox::link(&redirect, &token, policy::RESET_TOKEN_TYPE)),
        token: Some(token),
        redirect_url: Some(redirect),
        login_redirect_url: login_redirect,
        discovery_redirect_url: None,
        template_id,
        verify_email_template_id: verify_template_id,
        locale,
        sent_at: now,
        expires_at: Some(expires_at),
    });
    let cross_org = app.settings().cross_org_passwords;
    Ok(Json(render::success(obj(json!({
        "member_id": member.id,
        "member_email_id": member.email_id,
        "member": render::member_in(&store, &member, cross_org),
    })))))
}

/// `POST /v1/b2b/passwords/email/reset`.
pub(crate) async fn reset(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let token = body.req_str("password_reset_token")?.to_owned();
    let password = body.req_str("password")?;
    let input = SessionInput::read(&body)?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let verifier = body.opt_str("code_verifier")?;
    let ist = body.opt_str("intermediate_session_token")?.map(str::to_owned);
    let session_ref = sessions::session_ref(&app, &input)?;
    let cross_org = app.settings().cross_org_passwords;

    // The token must be live, unused and for an organization member; PKCE must match.
    let (org_id, member) = {
        let store = app.store();
        let now = app.now();
        let t = store
            .reset_tokens
            .get(&token)
            .filter(|t| !t.used && t.expires_at > now)
            .ok_or_else(bad_reset_token)?;
        let ResetTarget::Member {
            organization_id,
            member_id,
        } = &t.target
        else {
            return Err(bad_reset_token());
        };
        check_pkce(t.code_challenge.as_deref(), verifier)?;
        let member = store
            .members
            .get(member_id)
            .ok_or_else(ApiError::member_not_found)?
            .clone();
        (organization_id.clone(), member)
    };
    let hash = hash_new_password(&app, password, &member.email).await?;

    let pending = {
        let mut store = app.store();
        let now = app.now();
        // Consume atomically: a concurrent reset with the same token loses here.
        match store.reset_tokens.get_mut(&token) {
            Some(t) if !t.used && t.expires_at > now => t.used = true,
            _ => return Err(bad_reset_token()),
        }
        let own = auth_flow::own_session(&store, session_ref.as_ref(), &member.id, now)?;
        set_password(&mut store, cross_org, &member, hash, now);
        if policy::RESET_VERIFIES_EMAIL {
            verify_email(&mut store, &member.id);
        }
        // Every other session of the member is revoked; a session passed in by the same
        // member is kept and receives the new factor.
        store.revoke_member_sessions(&member.id, own.as_deref());
        let outcome = auth_flow::complete(
            &app,
            &mut store,
            Primary {
                org_id: org_id.clone(),
                member_id: member.id.clone(),
                factor: FactorKind::Password,
                duration,
                claims,
                session_id: own,
                ist,
            },
        )?;
        let mut p = auth_flow::auth_body(&app, &store, &org_id, &member.id, &outcome)?;
        p.body.insert("member_email_id".into(), json!(member.email_id));
        p
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/passwords/email/require_reset`: cross-org only. Deletes the password when
/// one active member uses the email, otherwise flags it so authenticate answers
/// `member_reset_password`. The `X-Stytch-Member-Session(JWT)` headers are accepted and not
/// checked (the emulator has no RBAC policy for them).
pub(crate) async fn require_reset(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    require_cross_org(&app)?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let org_key = body.opt_str("organization_id")?;
    let member_id = body.opt_str("member_id")?;
    let mut store = app.store();
    let org = match org_key {
        Some(k) => Some(
            store
                .find_org(k)
                .ok_or_else(ApiError::organization_not_found)?
                .clone(),
        ),
        None => None,
    };
    let member = match (member_id, &org) {
        (Some(id), _) => Some(
            store
                .members
                .get(id)
                .filter(|m| m.email == crate::store::normalize_email(email))
                .filter(|m| org.as_ref().is_none_or(|o| o.id == m.organization_id))
                .ok_or_else(ApiError::member_not_found)?
                .clone(),
        ),
        (None, Some(o)) => Some(
            store
                .member_by_email(&o.id, email)
                .ok_or_else(ApiError::member_not_found)?
                .clone(),
        ),
        (None, None) => None,
    };
    let active = store
        .members_with_email(email)
        .into_iter()
        .filter(|m| m.status == "active")
        .count();
    if active == 0 && member.is_none() {
        return Err(ApiError::member_not_found());
    }
    let owner = PasswordOwner::Email(crate::store::normalize_email(email));
    if active <= 1 {
        store.passwords.remove(&owner);
    } else if let Some(p) = store.passwords.get_mut(&owner) {
        p.requires_reset = true;
    }
    let mut out = Map::new();
    if let Some(m) = &member {
        out.insert("member_id".into(), json!(m.id));
        out.insert("member".into(), render::member_in(&store, m, true));
        let o = store
            .organizations
            .get(&m.organization_id)
            .map(render::organization);
        out.insert("organization".into(), o.unwrap_or(Value::Null));
    }
    Ok(Json(render::success(out)))
}

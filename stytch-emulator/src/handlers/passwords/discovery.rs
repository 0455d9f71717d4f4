//! `POST /v1/b2b/passwords/discovery/authenticate`, `/discovery/email/reset/start`,
//! `/discovery/email/reset`: cross-org passwords only.

use super::{
    bad_reset_token, check_not_flagged, check_pkce, hash_new_password, password_not_found, redirect_url,
    require_cross_org, reset_expiration, upgrade_hash, verify_password,
};
use crate::app::App;
use crate::discovery;
use crate::errors::{ApiError, ApiResult};
use crate::hashing::StoredHash;
use crate::ids;
use crate::outbox::{self, MessageKind, OutboxMessage};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, validate_email};
use crate::store::{FactorKind, Password, PasswordOwner, ResetTarget, ResetToken, Store, normalize_email};
use axum::Json;
use axum::extract::State;
use serde_json::{Map, Value};

/// Starts a discovery intermediate session holding a password factor.
fn discovery_response(app: &App, store: &mut Store, email: &str, email_verified: bool) -> Value {
    discovery::start(app, store, email, email_verified, FactorKind::Password)
}

/// `POST /v1/b2b/passwords/discovery/authenticate`.
pub(crate) async fn authenticate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    require_cross_org(&app)?;
    let email = body.req_str("email_address")?;
    let password = body.req_str("password")?;
    validate_email(email)?;
    let email = normalize_email(email);
    let owner = PasswordOwner::Email(email.clone());
    let record = app
        .store()
        .passwords
        .get(&owner)
        .cloned()
        .ok_or_else(password_not_found)?;
    if !verify_password(&app, record.hash.clone(), password).await? {
        return Err(super::wrong_password());
    }
    check_not_flagged(&app, password, &record)?;
    upgrade_hash(&app, owner.clone(), &record, password).await?;
    let mut store = app.store();
    super::ensure_unchanged(&store, &owner, &record)?;
    let verified = store.members_with_email(&email).iter().any(|m| m.email_verified);
    Ok(Json(discovery_response(&app, &mut store, &email, verified)))
}

/// `POST /v1/b2b/passwords/discovery/email/reset/start`.
pub(crate) async fn reset_start(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    require_cross_org(&app)?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let email = normalize_email(email);
    let minutes = reset_expiration(body.opt_int("reset_password_expiration_minutes")?)?;
    let redirect = redirect_url(
        body.opt_str("reset_password_redirect_url")?,
        app.settings().default_reset_redirect_url.as_ref(),
    )?;
    let discovery_redirect = body
        .opt_str("discovery_redirect_url")?
        .map(str::to_owned)
        .or_else(|| app.settings().default_discovery_redirect_url.clone());
    let challenge = body.opt_str("pkce_code_challenge")?.map(str::to_owned);
    let locale = body.opt_str("locale")?.map(str::to_owned);
    let template_id = body.opt_str("reset_password_template_id")?.map(str::to_owned);
    let verify_template_id = body.opt_str("verify_email_template_id")?.map(str::to_owned);
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    let known = !store.members_with_email(&email).is_empty()
        || store.passwords.contains_key(&PasswordOwner::Email(email.clone()));
    if !known {
        if policy::DISCOVERY_RESET_START_UNKNOWN_EMAIL_SILENT {
            return Ok(Json(render::success(Map::new())));
        }
        return Err(ApiError::member_not_found());
    }
    let token = ids::token();
    let expires_at = now + chrono::Duration::minutes(minutes);
    store.reset_tokens.insert(
        token.clone(),
        ResetToken {
            target: ResetTarget::Discovery { email: email.clone() },
            code_challenge: challenge,
            expires_at,
            used: false,
        },
    );
    store.outbox.push(OutboxMessage {
        message_id: ids::id("message"),
        kind: MessageKind::DiscoveryPasswordReset,
        to: email,
        organization_id: None,
        member_id: None,
        link: Some(outbox::link(
            &redirect,
            &token,
            policy::DISCOVERY_RESET_TOKEN_TYPE,
        )),
        token: Some(token),
        redirect_url: Some(redirect),
        login_redirect_url: None,
        discovery_redirect_url: discovery_redirect,
        template_id,
        verify_email_template_id: verify_template_id,
        locale,
        sent_at: now,
        expires_at: Some(expires_at),
    });
    Ok(Json(render::success(Map::new())))
}

/// `POST /v1/b2b/passwords/discovery/email/reset`.
pub(crate) async fn reset(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    require_cross_org(&app)?;
    let token = body.req_str("password_reset_token")?.to_owned();
    let password = body.req_str("password")?;
    let verifier = body.opt_str("pkce_code_verifier")?;
    let email = {
        let store = app.store();
        let now = app.now();
        let t = store
            .reset_tokens
            .get(&token)
            .filter(|t| !t.used && t.expires_at > now)
            .ok_or_else(bad_reset_token)?;
        let ResetTarget::Discovery { email } = &t.target else {
            return Err(bad_reset_token());
        };
        check_pkce(t.code_challenge.as_deref(), verifier)?;
        email.clone()
    };
    let hash: StoredHash = hash_new_password(&app, password, &email).await?;
    let mut store = app.store();
    let now = app.now();
    match store.reset_tokens.get_mut(&token) {
        Some(t) if !t.used && t.expires_at > now => t.used = true,
        _ => return Err(bad_reset_token()),
    }
    store.passwords.insert(
        PasswordOwner::Email(email.clone()),
        Password {
            id: ids::id("member-password"),
            hash,
            requires_reset: false,
        },
    );
    let member_ids: Vec<String> = store
        .members_with_email(&email)
        .iter()
        .map(|m| m.id.clone())
        .collect();
    for id in &member_ids {
        if policy::RESET_VERIFIES_EMAIL {
            super::verify_email(&mut store, id);
        }
        if policy::DISCOVERY_RESET_REVOKES_SESSIONS {
            store.revoke_member_sessions(id, None);
        }
    }
    Ok(Json(discovery_response(&app, &mut store, &email, true)))
}

//! `/v1/b2b/discovery/*`: organizations list and create, intermediate session exchange.

use super::organizations::{build_organization, obj};
use super::sessions::{join_or_find, start_ist};
use crate::app::App;
use crate::auth_flow::{self, Outcome, live_ist};
use crate::discovery::{self, Input};
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields};
use crate::sessions::{self, SessionInput};
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

/// `POST /v1/b2b/discovery/organizations`: exactly one of `intermediate_session_token`,
/// `session_token`, `session_jwt`. Does not consume its input.
pub(crate) async fn list(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let ist = body.opt_str("intermediate_session_token")?;
    let input = SessionInput {
        token: body.opt_str("session_token")?,
        jwt: body.opt_str("session_jwt")?,
    };
    let given = [ist.is_some(), input.token.is_some(), input.jwt.is_some()]
        .iter()
        .filter(|b| **b)
        .count();
    if given == 0 {
        return Err(ApiError::new(
            400,
            policy::NO_SESSION_ARGUMENTS,
            "One of intermediate_session_token, session_token or session_jwt is required.",
        ));
    }
    if given > 1 {
        return Err(ApiError::too_many_session_arguments());
    }
    let session_ref = sessions::session_ref(&app, &input)?;
    let cross_org = app.settings().cross_org_passwords;
    let store = app.store();
    let now = app.now();
    let (email, orgs, hint) = match (ist, session_ref) {
        (Some(token), _) => {
            let i = live_ist(&store, token, now)?;
            (
                i.email.clone(),
                discovery::discovered(
                    &store,
                    &i.email,
                    Input::Intermediate { factors: &i.factors },
                    cross_org,
                ),
                i.organization_id.clone(),
            )
        }
        (None, Some(r)) => {
            let sid = sessions::live_session_id(&store, &r, now)?;
            let s = &store.sessions[&sid];
            let email = store
                .members
                .get(&s.member_id)
                .ok_or_else(ApiError::member_not_found)?
                .email
                .clone();
            let orgs = discovery::discovered(
                &store,
                &email,
                Input::Session {
                    org_id: &s.organization_id,
                },
                cross_org,
            );
            (email, orgs, None)
        }
        (None, None) => unreachable!("counted above"),
    };
    Ok(Json(render::success(obj(json!({
        "email_address": email,
        "discovered_organizations": orgs,
        "organization_id_hint": hint,
    })))))
}

/// `POST /v1/b2b/discovery/intermediate_sessions/exchange`.
pub(crate) async fn exchange(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let token = body.req_str("intermediate_session_token")?.to_owned();
    let org_key = body.req_str("organization_id")?;
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let ist = live_ist(&store, &token, now)?.clone();
        let org = store
            .find_org(org_key)
            .ok_or_else(ApiError::organization_not_found)?
            .clone();
        if ist.organization_id.as_deref().is_some_and(|o| o != org.id) {
            return Err(ApiError::new(
                400,
                policy::IST_WRONG_ORG_ERROR,
                "The intermediate_session_token belongs to another organization.",
            ));
        }
        let member = join_or_find(&mut store, &org, &ist.email, now, ist.email_verified)?;
        let outcome = if !auth_flow::has_accepted_primary(&org, &member, &ist.factors) {
            // The IST carries no factor this organization accepts (e.g. it came from a
            // sessions/exchange that already answered primary_required): still no session.
            Outcome::Intermediate {
                token: token.clone(),
                mfa_required: None,
                primary_required: Some(render::primary_required(&org)),
            }
        } else if auth_flow::needs_mfa(&org, &member) {
            // The IST now belongs to this organization and member.
            if let Some(i) = store.intermediate_sessions.get_mut(&token) {
                i.organization_id = Some(org.id.clone());
                i.member_id = Some(member.id.clone());
            }
            let initiated = auth_flow::send_sms_otp(&mut store, now, &org, &member);
            Outcome::Intermediate {
                token: token.clone(),
                mfa_required: Some(render::mfa_required(Some(&member), initiated)),
                primary_required: None,
            }
        } else {
            store.intermediate_sessions.remove(&token);
            if ist.email_verified {
                super::passwords::verify_email(&mut store, &member.id);
            }
            Outcome::Session(sessions::create(
                &mut store,
                now,
                &member.id,
                &org.id,
                ist.factors.clone(),
                duration,
                claims.as_ref(),
            )?)
        };
        auth_flow::auth_body(&app, &store, &org.id, &member.id, &outcome)?.without(&["organization_id"])
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/discovery/organizations/create`: a new organization with the IST's email as
/// its first member (`stytch_admin`). Name and slug default to ones derived from the email
/// domain.
pub(crate) async fn create(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let token = body.req_str("intermediate_session_token")?.to_owned();
    let duration = sessions::duration_minutes(&body)?;
    let claims = sessions::custom_claims(&body)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let ist = live_ist(&store, &token, now)?.clone();
        if ist.organization_id.is_some() {
            return Err(ApiError::new(
                400,
                policy::IST_NOT_DISCOVERY_ERROR,
                "Only discovery intermediate session tokens can create organizations.",
            ));
        }
        let domain = crate::store::email_domain(&ist.email).to_owned();
        let fallback = domain.split('.').next().unwrap_or("organization").to_owned();
        let mut org = build_organization(&store, &body, now, Some(&fallback))?;
        org.seq = store.next_seq();
        store.organizations.insert(org.id.clone(), org.clone());
        let mut member = super::members::new_member(&org.id, &ist.email, now);
        member.roles = vec!["stytch_admin".into()];
        member.email_verified = ist.email_verified;
        store.members.insert(member.id.clone(), member.clone());
        let outcome = if auth_flow::needs_mfa(&org, &member) {
            store.intermediate_sessions.remove(&token);
            start_ist(
                &mut store,
                &org,
                &member,
                ist.factors.clone(),
                now,
                Some(render::mfa_required(Some(&member), false)),
                None,
            )
        } else {
            store.intermediate_sessions.remove(&token);
            Outcome::Session(sessions::create(
                &mut store,
                now,
                &member.id,
                &org.id,
                ist.factors.clone(),
                duration,
                claims.as_ref(),
            )?)
        };
        auth_flow::auth_body(&app, &store, &org.id, &member.id, &outcome)?.without(&["organization_id"])
    };
    Ok(Json(pending.finish(&app)))
}

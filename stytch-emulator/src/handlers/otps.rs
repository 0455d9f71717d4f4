//! `/v1/b2b/otps/*`: email passcodes (organization and discovery; a primary factor) and SMS
//! passcodes (a second factor). Six-digit codes; only the newest code sent to an address or
//! phone works.

use super::organizations::obj;
use super::passwordless::{self, PrimaryInput};
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::mfa::{self, Method, Requested, Verified};
use crate::one_time::{self, Credential, Issue, Kind, Refusal};
use crate::outbox::{MessageKind, OutboxMessage};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, validate_email};
use crate::store::{FactorKind, Store, normalize_email};
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

fn otp_lifetime(body: &Map<String, Value>, field: &str) -> ApiResult<chrono::Duration> {
    one_time::expiration(
        body.opt_int(field)?,
        field,
        policy::EMAIL_OTP_EXPIRATION_MINUTES,
        policy::DEFAULT_EMAIL_OTP_MINUTES,
        "invalid_expiration_otp",
    )
}

/// Reads `code`: 400 `invalid_code` unless six digits.
fn read_code(body: &Map<String, Value>) -> ApiResult<&str> {
    let code = body.req_str("code")?;
    if one_time::is_six_digits(code) {
        Ok(code)
    } else {
        Err(ApiError::new(
            400,
            "invalid_code",
            "Code format is invalid: six digits expected.",
        ))
    }
}

/// The error for a refused passcode.
fn refused(r: Refusal) -> ApiError {
    let (status, ty) = match r {
        Refusal::NotFound => policy::OTP_NOT_FOUND_ERROR,
        Refusal::Unusable => policy::OTP_UNUSABLE_ERROR,
    };
    ApiError::new(status, ty, "Invalid passcode, please try again.")
}

/// Issues an email passcode and puts the email in the outbox.
fn send_email_code(
    store: &mut Store,
    now: DateTime<Utc>,
    kind: MessageKind,
    issue: Issue,
    template_id: Option<String>,
    locale: Option<String>,
) {
    let (to, org, member, lifetime) = (
        issue.to.clone(),
        issue.organization_id.clone(),
        issue.member_id.clone(),
        issue.lifetime,
    );
    let code = one_time::issue(store, now, issue);
    let mut m = OutboxMessage::new(kind, &to, now);
    m.organization_id = org;
    m.member_id = member;
    m.token = Some(code);
    m.template_id = template_id;
    m.locale = locale;
    m.expires_at = Some(now + lifetime);
    store.outbox.push(m);
}

/// `POST /v1/b2b/otps/email/login_or_signup`.
pub(crate) async fn email_login_or_signup(
    State(app): State<App>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let login_lifetime = otp_lifetime(&body, "login_expiration_minutes")?;
    let signup_lifetime = otp_lifetime(&body, "signup_expiration_minutes")?;
    let locale = body.opt_str("locale")?.map(str::to_owned);
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let (member, created) = passwordless::login_or_signup_member(&mut store, &org, email, "email_otp", now)?;
    let (lifetime, template) = if member.status == "active" {
        (login_lifetime, body.opt_str("login_template_id")?)
    } else {
        (signup_lifetime, body.opt_str("signup_template_id")?)
    };
    send_email_code(
        &mut store,
        now,
        MessageKind::EmailOtp,
        Issue {
            kind: Kind::EmailOtp,
            to: member.email.clone(),
            organization_id: Some(org.id.clone()),
            member_id: Some(member.id.clone()),
            lifetime,
            code_challenge: None,
        },
        template.map(str::to_owned),
        locale,
    );
    let cross_org = app.settings().cross_org_passwords;
    Ok(Json(render::success(obj(json!({
        "member_id": member.id,
        "member_created": created,
        "member": render::member_in(&store, &member, cross_org),
        "organization": render::organization(&org),
    })))))
}

/// `POST /v1/b2b/otps/email/authenticate`.
pub(crate) async fn email_authenticate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let code = read_code(&body)?;
    let input = PrimaryInput::read(&app, &body)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let org = store
            .find_org(org_key)
            .ok_or_else(ApiError::organization_not_found)?
            .clone();
        let member = store
            .member_by_email(&org.id, email)
            .ok_or_else(ApiError::member_not_found)?
            .clone();
        passwordless::require_method(&org, Some(&member), "email_otp")?;
        let to = member.email.clone();
        let sent = |c: &Credential| c.to == to && matches!(c.kind, Kind::EmailOtp | Kind::DiscoveryEmailOtp);
        let i = one_time::find_code(&mut store, sent, code, now).map_err(refused)?;
        if store.one_time[i].organization_id.as_deref() != Some(org.id.as_str()) {
            // The newest code to this address is for discovery or another organization.
            return Err(refused(Refusal::Unusable));
        }
        one_time::spend(&mut store, i);
        let factor = FactorKind::EmailOtp {
            email_id: member.email_id.clone(),
            email: member.email.clone(),
        };
        passwordless::finish_primary(&app, &mut store, &org, &member, factor, input)?
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/otps/email/discovery/send`: a passcode for an email address alone.
pub(crate) async fn email_discovery_send(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let lifetime = otp_lifetime(&body, "discovery_expiration_minutes")?;
    let template = body.opt_str("login_template_id")?.map(str::to_owned);
    let locale = body.opt_str("locale")?.map(str::to_owned);
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    send_email_code(
        &mut store,
        now,
        MessageKind::DiscoveryEmailOtp,
        Issue {
            kind: Kind::DiscoveryEmailOtp,
            to: normalize_email(email),
            organization_id: None,
            member_id: None,
            lifetime,
            code_challenge: None,
        },
        template,
        locale,
    );
    Ok(Json(render::success(Map::new())))
}

/// `POST /v1/b2b/otps/email/discovery/authenticate`.
pub(crate) async fn email_discovery_authenticate(
    State(app): State<App>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let code = read_code(&body)?;
    let email = normalize_email(email);
    let mut store = app.store();
    let now = app.now();
    let sent = |c: &Credential| c.to == email && matches!(c.kind, Kind::EmailOtp | Kind::DiscoveryEmailOtp);
    let i = one_time::find_code(&mut store, sent, code, now).map_err(refused)?;
    if store.one_time[i].kind != Kind::DiscoveryEmailOtp {
        return Err(refused(Refusal::Unusable));
    }
    one_time::spend(&mut store, i);
    let factor = FactorKind::EmailOtp {
        email_id: super::magic_links::discovery_email_id(&store, &email),
        email: email.clone(),
    };
    Ok(Json(crate::discovery::start(
        &app, &mut store, &email, true, factor,
    )))
}

/// `POST /v1/b2b/otps/sms/send`: an SMS passcode to the member's phone (linking
/// `mfa_phone_number` when the member has none yet).
pub(crate) async fn sms_send(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let phone = body.opt_str("mfa_phone_number")?;
    if let Some(p) = phone {
        super::members::validate_phone(p)?;
    }
    let locale = body.opt_str("locale")?.map(str::to_owned);
    let proof = mfa::read_proof(&app, &body)?;
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
    mfa::require_active(&member)?;
    mfa::check_method_allowed(&org, &member, Method::SmsOtp)?;
    mfa::check_enrolment_proof(&store, proof.as_ref(), &org, &member, now)?;
    let phone = match (member.mfa_phone_number.as_str(), phone) {
        ("", None) => {
            let (status, ty) = policy::NO_PHONE_ERROR;
            return Err(ApiError::new(
                status,
                ty,
                "The member has no MFA phone number: pass mfa_phone_number.",
            ));
        }
        ("", Some(p)) => {
            let taken = store.members.values().any(|m| {
                m.organization_id == org.id
                    && m.id != member.id
                    && m.status != "deleted"
                    && m.mfa_phone_number == p
            });
            if taken {
                let (status, ty) = policy::DUPLICATE_PHONE_ERROR;
                return Err(ApiError::new(
                    status,
                    ty,
                    "Another member of this organization uses this phone number.",
                ));
            }
            let m = store.members.get_mut(&member.id).expect("found above");
            m.mfa_phone_number = p.to_owned();
            m.mfa_phone_number_verified = false;
            m.mfa.phone_id = None;
            m.updated_at = now;
            p.to_owned()
        }
        (own, Some(p)) if own != p => {
            let (status, ty) = policy::OTHER_PHONE_ERROR;
            return Err(ApiError::new(
                status,
                ty,
                "The member already has another MFA phone number; delete it first to use a new one.",
            ));
        }
        (own, _) => own.to_owned(),
    };
    let member = store.members[&member.id].clone();
    mfa::send_sms(&mut store, now, &org, &member, &phone, locale);
    let cross_org = app.settings().cross_org_passwords;
    Ok(Json(render::success(obj(json!({
        "member_id": member.id,
        "member": render::member_in(&store, &member, cross_org),
        "organization": render::organization(&org),
    })))))
}

/// `POST /v1/b2b/otps/sms/authenticate`: completes MFA (or steps up a session) with the SMS
/// passcode; exactly one of `intermediate_session_token`, `session_token`, `session_jwt`.
pub(crate) async fn sms_authenticate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let member_key = body.req_str("member_id")?;
    let code = read_code(&body)?;
    let proof = mfa::require_proof(&app, &body)?;
    let requested = Requested::read(&body, true)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let (org, member) = passwordless::org_and_member(&store, org_key, member_key)?;
        mfa::check_method_allowed(&org, &member, Method::SmsOtp)?;
        let target = mfa::resolve(&store, &proof, &org, &member, now)?;
        let member_id = member.id.clone();
        let i = one_time::find_code(
            &mut store,
            |c| c.kind == Kind::SmsOtp && c.member_id.as_deref() == Some(member_id.as_str()),
            code,
            now,
        )
        .map_err(refused)?;
        let phone = one_time::spend(&mut store, i).to;
        let phone_id = mfa::phone_id(&mut store, &member.id);
        if let Some(m) = store.members.get_mut(&member.id)
            && m.mfa_phone_number == phone
        {
            m.mfa_phone_number_verified = true;
        }
        let verified = Verified {
            factor: FactorKind::SmsOtp { phone_id, phone },
            method: Some(Method::SmsOtp),
        };
        let sid = mfa::finish(&mut store, now, &org, &member.id, target, verified, requested)?;
        mfa::response(&app, &store, &org.id, &member.id, &sid)?
    };
    Ok(Json(pending.finish(&app)))
}

//! `/v1/b2b/magic_links/*`: email login-or-signup links, invites, discovery links, and their
//! authentication (single use, expiring, PKCE).

use super::organizations::obj;
use super::passwordless::{self, PrimaryInput};
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::one_time::{self, Issue, Kind, Refusal};
use crate::outbox::{self, MessageKind, OutboxMessage};
use crate::policy;
use crate::render;
use crate::request::{Body, Fields, validate_email};
use crate::store::{FactorKind, Member, Store, normalize_email};
use axum::Json;
use axum::extract::State;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

/// What one magic-link email carries.
struct Link {
    kind: MessageKind,
    credential: Kind,
    to: String,
    member: Option<Member>,
    redirect_url: String,
    token_type: &'static str,
    lifetime: chrono::Duration,
    code_challenge: Option<String>,
    template_id: Option<String>,
    locale: Option<String>,
}

/// Issues the token and puts the email in the outbox.
fn send(store: &mut Store, now: DateTime<Utc>, link: Link) {
    let token = one_time::issue(
        store,
        now,
        Issue {
            kind: link.credential,
            to: link.to.clone(),
            organization_id: link.member.as_ref().map(|m| m.organization_id.clone()),
            member_id: link.member.as_ref().map(|m| m.id.clone()),
            lifetime: link.lifetime,
            code_challenge: link.code_challenge,
        },
    );
    let mut m = OutboxMessage::new(link.kind, &link.to, now);
    m.organization_id = link.member.as_ref().map(|m| m.organization_id.clone());
    m.member_id = link.member.as_ref().map(|m| m.id.clone());
    m.link = Some(outbox::link(&link.redirect_url, &token, link.token_type));
    m.token = Some(token);
    match link.kind {
        MessageKind::DiscoveryMagicLink => m.discovery_redirect_url = Some(link.redirect_url.clone()),
        MessageKind::MagicLinkLogin => m.login_redirect_url = Some(link.redirect_url.clone()),
        _ => {}
    }
    m.redirect_url = Some(link.redirect_url);
    m.template_id = link.template_id;
    m.locale = link.locale;
    m.expires_at = Some(now + link.lifetime);
    store.outbox.push(m);
}

fn link_lifetime(body: &Map<String, Value>, field: &str, default: i64) -> ApiResult<chrono::Duration> {
    one_time::expiration(
        body.opt_int(field)?,
        field,
        policy::MAGIC_LINK_EXPIRATION_MINUTES,
        default,
        "invalid_expiration",
    )
}

fn opt_string(body: &Map<String, Value>, field: &str) -> ApiResult<Option<String>> {
    Ok(body.opt_str(field)?.map(str::to_owned))
}

/// `POST /v1/b2b/magic_links/email/login_or_signup`: a login link to an active member, a
/// signup link to a pending or invited one, or to a new address (JIT-creating a pending member).
pub(crate) async fn login_or_signup(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let login_lifetime = link_lifetime(
        &body,
        "login_expiration_minutes",
        policy::DEFAULT_MAGIC_LINK_MINUTES,
    )?;
    let signup_lifetime = link_lifetime(
        &body,
        "signup_expiration_minutes",
        policy::DEFAULT_MAGIC_LINK_MINUTES,
    )?;
    let challenge = opt_string(&body, "pkce_code_challenge")?;
    let locale = opt_string(&body, "locale")?;
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let (member, created) = passwordless::login_or_signup_member(&mut store, &org, email, "magic_link", now)?;
    let login = member.status == "active";
    let (kind, redirect, lifetime, template) = if login {
        (
            MessageKind::MagicLinkLogin,
            body.opt_str("login_redirect_url")?
                .unwrap_or(policy::DEFAULT_LOGIN_REDIRECT_URL),
            login_lifetime,
            opt_string(&body, "login_template_id")?,
        )
    } else {
        (
            MessageKind::MagicLinkSignup,
            body.opt_str("signup_redirect_url")?
                .unwrap_or(policy::DEFAULT_SIGNUP_REDIRECT_URL),
            signup_lifetime,
            opt_string(&body, "signup_template_id")?,
        )
    };
    send(
        &mut store,
        now,
        Link {
            kind,
            credential: Kind::MagicLink,
            to: member.email.clone(),
            member: Some(member.clone()),
            redirect_url: redirect.to_owned(),
            token_type: policy::MAGIC_LINK_TOKEN_TYPE,
            lifetime,
            code_challenge: challenge,
            template_id: template,
            locale,
        },
    );
    let cross_org = app.settings().cross_org_passwords;
    Ok(Json(render::success(obj(json!({
        "member_id": member.id,
        "member_created": created,
        "member": render::member_in(&store, &member, cross_org),
        "organization": render::organization(&org),
    })))))
}

/// `POST /v1/b2b/magic_links/email/invite`: creates an `invited` member (or moves a pending one
/// to `invited`) and emails a one-week link, as the organization's `email_invites` allows. The
/// `X-Stytch-Member-Session(JWT)` headers are accepted and not checked here.
pub(crate) async fn invite(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let org_key = body.req_str("organization_id")?;
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let lifetime = link_lifetime(&body, "invite_expiration_minutes", policy::DEFAULT_INVITE_MINUTES)?;
    let redirect = body
        .opt_str("invite_redirect_url")?
        .unwrap_or(policy::DEFAULT_INVITE_REDIRECT_URL)
        .to_owned();
    let template = opt_string(&body, "invite_template_id")?;
    let locale = opt_string(&body, "locale")?;
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let domain_ok = org
        .email_allowed_domains
        .iter()
        .any(|d| d.eq_ignore_ascii_case(crate::store::email_domain(&normalize_email(email))));
    let allowed = match org.email_invites.as_str() {
        "ALL_ALLOWED" => true,
        "RESTRICTED" => domain_ok,
        _ => false,
    };
    if !allowed {
        let (status, ty) = policy::INVITE_REFUSED_ERROR;
        return Err(ApiError::new(
            status,
            ty,
            format!(
                "The organization's email_invites setting ({}) does not allow inviting this address.",
                org.email_invites
            ),
        ));
    }
    let mut member = match store.member_by_email(&org.id, email) {
        Some(m) if m.status == "active" => {
            let (status, ty) = policy::INVITE_ACTIVE_MEMBER_ERROR;
            return Err(ApiError::new(
                status,
                ty,
                "A member with this email address is already active in the organization.",
            ));
        }
        Some(m) => m.clone(),
        None => super::members::new_member(&org.id, email, now),
    };
    member.status = "invited".into();
    super::members::apply_member_fields(&store, &mut member, &body, false)?;
    member.updated_at = now;
    store.members.insert(member.id.clone(), member.clone());
    send(
        &mut store,
        now,
        Link {
            kind: MessageKind::MagicLinkInvite,
            credential: Kind::MagicLink,
            to: member.email.clone(),
            member: Some(member.clone()),
            redirect_url: redirect,
            token_type: policy::MAGIC_LINK_TOKEN_TYPE,
            lifetime,
            code_challenge: None,
            template_id: template,
            locale,
        },
    );
    let cross_org = app.settings().cross_org_passwords;
    Ok(Json(render::success(obj(json!({
        "member_id": member.id,
        "member": render::member_in(&store, &member, cross_org),
        "organization": render::organization(&org),
    })))))
}

/// `POST /v1/b2b/magic_links/email/discovery/send`: a link for an email address alone; creates
/// no member.
pub(crate) async fn discovery_send(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let email = body.req_str("email_address")?;
    validate_email(email)?;
    let lifetime = link_lifetime(
        &body,
        "discovery_expiration_minutes",
        policy::DEFAULT_MAGIC_LINK_MINUTES,
    )?;
    let redirect = body
        .opt_str("discovery_redirect_url")?
        .map(str::to_owned)
        .or_else(|| app.settings().default_discovery_redirect_url.clone())
        .unwrap_or_else(|| policy::DEFAULT_DISCOVERY_REDIRECT_URL.to_owned());
    let link = Link {
        kind: MessageKind::DiscoveryMagicLink,
        credential: Kind::DiscoveryMagicLink,
        to: normalize_email(email),
        member: None,
        redirect_url: redirect,
        token_type: policy::DISCOVERY_MAGIC_LINK_TOKEN_TYPE,
        lifetime,
        code_challenge: opt_string(&body, "pkce_code_challenge")?,
        template_id: opt_string(&body, "login_template_id")?,
        locale: opt_string(&body, "locale")?,
    };
    let now = app.now();
    let mut store = app.store();
    store.sweep(now);
    send(&mut store, now, link);
    Ok(Json(render::success(Map::new())))
}

/// The error for a refused token.
fn refused(r: Refusal) -> ApiError {
    let (status, ty) = match r {
        Refusal::NotFound => policy::MAGIC_LINK_NOT_FOUND_ERROR,
        Refusal::Unusable => policy::MAGIC_LINK_UNUSABLE_ERROR,
    };
    ApiError::new(
        status,
        ty,
        match r {
            Refusal::NotFound => "The magic link could not be found.",
            Refusal::Unusable => {
                "The magic link could not be authenticated: it was already used, or it expired."
            }
        },
    )
}

/// `POST /v1/b2b/magic_links/authenticate`: a login, signup or invite link's token for a
/// session, or an intermediate session when MFA is required.
pub(crate) async fn authenticate(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let token = body.req_str("magic_links_token")?;
    let verifier = body.opt_str("pkce_code_verifier")?;
    let input = PrimaryInput::read(&app, &body)?;
    let pending = {
        let mut store = app.store();
        let now = app.now();
        let i = one_time::find_token(&store, &[Kind::MagicLink], token, now).map_err(refused)?;
        let c = store.one_time[i].clone();
        one_time::check_pkce(c.code_challenge.as_deref(), verifier)?;
        let (org, member) = passwordless::org_and_member(
            &store,
            c.organization_id.as_deref().unwrap_or_default(),
            c.member_id.as_deref().unwrap_or_default(),
        )?;
        passwordless::require_method(&org, Some(&member), "magic_link")?;
        one_time::spend(&mut store, i);
        let factor = FactorKind::MagicLink {
            email_id: member.email_id.clone(),
            email: member.email.clone(),
        };
        let mut p = passwordless::finish_primary(&app, &mut store, &org, &member, factor, input)?;
        p.body.insert("reset_sessions".into(), json!(false));
        p
    };
    Ok(Json(pending.finish(&app)))
}

/// `POST /v1/b2b/magic_links/discovery/authenticate`: a discovery link's token for an
/// intermediate session and the organizations the address can enter.
pub(crate) async fn discovery_authenticate(
    State(app): State<App>,
    Body(body): Body,
) -> ApiResult<Json<Value>> {
    let token = body.req_str("discovery_magic_links_token")?;
    let verifier = body.opt_str("pkce_code_verifier")?;
    let mut store = app.store();
    let now = app.now();
    let i = one_time::find_token(&store, &[Kind::DiscoveryMagicLink], token, now).map_err(refused)?;
    one_time::check_pkce(store.one_time[i].code_challenge.as_deref(), verifier)?;
    let email = one_time::spend(&mut store, i).to;
    let factor = FactorKind::MagicLink {
        email_id: discovery_email_id(&store, &email),
        email: email.clone(),
    };
    Ok(Json(crate::discovery::start(
        &app, &mut store, &email, true, factor,
    )))
}

/// The email id a discovery factor names: that of a member with this address, else a new one.
pub(crate) fn discovery_email_id(store: &Store, email: &str) -> String {
    let mut members = store.members_with_email(email);
    members.sort_by_key(|m| m.created_at);
    members
        .first()
        .map(|m| m.email_id.clone())
        .unwrap_or_else(|| crate::ids::id(policy::MEMBER_EMAIL_ID_PREFIX))
}

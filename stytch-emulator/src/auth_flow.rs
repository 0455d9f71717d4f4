//! Finishing a primary authentication: the MFA decision, intermediate sessions,
//! and the auth-style response body shared by every session-issuing endpoint.

use crate::app::App;
use crate::clock::{chrono_duration, rfc3339};
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::policy;
use crate::render;
use crate::sessions::{self, SessionRef};
use crate::store::{Factor, FactorKind, IntermediateSession, Member, Organization, Store};
use serde_json::{Map, Value, json};

/// Whether this member must complete MFA in this organization.
pub(crate) fn needs_mfa(org: &Organization, member: &Member) -> bool {
    if member.is_breakglass && policy::BREAKGLASS_SKIPS_MFA {
        return false;
    }
    org.mfa_policy == "REQUIRED_FOR_ALL" || member.mfa_enrolled
}

/// Whether `factors` hold a primary factor `org` accepts for `member`: an intermediate session
/// becomes a session only then. Password, magic-link and email-passcode factors count where the
/// organization allows that method; second factors (SMS, TOTP, recovery codes) never count;
/// the other kinds (trusted auth tokens, imported sessions, access-token exchanges) are not
/// restricted by `allowed_auth_methods`.
pub(crate) fn has_accepted_primary(org: &Organization, member: &Member, factors: &[Factor]) -> bool {
    factors
        .iter()
        .any(|f| primary_allowed(org, Some(member), &f.kind))
}

/// Whether one factor is a primary factor `org` accepts for `member` (see
/// [`has_accepted_primary`]).
pub(crate) fn primary_allowed(org: &Organization, member: Option<&Member>, kind: &FactorKind) -> bool {
    match kind {
        FactorKind::Password => org.allows_password(member),
        FactorKind::MagicLink { .. } => allows_method(org, member, "magic_link"),
        FactorKind::EmailOtp { .. } => allows_method(org, member, "email_otp"),
        FactorKind::SmsOtp { .. } | FactorKind::Totp { .. } | FactorKind::RecoveryCode { .. } => false,
        _ => true,
    }
}

/// Whether the primary method `method` (`magic_link`, `email_otp`, `password`, ...) is allowed
/// for `member` in `org` (break-glass members may use any).
pub(crate) fn allows_method(org: &Organization, member: Option<&Member>, method: &str) -> bool {
    member.is_some_and(|m| m.is_breakglass)
        || org.auth_methods != "RESTRICTED"
        || org.allowed_auth_methods.iter().any(|m| m == method)
}

/// A primary authentication that just succeeded, to be turned into a session or an IST.
pub(crate) struct Primary {
    pub org_id: String,
    pub member_id: String,
    pub factor: FactorKind,
    pub duration: Option<i64>,
    pub claims: Option<Map<String, Value>>,
    /// A live session of this same member in this organization, to add the factor to (MFA is
    /// then skipped). Callers drop foreign sessions.
    pub session_id: Option<String>,
    /// An intermediate session token given with the request.
    pub ist: Option<String>,
}

/// Where the authentication ended.
pub(crate) enum Outcome {
    /// Fully authenticated.
    Session(String),
    /// More is needed: the IST and what is required.
    Intermediate {
        token: String,
        mfa_required: Option<Value>,
        primary_required: Option<Value>,
    },
}

/// Looks up a live IST by token (400 for a malformed token, 404 for an unknown or expired one).
pub(crate) fn live_ist<'s>(
    store: &'s Store,
    token: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<&'s IntermediateSession> {
    if !ids::is_token_shaped(token) {
        return Err(ApiError::invalid_session_token());
    }
    store
        .intermediate_sessions
        .get(token)
        .filter(|i| i.expires_at > now)
        .ok_or_else(ApiError::ist_not_found)
}

/// Completes a primary authentication.
pub(crate) fn complete(app: &App, store: &mut Store, p: Primary) -> ApiResult<Outcome> {
    let now = app.now();
    let factor = Factor::new(p.factor.clone(), now);
    if let Some(sid) = &p.session_id {
        sessions::update(store, now, sid, Some(factor), p.duration, p.claims.as_ref())?;
        sessions::activate_member(store, &p.member_id, now);
        return Ok(Outcome::Session(sid.clone()));
    }
    let org = store
        .organizations
        .get(&p.org_id)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let member = store
        .members
        .get(&p.member_id)
        .ok_or_else(ApiError::member_not_found)?
        .clone();
    let mfa = needs_mfa(&org, &member);

    let mut factors = vec![factor.clone()];
    let mut ist_token = None;
    if let Some(token) = &p.ist {
        let ist = live_ist(store, token, now)?;
        if ist.organization_id.as_deref().is_some_and(|o| o != org.id) {
            return Err(ApiError::new(
                400,
                policy::IST_WRONG_ORG_ERROR,
                "The intermediate_session_token belongs to another organization.",
            ));
        }
        if ist.email != member.email {
            return Err(ApiError::new(
                400,
                policy::IST_WRONG_ORG_ERROR,
                "The intermediate_session_token belongs to another email address.",
            ));
        }
        let mut f = ist.factors.clone();
        crate::store::add_factor(&mut f, factor);
        factors = f;
        ist_token = Some(token.clone());
    }

    if !mfa {
        if let Some(t) = &ist_token {
            store.intermediate_sessions.remove(t);
        }
        let sid = sessions::create(
            store,
            now,
            &member.id,
            &org.id,
            factors,
            p.duration,
            p.claims.as_ref(),
        )?;
        return Ok(Outcome::Session(sid));
    }

    // MFA required: keep (or start) an organization-bound intermediate session.
    let token = ist_token.unwrap_or_else(ids::token);
    let expires_at = store
        .intermediate_sessions
        .get(&token)
        .map(|i| i.expires_at)
        .unwrap_or(now + chrono_duration(policy::IST_LIFETIME));
    store.intermediate_sessions.insert(
        token.clone(),
        IntermediateSession {
            email: member.email.clone(),
            organization_id: Some(org.id.clone()),
            member_id: Some(member.id.clone()),
            factors,
            email_verified: member.email_verified,
            expires_at,
        },
    );
    let initiated = send_sms_otp(store, now, &org, &member);
    Ok(Outcome::Intermediate {
        token,
        mfa_required: Some(render::mfa_required(Some(&member), initiated)),
        primary_required: None,
    })
}

/// Sends the SMS OTP Stytch sends when MFA is required and the member has a phone (see
/// [`crate::mfa::auto_send_sms`]); returns whether one was sent.
pub(crate) fn send_sms_otp(
    store: &mut Store,
    now: chrono::DateTime<chrono::Utc>,
    org: &Organization,
    member: &Member,
) -> bool {
    crate::mfa::auto_send_sms(store, now, org, member)
}

/// A response body waiting for its session JWT to be signed (outside the store lock).
pub(crate) struct Pending {
    pub body: Map<String, Value>,
    pub jwt_claims: Option<Value>,
}

impl Pending {
    /// Signs the JWT (if any) and adds `request_id` / `status_code`.
    pub fn finish(mut self, app: &App) -> Value {
        if let Some(claims) = &self.jwt_claims {
            self.body
                .insert("session_jwt".into(), json!(sessions::sign(app, claims)));
        }
        render::success(self.body)
    }

    /// Drops fields an endpoint's response does not have.
    pub fn without(mut self, fields: &[&str]) -> Self {
        for f in fields {
            self.body.remove(*f);
        }
        self
    }
}

/// The auth-style response for `member_id` in `org_id`.
pub(crate) fn auth_body(
    app: &App,
    store: &Store,
    org_id: &str,
    member_id: &str,
    outcome: &Outcome,
) -> ApiResult<Pending> {
    let cross_org = app.settings().cross_org_passwords;
    let org = store
        .organizations
        .get(org_id)
        .ok_or_else(ApiError::organization_not_found)?;
    let member = store
        .members
        .get(member_id)
        .ok_or_else(ApiError::member_not_found)?;
    let mut body = Map::new();
    body.insert("member_id".into(), json!(member.id));
    body.insert("organization_id".into(), json!(org.id));
    body.insert("member".into(), render::member_in(store, member, cross_org));
    body.insert("organization".into(), render::organization(org));
    body.insert("member_device".into(), Value::Null);
    let jwt_claims = match outcome {
        Outcome::Session(sid) => {
            let v = sessions::view(app, store, sid)?;
            body.insert("member_authenticated".into(), json!(true));
            body.insert("session_token".into(), json!(v.token));
            body.insert("session_jwt".into(), json!(""));
            body.insert("member_session".into(), v.member_session);
            body.insert("intermediate_session_token".into(), json!(""));
            body.insert("intermediate_session_token_expires_at".into(), Value::Null);
            body.insert("mfa_required".into(), Value::Null);
            body.insert("primary_required".into(), Value::Null);
            Some(v.jwt_claims)
        }
        Outcome::Intermediate {
            token,
            mfa_required,
            primary_required,
        } => {
            let expires = store
                .intermediate_sessions
                .get(token)
                .map(|i| rfc3339(i.expires_at));
            body.insert("member_authenticated".into(), json!(false));
            body.insert("session_token".into(), json!(""));
            body.insert("session_jwt".into(), json!(""));
            body.insert("member_session".into(), Value::Null);
            body.insert("intermediate_session_token".into(), json!(token));
            body.insert("intermediate_session_token_expires_at".into(), json!(expires));
            body.insert("mfa_required".into(), mfa_required.clone().unwrap_or(Value::Null));
            body.insert(
                "primary_required".into(),
                primary_required.clone().unwrap_or(Value::Null),
            );
            None
        }
    };
    Ok(Pending { body, jwt_claims })
}

/// Resolves the caller's session input for a member-scoped flow: returns the live session id if
/// it belongs to `member_id`, `None` if it belongs to someone else (ignored) or none was
/// given. Unknown sessions are 404.
pub(crate) fn own_session(
    store: &Store,
    r: Option<&SessionRef>,
    member_id: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Option<String>> {
    let Some(r) = r else { return Ok(None) };
    let sid = sessions::live_session_id(store, r, now)?;
    let same = store.sessions.get(&sid).is_some_and(|s| s.member_id == member_id);
    if same || !policy::FOREIGN_SESSION_IGNORED {
        Ok(same.then_some(sid))
    } else {
        Ok(None)
    }
}

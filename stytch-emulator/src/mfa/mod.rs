//! The MFA engine shared by every second factor (SMS passcodes, TOTP, recovery codes) and by
//! every primary authentication that ends in `mfa_required`.
//!
//! - Per member: `mfa_enrolled`, the default method, the phone (and its verified flag), the
//!   TOTP registration with its recovery codes ([`MemberMfa`]).
//! - A second factor is completed against exactly one of an intermediate session token (which is
//!   consumed and becomes a session carrying both factors), a session token or a session JWT
//!   (the factor is added to that session): [`require_proof`], [`resolve`], [`finish`].
//! - Completing a factor updates the member: enrolment (`REQUIRED_FOR_ALL` enrols; otherwise
//!   `set_mfa_enrollment`), the default method (set by `set_default_mfa`, or by the first
//!   completion).
//! - When MFA is required after a primary factor and the member has a phone, an SMS passcode is
//!   sent at once ([`auto_send_sms`]).

pub(crate) mod totp;

use crate::app::App;
use crate::auth_flow::{self, Outcome, Pending};
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::one_time::{self, Issue, Kind};
use crate::outbox::{MessageKind, OutboxMessage};
use crate::policy;
use crate::request::Fields;
use crate::sessions::{self, SessionInput, SessionRef};
use crate::store::{Factor, FactorKind, Member, Organization, Store};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value};

/// A member's second factors.
#[derive(Clone, Debug, Default)]
pub(crate) struct MemberMfa {
    /// `""`, `"sms_otp"` or `"totp"`.
    pub default_method: String,
    /// Id of the member's phone, minted when a number is first used for MFA.
    pub phone_id: Option<String>,
    /// The TOTP registration, pending or active.
    pub totp: Option<totp::Registration>,
}

impl MemberMfa {
    /// The active TOTP registration.
    pub fn active_totp(&self) -> Option<&totp::Registration> {
        self.totp.as_ref().filter(|t| t.active)
    }

    /// `totp_registration_id` as the member object shows it (active registrations only).
    pub fn totp_registration_id(&self) -> &str {
        self.active_totp().map_or("", |t| t.id.as_str())
    }
}

/// A second factor method an organization can restrict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Method {
    SmsOtp,
    Totp,
}

impl Method {
    /// The name in `allowed_mfa_methods` and `default_mfa_method`.
    pub fn name(self) -> &'static str {
        match self {
            Method::SmsOtp => "sms_otp",
            Method::Totp => "totp",
        }
    }
}

/// Refuses `method` when the organization restricts MFA methods without it (break-glass
/// members are exempt).
pub(crate) fn check_method_allowed(org: &Organization, member: &Member, method: Method) -> ApiResult<()> {
    if method_allowed(org, member, method) {
        Ok(())
    } else {
        let (status, ty) = policy::RESTRICTED_MFA_METHOD_ERROR;
        Err(ApiError::new(
            status,
            ty,
            format!("This organization does not allow {} for MFA.", method.name()),
        ))
    }
}

fn method_allowed(org: &Organization, member: &Member, method: Method) -> bool {
    member.is_breakglass
        || org.mfa_methods != "RESTRICTED"
        || org.allowed_mfa_methods.iter().any(|m| m == method.name())
}

/// What proves the caller got this far: an intermediate session or a session.
pub(crate) enum Proof {
    Ist(String),
    Session(SessionRef),
}

/// Reads `intermediate_session_token`, `session_token` and `session_jwt`: at most one may be
/// given (a JWT's signature is verified here, before the store lock).
pub(crate) fn read_proof(app: &App, body: &Map<String, Value>) -> ApiResult<Option<Proof>> {
    let ist = body.opt_str("intermediate_session_token")?;
    let input = SessionInput {
        token: body.opt_str("session_token")?,
        jwt: body.opt_str("session_jwt")?,
    };
    let given = [ist.is_some(), input.token.is_some(), input.jwt.is_some()]
        .iter()
        .filter(|b| **b)
        .count();
    if given > 1 {
        return Err(ApiError::new(
            400,
            policy::TOO_MANY_SESSION_ARGUMENTS,
            "Provide only one of intermediate_session_token, session_token and session_jwt.",
        ));
    }
    if let Some(t) = ist {
        return Ok(Some(Proof::Ist(t.to_owned())));
    }
    Ok(sessions::session_ref(app, &input)?.map(Proof::Session))
}

/// Like [`read_proof`], but exactly one is required.
pub(crate) fn require_proof(app: &App, body: &Map<String, Value>) -> ApiResult<Proof> {
    read_proof(app, body)?.ok_or_else(|| {
        ApiError::new(
            400,
            policy::NO_SESSION_ARGUMENTS,
            "One of intermediate_session_token, session_token or session_jwt is required.",
        )
    })
}

/// Where a completed second factor goes.
pub(crate) enum Target {
    /// A live intermediate session (consumed by [`finish`]).
    Ist { token: String, factors: Vec<Factor> },
    /// A live session of the member.
    Session(String),
}

fn member_mismatch() -> ApiError {
    ApiError::new(
        400,
        policy::PROOF_MEMBER_MISMATCH_ERROR,
        "The intermediate_session_token or session belongs to another member.",
    )
}

/// Checks a proof for `member` of `org`: a live intermediate session bound to them holding a
/// primary factor the organization accepts, or a live session of theirs.
pub(crate) fn resolve(
    store: &Store,
    proof: &Proof,
    org: &Organization,
    member: &Member,
    now: DateTime<Utc>,
) -> ApiResult<Target> {
    match proof {
        Proof::Ist(token) => {
            let ist = auth_flow::live_ist(store, token, now)?;
            if ist.organization_id.as_deref() != Some(org.id.as_str()) {
                return Err(ApiError::new(
                    400,
                    policy::IST_WRONG_ORG_ERROR,
                    "The intermediate_session_token is not bound to this organization.",
                ));
            }
            if ist.member_id.as_deref() != Some(member.id.as_str()) {
                return Err(member_mismatch());
            }
            if !auth_flow::has_accepted_primary(org, member, &ist.factors) {
                return Err(ApiError::new(
                    400,
                    "action_available_only_once_primary_authentication_is_met",
                    "The intermediate session holds no primary factor this organization accepts.",
                ));
            }
            Ok(Target::Ist {
                token: token.clone(),
                factors: ist.factors.clone(),
            })
        }
        Proof::Session(r) => {
            let sid = sessions::live_session_id(store, r, now)?;
            if store.sessions[&sid].member_id != member.id {
                return Err(member_mismatch());
            }
            Ok(Target::Session(sid))
        }
    }
}

/// Guards enrolling a new factor (sms/send to a new phone, totp create): once the member has an
/// active second factor, a proof is required, so that nobody adds a factor of their own to a
/// member they have not logged in as. A proof, when given, must be the member's.
pub(crate) fn check_enrolment_proof(
    store: &Store,
    proof: Option<&Proof>,
    org: &Organization,
    member: &Member,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    match proof {
        Some(p) => resolve(store, p, org, member, now).map(|_| ()),
        None if member.mfa_phone_number_verified || member.mfa.active_totp().is_some() => Err(ApiError::new(
            400,
            "action_available_only_once_primary_authentication_is_met",
            "The member already has an MFA factor: pass their intermediate_session_token, session_token or session_jwt.",
        )),
        None => Ok(()),
    }
}

/// Refuses members that are not active (a factor can be attached only to active members).
pub(crate) fn require_active(member: &Member) -> ApiResult<()> {
    if member.status == "active" {
        Ok(())
    } else {
        Err(ApiError::new(
            400,
            "action_available_only_for_active_members",
            "This action is available only for active members.",
        ))
    }
}

/// What a second-factor request asks for besides the code.
pub(crate) struct Requested {
    /// `set_mfa_enrollment`: `Some(true)` for `enroll`, `Some(false)` for `unenroll`.
    enrollment: Option<bool>,
    /// `set_default_mfa`.
    set_default: bool,
    duration: Option<i64>,
    claims: Option<Map<String, Value>>,
}

impl Requested {
    /// Reads `session_duration_minutes`, `session_custom_claims` and, where the endpoint has
    /// them (`with_enrollment`), `set_mfa_enrollment` and `set_default_mfa`.
    pub fn read(body: &Map<String, Value>, with_enrollment: bool) -> ApiResult<Self> {
        let enrollment = if !with_enrollment {
            None
        } else {
            match body.opt_str("set_mfa_enrollment")? {
                None => None,
                Some("enroll") => Some(true),
                Some("unenroll") => Some(false),
                Some(other) => {
                    return Err(ApiError::invalid(
                        "set_mfa_enrollment",
                        format!("{other:?} is not one of enroll, unenroll"),
                    ));
                }
            }
        };
        Ok(Requested {
            enrollment,
            set_default: with_enrollment && body.opt_bool("set_default_mfa")?.unwrap_or(false),
            duration: sessions::duration_minutes(body)?,
            claims: sessions::custom_claims(body)?,
        })
    }
}

/// A second factor that just verified, and its method (recovery codes have none).
pub(crate) struct Verified {
    pub factor: FactorKind,
    pub method: Option<Method>,
}

/// Applies a verified second factor: consumes
/// the intermediate session into a session carrying its factors and this one, or adds the
/// factor to the session; updates the member's enrolment and default method. Returns the
/// session id.
pub(crate) fn finish(
    store: &mut Store,
    now: DateTime<Utc>,
    org: &Organization,
    member_id: &str,
    target: Target,
    verified: Verified,
    req: Requested,
) -> ApiResult<String> {
    let factor = Factor::new(verified.factor, now);
    let sid = match target {
        Target::Ist { token, mut factors } => {
            crate::store::add_factor(&mut factors, factor);
            let sid = sessions::create(
                store,
                now,
                member_id,
                &org.id,
                factors,
                req.duration,
                req.claims.as_ref(),
            )?;
            store.intermediate_sessions.remove(&token);
            sid
        }
        Target::Session(sid) => {
            sessions::update(store, now, &sid, Some(factor), req.duration, req.claims.as_ref())?;
            sid
        }
    };
    if let Some(m) = store.members.get_mut(member_id) {
        if org.mfa_policy == "REQUIRED_FOR_ALL" {
            m.mfa_enrolled = true;
        } else if let Some(enrol) = req.enrollment {
            m.mfa_enrolled = enrol;
        }
        if let Some(method) = verified.method
            && (req.set_default || m.mfa.default_method.is_empty())
        {
            m.mfa.default_method = method.name().to_owned();
        }
        m.updated_at = now;
    }
    Ok(sid)
}

/// Fields of the auth-style body that second-factor responses do not have.
const NOT_IN_SECOND_FACTOR_RESPONSES: [&str; 6] = [
    "organization_id",
    "member_authenticated",
    "intermediate_session_token",
    "intermediate_session_token_expires_at",
    "mfa_required",
    "primary_required",
];

/// The response of a second factor: `member_id`, `member`, `organization`, `session_token`,
/// `session_jwt`, `member_session`, `member_device`.
pub(crate) fn response(
    app: &App,
    store: &Store,
    org_id: &str,
    member_id: &str,
    sid: &str,
) -> ApiResult<Pending> {
    Ok(
        auth_flow::auth_body(app, store, org_id, member_id, &Outcome::Session(sid.to_owned()))?
            .without(&NOT_IN_SECOND_FACTOR_RESPONSES),
    )
}

/// Sends an SMS passcode to `phone` for `member` (the newest one is the only one that works).
pub(crate) fn send_sms(
    store: &mut Store,
    now: DateTime<Utc>,
    org: &Organization,
    member: &Member,
    phone: &str,
    locale: Option<String>,
) {
    let lifetime = crate::clock::chrono_duration(policy::SMS_OTP_LIFETIME);
    let code = one_time::issue(
        store,
        now,
        Issue {
            kind: Kind::SmsOtp,
            to: phone.to_owned(),
            organization_id: Some(org.id.clone()),
            member_id: Some(member.id.clone()),
            lifetime,
            code_challenge: None,
        },
    );
    let mut message = OutboxMessage::new(MessageKind::SmsOtp, phone, now);
    message.organization_id = Some(org.id.clone());
    message.member_id = Some(member.id.clone());
    message.token = Some(code);
    message.locale = locale;
    message.expires_at = Some(now + lifetime);
    store.outbox.push(message);
}

/// After a primary factor, when MFA is required: sends the SMS passcode if the member has a
/// phone, SMS is allowed and (per policy) TOTP is not the member's default. Returns whether one
/// was sent (`secondary_auth_initiated: "sms_otp"`).
pub(crate) fn auto_send_sms(
    store: &mut Store,
    now: DateTime<Utc>,
    org: &Organization,
    member: &Member,
) -> bool {
    if member.mfa_phone_number.is_empty()
        || !method_allowed(org, member, Method::SmsOtp)
        || (policy::AUTO_SMS_SKIPPED_WHEN_DEFAULT_IS_TOTP && member.mfa.default_method == "totp")
    {
        return false;
    }
    let phone = member.mfa_phone_number.clone();
    send_sms(store, now, org, member, &phone, None);
    true
}

/// The member's phone id, minted on first use.
pub(crate) fn phone_id(store: &mut Store, member_id: &str) -> String {
    let Some(m) = store.members.get_mut(member_id) else {
        return String::new();
    };
    m.mfa
        .phone_id
        .get_or_insert_with(|| ids::id(policy::MEMBER_PHONE_ID_PREFIX))
        .clone()
}

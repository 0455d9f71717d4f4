//! What the magic-link, passcode, TOTP and recovery-code handlers share: finding the
//! organization and member a request names, choosing (or JIT-creating) the member of a
//! login_or_signup, the auth-method gate, and finishing a passwordless primary authentication
//! through the one session / MFA path ([`auth_flow::complete`]).

use crate::app::App;
use crate::auth_flow::{self, Pending, Primary};
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::request::Fields;
use crate::sessions::{self, SessionInput, SessionRef};
use crate::store::{FactorKind, Member, Organization, Store};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

/// The organization (id, slug or external id) and its live member (id or external id).
pub(crate) fn org_and_member(
    store: &Store,
    org_key: &str,
    member_key: &str,
) -> ApiResult<(Organization, Member)> {
    let org = store
        .find_org(org_key)
        .ok_or_else(ApiError::organization_not_found)?
        .clone();
    let member = store
        .members
        .get(member_key)
        .filter(|m| m.organization_id == org.id)
        .or_else(|| {
            store
                .members
                .values()
                .find(|m| m.organization_id == org.id && m.external_id.as_deref() == Some(member_key))
        })
        .filter(|m| m.status != "deleted")
        .ok_or_else(ApiError::member_not_found)?
        .clone();
    Ok((org, member))
}

/// Refuses a primary method the organization does not allow for this member (403).
pub(crate) fn require_method(org: &Organization, member: Option<&Member>, method: &str) -> ApiResult<()> {
    if auth_flow::allows_method(org, member, method) {
        Ok(())
    } else {
        let (status, ty) = policy::RESTRICTED_AUTH_METHOD_ERROR;
        Err(ApiError::new(
            status,
            ty,
            format!("This organization does not allow {method} authentication."),
        ))
    }
}

/// The member a login_or_signup is for: the existing member with this email, or a new
/// `pending` member when the organization's email JIT provisioning admits the domain. Returns
/// the member and whether it was created.
pub(crate) fn login_or_signup_member(
    store: &mut Store,
    org: &Organization,
    email: &str,
    method: &str,
    now: DateTime<Utc>,
) -> ApiResult<(Member, bool)> {
    if let Some(m) = store.member_by_email(&org.id, email) {
        let m = m.clone();
        require_method(org, Some(&m), method)?;
        return Ok((m, false));
    }
    require_method(org, None, method)?;
    if org.email_jit_provisioning != "RESTRICTED" {
        let (status, ty) = policy::JIT_NOT_ALLOWED_ERROR;
        return Err(ApiError::new(
            status,
            ty,
            "This organization does not let new members join by email (email_jit_provisioning is NOT_ALLOWED).",
        ));
    }
    if !org.email_jit_allows(email) {
        let (status, ty) = policy::JIT_DOMAIN_ERROR;
        return Err(ApiError::new(
            status,
            ty,
            "The email domain is not in the organization's email_allowed_domains.",
        ));
    }
    let mut m = super::members::new_member(&org.id, email, now);
    m.status = "pending".into();
    store.members.insert(m.id.clone(), m.clone());
    Ok((m, true))
}

/// The session inputs of a primary authenticate: an existing session (same member: the factor
/// is added to it and MFA is skipped), an intermediate session token, and session settings.
pub(crate) struct PrimaryInput {
    session: Option<SessionRef>,
    ist: Option<String>,
    duration: Option<i64>,
    claims: Option<Map<String, Value>>,
}

impl PrimaryInput {
    /// Reads `session_token` / `session_jwt` (not both), `intermediate_session_token`,
    /// `session_duration_minutes`, `session_custom_claims`.
    pub fn read(app: &App, body: &Map<String, Value>) -> ApiResult<Self> {
        let input = SessionInput::read(body)?;
        Ok(PrimaryInput {
            duration: sessions::duration_minutes(body)?,
            claims: sessions::custom_claims(body)?,
            ist: body.opt_str("intermediate_session_token")?.map(str::to_owned),
            session: sessions::session_ref(app, &input)?,
        })
    }
}

/// Finishes a passwordless primary authentication of `member` with `factor`: the member becomes
/// active with a verified email, then the session / intermediate session / MFA decision is
/// [`auth_flow::complete`]'s. The body carries `method_id` (the member's email id).
pub(crate) fn finish_primary(
    app: &App,
    store: &mut Store,
    org: &Organization,
    member: &Member,
    factor: FactorKind,
    input: PrimaryInput,
) -> ApiResult<Pending> {
    let now = app.now();
    if policy::PASSWORDLESS_ACTIVATES_BEFORE_MFA {
        sessions::activate_member(store, &member.id, now);
    }
    super::passwords::verify_email(store, &member.id);
    let own = auth_flow::own_session(store, input.session.as_ref(), &member.id, now)?;
    let outcome = auth_flow::complete(
        app,
        store,
        Primary {
            org_id: org.id.clone(),
            member_id: member.id.clone(),
            factor,
            duration: input.duration,
            claims: input.claims,
            session_id: own,
            ist: input.ist,
        },
    )?;
    let mut pending = auth_flow::auth_body(app, store, &org.id, &member.id, &outcome)?;
    pending.body.insert("method_id".into(), json!(member.email_id));
    Ok(pending)
}

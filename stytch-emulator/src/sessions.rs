//! Member sessions: creating, extending, resolving tokens and JWTs, custom claims, JWT claims.

use crate::app::App;
use crate::clock::{chrono_duration, rfc3339};
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::jwt::JwtError;
use crate::policy;
use crate::render;
use crate::request::Fields;
use crate::store::{Factor, Session, Store};
use chrono::{DateTime, Utc};
use serde_json::{Map, Value, json};

/// Reads and range-checks `session_duration_minutes`.
pub(crate) fn duration_minutes(body: &impl Fields) -> ApiResult<Option<i64>> {
    let d = body.opt_int("session_duration_minutes")?;
    if let Some(d) = d
        && !policy::SESSION_DURATION_MINUTES.contains(&d)
    {
        return Err(ApiError::new(
            400,
            "invalid_session_duration_minutes",
            "session_duration_minutes is invalid, should be between 5 to 527040 minutes.",
        ));
    }
    Ok(d)
}

/// Reads `session_custom_claims` (an object or absent).
pub(crate) fn custom_claims(body: &impl Fields) -> ApiResult<Option<Map<String, Value>>> {
    Ok(body.opt_object("session_custom_claims")?.cloned())
}

/// Merges `updates` into `claims`: `null` deletes a key; reserved claims and the
/// `https://stytch.com/` namespace are ignored; the result must stay within 4 KB.
pub(crate) fn merge_claims(
    claims: &Map<String, Value>,
    updates: &Map<String, Value>,
) -> ApiResult<Map<String, Value>> {
    let mut merged = claims.clone();
    for (k, v) in updates {
        if policy::RESERVED_CLAIMS.contains(&k.as_str()) || k.starts_with("https://stytch.com/") {
            continue;
        }
        if v.is_null() {
            merged.remove(k);
        } else {
            merged.insert(k.clone(), v.clone());
        }
    }
    if Value::Object(merged.clone()).to_string().len() > policy::MAX_CUSTOM_CLAIMS_BYTES {
        return Err(ApiError::new(
            400,
            "custom_claims_too_large",
            "session_custom_claims must be 4 KB or smaller.",
        ));
    }
    Ok(merged)
}

/// Session inputs of a request: `session_token` and `session_jwt`.
pub(crate) struct SessionInput<'a> {
    pub token: Option<&'a str>,
    pub jwt: Option<&'a str>,
}

impl<'a> SessionInput<'a> {
    pub fn read(body: &'a impl Fields) -> ApiResult<Self> {
        let input = SessionInput {
            token: body.opt_str("session_token")?,
            jwt: body.opt_str("session_jwt")?,
        };
        if input.token.is_some() && input.jwt.is_some() {
            return Err(ApiError::too_many_session_arguments());
        }
        Ok(input)
    }

    pub fn is_empty(&self) -> bool {
        self.token.is_none() && self.jwt.is_none()
    }
}

/// Verifies a session JWT's signature and returns the session id it names.
pub(crate) fn session_id_from_jwt(app: &App, jwt: &str) -> ApiResult<String> {
    let claims = app.keys().verify(jwt, app.now()).map_err(|e| match e {
        JwtError::Malformed => ApiError::new(
            policy::JWT_ERROR_STATUS,
            policy::JWT_UNPARSABLE_ERROR,
            "The session_jwt could not be parsed.",
        ),
        JwtError::BadSignature => ApiError::new(
            policy::JWT_ERROR_STATUS,
            policy::JWT_BAD_SIGNATURE_ERROR,
            "The session_jwt signature could not be verified with this project's keys.",
        ),
    })?;
    claims["https://stytch.com/session"]["id"]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| {
            ApiError::new(
                policy::JWT_ERROR_STATUS,
                policy::JWT_UNPARSABLE_ERROR,
                "The session_jwt has no session claim.",
            )
        })
}

/// Resolves the session named by `input` to a live session id. Call before taking the store
/// lock for JWTs (verification is done here), then check liveness with [`live_session_id`].
pub(crate) enum SessionRef {
    Token(String),
    Id(String),
}

/// Parses the session inputs into a reference (verifying a JWT's signature).
pub(crate) fn session_ref(app: &App, input: &SessionInput<'_>) -> ApiResult<Option<SessionRef>> {
    if let Some(token) = input.token {
        if !ids::is_token_shaped(token) {
            return Err(ApiError::invalid_session_token());
        }
        return Ok(Some(SessionRef::Token(token.to_owned())));
    }
    if let Some(jwt) = input.jwt {
        return Ok(Some(SessionRef::Id(session_id_from_jwt(app, jwt)?)));
    }
    Ok(None)
}

/// The live session a reference points at, or 404 `session_not_found`.
pub(crate) fn live_session_id(store: &Store, r: &SessionRef, now: DateTime<Utc>) -> ApiResult<String> {
    let s = match r {
        SessionRef::Token(t) => store.session_by_token(t, now),
        SessionRef::Id(id) => store.live_session(id, now),
    };
    s.map(|s| s.id.clone()).ok_or_else(ApiError::session_not_found)
}

/// Creates a session for a member.
pub(crate) fn create(
    store: &mut Store,
    now: DateTime<Utc>,
    member_id: &str,
    organization_id: &str,
    factors: Vec<Factor>,
    duration: Option<i64>,
    claims: Option<&Map<String, Value>>,
) -> ApiResult<String> {
    let custom_claims = match claims {
        Some(c) => merge_claims(&Map::new(), c)?,
        None => Map::new(),
    };
    let minutes = duration.unwrap_or(policy::DEFAULT_SESSION_MINUTES);
    let session = Session {
        id: ids::id(policy::SESSION_ID_PREFIX),
        token: ids::token(),
        member_id: member_id.to_owned(),
        organization_id: organization_id.to_owned(),
        started_at: now,
        last_accessed_at: now,
        expires_at: now + chrono::Duration::minutes(minutes),
        factors,
        custom_claims,
    };
    let id = session.id.clone();
    store.insert_session(session);
    activate_member(store, member_id, now);
    Ok(id)
}

/// A pending or invited member becomes active on their first full authentication.
pub(crate) fn activate_member(store: &mut Store, member_id: &str, now: DateTime<Utc>) {
    if let Some(m) = store.members.get_mut(member_id)
        && (m.status == "pending" || m.status == "invited")
    {
        m.status = "active".into();
        m.updated_at = now;
    }
}

/// Touches an existing session: new factor, optional extension and claims.
pub(crate) fn update(
    store: &mut Store,
    now: DateTime<Utc>,
    session_id: &str,
    factor: Option<Factor>,
    duration: Option<i64>,
    claims: Option<&Map<String, Value>>,
) -> ApiResult<()> {
    let session = store
        .sessions
        .get_mut(session_id)
        .ok_or_else(ApiError::session_not_found)?;
    if let Some(c) = claims {
        session.custom_claims = merge_claims(&session.custom_claims, c)?;
    }
    if let Some(f) = factor {
        crate::store::add_factor(&mut session.factors, f);
    }
    if let Some(minutes) = duration {
        session.expires_at = now + chrono::Duration::minutes(minutes);
    }
    session.last_accessed_at = now;
    Ok(())
}

/// A session rendered for a response, with the claims its JWT must carry (signed later, outside
/// the store lock, by [`sign`]).
pub(crate) struct SessionView {
    pub member_session: Value,
    pub token: String,
    pub jwt_claims: Value,
}

/// Renders a session and prepares its JWT claims.
pub(crate) fn view(app: &App, store: &Store, session_id: &str) -> ApiResult<SessionView> {
    let s = store
        .sessions
        .get(session_id)
        .ok_or_else(ApiError::session_not_found)?;
    let org = store
        .organizations
        .get(&s.organization_id)
        .ok_or_else(ApiError::organization_not_found)?;
    let member = store
        .members
        .get(&s.member_id)
        .ok_or_else(ApiError::member_not_found)?;
    let roles = crate::rbac::member_role_ids(store, member);
    let member_session = render::member_session(s, org, &roles);
    let now = app.now();
    let iat = now.timestamp();
    let mut claims = Map::new();
    for (k, v) in &s.custom_claims {
        claims.insert(k.clone(), v.clone());
    }
    claims.insert("sub".into(), json!(s.member_id));
    claims.insert(
        "iss".into(),
        json!(format!("stytch.com/{}", app.settings().project_id)),
    );
    claims.insert("aud".into(), json!([app.settings().project_id]));
    claims.insert("iat".into(), json!(iat));
    claims.insert("nbf".into(), json!(iat));
    claims.insert(
        "exp".into(),
        json!(iat + chrono_duration(policy::JWT_LIFETIME).num_seconds()),
    );
    if policy::JWT_HAS_JTI {
        claims.insert("jti".into(), json!(ids::id("jwt")));
    }
    claims.insert(
        "https://stytch.com/session".into(),
        json!({
            "id": s.id,
            "started_at": rfc3339(s.started_at),
            "last_accessed_at": rfc3339(s.last_accessed_at),
            "expires_at": rfc3339(s.expires_at),
            "attributes": { "ip_address": "", "user_agent": "" },
            "authentication_factors": member_session["authentication_factors"],
            "roles": roles,
        }),
    );
    claims.insert(
        "https://stytch.com/organization".into(),
        json!({ "organization_id": org.id, "slug": org.slug }),
    );
    Ok(SessionView {
        member_session,
        token: s.token.clone(),
        jwt_claims: Value::Object(claims),
    })
}

/// Signs JWT claims with the current key.
pub(crate) fn sign(app: &App, claims: &Value) -> String {
    app.keys().sign(claims)
}

//! Session authentication.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    AuthorizationCheck, AuthorizationVerdict, JsonObject, Member, MemberSession, Organization,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Checks a session token or JWT, optionally extends the session, and optionally checks
/// an RBAC permission.
///
/// Marked `idempotent`: it creates, sends and consumes nothing, so the client may resend it after
/// a lost response.
///
/// `POST /v1/b2b/sessions/authenticate`; official SDKs: Ruby `sessions.authenticate`, Node
/// `sessions.authenticate`, Python `sessions.authenticate`.
#[endpoint(POST, "/v1/b2b/sessions/authenticate", idempotent)]
pub struct Authenticate {
    /// The session token to check; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// Extend the session by this many minutes (not extended when omitted).
    pub session_duration_minutes: Option<u32>,
    /// The session JWT to check; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Also check that the member may perform an action (403 if not).
    pub authorization_check: Option<AuthorizationCheck>,
}

/// What [`Authenticate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The authenticated session.
    pub member_session: MemberSession,
    /// The session token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// A fresh session JWT.
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The result of `authorization_check`, when one was asked.
    #[serde(default)]
    pub verdict: Option<AuthorizationVerdict>,
}

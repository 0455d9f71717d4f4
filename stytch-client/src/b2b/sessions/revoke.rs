//! Session revocation.

use crate::b2b::models::{MemberId, MemberSessionId};
use crate::{Authorization, Secret, endpoint};
use serde::Deserialize;

/// Revokes a session (by id, token or JWT) or every session of a member.
///
/// `POST /v1/b2b/sessions/revoke`; official SDKs: Ruby `sessions.revoke`, Node `sessions.revoke`,
/// Python `sessions.revoke`.
#[endpoint(POST, "/v1/b2b/sessions/revoke")]
pub struct Revoke {
    /// Revoke the session with this id.
    pub member_session_id: Option<MemberSessionId>,
    /// Revoke the session with this token.
    pub session_token: Option<Secret<String>>,
    /// Revoke the session with this JWT.
    pub session_jwt: Option<Secret<String>>,
    /// Revoke every session of this member.
    pub member_id: Option<MemberId>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Revoke`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RevokeResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

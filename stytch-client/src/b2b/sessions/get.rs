//! Listing a member's sessions.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{MemberId, MemberSession, OrganizationId};
use crate::endpoint;
use serde::Deserialize;

/// Lists a member's active sessions.
///
/// `GET /v1/b2b/sessions`; official SDKs: Ruby `sessions.get`, Node `sessions.get`, Python
/// `sessions.get`.
#[endpoint(GET, "/v1/b2b/sessions")]
pub struct Get {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The member whose active sessions to list.
    pub member_id: MemberId,
}

/// What [`Get`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's active sessions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_sessions: Vec<MemberSession>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

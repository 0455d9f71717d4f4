//! Session migration from an external identity provider.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{JsonObject, Member, MemberId, MemberSession, Organization, OrganizationId};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Exchanges a session token from an external identity provider for a Stytch member session.
///
/// `POST /v1/b2b/sessions/migrate`; official SDKs: Ruby `sessions.migrate`, Node
/// `sessions.migrate`, Python `sessions.migrate`.
#[endpoint(POST, "/v1/b2b/sessions/migrate")]
pub struct Migrate {
    /// The organization to create the session in.
    pub organization_id: OrganizationId,
    /// The session token from the external identity provider.
    pub session_token: Secret<String>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
}

/// What [`Migrate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MigrateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The session token (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// The session JWT, valid for five minutes (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// The migrated member.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new or extended session; `None` while MFA or another primary factor is still needed.
    #[serde(default)]
    pub member_session: Option<MemberSession>,
}

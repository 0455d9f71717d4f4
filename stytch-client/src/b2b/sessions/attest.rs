//! Trusted-token attestation.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    DeviceInfo, JsonObject, Member, MemberId, MemberSession, Organization, OrganizationId,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Exchanges a trusted third-party token, validated by a token profile, for a member session.
///
/// `POST /v1/b2b/sessions/attest`; official SDKs: Ruby `sessions.attest`, Node `sessions.attest`,
/// Python `sessions.attest`.
#[endpoint(POST, "/v1/b2b/sessions/attest")]
pub struct Attest {
    /// The token profile that validates `token`.
    pub profile_id: String,
    /// The trusted third-party token to attest.
    pub token: Secret<String>,
    /// The organization to create the session in.
    pub organization_id: Option<OrganizationId>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// A session token to extend with this factor.
    pub session_token: Option<Secret<String>>,
    /// A session JWT to extend with this factor.
    pub session_jwt: Option<Secret<String>>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

/// What [`Attest`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AttestResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The new or extended session; `None` while MFA or another primary factor is still needed.
    pub member_session: MemberSession,
    /// The session token (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// The session JWT, valid for five minutes (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// What Stytch knows about the device the request came from.
    #[serde(default)]
    pub member_device: Option<DeviceInfo>,
}

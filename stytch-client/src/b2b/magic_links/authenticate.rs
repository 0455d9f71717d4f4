//! Magic link login to one organization.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    DeviceInfo, JsonObject, Member, MemberId, MemberSession, MfaRequired, Organization, OrganizationId,
    PasswordsLocale, PrimaryRequired,
};
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Logs a member in with the token of an email magic link (login, signup, invite or email
/// update). Returns a session, or an intermediate session token when MFA or another primary
/// factor is still required.
///
/// `POST /v1/b2b/magic_links/authenticate`; official SDKs: Ruby `magic_links.authenticate`, Node
/// `magicLinks.authenticate`, Python `magic_links.authenticate`.
#[endpoint(POST, "/v1/b2b/magic_links/authenticate")]
pub struct Authenticate {
    /// The token from the magic link's `token` query parameter.
    pub magic_links_token: Secret<String>,
    /// PKCE verifier matching the link's `pkce_code_challenge`.
    pub pkce_code_verifier: Option<Secret<String>>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA SMS Stytch may send.
    pub locale: Option<PasswordsLocale>,
    /// An intermediate session token from an earlier step, consumed if the flow completes.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

/// What [`Authenticate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The id of the email address the link was sent to (`member-email-test-...`).
    pub method_id: String,
    /// Whether the member's other sessions were revoked.
    #[serde(default, deserialize_with = "null_as_default")]
    pub reset_sessions: bool,
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The member the call acted on.
    pub member: Member,
    /// The session token (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// The session JWT, valid for five minutes (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// An intermediate session token to finish MFA or pick an organization (empty when a full
    /// session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub intermediate_session_token: Secret<String>,
    /// Whether the member is fully authenticated (no MFA or primary factor pending).
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_authenticated: bool,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new or extended session; `None` while MFA or another primary factor is still needed.
    #[serde(default)]
    pub member_session: Option<MemberSession>,
    /// What the member must do to finish MFA, if it is required.
    #[serde(default)]
    pub mfa_required: Option<MfaRequired>,
    /// The primary factors the organization still requires, if any.
    #[serde(default)]
    pub primary_required: Option<PrimaryRequired>,
    /// What Stytch knows about the device the request came from.
    #[serde(default)]
    pub member_device: Option<DeviceInfo>,
    /// When the intermediate session token expires.
    #[serde(default)]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

//! Completing an SSO login.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    DeviceInfo, ExchangeLocale, JsonObject, Member, MemberId, MemberSession, MfaRequired, Organization,
    OrganizationId, PrimaryRequired,
};
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Authenticates the SSO token Stytch's SSO callback put on your redirect URL, logging the member
/// in (and provisioning them just in time if the organization allows it).
///
/// `POST /v1/b2b/sso/authenticate`; official SDKs: Ruby `sso.authenticate`, Node
/// `sso.authenticate`, Python `sso.authenticate`.
#[endpoint(POST, "/v1/b2b/sso/authenticate")]
pub struct Authenticate {
    /// The SSO token from the redirect URL; single use.
    pub sso_token: Secret<String>,
    /// The PKCE code verifier, if the flow was started with a code challenge.
    pub pkce_code_verifier: Option<Secret<String>>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of the MFA SMS, if one is sent.
    pub locale: Option<ExchangeLocale>,
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
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The member who logged in.
    pub member: Member,
    /// The session token (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// The session JWT, valid for five minutes (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// Whether the member's other sessions should be revoked (always `false` today).
    #[serde(default, deserialize_with = "null_as_default")]
    pub reset_session: bool,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// An intermediate session token to finish MFA (empty when a full session was issued).
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

//! SMS one-time passcodes, a second factor: [`Send`] texts a code to the member's MFA phone,
//! [`Authenticate`] checks it and completes MFA.
//!
//! `Send` mirrors the SDKs' `send`; it shadows the `Send` marker trait where imported, so prefer
//! the module path (`sms::Send`).

use crate::b2b::models::member_session_response;
use crate::b2b::models::{
    DeviceInfo, ExchangeLocale, JsonObject, Member, MemberId, Organization, OrganizationId, SetMfaEnrollment,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Texts a one-time passcode (valid two minutes) to a member's MFA phone number, linking
/// `mfa_phone_number` to the member if they have none. When the member already has an active
/// MFA factor, pass a session or intermediate session token that carries one.
///
/// `POST /v1/b2b/otps/sms/send`; official SDKs: Ruby `otps.sms.send`, Node `otps.sms.send`, Python
/// `otps.sms.send`.
#[endpoint(POST, "/v1/b2b/otps/sms/send")]
pub struct Send {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
    /// Phone number to text, E.164 format; required if the member has none, else must match.
    pub mfa_phone_number: Option<String>,
    /// Language of the SMS.
    pub locale: Option<ExchangeLocale>,
    /// An intermediate session token of the member.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A session token of the member; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// A session JWT of the member; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
}

/// What [`Send`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SendResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the code was sent to.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Checks an SMS passcode and completes MFA: consumes the intermediate session token for a new
/// session, or adds the factor to the session given. Exactly one of
/// `intermediate_session_token`, `session_token` and `session_jwt` is expected.
///
/// `POST /v1/b2b/otps/sms/authenticate`; official SDKs: Ruby `otps.sms.authenticate`, Node
/// `otps.sms.authenticate`, Python `otps.sms.authenticate`.
#[endpoint(POST, "/v1/b2b/otps/sms/authenticate")]
pub struct Authenticate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
    /// The six-digit code from the SMS.
    pub code: Secret<String>,
    /// An intermediate session token of the member, consumed on success.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A session token of the member to add the factor to; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// A session JWT of the member to add the factor to; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Enroll the member in MFA, or unenroll them (unchanged when omitted).
    pub set_mfa_enrollment: Option<SetMfaEnrollment>,
    /// Make SMS the member's default MFA method.
    pub set_default_mfa: Option<bool>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_session_response! {
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

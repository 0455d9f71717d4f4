//! What a member must still do before a session is issued.

use super::TotpId;
use super::de::null_as_default;
use serde::Deserialize;

/// MFA the member must complete before a session is issued.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MfaRequired {
    /// The member's MFA enrollment, if any.
    #[serde(default)]
    pub member_options: Option<MemberOptions>,
    /// The MFA step Stytch already started, e.g. `sms_otp`.
    #[serde(default)]
    pub secondary_auth_initiated: Option<String>,
}

/// A member's MFA enrollment.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MemberOptions {
    /// The phone number for SMS OTP (empty when none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub mfa_phone_number: String,
    /// The TOTP registration id (empty when none).
    pub totp_registration_id: TotpId,
}

/// Primary factors an organization still requires before login.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PrimaryRequired {
    /// Primary auth methods the organization accepts, e.g. `magic_link`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub allowed_auth_methods: Vec<String>,
}

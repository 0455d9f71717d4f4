//! Password strength checks.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{LudsFeedback, ZxcvbnFeedback};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Scores a password against the project's strength policy (zxcvbn or LUDS) and,
/// given an email address, checks it against known breaches. Changes nothing.
///
/// `POST /v1/b2b/passwords/strength_check`; official SDKs: Ruby `passwords.strength_check`, Node
/// `passwords.strengthCheck`, Python `passwords.strength_check`.
#[endpoint(POST, "/v1/b2b/passwords/strength_check", idempotent)]
pub struct StrengthCheck {
    /// The password to score.
    pub password: Secret<String>,
    /// The member's email, enabling the breach check.
    pub email_address: Option<String>,
}

/// What [`StrengthCheck`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct StrengthCheckResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// Whether the password meets the project's strength policy.
    #[serde(default, deserialize_with = "null_as_default")]
    pub valid_password: bool,
    /// The zxcvbn score, 0 (weak) to 4 (strong).
    pub score: u32,
    /// Whether the password appears in a known breach.
    #[serde(default, deserialize_with = "null_as_default")]
    pub breached_password: bool,
    /// The policy in force: `zxcvbn` or `luds`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub strength_policy: String,
    /// Whether breached passwords are refused on creation.
    #[serde(default, deserialize_with = "null_as_default")]
    pub breach_detection_on_create: bool,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// What the password misses under the LUDS policy.
    #[serde(default)]
    pub luds_feedback: Option<LudsFeedback>,
    /// Hints under the zxcvbn policy.
    #[serde(default)]
    pub zxcvbn_feedback: Option<ZxcvbnFeedback>,
}

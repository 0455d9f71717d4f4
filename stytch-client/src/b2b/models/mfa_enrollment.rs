//! Enrolling a member in MFA while completing a factor.

use super::string_enum::string_enum;

string_enum! {
    /// What completing an SMS OTP or TOTP factor does to the member's MFA enrollment
    /// (`set_mfa_enrollment`): a plain string in the official SDKs, with these documented values.
    /// Ignored when the organization's `mfa_policy` is `REQUIRED_FOR_ALL`; omitted, the
    /// enrollment is unchanged.
    pub enum SetMfaEnrollment {
        /// Set the member's `mfa_enrolled` to true.
        Enroll = "enroll",
        /// Set the member's `mfa_enrolled` to false.
        Unenroll = "unenroll",
    }
}

//! Enums of member management: statuses, MFA methods, email-update delivery.

use super::string_enum::string_enum;

string_enum! {
    /// A member's status in its organization.
    ///
    /// The values of the `statuses` member search filter
    /// ([`MemberFilter::statuses`](super::MemberFilter::statuses)); `Member` reports its status
    /// as a plain string.
    pub enum MemberStatus {
        /// A full member.
        Active = "active",
        /// Invited by email, not yet joined.
        Invited = "invited",
        /// Created but not yet authenticated.
        Pending = "pending",
        /// Deleted (member search skips deleted members unless asked for this status).
        Deleted = "deleted",
    }
}

string_enum! {
    /// An MFA method, as a member's `default_mfa_method`.
    ///
    /// Sent by [`members::Update`](crate::b2b::organizations::members::Update); `Member` reports
    /// it as a plain string.
    pub enum MfaMethod {
        /// One-time passcodes by SMS.
        SmsOtp = "sms_otp",
        /// An authenticator app (TOTP).
        Totp = "totp",
    }
}

string_enum! {
    /// How [`members::StartEmailUpdate`](crate::b2b::organizations::members::StartEmailUpdate)
    /// asks the member to confirm the new email address.
    ///
    /// `StartEmailUpdateRequestDeliveryMethod` in the official Python SDK.
    pub enum StartEmailUpdateDeliveryMethod {
        /// A magic link (the default).
        EmailMagicLink = "EMAIL_MAGIC_LINK",
        /// A one-time passcode.
        EmailOtp = "EMAIL_OTP",
    }
}

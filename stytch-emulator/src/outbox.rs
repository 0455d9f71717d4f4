//! The outbox: the messages Stytch would have sent (password reset emails, magic links, email
//! and SMS passcodes).

use chrono::{DateTime, Utc};
use serde::Serialize;

/// What a message is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MessageKind {
    /// An organization-scoped password reset email (`passwords/email/reset/start`).
    PasswordReset,
    /// A cross-organization (discovery) password reset email
    /// (`passwords/discovery/email/reset/start`).
    DiscoveryPasswordReset,
    /// An SMS one-time passcode: sent proactively when MFA is required and the member has a
    /// phone number (`mfa_required.secondary_auth_initiated = "sms_otp"`), or by
    /// `otps/sms/send`. `to` is the phone number, `token` the six-digit code.
    SmsOtp,
    /// A magic link logging an active member in (`magic_links/email/login_or_signup`).
    MagicLinkLogin,
    /// A magic link signing up a new, pending or invited member
    /// (`magic_links/email/login_or_signup`).
    MagicLinkSignup,
    /// An invitation magic link (`magic_links/email/invite`).
    MagicLinkInvite,
    /// A discovery magic link (`magic_links/email/discovery/send`).
    DiscoveryMagicLink,
    /// An email passcode for one organization (`otps/email/login_or_signup`); `token` is the
    /// six-digit code.
    EmailOtp,
    /// A discovery email passcode (`otps/email/discovery/send`); `token` is the six-digit code.
    DiscoveryEmailOtp,
    /// The verification of a new email address (`members/start_email_update`): a magic-link
    /// token, or a six-digit code with `delivery_method: EMAIL_OTP`.
    EmailUpdate,
}

/// One message Stytch would have sent. Serialized as-is by `GET /__emulator/outbox`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutboxMessage {
    /// A unique id (`message-test-<uuid>`).
    pub message_id: String,
    /// What the message is for.
    pub kind: MessageKind,
    /// The recipient: an email address (lower-cased), or a phone number for [`MessageKind::SmsOtp`].
    pub to: String,
    /// The organization the message concerns (absent for discovery resets).
    pub organization_id: Option<String>,
    /// The member the message concerns (absent for discovery resets).
    pub member_id: Option<String>,
    /// The token the link carries (the reset token), or the SMS passcode.
    pub token: Option<String>,
    /// The link in the email: the redirect URL with `token` and `stytch_token_type` appended.
    pub link: Option<String>,
    /// `reset_password_redirect_url` (given, or the project default).
    pub redirect_url: Option<String>,
    /// `login_redirect_url`, when given.
    pub login_redirect_url: Option<String>,
    /// `discovery_redirect_url`, when given.
    pub discovery_redirect_url: Option<String>,
    /// `reset_password_template_id`, when given.
    pub template_id: Option<String>,
    /// `verify_email_template_id`, when given.
    pub verify_email_template_id: Option<String>,
    /// `locale`, when given (as sent; `ptbr` and `pt-br` are both kept verbatim).
    pub locale: Option<String>,
    /// When the emulator "sent" it (emulated clock).
    pub sent_at: DateTime<Utc>,
    /// When the token in it stops working.
    pub expires_at: Option<DateTime<Utc>>,
}

impl OutboxMessage {
    /// A message of `kind` to `to`, sent `now`, with every optional field empty.
    pub(crate) fn new(kind: MessageKind, to: &str, now: DateTime<Utc>) -> Self {
        OutboxMessage {
            message_id: crate::ids::id("message"),
            kind,
            to: to.to_owned(),
            organization_id: None,
            member_id: None,
            token: None,
            link: None,
            redirect_url: None,
            login_redirect_url: None,
            discovery_redirect_url: None,
            template_id: None,
            verify_email_template_id: None,
            locale: None,
            sent_at: now,
            expires_at: None,
        }
    }
}

/// Appends `token` and the token type to a redirect URL, keeping its query and fragment.
pub(crate) fn link(redirect_url: &str, token: &str, token_type: &str) -> String {
    let (base, fragment) = match redirect_url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (redirect_url, None),
    };
    let sep = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{sep}stytch_token_type={token_type}&token={token}");
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn link_keeps_query_and_fragment() {
        assert_eq!(
            super::link("https://a/b", "T", "x"),
            "https://a/b?stytch_token_type=x&token=T"
        );
        assert_eq!(
            super::link("https://a/b?c=1#f", "T", "x"),
            "https://a/b?c=1&stytch_token_type=x&token=T#f"
        );
    }
}

//! One-time credentials: the magic-link tokens and the email and SMS passcodes Stytch sends.
//!
//! One store and one set of rules serve every kind. A [`Credential`] has a kind, an owner (an
//! organization member, or only an email address for discovery), the SHA-256 of its secret
//! (the secret itself goes only to the outbox), an expiry, a used flag and an optional PKCE
//! challenge. Handlers check a credential with [`find_token`] or [`find_code`] (no state change),
//! run their own checks, then spend it with [`spend`], all under one store lock.

use crate::ids;
use crate::store::Store;
use chrono::{DateTime, Utc};
use rand::Rng as _;
use sha2::Digest as _;
use subtle::ConstantTimeEq as _;

/// What a credential is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// An organization magic link (login, signup or invite).
    MagicLink,
    /// A discovery magic link (no organization).
    DiscoveryMagicLink,
    /// An organization email passcode.
    EmailOtp,
    /// A discovery email passcode.
    DiscoveryEmailOtp,
    /// An SMS passcode for MFA.
    SmsOtp,
}

impl Kind {
    /// Six-digit codes (the rest are 44-character tokens).
    fn is_code(self) -> bool {
        matches!(self, Kind::EmailOtp | Kind::DiscoveryEmailOtp | Kind::SmsOtp)
    }

    /// Kinds of which only the newest one per recipient works: sending one invalidates the
    /// earlier ones of the same family. Magic links each live until used or expired.
    fn family(self) -> Option<u8> {
        match self {
            Kind::EmailOtp | Kind::DiscoveryEmailOtp => Some(0),
            Kind::SmsOtp => Some(1),
            Kind::MagicLink | Kind::DiscoveryMagicLink if crate::policy::MAGIC_LINK_LATEST_ONLY => Some(2),
            Kind::MagicLink | Kind::DiscoveryMagicLink => None,
        }
    }
}

/// One issued token or code.
#[derive(Clone)]
pub(crate) struct Credential {
    pub kind: Kind,
    /// Set for organization-scoped kinds.
    pub organization_id: Option<String>,
    /// Set for organization-scoped kinds.
    pub member_id: Option<String>,
    /// The recipient: a lower-cased email address or a phone number.
    pub to: String,
    digest: [u8; 32],
    pub code_challenge: Option<String>,
    pub expires_at: DateTime<Utc>,
    pub used: bool,
    /// Wrong codes tried against this credential.
    pub failed_attempts: u32,
}

impl std::fmt::Debug for Credential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credential")
            .field("kind", &self.kind)
            .field("organization_id", &self.organization_id)
            .field("member_id", &self.member_id)
            .field("to", &self.to)
            .field("expires_at", &self.expires_at)
            .field("used", &self.used)
            .finish_non_exhaustive()
    }
}

fn digest(secret: &str) -> [u8; 32] {
    sha2::Sha256::digest(secret.as_bytes()).into()
}

/// What to issue.
pub(crate) struct Issue {
    pub kind: Kind,
    pub to: String,
    pub organization_id: Option<String>,
    pub member_id: Option<String>,
    pub lifetime: chrono::Duration,
    pub code_challenge: Option<String>,
}

/// Issues a credential and returns its secret (a token or a six-digit code), invalidating the
/// earlier live ones of the same family sent to the same recipient.
pub(crate) fn issue(store: &mut Store, now: DateTime<Utc>, issue: Issue) -> String {
    if let Some(family) = issue.kind.family() {
        for c in store.one_time.iter_mut() {
            if c.kind.family() == Some(family) && c.to == issue.to {
                c.used = true;
            }
        }
    }
    let secret = if issue.kind.is_code() {
        format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
    } else {
        ids::token()
    };
    store.one_time.push(Credential {
        kind: issue.kind,
        organization_id: issue.organization_id,
        member_id: issue.member_id,
        to: issue.to,
        digest: digest(&secret),
        code_challenge: issue.code_challenge,
        expires_at: now + issue.lifetime,
        used: false,
        failed_attempts: 0,
    });
    secret
}

/// Why a credential cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// No such token, or no code was ever sent to this recipient.
    NotFound,
    /// Used, superseded, expired, wrong code, or a token of another kind.
    Unusable,
}

/// The index of the live token `token` of one of `kinds`.
pub(crate) fn find_token(
    store: &Store,
    kinds: &[Kind],
    token: &str,
    now: DateTime<Utc>,
) -> Result<usize, Refusal> {
    let d = digest(token);
    let i = store
        .one_time
        .iter()
        .position(|c| !c.kind.is_code() && bool::from(c.digest.ct_eq(&d)))
        .ok_or(Refusal::NotFound)?;
    let c = &store.one_time[i];
    if !kinds.contains(&c.kind) || c.used || c.expires_at <= now {
        return Err(Refusal::Unusable);
    }
    Ok(i)
}

/// The index of the newest credential matching `sent`, if `code` is its live code. A wrong
/// code counts as a failed attempt (and, past [`policy::MAX_OTP_ATTEMPTS`], spends it).
///
/// [`policy::MAX_OTP_ATTEMPTS`]: crate::policy::MAX_OTP_ATTEMPTS
pub(crate) fn find_code(
    store: &mut Store,
    sent: impl Fn(&Credential) -> bool,
    code: &str,
    now: DateTime<Utc>,
) -> Result<usize, Refusal> {
    let i = store
        .one_time
        .iter()
        .rposition(|c| c.kind.is_code() && sent(c))
        .ok_or(Refusal::NotFound)?;
    let c = &mut store.one_time[i];
    if c.used || c.expires_at <= now {
        return Err(Refusal::Unusable);
    }
    if !bool::from(c.digest.ct_eq(&digest(code))) {
        c.failed_attempts += 1;
        if crate::policy::MAX_OTP_ATTEMPTS.is_some_and(|max| c.failed_attempts >= max) {
            c.used = true;
        }
        return Err(Refusal::Unusable);
    }
    Ok(i)
}

/// Marks the credential at `index` used and returns it.
pub(crate) fn spend(store: &mut Store, index: usize) -> Credential {
    let c = &mut store.one_time[index];
    c.used = true;
    c.clone()
}

/// Whether `code` is six ASCII digits.
pub(crate) fn is_six_digits(code: &str) -> bool {
    code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit())
}

/// Reads an `*_expiration_minutes` field: `default` when absent, else within `range`, else
/// 400 `error_type`.
pub(crate) fn expiration(
    value: Option<i64>,
    field: &str,
    range: std::ops::RangeInclusive<i64>,
    default: i64,
    error_type: &str,
) -> crate::errors::ApiResult<chrono::Duration> {
    match value {
        None => Ok(chrono::Duration::minutes(default)),
        Some(m) if range.contains(&m) => Ok(chrono::Duration::minutes(m)),
        Some(_) => Err(crate::errors::ApiError::new(
            400,
            error_type,
            format!(
                "{field} must be between {} and {} minutes.",
                range.start(),
                range.end()
            ),
        )),
    }
}

/// The PKCE rule shared by magic links and password resets: a stored challenge needs its
/// verifier, and base64url(SHA-256(verifier)) must equal it; a verifier without a stored
/// challenge is refused too.
pub(crate) fn check_pkce(challenge: Option<&str>, verifier: Option<&str>) -> crate::errors::ApiResult<()> {
    use crate::errors::ApiError;
    use base64::Engine as _;
    let status = crate::policy::PKCE_ERROR_STATUS;
    match (challenge, verifier) {
        (None, None) => Ok(()),
        (None, Some(_)) => Err(ApiError::new(
            status,
            "pkce_did_not_expect_code_verifier",
            "A code_verifier was given but the flow was started without a code_challenge.",
        )),
        (Some(_), None) => Err(ApiError::new(
            status,
            "pkce_expected_code_verifier",
            "This flow was started with a code_challenge; the code_verifier is required.",
        )),
        (Some(c), Some(v)) => {
            let computed =
                base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(v.as_bytes()));
            if bool::from(computed.as_bytes().ct_eq(c.trim_end_matches('=').as_bytes())) {
                Ok(())
            } else {
                Err(ApiError::new(
                    status,
                    "pkce_mismatch",
                    "The code_verifier does not match the code_challenge.",
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issue_to(store: &mut Store, kind: Kind, to: &str) -> String {
        issue(
            store,
            Utc::now(),
            Issue {
                kind,
                to: to.into(),
                organization_id: None,
                member_id: None,
                lifetime: chrono::Duration::minutes(10),
                code_challenge: None,
            },
        )
    }

    #[test]
    fn only_the_newest_code_of_a_recipient_works() {
        let mut store = Store::default();
        let now = Utc::now();
        let first = issue_to(&mut store, Kind::EmailOtp, "a@x.io");
        let other = issue_to(&mut store, Kind::EmailOtp, "b@x.io");
        let second = issue_to(&mut store, Kind::DiscoveryEmailOtp, "a@x.io");
        assert!(is_six_digits(&first) && is_six_digits(&second));
        let to_a = |c: &Credential| c.to == "a@x.io";
        if first != second {
            assert_eq!(find_code(&mut store, to_a, &first, now), Err(Refusal::Unusable));
        }
        assert!(find_code(&mut store, to_a, &second, now).is_ok());
        assert!(find_code(&mut store, |c| c.to == "b@x.io", &other, now).is_ok());
        assert_eq!(
            find_code(&mut store, |c| c.to == "c@x.io", "123456", now),
            Err(Refusal::NotFound)
        );
    }

    #[test]
    fn tokens_are_single_use_and_kind_bound() {
        let mut store = Store::default();
        let now = Utc::now();
        let t = issue_to(&mut store, Kind::MagicLink, "a@x.io");
        assert_eq!(
            find_token(&store, &[Kind::DiscoveryMagicLink], &t, now),
            Err(Refusal::Unusable)
        );
        let i = find_token(&store, &[Kind::MagicLink], &t, now).unwrap();
        spend(&mut store, i);
        assert_eq!(
            find_token(&store, &[Kind::MagicLink], &t, now),
            Err(Refusal::Unusable)
        );
        assert_eq!(
            find_token(&store, &[Kind::MagicLink], &ids::token(), now),
            Err(Refusal::NotFound)
        );
        let later = now + chrono::Duration::minutes(11);
        let t2 = issue_to(&mut store, Kind::MagicLink, "a@x.io");
        assert_eq!(
            find_token(&store, &[Kind::MagicLink], &t2, later),
            Err(Refusal::Unusable)
        );
    }

    #[test]
    fn pkce_test_vector() {
        assert!(
            check_pkce(
                Some("hODA6vqpWjTCk_J4rFLkXOU3urXnUqAOaVmhOuEDtlo"),
                Some("00000000000000000000000000000000")
            )
            .is_ok()
        );
    }
}

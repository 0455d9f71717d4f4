//! TOTP registrations (RFC 6238: HMAC-SHA1, six digits, 30-second steps) and their recovery
//! codes. The code arithmetic is `totp-rs`'s; this module decides which steps are accepted.

use crate::policy;
use rand::Rng as _;
use rand::RngCore as _;
use stytch_client::Secret;
use subtle::ConstantTimeEq as _;
use totp_rs::{Algorithm, TOTP};

/// Seconds per TOTP step.
pub(crate) const STEP_SECONDS: u64 = 30;
/// Digits of a TOTP code.
const DIGITS: usize = 6;
/// Random bytes in a new secret (160 bits, 32 base32 characters).
const SECRET_BYTES: usize = 20;

/// A member's TOTP registration.
#[derive(Clone, Debug)]
pub(crate) struct Registration {
    /// `member-totp-test-<uuid>`.
    pub id: String,
    /// The base32 secret (upper case, no padding).
    pub secret: Secret<String>,
    /// False until the first successful authenticate (a created registration starts pending).
    pub active: bool,
    /// When a pending registration dies.
    pub pending_until: chrono::DateTime<chrono::Utc>,
    /// The newest step a code was accepted for (a code is good once).
    pub last_step: Option<u64>,
    pub recovery_codes: Vec<RecoveryCode>,
}

/// One recovery code.
#[derive(Clone, Debug)]
pub(crate) struct RecoveryCode {
    /// `totp-recovery-code-test-<uuid>`.
    pub id: String,
    pub code: Secret<String>,
    pub used: bool,
}

impl Registration {
    /// A registration with a fresh secret and recovery codes.
    pub fn new(active: bool, pending_until: chrono::DateTime<chrono::Utc>) -> Self {
        let mut bytes = [0u8; SECRET_BYTES];
        rand::thread_rng().fill_bytes(&mut bytes);
        Self::with_secret(
            totp_rs::Secret::Raw(bytes.to_vec()).to_encoded().to_string(),
            active,
            pending_until,
        )
    }

    /// A registration for an existing base32 secret (migration).
    pub fn with_secret(secret: String, active: bool, pending_until: chrono::DateTime<chrono::Utc>) -> Self {
        Registration {
            id: crate::ids::id("member-totp"),
            secret: Secret::new(secret),
            active,
            pending_until,
            last_step: None,
            recovery_codes: new_recovery_codes(),
        }
    }

    /// The step `code` is valid for at Unix time `now` (current step ± the policy's window).
    pub fn matching_step(&self, code: &str, now: i64) -> Option<u64> {
        let bytes = decode_secret(self.secret.expose_secret())?;
        let totp = TOTP::new_unchecked(Algorithm::SHA1, DIGITS, 0, STEP_SECONDS, bytes);
        let current = u64::try_from(now).ok()? / STEP_SECONDS;
        let window = policy::TOTP_WINDOW_STEPS;
        (current.saturating_sub(window)..=current + window).find(|step| {
            bool::from(
                totp.generate(step * STEP_SECONDS)
                    .as_bytes()
                    .ct_eq(code.as_bytes()),
            )
        })
    }

    /// The codes not used yet.
    pub fn unused_codes(&self) -> Vec<String> {
        self.recovery_codes
            .iter()
            .filter(|c| !c.used)
            .map(|c| c.code.expose_secret().clone())
            .collect()
    }
}

/// Decodes a base32 secret (case and padding ignored); `None` if it is not base32 or empty.
pub(crate) fn decode_secret(secret: &str) -> Option<Vec<u8>> {
    let clean: String = secret
        .chars()
        .filter(|c| *c != ' ' && *c != '=')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if clean.is_empty() {
        return None;
    }
    totp_rs::Secret::Encoded(clean)
        .to_bytes()
        .ok()
        .filter(|b| !b.is_empty())
}

/// Ten fresh `xxxx-xxxx-xxxx` codes.
pub(crate) fn new_recovery_codes() -> Vec<RecoveryCode> {
    (0..policy::RECOVERY_CODE_COUNT)
        .map(|_| recovery_code(random_recovery_code()))
        .collect()
}

/// A recovery code record for `code`.
pub(crate) fn recovery_code(code: String) -> RecoveryCode {
    RecoveryCode {
        id: crate::ids::id("totp-recovery-code"),
        code: Secret::new(code),
        used: false,
    }
}

fn random_recovery_code() -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    let mut rng = rand::thread_rng();
    let mut group = || -> String {
        (0..4)
            .map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char)
            .collect()
    };
    format!("{}-{}-{}", group(), group(), group())
}

/// Whether `s` has the shape of a recovery code (`xxxx-xxxx-xxxx`, lower-case alphanumerics).
pub(crate) fn is_recovery_code_shaped(s: &str) -> bool {
    let groups: Vec<&str> = s.split('-').collect();
    groups.len() == 3
        && groups
            .iter()
            .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// `otpauth://totp/<issuer>:<account>?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30`.
pub(crate) fn otpauth_uri(issuer: &str, account: &str, secret: &str) -> String {
    use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
    let issuer = utf8_percent_encode(issuer, NON_ALPHANUMERIC).to_string();
    let account = utf8_percent_encode(account, NON_ALPHANUMERIC).to_string();
    format!(
        "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}"
    )
}

/// The otpauth URI as a QR code image in a data URI (an SVG, see
/// [`policy::TOTP_QR_CODE_MEDIA_TYPE`]).
pub(crate) fn qr_code(uri: &str) -> String {
    use base64::Engine as _;
    let svg = match qrcode::QrCode::new(uri.as_bytes()) {
        Ok(code) => code
            .render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .build(),
        // Only a URI longer than a QR code holds fails; the issuer is an organization name
        // of at most 128 characters, so this is not reached in practice.
        Err(_) => String::new(),
    };
    format!(
        "data:{};base64,{}",
        policy::TOTP_QR_CODE_MEDIA_TYPE,
        base64::engine::general_purpose::STANDARD.encode(svg)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 seed, truncated to six digits.
    #[test]
    fn rfc_6238_vectors() {
        let secret = totp_rs::Secret::Raw(b"12345678901234567890".to_vec())
            .to_encoded()
            .to_string();
        let reg = Registration::with_secret(secret, true, chrono::Utc::now());
        for (time, code) in [
            (59_i64, "287082"),
            (1_111_111_109, "081804"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ] {
            assert_eq!(reg.matching_step(code, time), Some(time as u64 / 30), "{time}");
        }
        // One step either side is accepted, two are not.
        assert_eq!(reg.matching_step("287082", 59 + 30), Some(1));
        assert_eq!(reg.matching_step("287082", 59 + 60), None);
    }

    #[test]
    fn secrets_and_codes_have_stytch_shapes() {
        let reg = Registration::new(false, chrono::Utc::now());
        let secret = reg.secret.expose_secret();
        assert_eq!(secret.len(), 32);
        assert!(decode_secret(secret).is_some_and(|b| b.len() == 20));
        assert!(decode_secret("not base32!").is_none());
        assert_eq!(reg.unused_codes().len(), 10);
        assert!(reg.unused_codes().iter().all(|c| is_recovery_code_shaped(c)));
        assert!(!is_recovery_code_shaped("123456"));
        let uri = otpauth_uri("Acme Inc", "ada@acme.io", secret);
        assert!(uri.starts_with("otpauth://totp/Acme%20Inc:ada%40acme%2Eio?secret="));
        assert!(qr_code(&uri).starts_with("data:image/svg+xml;base64,"));
    }
}

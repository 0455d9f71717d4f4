//! Project-level settings chosen with [`EmulatorBuilder`](crate::EmulatorBuilder).

use std::collections::HashSet;

/// How new passwords are judged (Stytch's project-level password strength policy).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StrengthPolicy {
    /// zxcvbn: a password is valid when its score is at least 3 (the default).
    Zxcvbn,
    /// LUDS: at least `min_length` characters (8..=32) drawn from at least `min_complexity`
    /// (1..=4) of the classes lower case, upper case, digit, symbol.
    Luds {
        /// Minimum length in characters, 8..=32.
        min_length: u32,
        /// Minimum number of character classes, 1..=4.
        min_complexity: u32,
    },
}

impl StrengthPolicy {
    /// LUDS with Stytch's dashboard defaults (8 characters, 3 classes).
    pub fn luds_default() -> Self {
        StrengthPolicy::Luds {
            min_length: 8,
            min_complexity: 3,
        }
    }

    /// `"zxcvbn"` or `"luds"`, as in strength_check's `strength_policy`.
    pub fn name(&self) -> &'static str {
        match self {
            StrengthPolicy::Zxcvbn => "zxcvbn",
            StrengthPolicy::Luds { .. } => "luds",
        }
    }
}

/// How the emulator hashes the passwords it sets itself (resets, migrated hashes re-hashed after
/// their first use). Migrated hashes are always verified with their own algorithm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HashingCost {
    /// The default: salted PBKDF2-HMAC-SHA256 with a single iteration. A fake's hash, not one
    /// for real passwords: it costs microseconds even in an unoptimized test build, so a test
    /// suite can authenticate thousands of times.
    Fast,
    /// OWASP's recommended argon2id parameters (m = 19 MiB, t = 2, p = 1), for timing-realistic
    /// runs (slow in unoptimized builds).
    Realistic,
    /// argon2id with explicit parameters.
    Custom {
        /// Memory in KiB.
        memory_kib: u32,
        /// Iterations.
        iterations: u32,
        /// Lanes.
        parallelism: u32,
    },
}

impl HashingCost {
    /// The argon2id parameters (m, t, p), or `None` for [`HashingCost::Fast`].
    pub(crate) fn argon2_params(self) -> Option<(u32, u32, u32)> {
        match self {
            HashingCost::Fast => None,
            HashingCost::Realistic => Some((19 * 1024, 2, 1)),
            HashingCost::Custom {
                memory_kib,
                iterations,
                parallelism,
            } => Some((memory_kib, iterations, parallelism)),
        }
    }
}

/// Passwords treated as breached when breach detection is on.
pub const DEFAULT_BREACHED_PASSWORDS: &[&str] = &[
    "password",
    "password1",
    "password123",
    "123456",
    "12345678",
    "123456789",
    "qwerty",
    "qwerty123",
    "letmein",
    "iloveyou",
    "admin",
    "welcome",
    "monkey",
    "dragon",
    "football",
    "baseball",
    "abc123",
    "111111",
    "correcthorsebatterystaple",
    "Password1!",
    "P@ssw0rd",
    "P@ssw0rd123!",
];

/// Everything an emulator instance is configured with.
#[derive(Clone, Debug)]
pub(crate) struct Settings {
    pub project_id: String,
    pub secret: stytch_client::Secret<String>,
    pub strength_policy: StrengthPolicy,
    pub breach_detection_on_create: bool,
    pub breach_detection_on_authentication: bool,
    pub breached_passwords: HashSet<String>,
    pub cross_org_passwords: bool,
    pub hashing: HashingCost,
    pub default_reset_redirect_url: Option<String>,
    pub default_discovery_redirect_url: Option<String>,
}

impl Settings {
    pub fn is_breached(&self, password: &str) -> bool {
        self.breached_passwords.contains(password)
    }
}

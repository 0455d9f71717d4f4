//! Password strength: real zxcvbn scoring and feedback, LUDS feedback, and the breach list.

use crate::config::{Settings, StrengthPolicy};
use crate::policy;
use serde_json::{Value, json};

/// zxcvbn's cost grows quickly with length; like other deployments, only this many characters
/// are scored (a longer password is never weaker than its prefix).
const ZXCVBN_MAX_CHARS: usize = 100;

/// The outcome of judging a password.
#[derive(Debug, Clone)]
pub(crate) struct Strength {
    pub valid: bool,
    pub score: i64,
    pub breached: bool,
    pub luds_feedback: Value,
    pub zxcvbn_feedback: Value,
}

/// Judges `password` under the project's policy. The breach list is consulted when `check_breach`
/// is true (strength_check does so only when an email address is given).
pub(crate) fn judge(
    settings: &Settings,
    password: &str,
    email: Option<&str>,
    check_breach: bool,
) -> Strength {
    let breached = check_breach && settings.breach_detection_on_create && settings.is_breached(password);
    match settings.strength_policy {
        StrengthPolicy::Zxcvbn => {
            let (score, warning, suggestions) = zxcvbn_score(password, email);
            let valid = score >= policy::ZXCVBN_MIN_SCORE && !breached;
            let (warning, suggestions) = if valid {
                (String::new(), Vec::new())
            } else {
                (warning, suggestions)
            };
            let (warning, suggestions) = if !valid && breached && warning.is_empty() {
                (
                    "This password appears in a list of breached passwords.".to_owned(),
                    vec!["Choose a password you have not used anywhere else.".to_owned()],
                )
            } else {
                (warning, suggestions)
            };
            Strength {
                valid,
                score: i64::from(score),
                breached,
                luds_feedback: Value::Null,
                zxcvbn_feedback: json!({ "warning": warning, "suggestions": suggestions }),
            }
        }
        StrengthPolicy::Luds {
            min_length,
            min_complexity,
        } => {
            let l = luds(password, min_length, min_complexity);
            let valid = l.missing_complexity == 0 && l.missing_characters == 0 && !breached;
            Strength {
                valid,
                score: policy::LUDS_SCORE,
                breached,
                luds_feedback: json!({
                    "has_lower_case": l.lower,
                    "has_upper_case": l.upper,
                    "has_digit": l.digit,
                    "has_symbol": l.symbol,
                    "missing_complexity": l.missing_complexity,
                    "missing_characters": l.missing_characters,
                }),
                zxcvbn_feedback: json!({ "warning": "", "suggestions": [] }),
            }
        }
    }
}

/// A long password is first scored on this many leading characters: when they alone reach the
/// top score (4), so does the whole password (adding characters never lowers zxcvbn's guess
/// count) and the full scoring, whose cost grows quickly with length, is skipped.
const ZXCVBN_QUICK_PREFIX_CHARS: usize = 16;

fn zxcvbn_score(password: &str, email: Option<&str>) -> (u8, String, Vec<String>) {
    if password.chars().count() > ZXCVBN_QUICK_PREFIX_CHARS {
        let prefix: String = password.chars().take(ZXCVBN_QUICK_PREFIX_CHARS).collect();
        let quick = zxcvbn_score_exact(&prefix, email);
        if quick.0 == 4 {
            return quick;
        }
    }
    zxcvbn_score_exact(password, email)
}

fn zxcvbn_score_exact(password: &str, email: Option<&str>) -> (u8, String, Vec<String>) {
    let scored: String = password.chars().take(ZXCVBN_MAX_CHARS).collect();
    // The email's parts count as user inputs, so "ada.lovelace2024" for ada.lovelace@… scores low.
    let mut inputs: Vec<&str> = Vec::new();
    if let Some(email) = email {
        inputs.push(email);
        if let Some((local, domain)) = email.split_once('@') {
            inputs.extend(local.split(['.', '_', '-', '+']).filter(|s| !s.is_empty()));
            inputs.extend(domain.split('.').filter(|s| !s.is_empty()));
        }
    }
    let entropy = zxcvbn::zxcvbn(&scored, &inputs);
    let score = u8::from(entropy.score());
    let (warning, suggestions) = match entropy.feedback() {
        Some(f) => (
            f.warning().map(|w| w.to_string()).unwrap_or_default(),
            f.suggestions().iter().map(|s| s.to_string()).collect(),
        ),
        None => (String::new(), Vec::new()),
    };
    (score, warning, suggestions)
}

struct Luds {
    lower: bool,
    upper: bool,
    digit: bool,
    symbol: bool,
    missing_complexity: i64,
    missing_characters: i64,
}

fn luds(password: &str, min_length: u32, min_complexity: u32) -> Luds {
    let lower = password.chars().any(|c| c.is_ascii_lowercase());
    let upper = password.chars().any(|c| c.is_ascii_uppercase());
    let digit = password.chars().any(|c| c.is_ascii_digit());
    // "Any UTF8 character outside of a-z or A-Z may count as a valid symbol": digits
    // aside, everything else is a symbol.
    let symbol = password.chars().any(|c| !c.is_ascii_alphanumeric());
    let classes = [lower, upper, digit, symbol].iter().filter(|b| **b).count() as i64;
    let length = password.chars().count() as i64;
    Luds {
        lower,
        upper,
        digit,
        symbol,
        missing_complexity: (i64::from(min_complexity) - classes).max(0),
        missing_characters: (i64::from(min_length) - length).max(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luds_counts_classes_and_length() {
        let l = luds("abcD1", 8, 3);
        assert!(l.lower && l.upper && l.digit && !l.symbol);
        assert_eq!((l.missing_complexity, l.missing_characters), (0, 3));
        let l = luds("ééééé", 8, 4);
        assert!(l.symbol && !l.lower);
        assert_eq!(l.missing_complexity, 3);
    }

    #[test]
    fn zxcvbn_scores_real_passwords() {
        assert!(zxcvbn_score("password", None).0 < 2);
        assert!(zxcvbn_score("correct-horse-battery-staple-9000!", None).0 >= 3);
        // The quick prefix never changes the verdict.
        for pw in [
            "violet-Kettle-sunrise-47-Orbit!",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "passwordpassword1234567890",
            "Tr0ub4dor&3-migrated",
            "correcthorsebatterystaplecorrecthorse",
        ] {
            assert_eq!(zxcvbn_score(pw, None).0, zxcvbn_score_exact(pw, None).0, "{pw}");
        }
    }
}

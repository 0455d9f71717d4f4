//! Password strength feedback.

use super::de::null_as_default;
use serde::Deserialize;

/// What a password misses under the LUDS (length, upper, digit, symbol) policy.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LudsFeedback {
    /// Whether it has a lower-case letter.
    #[serde(default, deserialize_with = "null_as_default")]
    pub has_lower_case: bool,
    /// Whether it has an upper-case letter.
    #[serde(default, deserialize_with = "null_as_default")]
    pub has_upper_case: bool,
    /// Whether it has a digit.
    #[serde(default, deserialize_with = "null_as_default")]
    pub has_digit: bool,
    /// Whether it has a symbol (anything outside a-z, A-Z, 0-9).
    #[serde(default, deserialize_with = "null_as_default")]
    pub has_symbol: bool,
    /// How many more character classes are needed.
    pub missing_complexity: i32,
    /// How many more characters are needed.
    pub missing_characters: i32,
}

/// Hints to strengthen a password under the zxcvbn policy.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ZxcvbnFeedback {
    /// Why the password is weak (may be empty).
    #[serde(default, deserialize_with = "null_as_default")]
    pub warning: String,
    /// How to make it stronger.
    #[serde(default, deserialize_with = "null_as_default")]
    pub suggestions: Vec<String>,
}

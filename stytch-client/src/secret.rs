//! [`Secret`]: a value that never prints.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A value that must never be logged: passwords, hashes, session tokens, JWTs, reset tokens, the
/// project secret.
///
/// `Debug` and `Display` print `***`; serde sees the inner value unchanged, so it goes on the
/// wire as is. Read it with [`Secret::expose`].
///
/// ```
/// use stytch_client::Secret;
///
/// let password = Secret::from("correct horse battery staple");
/// assert_eq!(format!("{password:?} {password}"), "*** ***");
/// assert_eq!(password.expose(), "correct horse battery staple");
/// assert_eq!(serde_json::to_string(&password).unwrap(), r#""correct horse battery staple""#);
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Secret<T>(T);

impl<T> Secret<T> {
    /// Wraps a value.
    pub const fn new(value: T) -> Self {
        Self(value)
    }

    /// The wrapped value. Take care where it goes.
    pub const fn expose(&self) -> &T {
        &self.0
    }

    /// Unwraps the value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl Secret<String> {
    /// The wrapped string as `&str`.
    pub fn expose_str(&self) -> &str {
        &self.0
    }
}

impl<T> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl<T> fmt::Display for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret<String> {
    fn from(value: String) -> Self {
        Self(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Self(value.to_owned())
    }
}

impl From<&String> for Secret<String> {
    fn from(value: &String) -> Self {
        Self(value.clone())
    }
}

impl<T: Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_but_round_trips() {
        let secret: Secret<String> = serde_json::from_str(r#""tok_123""#).unwrap();
        assert_eq!(format!("{secret:?}|{secret}|{secret:#?}"), "***|***|***");
        assert_eq!(serde_json::to_string(&secret).unwrap(), r#""tok_123""#);
        let nested = Some(Secret::from("x"));
        assert_eq!(format!("{nested:?}"), "Some(***)");
        assert_eq!(secret.into_inner(), "tok_123");
    }
}

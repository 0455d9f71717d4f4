//! [`Secret`]: a value that never prints and is wiped from memory when dropped.

use secrecy::zeroize::Zeroize;
use secrecy::{ExposeSecret, SecretBox};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A value that must never be logged: passwords, hashes, session tokens, JWTs, reset and
/// magic-link tokens, OTP codes, the project secret.
///
/// Built on the [`secrecy`] crate's `SecretBox`: the value lives on the heap and is zeroized when
/// dropped. `Debug` prints `***`, and there is deliberately no `Display`, so a secret cannot end
/// up in a `format!` by accident: reading it takes an explicit
/// [`expose_secret`](Secret::expose_secret). serde sees the inner value unchanged, so requests put
/// it on the wire as is and responses decode into it.
///
/// ```
/// use stytch_client::Secret;
///
/// let password = Secret::from("correct horse battery staple");
/// assert_eq!(format!("{password:?}"), "***");
/// assert_eq!(password.expose_secret(), "correct horse battery staple");
/// assert_eq!(serde_json::to_string(&password).unwrap(), r#""correct horse battery staple""#);
/// ```
///
/// `format!("{}", secret)` does not compile:
///
/// ```compile_fail
/// let token = stytch_client::Secret::from("mst_123");
/// let cookie = format!("stytch_session={}", token);
/// ```
pub struct Secret<T: Zeroize = String>(SecretBox<T>);

impl<T: Zeroize> Secret<T> {
    /// Wraps a value.
    pub fn new(value: T) -> Self {
        Self(SecretBox::new(Box::new(value)))
    }

    /// The wrapped value. Every call is a place where the secret leaves its wrapper: take care
    /// where it goes.
    pub fn expose_secret(&self) -> &T {
        self.0.expose_secret()
    }
}

impl<T: Zeroize> ExposeSecret<T> for Secret<T> {
    fn expose_secret(&self) -> &T {
        self.0.expose_secret()
    }
}

impl<T: Zeroize + Clone> Clone for Secret<T> {
    fn clone(&self) -> Self {
        Self::new(self.expose_secret().clone())
    }
}

impl<T: Zeroize + Default> Default for Secret<T> {
    fn default() -> Self {
        Self::new(T::default())
    }
}

/// Compares the wrapped values (for tests and model equality; not constant-time).
impl<T: Zeroize + PartialEq> PartialEq for Secret<T> {
    fn eq(&self, other: &Self) -> bool {
        self.expose_secret() == other.expose_secret()
    }
}

impl<T: Zeroize + Eq> Eq for Secret<T> {}

impl<T: Zeroize> fmt::Debug for Secret<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Secret<String> {
    fn from(value: String) -> Self {
        Self::new(value)
    }
}

impl From<&str> for Secret<String> {
    fn from(value: &str) -> Self {
        Self::new(value.to_owned())
    }
}

impl From<&String> for Secret<String> {
    fn from(value: &String) -> Self {
        Self::new(value.clone())
    }
}

impl<T: Zeroize + Serialize> Serialize for Secret<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.expose_secret().serialize(serializer)
    }
}

impl<'de, T: Zeroize + Deserialize<'de>> Deserialize<'de> for Secret<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(Self::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_but_round_trips() {
        let secret: Secret<String> = serde_json::from_str(r#""tok_123""#).unwrap();
        assert_eq!(format!("{secret:?}|{secret:#?}"), "***|***");
        assert_eq!(serde_json::to_string(&secret).unwrap(), r#""tok_123""#);
        let nested = Some(Secret::from("x"));
        assert_eq!(format!("{nested:?}"), "Some(***)");
        assert_eq!(secret.expose_secret(), "tok_123");
        assert_eq!(secret.clone(), secret);
        assert_eq!(Secret::<String>::default().expose_secret(), "");
    }

    #[test]
    fn the_ecosystem_trait_reads_it_too() {
        fn read<S: ExposeSecret<String>>(secret: &S) -> &str {
            secret.expose_secret()
        }
        assert_eq!(read(&Secret::from("abc")), "abc");
    }
}

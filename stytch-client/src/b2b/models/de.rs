//! Lenient decoding helpers shared by the response models.

use serde::{Deserialize, Deserializer};
use std::marker::PhantomData;

/// Decodes a value, turning an explicit JSON `null` into `T::default()`.
///
/// Used with `#[serde(default)]` on response fields that Stytch documents as always present
/// (`""`, `[]`, `false` when empty): a server that omits them or sends `null` still decodes,
/// instead of failing the whole response as the official Rust crate does.
pub(crate) fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

/// Visits a JSON string (borrowed or owned) and converts it with `From<&str>` / `From<String>`,
/// so string enums decode without an intermediate allocation for known values.
pub(crate) struct StrVisitor<T>(PhantomData<T>);

impl<T> StrVisitor<T> {
    pub(crate) fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T: for<'a> From<&'a str> + From<String>> serde::de::Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(T::from(value))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
        Ok(T::from(value))
    }
}

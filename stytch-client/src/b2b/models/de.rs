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

/// How a `string_enum!` is built from a wire string (kept private so that the only public way
/// from a string to an enum is the explicit `from_wire`).
pub(crate) trait FromWire: Sized {
    /// The variant of a known wire value.
    fn known(value: &str) -> Option<Self>;
    /// `Other(value)`.
    fn other(value: String) -> Self;
}

/// A known value's variant, or `Other` holding a copy of the value.
pub(crate) fn from_wire_str<T: FromWire>(value: &str) -> T {
    T::known(value).unwrap_or_else(|| T::other(value.to_owned()))
}

/// Visits a JSON string (borrowed or owned) and converts it with [`FromWire`], so string enums
/// decode without an intermediate allocation for known values.
pub(crate) struct StrVisitor<T>(PhantomData<T>);

impl<T> StrVisitor<T> {
    pub(crate) fn new() -> Self {
        Self(PhantomData)
    }
}

impl<T: FromWire> serde::de::Visitor<'_> for StrVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a string")
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
        Ok(from_wire_str(value))
    }

    fn visit_string<E: serde::de::Error>(self, value: String) -> Result<T, E> {
        Ok(T::known(&value).unwrap_or_else(|| T::other(value)))
    }
}

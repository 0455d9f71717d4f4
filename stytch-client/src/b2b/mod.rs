//! The Stytch B2B API catalog: every endpoint is an `#[endpoint]` struct, sent with
//! [`Client::send`](crate::Client::send).
//!
//! The modules mirror the official SDKs' namespaces (`client.passwords.email.reset_start` in Ruby
//! is [`passwords::email::ResetStart`] here). Required fields are the arguments of `new`; optional
//! ones have chained setters and are left off the wire when unset. Responses decode leniently:
//! unknown fields are ignored and unknown enum values are kept as `Other(String)`. Passwords,
//! hashes, session tokens, JWTs, intermediate session tokens and reset tokens are [`Secret`]s in
//! requests and responses alike, so they never show in `Debug` output.
//!
//! Shared types live in [`models`]. Response types are `#[non_exhaustive]` so that Stytch adding a
//! field is not a breaking change here; obtain them by decoding JSON (as `send` does), for example
//! with `serde_json::from_str` in your own tests.
//!
//! [`Secret`]: crate::Secret

pub mod discovery;
pub mod models;
pub mod organizations;
pub mod passwords;
pub mod sessions;

//! A typed, declarative client for Stytch's B2B API.
//!
//! Every endpoint is a plain struct carrying one attribute. The catalog, [`b2b`], declares the
//! endpoints listed in the repository's `docs/api-coverage.md` (a test keeps that table equal to
//! the code); anything it lacks you declare the same way in your own crate:
//!
//! ```no_run
//! use serde::Deserialize;
//! use stytch_client::{Authorization, Client, Secret, endpoint};
//!
//! /// Updates a member's display name.
//! #[endpoint(PUT, "/v1/b2b/organizations/{organization_id}/members/{member_id}")]
//! pub struct UpdateMemberName {
//!     pub organization_id: String,          // fills {organization_id}
//!     pub member_id: String,                // fills {member_id}
//!     pub name: Option<String>,             // JSON body; left out when None
//!     #[endpoint(headers)]
//!     pub authorization: Option<Authorization>, // X-Stytch-Member-Session(JWT)
//! }
//!
//! /// What Stytch answers (unknown fields are ignored).
//! #[derive(Debug, Deserialize)]
//! pub struct UpdateMemberNameResponse {
//!     pub request_id: String,
//!     pub status_code: u16,
//! }
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?; // STYTCH_PROJECT_ID, STYTCH_SECRET[, STYTCH_BASE_URL]
//! let response = client
//!     .send(
//!         UpdateMemberName::new("organization-test-...", "member-test-...")
//!             .name("Ada Lovelace")
//!             .authorization(Authorization::session_token("mst_...")),
//!     )
//!     .await?;
//! println!("updated ({})", response.request_id);
//! # Ok(())
//! # }
//! ```
//!
//! # What is inside
//!
//! - [`b2b`]: the typed catalog — the complete B2B Passwords API ([`b2b::passwords`]) and the
//!   organization, member, session and discovery endpoints its flows need, with shared lenient
//!   models in [`b2b::models`].
//! - [`jwt`]: [`Client::authenticate_session_jwt`] verifies member session JWTs locally against
//!   the project's cached JWKS, falling back to Stytch when the local check cannot decide.
//! - [`Client`], [`ClientBuilder`], [`RequestOptions`], [`RetryPolicy`], [`Authorization`]: the
//!   runtime every endpoint goes through.
//!
//! # `#[endpoint]`
//!
//! `#[endpoint(METHOD, "/path/{capture}")]` with `METHOD` one of `GET`, `POST`, `PUT`, `PATCH`,
//! `DELETE`. The response type defaults to the struct's name with `Request` stripped and
//! `Response` appended (`Authenticate` → `AuthenticateResponse`); `response = Type` overrides it
//! (rustc's "cannot find type `AuthenticateResponse`" at the struct's name means: declare it, or
//! write `response = ...`). `idempotent` marks a POST as safe to retry; `form` sends the body form-encoded
//! (`application/x-www-form-urlencoded`, each body field one `key=value` pair by the query
//! rules below) instead of JSON; `crate = "path"` names
//! this crate when the dependency is renamed or re-exported. The full rules are on [`endpoint`].
//!
//! Field placement:
//! - a field named like a `{capture}` fills it, percent-encoded as exactly one segment (an empty
//!   value, `.` or `..` is refused with an error); the template itself may not hold `.`/`..`
//!   segments;
//! - other fields go to the JSON body for POST/PUT/PATCH and to the query for GET/DELETE; a
//!   list in the query repeats its key (`tags=a&tags=b`);
//! - `#[endpoint(query)]`, `#[endpoint(body)]` move a field; `#[endpoint(header = "X-Name")]`
//!   sends it as a header (any [`HeaderText`] type); `#[endpoint(headers)]` applies a
//!   [`HeaderOptions`] value such as [`Authorization`]; `#[endpoint(sensitive)]` prints it as
//!   `***` in `Debug`. Headers this client or the HTTP stack set (`Accept`, `Authorization`,
//!   `Content-Type`, `Content-Length`, `Host`, `User-Agent`, and the hop-by-hop ones) cannot be
//!   fields;
//! - `#[serde(rename = "wire_name")]` on a field and `#[serde(rename_all = "camelCase")]` on the
//!   struct set the keys on the wire; two fields on one key are a compile error.
//!
//! Optionality is read from the written type: `Option<T>` fields are omitted when `None` (never
//! sent as `null`); `Option<Option<T>>` sends `null` for `Some(None)`. A POST whose fields are
//! all `None` sends `{}`. `#[endpoint(optional)]` marks an alias of `Option`,
//! `#[endpoint(required)]` a field that is always sent (your own type named `Option`, or an
//! `Option` sent as `null` when `None`).
//!
//! Generated: the [`Endpoint`] impl, `new(required fields...)` taking `impl Into<T>`, a setter
//! `field(value)` taking `impl Into<T>` and a `set_field(..)` taking the field's type per
//! optional field (plus `field_null()` for an `Option<Option<T>>`), each with the field's
//! visibility, `Default` when nothing is required, and a `Debug` that redacts sensitive fields.
//! Do not derive `Debug` yourself.
//!
//! # Errors and secrets
//!
//! Every failure is an [`Error`]; ask it [`is_timeout`](Error::is_timeout),
//! [`status`](Error::status), [`api_error`](Error::api_error) and so on. The project secret,
//! passwords, hashes, session tokens, JWTs and reset tokens are typed [`Secret`] or marked
//! sensitive, so they never appear in `Debug`, `Display`, errors or tracing output. Tracing spans
//! (`stytch.request`, at DEBUG) carry the method, path template, status, request id and latency,
//! never bodies or header values.

#![warn(missing_docs)]

extern crate self as stytch_client;

pub mod b2b;
mod client;
mod encode;
mod endpoint;
mod error;
pub mod jwt;
mod optional;
mod options;
mod redact;
mod secret;

/// The byte buffer behind [`RequestBody`].
pub use bytes::Bytes;
pub use client::{
    Client, ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT,
    LIVE_BASE_URL, RequestBody, RetryPolicy, TEST_BASE_URL,
};
pub use encode::{HeaderText, PathParam, insert_header};
pub use endpoint::Endpoint;
pub use error::{ApiError, BodySummary, Error, ErrorKind, JwtReason};
pub use options::{
    Authorization, HeaderOptions, MEMBER_SESSION_HEADER, MEMBER_SESSION_JWT_HEADER, RequestOptions,
};
/// The [`secrecy`] crate's trait for reading a secret, implemented by [`Secret`].
pub use secrecy::ExposeSecret;
pub use secret::Secret;
pub use stytch_macros::endpoint;

/// Re-exports of the HTTP types in this crate's API.
pub mod http {
    pub use http::{HeaderMap, HeaderName, HeaderValue, Method, Request, StatusCode};
}

/// The README's Rust examples, compiled as doc tests so that they stay true to the code.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme {}

/// What `#[endpoint]`-generated code calls. Not a public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::encode::{
        DebugField, HeaderText, PathParam, Query, QueryValue, Redacted, form_content_type, insert_header,
        json_body, push_segment,
    };
    pub use crate::endpoint::Endpoint;
    pub use crate::error::Error;
    pub use crate::optional::{IsOption, NotOption, OptionField, OptionInner};
    pub use crate::options::HeaderOptions;
    pub use http::{HeaderMap, HeaderName, Method};
    pub use serde;
}

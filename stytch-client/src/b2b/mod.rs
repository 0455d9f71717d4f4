//! The Stytch B2B API catalog: every endpoint is an `#[endpoint]` struct, sent with
//! [`Client::send`](crate::Client::send).
//!
//! The modules mirror the official SDKs' namespaces (`client.passwords.email.reset_start` in Ruby
//! is [`passwords::email::ResetStart`] here). Required fields are the arguments of `new`; optional
//! ones have chained setters and are left off the wire when unset. Passwords, hashes, session
//! tokens, JWTs, intermediate session tokens, reset and magic-link tokens, OTP codes, TOTP
//! secrets and codes, recovery codes, OAuth and provider tokens, client secrets and SCIM bearer
//! tokens are [`Secret`]s in requests and responses alike, so they never show in `Debug` output
//! and reading one takes `expose_secret()`. Shared types live in [`models`].
//!
//! ```
//! use stytch_client::b2b::models::{HashType, OrganizationId};
//! use stytch_client::b2b::passwords::Migrate;
//!
//! let organization_id = OrganizationId::new("organization-test-...");
//! // ids, then the identity, then the secret, then the rest:
//! let request = Migrate::new(&organization_id, "ada@example.com", "$2a$10$...", HashType::Bcrypt);
//! # let _ = request;
//! ```
//!
//! # Conventions every endpoint follows
//!
//! **Typed ids.** Ids that flow from a response into a later request are newtypes
//! ([`OrganizationId`](models::OrganizationId), [`MemberId`](models::MemberId), ...): responses
//! return them, requests take them by value or by reference (`Get::new(&response.organization_id)`),
//! and a string becomes one only through an explicit `new`. Where the API accepts an
//! organization's slug or external id instead of its id, pass `OrganizationId::new(slug)`.
//!
//! **One order for the parameters of `new`.** Required fields are declared, and so taken by `new`,
//! in this order on every endpoint:
//! 1. ids (`*_id`), outermost object first: `organization_id`, then `member_id`, then ids of
//!    objects inside them (`member_session_id`, `member_password_id`, `connection_id`, ...), then
//!    any other id (`profile_id`, `project_id`, `client_id`, ...);
//! 2. the identity acted on: `email_address`, then a phone number (`phone_number`,
//!    `mfa_phone_number`);
//! 3. secrets: the one the caller already holds first (a reset or intermediate session token, a
//!    session token, an existing password, a hash), then a new one (`password`, `new_password`);
//! 4. everything else, in the API's order.
//!
//! Optional fields (setters) keep the API's order.
//!
//! **Names.** A type is named after the official SDK method (`otps.sms.send` is
//! [`otps::sms::Send`]). Refer to such types through their module (`sms::Send::new(..)`): importing
//! `Send` by name would shadow the standard `Send` trait in that scope.
//!
//! **Open enums built explicitly.** Enums keep unknown wire values as `Other(String)` and are
//! built from a string only with `from_wire(..)` or `Other(..)`, never by `From<&str>`, so a
//! string cannot fill an enum parameter by accident:
//!
//! ```compile_fail
//! # use stytch_client::b2b::models::OrganizationId;
//! # let organization_id = OrganizationId::new("organization-test-...");
//! // error: `&str` is not a `HashType`
//! stytch_client::b2b::passwords::Migrate::new(&organization_id, "ada@example.com", "$2a$10$...", "bcrypt");
//! ```
//!
//! **Responses.** Response and model types have public fields and derive `Default`, so tests can
//! build them (see [`models`]). Decoding is lenient (unknown fields ignored, unknown enum values
//! kept, empty-able fields default when absent) except for identity fields: ids and email
//! addresses must be present and not `null`, or decoding fails naming the JSON path.
//!
//! **Retries.** The client retries a POST after a lost response only when the endpoint is marked
//! `#[endpoint(POST, "...", idempotent)]`. A POST is marked when a second delivery changes nothing
//! the first did not: it only reads or checks (`passwords::StrengthCheck`,
//! `discovery::organizations::List`, search and other get-like POSTs), or it only sets values it
//! names (`sessions::Authenticate`, which at most extends the session and sets custom claims). A
//! POST that creates something, sends an email or SMS, mints a session or token, consumes a token
//! or code, counts a failed attempt, or revokes or deletes something is not marked: a duplicate
//! would act twice or turn the caller's success into an error. GET, PUT and DELETE are idempotent
//! by method.
//!
//! [`Secret`]: crate::Secret

pub mod discovery;
pub mod models;
pub mod organizations;
pub mod passwords;
pub mod sessions;

pub mod impersonation;
pub mod magic_links;
pub mod oauth;
pub mod otps;
pub mod recovery_codes;
pub mod totps;
// Enterprise products.
pub mod idp;
pub mod rbac;
pub mod scim;
pub mod sso;

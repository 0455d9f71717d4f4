//! An in-memory fake of the Stytch B2B API, for offline tests and examples.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! use stytch_emulator::Emulator;
//! use std::time::Duration;
//!
//! let emulator = Emulator::builder().cross_org_passwords(true).start().await?;
//! let client = emulator.client(); // stytch_client::Client with the emulator's credentials
//! // ... create an organization, start a password reset with the client ...
//! if let Some(email) = emulator.last_email_to("ada@example.com") {
//!     println!("reset token: {:?}", email.token);
//! }
//! emulator.clock().advance(Duration::from_secs(31 * 60)); // the reset link has now expired
//! # Ok(()) }
//! ```
//!
//! # What it serves
//!
//! Passwords, Organizations and Members, RBAC, Sessions, Discovery, email magic links, email and
//! SMS passcodes, TOTP and recovery codes (paths as in Stytch's API; all take HTTP Basic auth
//! `project_id:secret` except the JWKS). SSO, SCIM, OAuth, impersonation and the connected-apps
//! IdP routes are not emulated:
//!
//! - `POST /v1/b2b/passwords/{strength_check, migrate, authenticate}`,
//!   `POST /v1/b2b/passwords/email/{reset/start, reset, require_reset}`,
//!   `POST /v1/b2b/passwords/session/reset`, `POST /v1/b2b/passwords/existing_password/reset`,
//!   `POST /v1/b2b/passwords/discovery/{authenticate, email/reset/start, email/reset}`;
//! - `POST /v1/b2b/organizations`, `GET /v1/b2b/organizations/{organization_id}`,
//!   `POST /v1/b2b/organizations/{organization_id}/members`,
//!   `GET /v1/b2b/organizations/{organization_id}/member?member_id=…|email_address=…`,
//!   `GET /v1/b2b/organizations/members/dangerously_get/{member_id}`;
//! - the rest of Organizations and Members: organization update / delete / search / metrics /
//!   external id / connected apps; member update / delete / reactivate / search / factor,
//!   password and external-id removal / retired emails / start_email_update / provider tokens
//!   / connected apps and revoke;
//! - RBAC: `GET /v1/b2b/rbac/policy`, `GET|PUT /v1/b2b/rbac/organizations/{organization_id}`,
//!   and the member-session headers enforced on every endpoint that accepts them (see
//!   [`rbac`] for the policy and the decision);
//! - `GET /v1/b2b/sessions`, `POST /v1/b2b/sessions/{authenticate, revoke, exchange,
//!   exchange_access_token, attest, migrate}`, `GET /v1/b2b/sessions/jwks/{project_id}`;
//! - `POST /v1/b2b/discovery/organizations`, `POST /v1/b2b/discovery/organizations/create`,
//!   `POST /v1/b2b/discovery/intermediate_sessions/exchange`;
//! - `POST /v1/b2b/magic_links/email/{login_or_signup, invite, discovery/send}`,
//!   `POST /v1/b2b/magic_links/{authenticate, discovery/authenticate}`;
//! - `POST /v1/b2b/otps/email/{login_or_signup, authenticate, discovery/send,
//!   discovery/authenticate}`, `POST /v1/b2b/otps/sms/{send, authenticate}`;
//! - `POST /v1/b2b/totp`, `POST /v1/b2b/totp/{authenticate, migrate}`;
//! - `GET /v1/b2b/recovery_codes/{organization_id}/{member_id}`,
//!   `POST /v1/b2b/recovery_codes/{rotate, recover}`.
//!
//! Behaviour follows Stytch's documented B2B semantics: hashing of the passwords it sets (a fast
//! hash by default, argon2id on request), verification of migrated bcrypt / md_5 / sha_1 / sha_512 / argon_2i /
//! argon_2id / scrypt / pbkdf_2 / phpass hashes, zxcvbn or LUDS strength, single-use expiring
//! reset tokens with PKCE, session revocation on resets, single-use expiring magic links (PKCE,
//! JIT and invite rules) and passcodes (only the newest works), RFC 6238 TOTP with recovery
//! codes, MFA via intermediate session tokens completed by SMS, TOTP or a recovery code,
//! cross-org passwords and discovery, RS256 session JWTs (5-minute lifetime) and a rotatable
//! JWKS. Where Stytch's documentation leaves a behaviour open, the choice is a constant in the
//! [`policy`] module.
//!
//! A real Stytch B2B route that this emulator does not serve yet answers `501 not_emulated`
//! (a distinct error, never confused with a typo's `404 route_not_found`); [`routes::ROUTES`]
//! lists every route and whether it is emulated.
//!
//! Errors carry the five fields Stytch always sends (`status_code`, `request_id`, `error_type`,
//! `error_message`, `error_url`), plus `error_details: {"field": …}` on field validation errors.
//!
//! # The outbox and other test hooks
//!
//! Emails and SMS Stytch would have sent (reset and magic links with their tokens, six-digit
//! email and SMS passcodes) are kept in an outbox: [`Emulator::outbox`],
//! [`Emulator::last_email_to`], [`Emulator::last_sms_to`]. Over HTTP, under the separate
//! prefix `/__emulator` (same Basic auth as the API):
//!
//! - `GET /__emulator/outbox[?to=address]` → `{"messages": [OutboxMessage…]}`, oldest first;
//! - `DELETE /__emulator/outbox` empties it;
//! - `GET /__emulator/clock` → `{"now", "offset_seconds"}`;
//! - `POST /__emulator/clock/advance` with `{"seconds": N}` moves the clock forward;
//! - `PUT /__emulator/rbac/policy` with `{"resources", "roles", "scopes"}` sets the project's
//!   own RBAC policy ([`Emulator::set_rbac_policy`] in Rust).
//!
//! Endpoints that consume credentials Stytch gets from elsewhere take them from hooks:
//! [`Emulator::issue_access_token`] (sessions/exchange_access_token),
//! [`Emulator::register_trusted_auth_token`] (sessions/attest),
//! [`Emulator::register_external_session`] (sessions/migrate),
//! [`Emulator::set_provider_tokens`] (members' OAuth / OIDC provider tokens),
//! [`Emulator::authorize_connected_app`] (connected apps),
//! [`Emulator::complete_email_update`] (finishing start_email_update).
//!
//! # The binary
//!
//! `stytch-emulator --port 8080` serves the same API for other languages and prints
//! `STYTCH_BASE_URL=…`, `STYTCH_PROJECT_ID=…`, `STYTCH_SECRET=…` lines on stdout, then
//! `STYTCH_EMULATOR_READY=1`, and logs one line per request on stderr (`--log LEVEL`; method,
//! path template, status, latency, request id; never bodies). In process, the same lines are
//! `tracing` events with target [`REQUEST_LOG_TARGET`]. `--help` lists the settings.

#![warn(missing_docs)]

mod app;
mod auth_flow;
mod clock;
mod config;
mod discovery;
mod emulator;
mod errors;
mod handlers;
mod hashing;
mod ids;
mod jwt;
mod mfa;
mod one_time;
mod outbox;
pub mod policy;
mod render;
mod request;
mod request_log;
pub mod routes;
mod server;
mod sessions;
mod store;
mod strength;
// Organizations, members and RBAC (issue 13).
mod authorization;
pub mod providers;
pub mod rbac;
mod search;

pub use clock::{Clock, MAX_CLOCK_OFFSET};
pub use config::{DEFAULT_BREACHED_PASSWORDS, HashingCost, StrengthPolicy};
pub use emulator::{Emulator, EmulatorBuilder};
pub use outbox::{MessageKind, OutboxMessage};
pub use providers::{ConnectedApp, Provider, ProviderTokens};
pub use rbac::{RbacPermission, RbacPolicy, RbacResource, RbacRole, RbacScope};
pub use request_log::REQUEST_LOG_TARGET;
pub use server::EMULATOR_PREFIX;

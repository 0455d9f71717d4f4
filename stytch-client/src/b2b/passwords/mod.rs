//! The B2B Passwords API: strength checks, hash migration, login, and the email, session and
//! existing-password reset flows, plus their cross-organization ([`discovery`]) versions.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::OrganizationId;
//! use stytch_client::b2b::passwords::{Authenticate, StrengthCheck};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//!
//! let strength = client
//!     .send(StrengthCheck::new("correct horse battery staple").email_address("ada@example.com"))
//!     .await?;
//! if !strength.valid_password {
//!     println!("too weak: {:?}", strength.zxcvbn_feedback);
//! }
//!
//! let login = client
//!     .send(
//!         Authenticate::new(
//!             OrganizationId::new("organization-test-..."),
//!             "ada@example.com",
//!             "correct horse battery staple",
//!         )
//!         .session_duration_minutes(60),
//!     )
//!     .await?;
//! if login.member_authenticated {
//!     // Store `login.session_token` in a cookie; it prints as *** in logs.
//!     println!("logged in: {:?}", login.session_token);
//! } else {
//!     // MFA (or another primary factor) is needed: keep the intermediate session token.
//!     println!("MFA required: {:?}", login.mfa_required);
//! }
//! # Ok(())
//! # }
//! ```

mod authenticate;
mod migrate;
mod strength_check;

pub mod discovery;
pub mod email;
pub mod existing_password;
pub mod sessions;

pub use authenticate::{Authenticate, AuthenticateResponse};
pub use migrate::{Migrate, MigrateResponse};
pub use strength_check::{StrengthCheck, StrengthCheckResponse};

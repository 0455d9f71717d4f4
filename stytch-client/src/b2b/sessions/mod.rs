//! Member sessions: authenticate, list, revoke, exchange between organizations, migrate and
//! attest, and the JWKS that signs session JWTs.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::{AuthorizationCheck, OrganizationId};
//! use stytch_client::b2b::sessions::{Authenticate, Revoke};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let session = client
//!     .send(
//!         Authenticate::new()
//!             .session_token("mst_...")
//!             .session_duration_minutes(60)
//!             .authorization_check(AuthorizationCheck::new(
//!                 OrganizationId::new("organization-test-..."),
//!                 "documents",
//!                 "read",
//!             )),
//!     )
//!     .await?;
//! println!("{} until {}", session.member.email_address, session.member_session.expires_at);
//!
//! client.send(Revoke::new().member_session_id(session.member_session.member_session_id)).await?;
//! # Ok(())
//! # }
//! ```

mod attest;
mod authenticate;
mod exchange;
mod exchange_access_token;
mod get;
mod get_jwks;
mod migrate;
mod revoke;

pub use attest::{Attest, AttestResponse};
pub use authenticate::{Authenticate, AuthenticateResponse};
pub use exchange::{Exchange, ExchangeResponse};
pub use exchange_access_token::{ExchangeAccessToken, ExchangeAccessTokenResponse};
pub use get::{Get, GetResponse};
pub use get_jwks::{GetJwks, GetJwksResponse};
pub use migrate::{Migrate, MigrateResponse};
pub use revoke::{Revoke, RevokeResponse};

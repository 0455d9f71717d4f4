//! Cross-organization passwords: log in or reset a password by email alone, then pick an
//! organization with [`b2b::discovery`](crate::b2b::discovery).
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::discovery::intermediate_sessions::Exchange;
//! use stytch_client::b2b::passwords::discovery::Authenticate;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let discovered = client
//!     .send(Authenticate::new("ada@example.com", "correct horse battery staple"))
//!     .await?;
//! for found in &discovered.discovered_organizations {
//!     if let Some(organization) = &found.organization {
//!         println!("{} ({})", organization.organization_name, organization.organization_id);
//!     }
//! }
//! if let Some(organization) = discovered
//!     .discovered_organizations
//!     .iter()
//!     .find_map(|found| found.organization.as_ref())
//! {
//!     let session = client
//!         .send(Exchange::new(
//!             &organization.organization_id,
//!             discovered.intermediate_session_token.clone(),
//!         ))
//!         .await?;
//!     println!("member authenticated: {}", session.member_authenticated);
//! }
//! # Ok(())
//! # }
//! ```

mod authenticate;

pub mod email;

pub use authenticate::{Authenticate, AuthenticateResponse};

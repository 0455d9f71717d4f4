//! RBAC: the project's policy ([`Policy`]) and the roles of one organization
//! ([`organizations`]).
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::rbac::Policy;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let response = client.send(Policy::new()).await?;
//! for role in response.policy.map(|p| p.roles).unwrap_or_default() {
//!     println!("{}: {}", role.role_id, role.description);
//! }
//! # Ok(())
//! # }
//! ```

mod policy;

pub mod organizations;

pub use policy::{Policy, PolicyResponse};

//! Organizations: create and fetch them. Members live in [`members`].
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::ConnectedAppsAllowedType;
//! use stytch_client::b2b::organizations::{Create, Get};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let created = client
//!     .send(
//!         Create::new("Acme Inc.")
//!             .organization_slug("acme")
//!             .email_allowed_domains(vec!["acme.com".to_owned()])
//!             .mfa_policy("OPTIONAL")
//!             .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::AllAllowed),
//!     )
//!     .await?;
//! let fetched = client
//!     .send(Get::new(&created.organization.organization_id))
//!     .await?;
//! println!("{}", fetched.organization.organization_slug);
//! # Ok(())
//! # }
//! ```

mod create;
mod get;

pub mod members;

pub use create::{Create, CreateResponse};
pub use get::{Get, GetResponse};

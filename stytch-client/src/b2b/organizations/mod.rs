//! Organizations: create, fetch, update, search and delete them, count their members, and list
//! the connected apps their members use. Members live in [`members`].
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

mod connected_apps;
mod delete;
mod delete_external_id;
mod get_connected_app;
mod metrics;
mod search;
mod update;

pub mod members;

pub use create::{Create, CreateResponse};
pub use get::{Get, GetResponse};

pub use connected_apps::{ConnectedApps, ConnectedAppsResponse};
pub use delete::{Delete, DeleteResponse};
pub use delete_external_id::{DeleteExternalId, DeleteExternalIdResponse};
pub use get_connected_app::{GetConnectedApp, GetConnectedAppResponse};
pub use metrics::{Metrics, MetricsResponse};
pub use search::{Search, SearchResponse};
pub use update::{Update, UpdateResponse};

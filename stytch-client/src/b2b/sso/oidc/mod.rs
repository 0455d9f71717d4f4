//! OIDC connections: create one, then configure it.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::OrganizationId;
//! use stytch_client::b2b::sso::oidc::{CreateConnection, UpdateConnection};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let created = client.send(CreateConnection::new(&organization_id).display_name("Okta")).await?;
//! if let Some(connection) = created.connection {
//!     client
//!         .send(
//!             UpdateConnection::new(&organization_id, &connection.connection_id)
//!                 .issuer("https://acme.okta.com")
//!                 .client_id("0oa...")
//!                 .client_secret("..."),
//!         )
//!         .await?;
//! }
//! # Ok(())
//! # }
//! ```

mod create_connection;
mod update_connection;

pub use create_connection::{CreateConnection, CreateConnectionResponse};
pub use update_connection::{UpdateConnection, UpdateConnectionResponse};

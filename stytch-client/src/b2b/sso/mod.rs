//! SSO: an organization's SAML ([`saml`]), OIDC ([`oidc`]) and external ([`external`])
//! connections, listing and deleting them, and completing an SSO login.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::{OrganizationId, SsoIdentityProvider};
//! use stytch_client::b2b::sso::{GetConnections, saml};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let created = client
//!     .send(
//!         saml::CreateConnection::new(&organization_id)
//!             .display_name("Okta")
//!             .identity_provider(SsoIdentityProvider::Okta),
//!     )
//!     .await?;
//! if let Some(connection) = created.connection {
//!     client
//!         .send(
//!             saml::UpdateByUrl::new(
//!                 &organization_id,
//!                 &connection.connection_id,
//!                 "https://idp.example.com/metadata",
//!             ),
//!         )
//!         .await?;
//! }
//! let all = client.send(GetConnections::new(&organization_id)).await?;
//! println!("{} SAML connections", all.saml_connections.len());
//! # Ok(())
//! # }
//! ```

mod authenticate;
mod delete_connection;
mod get_connections;

pub mod external;
pub mod oidc;
pub mod saml;

pub use authenticate::{Authenticate, AuthenticateResponse};
pub use delete_connection::{DeleteConnection, DeleteConnectionResponse};
pub use get_connections::{GetConnections, GetConnectionsResponse};

//! External SSO connections: an organization logging its members in through another
//! organization's connection.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::{ConnectionId, OrganizationId, SamlConnectionImplicitRoleAssignment};
//! use stytch_client::b2b::sso::external::CreateConnection;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let created = client
//!     .send(
//!         CreateConnection::new(
//!             OrganizationId::new("organization-test-subsidiary"),
//!             OrganizationId::new("organization-test-parent"),
//!             ConnectionId::new("saml-connection-test-..."),
//!         )
//!         .connection_implicit_role_assignments(vec![SamlConnectionImplicitRoleAssignment::new(
//!             "stytch_member",
//!         )]),
//!     )
//!     .await?;
//! println!("{:?}", created.connection.map(|c| c.connection_id));
//! # Ok(())
//! # }
//! ```

mod create_connection;
mod update_connection;

pub use create_connection::{CreateConnection, CreateConnectionResponse};
pub use update_connection::{UpdateConnection, UpdateConnectionResponse};

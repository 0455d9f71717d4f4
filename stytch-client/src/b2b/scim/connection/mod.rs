//! An organization's SCIM connection: create, fetch, update and delete it, list the groups its
//! identity provider pushed, and rotate its bearer token.
//!
//! ```no_run
//! use stytch_client::{Client, ExposeSecret};
//! use stytch_client::b2b::models::{OrganizationId, ScimIdentityProvider};
//! use stytch_client::b2b::scim::connection::{Create, RotateComplete, RotateStart};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let created = client
//!     .send(Create::new(&organization_id).identity_provider(ScimIdentityProvider::Okta))
//!     .await?;
//! let Some(connection) = created.connection else { return Ok(()) };
//! // Shown once: configure it at the identity provider now.
//! let _token = connection.bearer_token.expose_secret();
//!
//! // Later: rotate it without downtime.
//! let rotating = client.send(RotateStart::new(&organization_id, &connection.connection_id)).await?;
//! // ... configure rotating.connection's next_bearer_token at the identity provider, then:
//! client.send(RotateComplete::new(&organization_id, &connection.connection_id)).await?;
//! # let _ = rotating;
//! # Ok(())
//! # }
//! ```

mod create;
mod delete;
mod get;
mod get_groups;
mod rotate_cancel;
mod rotate_complete;
mod rotate_start;
mod update;

pub use create::{Create, CreateResponse};
pub use delete::{Delete, DeleteResponse};
pub use get::{Get, GetResponse};
pub use get_groups::{GetGroups, GetGroupsResponse};
pub use rotate_cancel::{RotateCancel, RotateCancelResponse};
pub use rotate_complete::{RotateComplete, RotateCompleteResponse};
pub use rotate_start::{RotateStart, RotateStartResponse};
pub use update::{Update, UpdateResponse};

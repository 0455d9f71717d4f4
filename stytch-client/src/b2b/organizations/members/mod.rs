//! Members of an organization: create and fetch them.
//!
//! ```no_run
//! use stytch_client::{Authorization, Client};
//! use stytch_client::b2b::models::OrganizationId;
//! use stytch_client::b2b::organizations::members::{Create, Get};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let created = client
//!     .send(
//!         Create::new(&organization_id, "ada@example.com")
//!             .name("Ada Lovelace")
//!             .roles(vec!["stytch_member".to_owned()])
//!             // Act with an admin's RBAC permissions instead of the project's.
//!             .authorization(Authorization::session_token("mst_...")),
//!     )
//!     .await?;
//! let fetched = client
//!     .send(Get::new(&organization_id).member_id(created.member_id))
//!     .await?;
//! println!("{} is {}", fetched.member.email_address, fetched.member.status);
//! # Ok(())
//! # }
//! ```

mod create;
mod get;

pub use create::{Create, CreateResponse};
pub use get::{Get, GetResponse};

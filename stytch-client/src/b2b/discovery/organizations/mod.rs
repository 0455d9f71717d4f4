//! Organizations reachable from a discovery flow: list them, or create a new one.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::discovery::organizations::List;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let listed = client.send(List::new().session_jwt("eyJ...")).await?;
//! println!("{} can enter {} organizations", listed.email_address,
//! listed.discovered_organizations.len());
//! # Ok(())
//! # }
//! ```

mod create;
mod list;

pub use create::{Create, CreateResponse};
pub use list::{List, ListResponse};

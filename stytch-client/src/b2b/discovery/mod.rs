//! Discovery: list the organizations an intermediate session can enter, create one, or exchange
//! the intermediate session for a session in one of them.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::discovery::{intermediate_sessions, organizations};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let ist = "ist_..."; // from passwords::discovery::Authenticate, for example
//! let listed = client
//!     .send(organizations::List::new().intermediate_session_token(ist))
//!     .await?;
//! let session = match listed.discovered_organizations.first().and_then(|d|
//! d.organization.as_ref()) {
//!     Some(organization) => {
//!         let exchange = intermediate_sessions::Exchange::new(&organization.organization_id, ist);
//!         client.send(exchange).await?.session_token
//!     }
//!     None => {
//!         let create = organizations::Create::new(ist).organization_name("Acme Inc.");
//!         client.send(create).await?.session_token
//!     }
//! };
//! println!("session: {session:?}"); // prints ***
//! # Ok(())
//! # }
//! ```

pub mod intermediate_sessions;
pub mod organizations;

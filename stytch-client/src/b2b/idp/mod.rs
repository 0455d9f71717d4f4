//! The identity provider Stytch runs for connected apps: the OAuth authorization endpoints
//! ([`oauth`]), token introspection ([`IntrospectTokenNetwork`]), and the JWKS that signs its
//! access tokens ([`GetJwks`]).
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::idp::IntrospectTokenNetwork;
//! use stytch_client::b2b::models::ConnectedAppId;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let response = client
//!     .send(IntrospectTokenNetwork::new(
//!         "project-test-...",
//!         ConnectedAppId::new("connected-app-test-..."),
//!         "eyJ...",
//!     ))
//!     .await?;
//! if response.active {
//!     println!("scopes: {}", response.scope.unwrap_or_default());
//! }
//! # Ok(())
//! # }
//! ```

mod introspect_token_network;

pub mod oauth;

/// Ruby's `idp.get_jwks`: the same call as [`sessions::GetJwks`](crate::b2b::sessions::GetJwks)
/// (`GET /v1/b2b/sessions/jwks/{project_id}`), whose keys also sign connected-app access tokens.
pub use crate::b2b::sessions::{GetJwks, GetJwksResponse};
pub use introspect_token_network::{IntrospectTokenNetwork, IntrospectTokenNetworkResponse};

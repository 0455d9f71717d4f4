//! The OAuth authorization endpoints of the identity provider Stytch runs for connected apps:
//! check a request and show consent ([`AuthorizeStart`]), then complete it ([`Authorize`]).
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::idp::oauth::{Authorize, AuthorizeStart};
//! use stytch_client::b2b::models::{ConnectedAppId, IdpResponseType};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let app = ConnectedAppId::new("connected-app-test-...");
//! let scopes = vec!["openid".to_owned(), "read:documents".to_owned()];
//! let start = client
//!     .send(
//!         AuthorizeStart::new(&app, "https://app.example.com/callback", IdpResponseType::Code, scopes.clone())
//!             .session_token("mst_..."),
//!     )
//!     .await?;
//! // ... show start.client and start.scope_results on a consent screen, then:
//! let done = client
//!     .send(
//!         Authorize::new(&app, true, scopes, "https://app.example.com/callback", IdpResponseType::Code)
//!             .session_token("mst_...")
//!             .state("xyz"),
//!     )
//!     .await?;
//! # let _ = (start, done);
//! # Ok(())
//! # }
//! ```

mod authorize;
mod authorize_start;

pub use authorize::{Authorize, AuthorizeResponse};
pub use authorize_start::{AuthorizeStart, AuthorizeStartResponse};

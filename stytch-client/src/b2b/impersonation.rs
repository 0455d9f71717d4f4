//! The B2B Impersonation API: log in as a member with a token minted in the Stytch Dashboard
//! ("Impersonate Member"), for support staff. The session lasts 60 minutes and cannot be
//! extended; its factor records who impersonated.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::impersonation::Authenticate;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let session = client.send(Authenticate::new("token-from-the-dashboard")).await?;
//! println!("acting as {}", session.member.email_address);
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::OrganizationId;
use crate::b2b::models::member_auth_response;
use crate::{Secret, endpoint};

/// Logs in as a member with a single-use impersonation token.
///
/// `POST /v1/b2b/impersonation/authenticate`; official SDKs: Ruby `impersonation.authenticate`,
/// Node `impersonation.authenticate`, Python `impersonation.authenticate`.
#[endpoint(POST, "/v1/b2b/impersonation/authenticate")]
pub struct Authenticate {
    /// The impersonation token from the Stytch Dashboard.
    pub impersonation_token: Secret<String>,
}

member_auth_response! {
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
        /// The organization's id.
        pub organization_id: OrganizationId,
    }
}

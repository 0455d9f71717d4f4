//! The B2B Email Magic Links API: [`email::LoginOrSignup`] and [`email::Invite`] email a link for
//! one organization, [`Authenticate`] logs the member in with the link's token; the
//! [`discovery`] and [`email::discovery`] versions work across organizations.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::magic_links::Authenticate;
//! use stytch_client::b2b::magic_links::email::LoginOrSignup;
//! use stytch_client::b2b::models::OrganizationId;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let sent = client
//!     .send(
//!         LoginOrSignup::new(&organization_id, "ada@example.com")
//!             .login_redirect_url("https://example.com/authenticate"),
//!     )
//!     .await?;
//! println!("link sent to {} (new member: {})", sent.member.email_address, sent.member_created);
//!
//! // Later, with the `token` query parameter of the emailed link:
//! let login = client
//!     .send(Authenticate::new("token-from-the-link").session_duration_minutes(60))
//!     .await?;
//! if login.member_authenticated {
//!     // Store `login.session_token` in a cookie; it prints as *** in logs.
//!     println!("logged in: {:?}", login.session_token);
//! } else {
//!     // MFA is needed: keep the intermediate session token for the OTP or TOTP step.
//!     println!("MFA required: {:?}", login.mfa_required);
//! }
//! # Ok(())
//! # }
//! ```

mod authenticate;

pub mod discovery;
pub mod email;

pub use authenticate::{Authenticate, AuthenticateResponse};

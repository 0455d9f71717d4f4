//! Sending email magic links: [`LoginOrSignup`] emails a login or signup link for one
//! organization, [`Invite`] invites a new member; [`discovery::Send`] emails a link that works
//! across organizations. The links' tokens are authenticated with
//! [`magic_links::Authenticate`](crate::b2b::magic_links::Authenticate) and
//! [`magic_links::discovery::Authenticate`](crate::b2b::magic_links::discovery::Authenticate).
//!
//! ```no_run
//! use stytch_client::{Authorization, Client};
//! use stytch_client::b2b::magic_links::email::Invite;
//! use stytch_client::b2b::models::{OrganizationId, PasswordsLocale};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! // An admin inviting a colleague, with their own RBAC permissions:
//! let invited = client
//!     .send(
//!         Invite::new(&organization_id, "grace@example.com")
//!             .name("Grace Hopper")
//!             .roles(vec!["stytch_admin".to_owned()])
//!             .locale(PasswordsLocale::Fr)
//!             .authorization(Authorization::session_jwt("eyJ...")),
//!     )
//!     .await?;
//! println!("invited {} ({})", invited.member.email_address, invited.member.status);
//! # Ok(())
//! # }
//! ```

mod invite;
mod login_or_signup;

pub mod discovery;

pub use invite::{Invite, InviteResponse};
pub use login_or_signup::{LoginOrSignup, LoginOrSignupResponse};

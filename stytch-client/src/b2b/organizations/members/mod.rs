//! Members of an organization: create, fetch, update, search, delete and reactivate them, manage
//! their MFA factors, passwords, email addresses and external ids, and read the tokens Stytch
//! holds for them at OIDC ([`OidcProviders`]) and OAuth ([`oauth_providers`]) providers and the
//! connected apps they authorized ([`GetConnectedApps`], [`connected_apps`]).
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

mod dangerously_get;
mod delete;
mod delete_external_id;
mod delete_mfa_phone_number;
mod delete_password;
mod delete_totp;
mod get_connected_apps;
mod oidc_providers;
mod reactivate;
mod search;
mod start_email_update;
mod unlink_retired_email;
mod update;

pub mod connected_apps;
pub mod oauth_providers;

pub use create::{Create, CreateResponse};
pub use get::{Get, GetResponse};

pub use dangerously_get::DangerouslyGet;
pub use delete::{Delete, DeleteResponse};
pub use delete_external_id::{DeleteExternalId, DeleteExternalIdResponse};
pub use delete_mfa_phone_number::{DeleteMfaPhoneNumber, DeleteMfaPhoneNumberResponse};
pub use delete_password::{DeletePassword, DeletePasswordResponse};
pub use delete_totp::{DeleteTotp, DeleteTotpResponse};
pub use get_connected_apps::{GetConnectedApps, GetConnectedAppsResponse};
pub use oidc_providers::{OidcProviders, OidcProvidersResponse};
pub use reactivate::{Reactivate, ReactivateResponse};
pub use search::{Search, SearchResponse};
pub use start_email_update::{StartEmailUpdate, StartEmailUpdateResponse};
pub use unlink_retired_email::{UnlinkRetiredEmail, UnlinkRetiredEmailResponse};
pub use update::{Update, UpdateResponse};

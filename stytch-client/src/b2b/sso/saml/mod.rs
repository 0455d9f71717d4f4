//! SAML connections: create one, configure it (by hand or from the IdP's metadata URL), and delete
//! its certificates and encryption keys.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::{OrganizationId, SamlGroupImplicitRoleAssignment};
//! use stytch_client::b2b::sso::saml::{CreateConnection, UpdateConnection};
//! use stytch_client::b2b::models::JsonObject;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let created = client.send(CreateConnection::new(&organization_id).display_name("Okta")).await?;
//! let Some(connection) = created.connection else { return Ok(()) };
//! let mut mapping = JsonObject::new();
//! mapping.insert("email".into(), "email".into());
//! mapping.insert("full_name".into(), "name".into());
//! client
//!     .send(
//!         UpdateConnection::new(&organization_id, &connection.connection_id)
//!             .idp_entity_id("http://www.okta.com/exk...")
//!             .idp_sso_url("https://acme.okta.com/app/.../sso/saml")
//!             .x509_certificate("-----BEGIN CERTIFICATE-----\n...")
//!             .attribute_mapping(mapping)
//!             .saml_group_implicit_role_assignments(vec![SamlGroupImplicitRoleAssignment::new(
//!                 "stytch_admin",
//!                 "admins",
//!             )]),
//!     )
//!     .await?;
//! # Ok(())
//! # }
//! ```
//!
//! The official SDKs call the metadata-URL update `updateByURL`; here it is [`UpdateByUrl`].

mod create_connection;
mod delete_encryption_private_key;
mod delete_verification_certificate;
mod update_by_url;
mod update_connection;

pub use create_connection::{CreateConnection, CreateConnectionResponse};
pub use delete_encryption_private_key::{DeleteEncryptionPrivateKey, DeleteEncryptionPrivateKeyResponse};
pub use delete_verification_certificate::{
    DeleteVerificationCertificate, DeleteVerificationCertificateResponse,
};
pub use update_by_url::{UpdateByUrl, UpdateByUrlResponse};
pub use update_connection::{UpdateConnection, UpdateConnectionResponse};

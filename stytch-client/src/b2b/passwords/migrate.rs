//! Password hash migration.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    Argon2Config, HashType, JsonObject, Md5Config, Member, MemberId, Organization, OrganizationId,
    Pbkdf2Config, ScryptConfig, Sha1Config, Sha512Config,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Imports a member's password hash from another system, creating the member if needed
/// and marking the email verified. Supports bcrypt, scrypt, Argon2, PBKDF2, MD5, SHA-1,
/// SHA-512 and phpass hashes.
///
/// `POST /v1/b2b/passwords/migrate`; official SDKs: Ruby `passwords.migrate`, Node
/// `passwords.migrate`, Python `passwords.migrate`.
///
/// Arguments come in the catalog's order (ids, identity, secret, the rest):
///
/// ```
/// use stytch_client::b2b::models::{HashType, OrganizationId};
/// use stytch_client::b2b::passwords::Migrate;
///
/// let organization_id = OrganizationId::new("organization-test-...");
/// let request = Migrate::new(&organization_id, "ada@example.com", "$2a$10$...", HashType::Bcrypt);
/// assert_eq!(request.hash_type.as_str(), "bcrypt");
/// ```
///
/// A hash type given as a string does not compile (it used to, and failed at run time):
///
/// ```compile_fail,E0277
/// use stytch_client::b2b::models::{HashType, OrganizationId};
/// use stytch_client::b2b::passwords::Migrate;
///
/// let organization_id = OrganizationId::new("organization-test-...");
/// let request = Migrate::new(&organization_id, "ada@example.com", "$2a$10$...", "bcrypt");
/// ```
///
/// Nor do swapped arguments, such as the email address where the organization id belongs:
///
/// ```compile_fail,E0277
/// use stytch_client::b2b::models::{HashType, OrganizationId};
/// use stytch_client::b2b::passwords::Migrate;
///
/// let organization_id = OrganizationId::new("organization-test-...");
/// let request = Migrate::new("ada@example.com", "$2a$10$...", HashType::Bcrypt, &organization_id);
/// ```
#[endpoint(POST, "/v1/b2b/passwords/migrate")]
pub struct Migrate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's email address; the member is created if missing.
    pub email_address: String,
    /// The existing password hash.
    pub hash: Secret<String>,
    /// The algorithm of `hash`.
    pub hash_type: HashType,
    /// Salts of an MD5 hash.
    pub md_5_config: Option<Md5Config>,
    /// Parameters of an Argon2 hash in hex form.
    pub argon_2_config: Option<Argon2Config>,
    /// Salts of a SHA-1 hash.
    pub sha_1_config: Option<Sha1Config>,
    /// Salts of a SHA-512 hash.
    pub sha_512_config: Option<Sha512Config>,
    /// Parameters of a scrypt hash not in PHC form.
    pub scrypt_config: Option<ScryptConfig>,
    /// Parameters of a PBKDF2 hash.
    pub pbkdf_2_config: Option<Pbkdf2Config>,
    /// The member's name.
    pub name: Option<String>,
    /// Metadata only your backend may write.
    pub trusted_metadata: Option<JsonObject>,
    /// Metadata the member's frontend may write too.
    pub untrusted_metadata: Option<JsonObject>,
    /// Role ids to grant directly.
    pub roles: Option<Vec<String>>,
    /// Keep the member's sessions alive (they are revoked by default).
    pub preserve_existing_sessions: Option<bool>,
    /// Phone number for SMS MFA, E.164 format.
    pub mfa_phone_number: Option<String>,
    /// Mark `mfa_phone_number` as verified.
    pub set_phone_number_verified: Option<bool>,
    /// Your own identifier for the member, unique in the organization.
    pub external_id: Option<String>,
}

/// What [`Migrate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MigrateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// Whether the call created the member (false if it already existed).
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_created: bool,
    /// The migrated member.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! Deleting an encryption private key of a SAML connection.

use crate::b2b::models::{ConnectionId, OrganizationId, PrivateKeyId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Deletes one of the private keys a SAML connection decrypts assertions with.
///
/// `DELETE /v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/encryption_private_keys/{private_key_id}`;
/// official SDKs: Ruby `sso.saml.delete_encryption_private_key`, Node
/// `sso.saml.deleteEncryptionPrivateKey`, Python `sso.saml.delete_encryption_private_key`.
// One line although long: the catalog's declaration check reads `#[endpoint(..)]` line by line.
#[rustfmt::skip]
#[endpoint(DELETE, "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/encryption_private_keys/{private_key_id}")]
pub struct DeleteEncryptionPrivateKey {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SAML connection.
    pub connection_id: ConnectionId,
    /// The private key to delete.
    pub private_key_id: PrivateKeyId,
    /// Act with this member's RBAC permissions on `stytch.sso`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteEncryptionPrivateKey`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteEncryptionPrivateKeyResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The deleted key's id.
    pub private_key_id: PrivateKeyId,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

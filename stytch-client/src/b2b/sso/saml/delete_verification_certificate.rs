//! Deleting an IdP certificate of a SAML connection.

use crate::b2b::models::{CertificateId, ConnectionId, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Deletes one of the IdP certificates a SAML connection verifies assertions with (an active
/// connection must keep one).
///
/// `DELETE /v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/verification_certificates/{certificate_id}`;
/// official SDKs: Ruby `sso.saml.delete_verification_certificate`, Node
/// `sso.saml.deleteVerificationCertificate`, Python `sso.saml.delete_verification_certificate`.
// One line although long: the catalog's declaration check reads `#[endpoint(..)]` line by line.
#[rustfmt::skip]
#[endpoint(DELETE, "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/verification_certificates/{certificate_id}")]
pub struct DeleteVerificationCertificate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SAML connection.
    pub connection_id: ConnectionId,
    /// The certificate to delete.
    pub certificate_id: CertificateId,
    /// Act with this member's RBAC permissions on `stytch.sso`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`DeleteVerificationCertificate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DeleteVerificationCertificateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The deleted certificate's id.
    pub certificate_id: CertificateId,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

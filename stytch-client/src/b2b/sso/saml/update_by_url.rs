//! Configuring a SAML connection from the IdP's metadata.

use crate::b2b::models::{ConnectionId, OrganizationId, SamlConnection};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Configures a SAML connection from the IdP's metadata URL: Stytch downloads it and sets the
/// IdP's SSO URL, entity id and certificate. The attribute mapping still needs
/// [`UpdateConnection`](super::UpdateConnection).
///
/// `PUT /v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/url`; official SDKs: Ruby
/// `sso.saml.update_by_url`, Node `sso.saml.updateByURL`, Python `sso.saml.update_by_url`.
#[endpoint(PUT, "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/url")]
pub struct UpdateByUrl {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection to update.
    pub connection_id: ConnectionId,
    /// The URL of the IdP's SAML metadata.
    pub metadata_url: String,
    /// Act with this member's RBAC permissions on `stytch.sso`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`UpdateByUrl`] returns.
///
/// `UpdateByURLResponse` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UpdateByUrlResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The updated connection.
    #[serde(default)]
    pub connection: Option<SamlConnection>,
}

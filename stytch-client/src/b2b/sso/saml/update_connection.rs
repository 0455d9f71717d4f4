//! Configuring a SAML connection.

use crate::b2b::models::{
    ConnectionId, JsonObject, OrganizationId, SamlConnection, SamlConnectionImplicitRoleAssignment,
    SamlGroupImplicitRoleAssignment, SsoIdentityProvider,
};
use crate::{Authorization, Secret, endpoint};
use serde::Deserialize;

/// Updates a SAML connection. It becomes active once `idp_sso_url`, `idp_entity_id`,
/// `attribute_mapping` and an `x509_certificate` are set.
///
/// `PUT /v1/b2b/sso/saml/{organization_id}/connections/{connection_id}`; official SDKs: Ruby
/// `sso.saml.update_connection`, Node `sso.saml.updateConnection`, Python
/// `sso.saml.update_connection`.
#[endpoint(PUT, "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}")]
pub struct UpdateConnection {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The connection to update.
    pub connection_id: ConnectionId,
    /// The IdP's entity id (issuer).
    pub idp_entity_id: Option<String>,
    /// The connection's human-readable name.
    pub display_name: Option<String>,
    /// Which SAML attributes fill which member fields: `email`, and `full_name` or `first_name`
    /// and `last_name`.
    pub attribute_mapping: Option<JsonObject>,
    /// An IdP certificate (PEM) to add to the verification certificates (at most five).
    pub x509_certificate: Option<String>,
    /// The IdP's single sign-on URL.
    pub idp_sso_url: Option<String>,
    /// Roles to grant every member who logs in through the connection (replaces the list).
    pub saml_connection_implicit_role_assignments: Option<Vec<SamlConnectionImplicitRoleAssignment>>,
    /// Roles to grant the members of IdP groups (replaces the list).
    pub saml_group_implicit_role_assignments: Option<Vec<SamlGroupImplicitRoleAssignment>>,
    /// An audience URI to use instead of Stytch's.
    pub alternative_audience_uri: Option<String>,
    /// The identity provider.
    pub identity_provider: Option<SsoIdentityProvider>,
    /// A PKCS#1 RSA private key (PEM) Stytch signs requests with instead of its own.
    pub signing_private_key: Option<Secret<String>>,
    /// The NameID format, `urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress` by default.
    pub nameid_format: Option<String>,
    /// An ACS URL to use instead of Stytch's.
    pub alternative_acs_url: Option<String>,
    /// Refuse IdP-initiated logins.
    pub idp_initiated_auth_disabled: Option<bool>,
    /// A PKCS#1 RSA private key (PEM) to decrypt encrypted assertions with.
    pub saml_encryption_private_key: Option<Secret<String>>,
    /// Allow the gateway callback.
    pub allow_gateway_callback: Option<bool>,
    /// Act with this member's RBAC permissions on `stytch.sso`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`UpdateConnection`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UpdateConnectionResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The updated connection.
    #[serde(default)]
    pub connection: Option<SamlConnection>,
}

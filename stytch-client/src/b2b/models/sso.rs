//! SSO connections (SAML, OIDC, external), their certificates and keys, and the roles they grant.

use super::de::null_as_default;
use super::string_enum::string_enum;
use super::{CertificateId, ConnectionId, JsonObject, OrganizationId, PrivateKeyId};
use crate::Secret;
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// A SAML connection of an organization.
///
/// `SAMLConnection` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SamlConnection {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The connection's id, `saml-connection-test-...`.
    pub connection_id: ConnectionId,
    /// `pending` until the IdP settings and a certificate are set, then `active`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// The IdP's entity id (issuer; empty until set).
    pub idp_entity_id: String,
    /// The connection's human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The IdP's single sign-on URL.
    #[serde(default, deserialize_with = "null_as_default")]
    pub idp_sso_url: String,
    /// Stytch's assertion consumer service URL to configure at the IdP.
    #[serde(default, deserialize_with = "null_as_default")]
    pub acs_url: String,
    /// Stytch's audience URI (SP entity id) to configure at the IdP.
    #[serde(default, deserialize_with = "null_as_default")]
    pub audience_uri: String,
    /// Certificates Stytch signs its requests with.
    #[serde(default, deserialize_with = "null_as_default")]
    pub signing_certificates: Vec<X509Certificate>,
    /// IdP certificates Stytch verifies assertions with.
    #[serde(default, deserialize_with = "null_as_default")]
    pub verification_certificates: Vec<X509Certificate>,
    /// Private keys Stytch decrypts encrypted assertions with.
    #[serde(default, deserialize_with = "null_as_default")]
    pub encryption_private_keys: Vec<EncryptionPrivateKey>,
    /// Roles granted to every member who logs in through the connection.
    #[serde(default, deserialize_with = "null_as_default")]
    pub saml_connection_implicit_role_assignments: Vec<SamlConnectionImplicitRoleAssignment>,
    /// Roles granted to members of an IdP group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub saml_group_implicit_role_assignments: Vec<SamlGroupImplicitRoleAssignment>,
    /// An audience URI used instead of `audience_uri` (empty when unset).
    #[serde(default, deserialize_with = "null_as_default")]
    pub alternative_audience_uri: String,
    /// The identity provider, e.g. `okta` (the values of [`SsoIdentityProvider`]).
    #[serde(default, deserialize_with = "null_as_default")]
    pub identity_provider: String,
    /// The NameID format, `urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress` by default.
    #[serde(default, deserialize_with = "null_as_default")]
    pub nameid_format: String,
    /// An ACS URL used instead of `acs_url` (empty when unset).
    #[serde(default, deserialize_with = "null_as_default")]
    pub alternative_acs_url: String,
    /// Whether IdP-initiated logins are refused.
    #[serde(default, deserialize_with = "null_as_default")]
    pub idp_initiated_auth_disabled: bool,
    /// Whether the connection may use the gateway callback.
    #[serde(default, deserialize_with = "null_as_default")]
    pub allow_gateway_callback: bool,
    /// Which SAML attributes fill which member fields (`email`, `full_name`, ...).
    #[serde(default)]
    pub attribute_mapping: Option<JsonObject>,
}

/// An OIDC connection of an organization.
///
/// `OIDCConnection` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OidcConnection {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The connection's id, `oidc-connection-test-...`.
    pub connection_id: ConnectionId,
    /// `pending` until the issuer, client and URLs are set, then `active`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// The connection's human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// Stytch's callback URL to register at the IdP.
    #[serde(default, deserialize_with = "null_as_default")]
    pub redirect_url: String,
    /// The OAuth client id registered at the IdP (empty until set).
    pub client_id: String,
    /// The OAuth client secret registered at the IdP (empty until set).
    #[serde(default, deserialize_with = "null_as_default")]
    pub client_secret: Secret<String>,
    /// The IdP's issuer URL.
    #[serde(default, deserialize_with = "null_as_default")]
    pub issuer: String,
    /// The IdP's authorization endpoint.
    #[serde(default, deserialize_with = "null_as_default")]
    pub authorization_url: String,
    /// The IdP's token endpoint.
    #[serde(default, deserialize_with = "null_as_default")]
    pub token_url: String,
    /// The IdP's userinfo endpoint.
    #[serde(default, deserialize_with = "null_as_default")]
    pub userinfo_url: String,
    /// The IdP's JWKS URL.
    #[serde(default, deserialize_with = "null_as_default")]
    pub jwks_url: String,
    /// The identity provider, e.g. `okta` (the values of [`SsoIdentityProvider`]).
    #[serde(default, deserialize_with = "null_as_default")]
    pub identity_provider: String,
    /// Space-separated scopes requested instead of `openid email profile` (empty for those).
    #[serde(default, deserialize_with = "null_as_default")]
    pub custom_scopes: String,
    /// Which claims fill which member fields.
    #[serde(default)]
    pub attribute_mapping: Option<JsonObject>,
}

/// An external SSO connection: an organization's use of another organization's SAML or OIDC
/// connection in the same project.
///
/// `Connection` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ExternalConnection {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The external connection's own id.
    pub connection_id: ConnectionId,
    /// The organization that owns the underlying connection.
    pub external_organization_id: OrganizationId,
    /// The underlying SAML or OIDC connection.
    pub external_connection_id: ConnectionId,
    /// The connection's human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The connection's status, e.g. `active`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// Roles granted to every member who logs in through the connection.
    #[serde(default, deserialize_with = "null_as_default")]
    pub external_connection_implicit_role_assignments: Vec<ConnectionImplicitRoleAssignment>,
    /// Roles granted to members of an IdP group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub external_group_implicit_role_assignments: Vec<GroupImplicitRoleAssignment>,
}

/// An X.509 certificate of a SAML connection.
///
/// `X509Certificate` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct X509Certificate {
    /// The certificate's id.
    pub certificate_id: CertificateId,
    /// The certificate, PEM encoded.
    #[serde(default, deserialize_with = "null_as_default")]
    pub certificate: String,
    /// The certificate's issuer.
    #[serde(default, deserialize_with = "null_as_default")]
    pub issuer: String,
    /// When it was added.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub expires_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// A private key a SAML connection decrypts assertions with.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct EncryptionPrivateKey {
    /// The key's id.
    pub private_key_id: PrivateKeyId,
    /// The private key.
    #[serde(default, deserialize_with = "null_as_default")]
    pub private_key: Secret<String>,
    /// When it was added.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub created_at: Option<DateTime<Utc>>,
}

/// A role granted to every member who logs in through an SSO connection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ConnectionImplicitRoleAssignment {
    /// The role granted.
    pub role_id: String,
}

impl ConnectionImplicitRoleAssignment {
    /// Creates it from the role's id.
    pub fn new(role_id: impl Into<String>) -> Self {
        Self {
            role_id: role_id.into(),
        }
    }
}

/// A role granted to the members of one IdP group who log in through an SSO connection.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupImplicitRoleAssignment {
    /// The role granted.
    pub role_id: String,
    /// The IdP group whose members get the role.
    #[serde(default, deserialize_with = "null_as_default")]
    pub group: String,
}

impl GroupImplicitRoleAssignment {
    /// Creates it from every field.
    pub fn new(role_id: impl Into<String>, group: impl Into<String>) -> Self {
        Self {
            role_id: role_id.into(),
            group: group.into(),
        }
    }
}

/// `SAMLConnectionImplicitRoleAssignment` in the official SDKs: a
/// [`ConnectionImplicitRoleAssignment`].
pub type SamlConnectionImplicitRoleAssignment = ConnectionImplicitRoleAssignment;

/// `SAMLGroupImplicitRoleAssignment` in the official SDKs: a [`GroupImplicitRoleAssignment`].
pub type SamlGroupImplicitRoleAssignment = GroupImplicitRoleAssignment;

string_enum! {
    /// The identity provider behind a SAML or OIDC connection.
    ///
    /// Sent when creating or updating connections; the connections report it as a plain string.
    /// `CreateConnectionRequestIdentityProvider` / `UpdateConnectionRequestIdentityProvider` in the
    /// official SDKs.
    pub enum SsoIdentityProvider {
        /// ClassLink.
        ClassLink = "classlink",
        /// CyberArk.
        CyberArk = "cyberark",
        /// Duo.
        Duo = "duo",
        /// Any other standards-compliant provider.
        Generic = "generic",
        /// Google Workspace.
        GoogleWorkspace = "google-workspace",
        /// JumpCloud.
        JumpCloud = "jumpcloud",
        /// Keycloak.
        Keycloak = "keycloak",
        /// miniOrange.
        MiniOrange = "miniorange",
        /// Microsoft Entra ID.
        MicrosoftEntra = "microsoft-entra",
        /// Okta.
        Okta = "okta",
        /// OneLogin.
        OneLogin = "onelogin",
        /// PingFederate.
        PingFederate = "pingfederate",
        /// Rippling.
        Rippling = "rippling",
        /// Salesforce.
        Salesforce = "salesforce",
        /// Shibboleth.
        Shibboleth = "shibboleth",
    }
}

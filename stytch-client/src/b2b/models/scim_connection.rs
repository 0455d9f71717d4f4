//! SCIM connections, their bearer tokens, and the groups their identity providers push.

use super::de::null_as_default;
use super::string_enum::string_enum;
use super::{ConnectionId, OrganizationId, ScimGroupId};
use crate::Secret;
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// An organization's SCIM connection, with only the last four characters of its bearer token.
///
/// `SCIMConnection` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimConnection {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// The connection's status, e.g. `active`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// The connection's human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The identity provider, e.g. `okta` (the values of [`ScimIdentityProvider`]).
    #[serde(default, deserialize_with = "null_as_default")]
    pub identity_provider: String,
    /// The SCIM base URL the identity provider calls.
    #[serde(default, deserialize_with = "null_as_default")]
    pub base_url: String,
    /// The last four characters of the bearer token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bearer_token_last_four: String,
    /// Roles granted to members of a SCIM group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scim_group_implicit_role_assignments: Vec<ScimGroupImplicitRoleAssignment>,
    /// The last four characters of the next bearer token (empty unless a rotation is under way).
    #[serde(default, deserialize_with = "null_as_default")]
    pub next_bearer_token_last_four: String,
    /// When the bearer token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub bearer_token_expires_at: Option<DateTime<Utc>>,
    /// When the next bearer token expires, during a rotation.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub next_bearer_token_expires_at: Option<DateTime<Utc>>,
}

/// A new SCIM connection with its whole bearer token, shown this one time only.
///
/// `SCIMConnectionWithToken` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimConnectionWithToken {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// The connection's status, e.g. `active`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// The connection's human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The identity provider, e.g. `okta` (the values of [`ScimIdentityProvider`]).
    #[serde(default, deserialize_with = "null_as_default")]
    pub identity_provider: String,
    /// The SCIM base URL the identity provider calls.
    #[serde(default, deserialize_with = "null_as_default")]
    pub base_url: String,
    /// The bearer token the identity provider authenticates with.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bearer_token: Secret<String>,
    /// Roles granted to members of a SCIM group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scim_group_implicit_role_assignments: Vec<ScimGroupImplicitRoleAssignment>,
    /// When the bearer token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub bearer_token_expires_at: Option<DateTime<Utc>>,
}

/// A SCIM connection during a token rotation, with the whole next bearer token. The current token
/// keeps working until the rotation is completed.
///
/// `SCIMConnectionWithNextToken` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimConnectionWithNextToken {
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// The connection's status, e.g. `active`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// The connection's human-readable name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// The SCIM base URL the identity provider calls.
    #[serde(default, deserialize_with = "null_as_default")]
    pub base_url: String,
    /// The identity provider, e.g. `okta` (the values of [`ScimIdentityProvider`]).
    #[serde(default, deserialize_with = "null_as_default")]
    pub identity_provider: String,
    /// The last four characters of the current bearer token.
    #[serde(default, deserialize_with = "null_as_default")]
    pub bearer_token_last_four: String,
    /// The new bearer token, to configure at the identity provider.
    #[serde(default, deserialize_with = "null_as_default")]
    pub next_bearer_token: Secret<String>,
    /// Roles granted to members of a SCIM group.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scim_group_implicit_role_assignments: Vec<ScimGroupImplicitRoleAssignment>,
    /// When the current bearer token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub bearer_token_expires_at: Option<DateTime<Utc>>,
    /// When the next bearer token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub next_bearer_token_expires_at: Option<DateTime<Utc>>,
}

/// A group a SCIM connection's identity provider pushed.
///
/// `SCIMGroup` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimGroup {
    /// The group's id.
    pub group_id: ScimGroupId,
    /// The group's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub group_name: String,
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The SCIM connection's id.
    pub connection_id: ConnectionId,
}

/// A role granted to the members of one SCIM group.
///
/// `SCIMGroupImplicitRoleAssignments` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScimGroupImplicitRoleAssignment {
    /// The role granted.
    pub role_id: String,
    /// The SCIM group whose members get the role.
    pub group_id: ScimGroupId,
    /// The group's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub group_name: String,
}

impl ScimGroupImplicitRoleAssignment {
    /// Creates it from every field.
    pub fn new(
        role_id: impl Into<String>,
        group_id: impl Into<ScimGroupId>,
        group_name: impl Into<String>,
    ) -> Self {
        Self {
            role_id: role_id.into(),
            group_id: group_id.into(),
            group_name: group_name.into(),
        }
    }
}

/// `SCIMGroupImplicitRoleAssignments` in the official SDKs: a
/// [`ScimGroupImplicitRoleAssignment`].
pub type ScimGroupImplicitRoleAssignments = ScimGroupImplicitRoleAssignment;

string_enum! {
    /// The identity provider behind a SCIM connection.
    ///
    /// Sent when creating or updating a SCIM connection; the connection reports it as a plain
    /// string. `CreateRequestIdentityProvider` / `UpdateRequestIdentityProvider` in the official
    /// SDKs. With `microsoft-entra`, Stytch appends `?aadOptscim062020` to the base URL.
    pub enum ScimIdentityProvider {
        /// Any other SCIM 2.0 provider.
        Generic = "generic",
        /// Okta.
        Okta = "okta",
        /// Microsoft Entra ID.
        MicrosoftEntra = "microsoft-entra",
        /// CyberArk.
        CyberArk = "cyberark",
        /// JumpCloud.
        JumpCloud = "jumpcloud",
        /// OneLogin.
        OneLogin = "onelogin",
        /// PingFederate.
        PingFederate = "pingfederate",
        /// Rippling.
        Rippling = "rippling",
    }
}

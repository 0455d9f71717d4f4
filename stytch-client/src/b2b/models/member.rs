//! Members and their identities.

use super::de::null_as_default;
use super::{
    ConnectionId, EmailId, JsonObject, MemberId, MemberPasswordId, OrganizationId, ScimAttributes, TotpId,
};
use crate::b2b::models::timestamp;
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// A member of an organization.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Member {
    /// The organization the member belongs to.
    pub organization_id: OrganizationId,
    /// The member's id.
    pub member_id: MemberId,
    /// The member's email address.
    pub email_address: String,
    /// Membership status: `active`, `pending`, `invited` or `deleted`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub status: String,
    /// The member's name (empty when unset).
    #[serde(default, deserialize_with = "null_as_default")]
    pub name: String,
    /// The member's SSO identities.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sso_registrations: Vec<SsoRegistration>,
    /// Whether the member may bypass the organization's auth-method restrictions.
    #[serde(default, deserialize_with = "null_as_default")]
    pub is_breakglass: bool,
    /// The id of the member's password (empty when none is set).
    pub member_password_id: MemberPasswordId,
    /// The member's OAuth identities.
    #[serde(default, deserialize_with = "null_as_default")]
    pub oauth_registrations: Vec<OAuthRegistration>,
    /// Whether the email address has been verified.
    #[serde(default, deserialize_with = "null_as_default")]
    pub email_address_verified: bool,
    /// Whether the MFA phone number has been verified.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mfa_phone_number_verified: bool,
    /// Whether the member has the `stytch_admin` role.
    #[serde(default, deserialize_with = "null_as_default")]
    pub is_admin: bool,
    /// The id of the member's TOTP registration (empty when none).
    pub totp_registration_id: TotpId,
    /// Email addresses the member used before.
    #[serde(default, deserialize_with = "null_as_default")]
    pub retired_email_addresses: Vec<RetiredEmail>,
    /// Whether the member is locked out after too many failed attempts.
    #[serde(default, deserialize_with = "null_as_default")]
    pub is_locked: bool,
    /// Whether the member must complete MFA at every login.
    #[serde(default, deserialize_with = "null_as_default")]
    pub mfa_enrolled: bool,
    /// The phone number used for SMS MFA (empty when none).
    #[serde(default, deserialize_with = "null_as_default")]
    pub mfa_phone_number: String,
    /// The MFA method used by default: `sms_otp`, `totp` or empty.
    #[serde(default, deserialize_with = "null_as_default")]
    pub default_mfa_method: String,
    /// The member's roles and why each was granted.
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<MemberRole>,
    /// Metadata only your backend may write.
    #[serde(default)]
    pub trusted_metadata: Option<JsonObject>,
    /// Metadata the member's frontend may write too.
    #[serde(default)]
    pub untrusted_metadata: Option<JsonObject>,
    /// When it was created.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The member's SCIM identity, if provisioned by SCIM.
    #[serde(default)]
    pub scim_registration: Option<ScimRegistration>,
    /// Your own identifier for the member, unique in the organization.
    #[serde(default)]
    pub external_id: Option<String>,
    /// When the member was locked.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub lock_created_at: Option<DateTime<Utc>>,
    /// When the lock lifts.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub lock_expires_at: Option<DateTime<Utc>>,
}

/// A role a member has, with the reasons it was granted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MemberRole {
    /// The role's id, e.g. `stytch_member`.
    pub role_id: String,
    /// Why the member has the role.
    #[serde(default, deserialize_with = "null_as_default")]
    pub sources: Vec<MemberRoleSource>,
}

/// One reason a member has a role.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MemberRoleSource {
    /// How the role was granted, e.g. `direct_assignment` or `email_assignment`.
    #[serde(rename = "type", default, deserialize_with = "null_as_default")]
    pub kind: String,
    /// Details of the grant, such as the SSO connection or email domain.
    #[serde(default)]
    pub details: Option<JsonObject>,
}

/// An OAuth identity linked to a member.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct OAuthRegistration {
    /// The OAuth provider, e.g. `google`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_type: String,
    /// The subject the provider identifies the user by.
    #[serde(default, deserialize_with = "null_as_default")]
    pub provider_subject: String,
    /// The id of this OAuth registration.
    pub member_oauth_registration_id: String,
    /// The profile picture the provider reported.
    #[serde(default)]
    pub profile_picture_url: Option<String>,
    /// The locale the provider reported.
    #[serde(default)]
    pub locale: Option<String>,
}

/// A member's identity at an SSO identity provider.
///
/// `SSORegistration` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SsoRegistration {
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// The member's id at the identity provider.
    pub external_id: String,
    /// The id of this SSO registration.
    pub registration_id: String,
    /// Attributes the identity provider sent.
    #[serde(default)]
    pub sso_attributes: Option<JsonObject>,
}

/// An email address a member no longer uses.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RetiredEmail {
    /// The retired email address's id (what
    /// [`UnlinkRetiredEmail`](crate::b2b::organizations::members::UnlinkRetiredEmail) takes).
    pub email_id: EmailId,
    /// The retired email address.
    pub email_address: String,
}

/// A member's identity at a SCIM provider.
///
/// `SCIMRegistration` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimRegistration {
    /// The connection's id.
    pub connection_id: ConnectionId,
    /// The id of this SCIM registration.
    pub registration_id: String,
    /// The member's id at the SCIM provider.
    #[serde(default)]
    pub external_id: Option<String>,
    /// The attributes the SCIM provider sent.
    #[serde(default)]
    pub scim_attributes: Option<ScimAttributes>,
}

//! SCIM user attributes attached to members provisioned by SCIM.

use super::de::null_as_default;
use serde::Deserialize;

/// The user attributes a SCIM provider sent.
///
/// `SCIMAttributes` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimAttributes {
    /// The user name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub user_name: String,
    /// The user's SCIM id.
    pub id: String,
    /// The user's id at the provider.
    pub external_id: String,
    /// Whether the user is active.
    #[serde(default, deserialize_with = "null_as_default")]
    pub active: bool,
    /// Groups the user belongs to.
    #[serde(default, deserialize_with = "null_as_default")]
    pub groups: Vec<Group>,
    /// The display name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
    /// Nickname.
    #[serde(default, deserialize_with = "null_as_default")]
    pub nick_name: String,
    /// Profile URL.
    #[serde(default, deserialize_with = "null_as_default")]
    pub profile_url: String,
    /// User type, e.g. `Employee`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub user_type: String,
    /// Job title.
    #[serde(default, deserialize_with = "null_as_default")]
    pub title: String,
    /// Preferred language.
    #[serde(default, deserialize_with = "null_as_default")]
    pub preferred_language: String,
    /// Locale.
    #[serde(default, deserialize_with = "null_as_default")]
    pub locale: String,
    /// Time zone.
    #[serde(default, deserialize_with = "null_as_default")]
    pub timezone: String,
    /// Email addresses.
    #[serde(default, deserialize_with = "null_as_default")]
    pub emails: Vec<ScimEmail>,
    /// Phone numbers.
    #[serde(default, deserialize_with = "null_as_default")]
    pub phone_numbers: Vec<ScimPhoneNumber>,
    /// Postal addresses.
    #[serde(default, deserialize_with = "null_as_default")]
    pub addresses: Vec<Address>,
    /// Instant-messaging handles.
    #[serde(default, deserialize_with = "null_as_default")]
    pub ims: Vec<Ims>,
    /// Photos.
    #[serde(default, deserialize_with = "null_as_default")]
    pub photos: Vec<Photo>,
    /// Entitlements.
    #[serde(default, deserialize_with = "null_as_default")]
    pub entitlements: Vec<Entitlement>,
    /// Roles at the provider.
    #[serde(default, deserialize_with = "null_as_default")]
    pub roles: Vec<Role>,
    /// X.509 certificates.
    #[serde(default, deserialize_with = "null_as_default")]
    pub x509certificates: Vec<ScimX509Certificate>,
    /// Name parts.
    #[serde(default)]
    pub name: Option<ScimName>,
    /// The enterprise user extension.
    #[serde(default)]
    pub enterprise_extension: Option<EnterpriseExtension>,
}

/// A SCIM user's name parts.
///
/// `SCIMName` in the official SDKs.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimName {
    /// The full name as one string.
    #[serde(default, deserialize_with = "null_as_default")]
    pub formatted: String,
    /// Family name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub family_name: String,
    /// Given name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub given_name: String,
    /// Middle name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub middle_name: String,
    /// Prefix such as `Dr.`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub honorific_prefix: String,
    /// Suffix such as `Jr.`.
    #[serde(default, deserialize_with = "null_as_default")]
    pub honorific_suffix: String,
}

/// A SCIM postal address.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Address {
    /// The full address as one string.
    #[serde(default, deserialize_with = "null_as_default")]
    pub formatted: String,
    /// Street and number.
    #[serde(default, deserialize_with = "null_as_default")]
    pub street_address: String,
    /// City or locality.
    #[serde(default, deserialize_with = "null_as_default")]
    pub locality: String,
    /// State or region.
    #[serde(default, deserialize_with = "null_as_default")]
    pub region: String,
    /// Postal code.
    #[serde(default, deserialize_with = "null_as_default")]
    pub postal_code: String,
    /// Country.
    #[serde(default, deserialize_with = "null_as_default")]
    pub country: String,
    /// The kind of entry, e.g. `work`.
    #[serde(rename = "type", default, deserialize_with = "null_as_default")]
    pub kind: String,
    /// Whether this is the primary entry.
    #[serde(default, deserialize_with = "null_as_default")]
    pub primary: bool,
}

/// The SCIM enterprise user extension.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct EnterpriseExtension {
    /// Employee number.
    #[serde(default, deserialize_with = "null_as_default")]
    pub employee_number: String,
    /// Cost center.
    #[serde(default, deserialize_with = "null_as_default")]
    pub cost_center: String,
    /// Division.
    #[serde(default, deserialize_with = "null_as_default")]
    pub division: String,
    /// Department.
    #[serde(default, deserialize_with = "null_as_default")]
    pub department: String,
    /// Organization name at the provider.
    #[serde(default, deserialize_with = "null_as_default")]
    pub organization: String,
    /// The user's manager.
    #[serde(default)]
    pub manager: Option<Manager>,
}

/// A SCIM user's manager.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Manager {
    /// The manager's id at the provider.
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: String,
    /// URI of the manager's SCIM resource.
    #[serde(rename = "ref", default, deserialize_with = "null_as_default")]
    pub reference: String,
    /// The manager's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display_name: String,
}

/// A SCIM group the user belongs to.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Group {
    /// The group's id at the provider.
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: String,
    /// The group's name.
    #[serde(default, deserialize_with = "null_as_default")]
    pub display: String,
}

/// A SCIM multi-valued attribute entry (email, phone number, photo, role, ...).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ScimValue {
    /// The value.
    #[serde(default, deserialize_with = "null_as_default")]
    pub value: String,
    /// The kind of entry, e.g. `work`.
    #[serde(rename = "type", default, deserialize_with = "null_as_default")]
    pub kind: String,
    /// Whether this is the primary entry.
    #[serde(default, deserialize_with = "null_as_default")]
    pub primary: bool,
}

/// `Entitlement` in the official SDKs: a [`ScimValue`].
pub type Entitlement = ScimValue;

/// `IMs` in the official SDKs: a [`ScimValue`].
pub type Ims = ScimValue;

/// `Photo` in the official SDKs: a [`ScimValue`].
pub type Photo = ScimValue;

/// `Role` in the official SDKs: a [`ScimValue`].
pub type Role = ScimValue;

/// `SCIMEmail` in the official SDKs: a [`ScimValue`].
pub type ScimEmail = ScimValue;

/// `SCIMPhoneNumber` in the official SDKs: a [`ScimValue`].
pub type ScimPhoneNumber = ScimValue;

/// `SCIMX509Certificate` in the official SDKs: a [`ScimValue`].
pub type ScimX509Certificate = ScimValue;

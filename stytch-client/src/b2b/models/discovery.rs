//! Organizations found by discovery flows.

use super::de::null_as_default;
use super::{JsonObject, Member, MfaRequired, Organization, PrimaryRequired};
use serde::Deserialize;

/// An organization a discovery flow found for an email address.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct DiscoveredOrganization {
    /// Whether the member could log in without another factor.
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_authenticated: bool,
    /// The organization.
    #[serde(default)]
    pub organization: Option<Organization>,
    /// How the email relates to the organization.
    #[serde(default)]
    pub membership: Option<Membership>,
    /// Primary factors still needed to log in here.
    #[serde(default)]
    pub primary_required: Option<PrimaryRequired>,
    /// MFA still needed to log in here.
    #[serde(default)]
    pub mfa_required: Option<MfaRequired>,
}

/// How an email address relates to a discovered organization.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct Membership {
    /// Relation: `active_member`, `pending_member`, `invited_member`,
    /// `eligible_to_join_by_email_domain` or `eligible_to_join_by_oauth_tenant`.
    #[serde(rename = "type", default, deserialize_with = "null_as_default")]
    pub kind: String,
    /// Details such as the matching domain.
    #[serde(default)]
    pub details: Option<JsonObject>,
    /// The member, when one exists.
    #[serde(default)]
    pub member: Option<Member>,
}

//! Member update.

use crate::b2b::models::{JsonObject, Member, MemberId, MfaMethod, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Updates a member's profile, settings, roles or email address; fields left unset keep their
/// value.
///
/// `PUT /v1/b2b/organizations/{organization_id}/members/{member_id}`; official SDKs: Ruby
/// `organizations.members.update`, Node `organizations.members.update`, Python
/// `organizations.members.update`.
///
/// With [`authorization`](Self::authorization), each field set needs its own `stytch.member`
/// permission (or `stytch.self` when the session's member is the one updated), a member cannot
/// change their own email address, and `trusted_metadata` is refused.
#[endpoint(PUT, "/v1/b2b/organizations/{organization_id}/members/{member_id}")]
pub struct Update {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// The member's name.
    pub name: Option<String>,
    /// Metadata only your backend may write (replaces the whole object).
    pub trusted_metadata: Option<JsonObject>,
    /// Metadata the member's frontend may write too (replaces the whole object).
    pub untrusted_metadata: Option<JsonObject>,
    /// Let the member bypass auth-method restrictions.
    pub is_breakglass: Option<bool>,
    /// Phone number for SMS MFA, E.164 format.
    pub mfa_phone_number: Option<String>,
    /// Require MFA at every login.
    pub mfa_enrolled: Option<bool>,
    /// Role ids to grant directly (replaces the directly granted roles).
    pub roles: Option<Vec<String>>,
    /// Keep the member's sessions alive when a role change would revoke them.
    pub preserve_existing_sessions: Option<bool>,
    /// The MFA method used by default.
    pub default_mfa_method: Option<MfaMethod>,
    /// A new email address for the member (marked unverified).
    pub email_address: Option<String>,
    /// Your own identifier for the member, unique in the organization.
    pub external_id: Option<String>,
    /// Unlink the member's current email address (it becomes a retired email address).
    pub unlink_email: Option<bool>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Update`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct UpdateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member as updated.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

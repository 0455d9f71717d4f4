//! Member creation.

use crate::b2b::models::{JsonObject, Member, MemberId, Organization, OrganizationId};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Creates a member in an organization.
///
/// `POST /v1/b2b/organizations/{organization_id}/members`; official SDKs: Ruby
/// `organizations.members.create`, Node `organizations.members.create`, Python
/// `organizations.members.create`.
#[endpoint(POST, "/v1/b2b/organizations/{organization_id}/members")]
pub struct Create {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The new member's email address.
    pub email_address: String,
    /// The member's name.
    pub name: Option<String>,
    /// Metadata only your backend may write.
    pub trusted_metadata: Option<JsonObject>,
    /// Metadata the member's frontend may write too.
    pub untrusted_metadata: Option<JsonObject>,
    /// Create the member as `pending` instead of `active`.
    pub create_member_as_pending: Option<bool>,
    /// Let the member bypass auth-method restrictions.
    pub is_breakglass: Option<bool>,
    /// Phone number for SMS MFA, E.164 format.
    pub mfa_phone_number: Option<String>,
    /// Require MFA at every login.
    pub mfa_enrolled: Option<bool>,
    /// Role ids to grant directly.
    pub roles: Option<Vec<String>>,
    /// Your own identifier for the member, unique in the organization.
    pub external_id: Option<String>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Create`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CreateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

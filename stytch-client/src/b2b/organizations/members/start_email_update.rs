//! Starting a member's email address change.

use crate::b2b::models::{
    Member, MemberId, Organization, OrganizationId, PasswordsLocale, StartEmailUpdateDeliveryMethod,
};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Starts changing a member's email address: Stytch sends a magic link or a one-time passcode to
/// the new address, and the change happens when the member uses it.
///
/// `POST /v1/b2b/organizations/{organization_id}/members/{member_id}/start_email_update`;
/// official SDKs: Ruby `organizations.members.start_email_update`, Node
/// `organizations.members.startEmailUpdate`, Python `organizations.members.start_email_update`.
#[endpoint(
    POST,
    "/v1/b2b/organizations/{organization_id}/members/{member_id}/start_email_update"
)]
pub struct StartEmailUpdate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (their external id works too).
    pub member_id: MemberId,
    /// The new email address.
    pub email_address: String,
    /// Where the magic link leads the member.
    pub login_redirect_url: Option<String>,
    /// The language of the email.
    pub locale: Option<PasswordsLocale>,
    /// A custom email template's id.
    pub login_template_id: Option<String>,
    /// A magic link (the default) or a one-time passcode.
    pub delivery_method: Option<StartEmailUpdateDeliveryMethod>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`StartEmailUpdate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct StartEmailUpdateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member (their email address is unchanged until they confirm).
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

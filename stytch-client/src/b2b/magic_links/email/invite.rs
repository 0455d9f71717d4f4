//! Magic link invitations.

use crate::b2b::models::{JsonObject, Member, MemberId, Organization, OrganizationId, PasswordsLocale};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Emails an invite link, creating the member with status `invited` (or moving a pending member
/// to `invited`).
///
/// `POST /v1/b2b/magic_links/email/invite`; official SDKs: Ruby `magic_links.email.invite`, Node
/// `magicLinks.email.invite`, Python `magic_links.email.invite`.
#[endpoint(POST, "/v1/b2b/magic_links/email/invite")]
pub struct Invite {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The email address to invite.
    pub email_address: String,
    /// Where the invite link points (the dashboard default if omitted).
    pub invite_redirect_url: Option<String>,
    /// The member who sent the invite.
    pub invited_by_member_id: Option<MemberId>,
    /// The invited member's name.
    pub name: Option<String>,
    /// Metadata only your backend may write.
    pub trusted_metadata: Option<JsonObject>,
    /// Metadata the member's frontend may write too.
    pub untrusted_metadata: Option<JsonObject>,
    /// Custom email template for the invite email.
    pub invite_template_id: Option<String>,
    /// Language of the email.
    pub locale: Option<PasswordsLocale>,
    /// Role ids to grant directly.
    pub roles: Option<Vec<String>>,
    /// Invite link lifetime, 5 to 10080 minutes (10080, one week, by default).
    pub invite_expiration_minutes: Option<u32>,
    /// Act with this member's RBAC permissions.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`Invite`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct InviteResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The invited member's id.
    pub member_id: MemberId,
    /// The invited member.
    pub member: Member,
    /// The organization the member was invited to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

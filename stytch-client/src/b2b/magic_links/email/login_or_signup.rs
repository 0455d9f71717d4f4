//! Magic link login or signup for one organization.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{Member, MemberId, Organization, OrganizationId, PasswordsLocale};
use crate::endpoint;
use serde::Deserialize;

/// Emails a login link to an active member, or a signup link to a pending or invited one or to
/// a new address (creating a pending member when the organization allows it).
///
/// `POST /v1/b2b/magic_links/email/login_or_signup`; official SDKs: Ruby
/// `magic_links.email.login_or_signup`, Node `magicLinks.email.loginOrSignup`, Python
/// `magic_links.email.login_or_signup`.
#[endpoint(POST, "/v1/b2b/magic_links/email/login_or_signup")]
pub struct LoginOrSignup {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The email address to send the link to.
    pub email_address: String,
    /// Where the login link points (the dashboard default if omitted).
    pub login_redirect_url: Option<String>,
    /// Where the signup link points (the dashboard default if omitted).
    pub signup_redirect_url: Option<String>,
    /// PKCE challenge, base64url(SHA-256(verifier)).
    pub pkce_code_challenge: Option<String>,
    /// Custom email template for the login email.
    pub login_template_id: Option<String>,
    /// Custom email template for the signup email.
    pub signup_template_id: Option<String>,
    /// Language of the email.
    pub locale: Option<PasswordsLocale>,
    /// Login link lifetime, 5 to 10080 minutes (60 by default).
    pub login_expiration_minutes: Option<u32>,
    /// Signup link lifetime, 5 to 10080 minutes (60 by default).
    pub signup_expiration_minutes: Option<u32>,
}

/// What [`LoginOrSignup`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct LoginOrSignupResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// Whether the call created the member (false if it already existed).
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_created: bool,
    /// The member the link was sent to.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

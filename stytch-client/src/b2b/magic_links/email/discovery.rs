//! Discovery magic links: one email link that works across organizations.

use crate::b2b::models::PasswordsLocale;
use crate::endpoint;
use serde::Deserialize;

/// Emails a discovery magic link, whose token
/// [`magic_links::discovery::Authenticate`](crate::b2b::magic_links::discovery::Authenticate)
/// turns into an intermediate session token and the organizations the address can enter.
///
/// `POST /v1/b2b/magic_links/email/discovery/send`; official SDKs: Ruby
/// `magic_links.email.discovery.send`, Node `magicLinks.email.discovery.send`, Python
/// `magic_links.email.discovery.send`.
///
/// The name mirrors the SDKs' `send`; it shadows the `Send` marker trait where imported, so
/// prefer the module path (`discovery::Send`).
#[endpoint(POST, "/v1/b2b/magic_links/email/discovery/send")]
pub struct Send {
    /// The email address to send the link to.
    pub email_address: String,
    /// Where the discovery link points (the dashboard default if omitted).
    pub discovery_redirect_url: Option<String>,
    /// PKCE challenge, base64url(SHA-256(verifier)).
    pub pkce_code_challenge: Option<String>,
    /// Custom email template for the discovery email.
    pub login_template_id: Option<String>,
    /// Language of the email.
    pub locale: Option<PasswordsLocale>,
    /// Link lifetime, 5 to 10080 minutes (60 by default).
    pub discovery_expiration_minutes: Option<u32>,
}

/// What [`Send`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct SendResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! Email-based password resets in the discovery (cross-organization) flow, with PKCE.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::passwords::discovery::email::{Reset, ResetStart};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let verifier = "a-random-pkce-code-verifier";
//! let challenge = "base64url-of-the-sha256-of-the-verifier";
//! client
//!     .send(ResetStart::new("ada@example.com").pkce_code_challenge(challenge))
//!     .await?;
//! let reset = client
//!     .send(Reset::new("token-from-the-link", "a new long passphrase").pkce_code_verifier(verifier))
//!     .await?;
//! println!("{} organizations found", reset.discovered_organizations.len());
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::timestamp;
use crate::b2b::models::{DiscoveredOrganization, PasswordsLocale};
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Emails a password reset link for the discovery (cross-organization) flow.
///
/// `POST /v1/b2b/passwords/discovery/email/reset/start`; official SDKs: Ruby
/// `passwords.discovery.email.reset_start`, Node `passwords.discovery.email.resetStart`, Python
/// `passwords.discovery.email.reset_start`.
#[endpoint(POST, "/v1/b2b/passwords/discovery/email/reset/start")]
pub struct ResetStart {
    /// The member's email address.
    pub email_address: String,
    /// Where the reset link in the email points (the dashboard default if omitted).
    pub reset_password_redirect_url: Option<String>,
    /// Where the discovery link points after the reset.
    pub discovery_redirect_url: Option<String>,
    /// Custom email template for the reset email.
    pub reset_password_template_id: Option<String>,
    /// Reset link lifetime, 5 to 10080 minutes (30 by default).
    pub reset_password_expiration_minutes: Option<u32>,
    /// PKCE challenge, base64url(SHA-256(verifier)).
    pub pkce_code_challenge: Option<String>,
    /// Language of the email.
    pub locale: Option<PasswordsLocale>,
    /// Custom email template used instead when the email is not yet verified.
    pub verify_email_template_id: Option<String>,
}

/// What [`ResetStart`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ResetStartResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Sets a new cross-organization password with a reset token; returns an intermediate
/// session token and the organizations it can enter.
///
/// `POST /v1/b2b/passwords/discovery/email/reset`; official SDKs: Ruby
/// `passwords.discovery.email.reset`, Node `passwords.discovery.email.reset`, Python
/// `passwords.discovery.email.reset`.
#[endpoint(POST, "/v1/b2b/passwords/discovery/email/reset")]
pub struct Reset {
    /// The token from the reset email link.
    pub password_reset_token: Secret<String>,
    /// The new password.
    pub password: Secret<String>,
    /// PKCE verifier matching the earlier `pkce_code_challenge`.
    pub pkce_code_verifier: Option<Secret<String>>,
}

/// What [`Reset`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ResetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// An intermediate session token to finish MFA or pick an organization (empty when a full
    /// session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub intermediate_session_token: Secret<String>,
    /// The email address the discovery ran for.
    pub email_address: String,
    /// Organizations the email address can log into or join.
    #[serde(default, deserialize_with = "null_as_default")]
    pub discovered_organizations: Vec<DiscoveredOrganization>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// When the intermediate session token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

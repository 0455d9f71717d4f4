//! Cross-organization email passcodes: [`Send`] emails a code, [`Authenticate`] turns it into an
//! intermediate session token and the organizations the address can enter; pick one with
//! [`b2b::discovery`](crate::b2b::discovery).
//!
//! `Send` mirrors the SDKs' `send`; it shadows the `Send` marker trait where imported, so prefer
//! the module path (`discovery::Send`).

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::timestamp;
use crate::b2b::models::{DiscoveredOrganization, PasswordsLocale};
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Emails a discovery code; only the latest code sent to an address is valid.
///
/// `POST /v1/b2b/otps/email/discovery/send`; official SDKs: Ruby `otps.email.discovery.send`, Node
/// `otps.email.discovery.send`, Python `otps.email.discovery.send`.
#[endpoint(POST, "/v1/b2b/otps/email/discovery/send")]
pub struct Send {
    /// The email address to send the code to.
    pub email_address: String,
    /// Custom email template for the discovery email.
    pub login_template_id: Option<String>,
    /// Language of the email.
    pub locale: Option<PasswordsLocale>,
    /// Code lifetime, 2 to 15 minutes (10 by default).
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

/// Checks a discovery code without picking an organization; returns an intermediate session
/// token and the organizations it can enter.
///
/// `POST /v1/b2b/otps/email/discovery/authenticate`; official SDKs: Ruby
/// `otps.email.discovery.authenticate`, Node `otps.email.discovery.authenticate`, Python
/// `otps.email.discovery.authenticate`.
#[endpoint(POST, "/v1/b2b/otps/email/discovery/authenticate")]
pub struct Authenticate {
    /// The email address the code was sent to.
    pub email_address: String,
    /// The six-digit code from the email.
    pub code: Secret<String>,
}

/// What [`Authenticate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// An intermediate session token to pick or create an organization with.
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

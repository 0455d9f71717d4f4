//! Cross-organization password login.

use crate::b2b::models::DiscoveredOrganization;
use crate::b2b::models::de::null_as_default;
use crate::b2b::models::timestamp;
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Authenticates an email and cross-organization password without picking an
/// organization; returns an intermediate session token and the organizations it can enter.
///
/// `POST /v1/b2b/passwords/discovery/authenticate`; official SDKs: Ruby
/// `passwords.discovery.authenticate`, Node `passwords.discovery.authenticate`, Python
/// `passwords.discovery.authenticate`.
#[endpoint(POST, "/v1/b2b/passwords/discovery/authenticate")]
pub struct Authenticate {
    /// The member's email address.
    pub email_address: String,
    /// The password.
    pub password: Secret<String>,
}

/// What [`Authenticate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The email address the discovery ran for.
    pub email_address: String,
    /// An intermediate session token to finish MFA or pick an organization (empty when a full
    /// session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub intermediate_session_token: Secret<String>,
    /// Organizations the email address can log into or join.
    #[serde(default, deserialize_with = "null_as_default")]
    pub discovered_organizations: Vec<DiscoveredOrganization>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// When the intermediate session token expires.
    #[serde(default, deserialize_with = "timestamp::optional")]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

//! The B2B Impersonation API: log in as a member with a token minted in the Stytch Dashboard
//! ("Impersonate Member"), for support staff. The session lasts 60 minutes and cannot be
//! extended; its factor records who impersonated.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::impersonation::Authenticate;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let session = client.send(Authenticate::new("token-from-the-dashboard")).await?;
//! println!("acting as {}", session.member.email_address);
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{Member, MemberId, MemberSession, MfaRequired, Organization, OrganizationId};
use crate::{Secret, endpoint};
use chrono::{DateTime, Utc};
use serde::Deserialize;

/// Logs in as a member with a single-use impersonation token.
///
/// `POST /v1/b2b/impersonation/authenticate`; official SDKs: Ruby `impersonation.authenticate`,
/// Node `impersonation.authenticate`, Python `impersonation.authenticate`.
#[endpoint(POST, "/v1/b2b/impersonation/authenticate")]
pub struct Authenticate {
    /// The impersonation token from the Stytch Dashboard.
    pub impersonation_token: Secret<String>,
}

/// What [`Authenticate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthenticateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The impersonated member's id.
    pub member_id: MemberId,
    /// The organization's id.
    pub organization_id: OrganizationId,
    /// The impersonated member.
    pub member: Member,
    /// The session token (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_token: Secret<String>,
    /// The session JWT, valid for five minutes (empty when no session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub session_jwt: Secret<String>,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// An intermediate session token to finish MFA (empty when a full session was issued).
    #[serde(default, deserialize_with = "null_as_default")]
    pub intermediate_session_token: Secret<String>,
    /// Whether the member is fully authenticated (no MFA pending).
    #[serde(default, deserialize_with = "null_as_default")]
    pub member_authenticated: bool,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The new session; `None` while MFA is still needed.
    #[serde(default)]
    pub member_session: Option<MemberSession>,
    /// What the member must do to finish MFA, if it is required.
    #[serde(default)]
    pub mfa_required: Option<MfaRequired>,
    /// When the intermediate session token expires.
    #[serde(default)]
    pub intermediate_session_token_expires_at: Option<DateTime<Utc>>,
}

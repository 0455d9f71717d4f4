//! Password reset for the member of an existing session: no old password or email needed.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::OrganizationId;
//! use stytch_client::b2b::passwords::sessions::Reset;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let reset = client
//!     .send(Reset::new(&organization_id, "a new long passphrase").session_token("mst_..."))
//!     .await?;
//! println!("new session token: {:?}", reset.session_token); // prints ***
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, JsonObject, OrganizationId, PasswordsLocale};
use crate::{Secret, endpoint};

/// Sets a new password for the member of an existing session, without the old one.
///
/// `POST /v1/b2b/passwords/session/reset`; official SDKs: Ruby `passwords.sessions.reset`, Node
/// `passwords.sessions.reset`, Python `passwords.sessions.reset`.
#[endpoint(POST, "/v1/b2b/passwords/session/reset")]
pub struct Reset {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The new password.
    pub password: Secret<String>,
    /// The member's session token; one of `session_token` or `session_jwt` is needed.
    pub session_token: Option<Secret<String>>,
    /// The member's session JWT; one of `session_token` or `session_jwt` is needed.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Language of emails or SMS Stytch sends (e.g. the MFA OTP).
    pub locale: Option<PasswordsLocale>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_auth_response! {
    /// What [`Reset`] returns.
    pub struct ResetResponse {
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

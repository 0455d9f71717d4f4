//! Password change given the current password.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::OrganizationId;
//! use stytch_client::b2b::passwords::existing_password::Reset;
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let request = Reset::new(
//!     OrganizationId::new("organization-test-..."),
//!     "ada@example.com",
//!     "the old passphrase",
//!     "a new long passphrase",
//! );
//! let reset = client.send(request).await?;
//! println!("authenticated: {}", reset.member_authenticated);
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::member_auth_response;
use crate::b2b::models::{DeviceInfo, JsonObject, OrganizationId, PasswordsLocale, PrimaryRequired};
use crate::{Secret, endpoint};

/// Changes a member's password given the current one, and logs the member in.
///
/// `POST /v1/b2b/passwords/existing_password/reset`; official SDKs: Ruby
/// `passwords.existing_password.reset`, Node `passwords.existingPassword.reset`, Python
/// `passwords.existing_password.reset`.
#[endpoint(POST, "/v1/b2b/passwords/existing_password/reset")]
pub struct Reset {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's email address.
    pub email_address: String,
    /// The member's current password.
    pub existing_password: Secret<String>,
    /// The new password.
    pub new_password: Secret<String>,
    /// An existing session token to extend (or to skip MFA with); not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// An existing session JWT to extend (or to skip MFA with); not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
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
        /// The primary factors the organization still requires, if any.
        #[serde(default)]
        pub primary_required: Option<PrimaryRequired>,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

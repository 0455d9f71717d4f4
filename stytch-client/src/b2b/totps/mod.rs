//! The B2B TOTP API, a second factor with an authenticator app: [`Create`] registers one (its
//! secret, QR code and recovery codes), [`Authenticate`] checks a code and completes MFA,
//! [`Migrate`] imports a secret from another system. TOTP secrets, codes and recovery codes are
//! [`Secret`]s.
//!
//! ```no_run
//! use stytch_client::{Client, ExposeSecret};
//! use stytch_client::b2b::models::{MemberId, OrganizationId, SetMfaEnrollment};
//! use stytch_client::b2b::totps::{Authenticate, Create};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let member_id = MemberId::new("member-test-...");
//! let intermediate_session_token = "ist-from-the-primary-factor";
//! let created = client
//!     .send(Create::new(&organization_id, &member_id).intermediate_session_token(intermediate_session_token))
//!     .await?;
//! // Show the QR code once; the member scans it and keeps the recovery codes.
//! let qr_code_data_uri: &str = created.qr_code.expose_secret();
//! # let _ = qr_code_data_uri;
//!
//! // With the code the authenticator app shows:
//! let session = client
//!     .send(
//!         Authenticate::new(&organization_id, &member_id, "123456")
//!             .intermediate_session_token(intermediate_session_token)
//!             .set_mfa_enrollment(SetMfaEnrollment::Enroll)
//!             .set_default_mfa(true),
//!     )
//!     .await?;
//! println!("session: {:?}", session.member_session);
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::member_session_response;
use crate::b2b::models::{
    DeviceInfo, JsonObject, Member, MemberId, Organization, OrganizationId, SetMfaEnrollment, TotpId,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Creates a TOTP registration for a member, pending until its first successful
/// [`Authenticate`]. When the member already has an active MFA factor, pass a session or
/// intermediate session token that carries one.
///
/// `POST /v1/b2b/totp`; official SDKs: Ruby `totps.create`, Node `totps.create`, Python
/// `totps.create`.
#[endpoint(POST, "/v1/b2b/totp")]
pub struct Create {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
    /// Minutes the registration stays pending before it must be created again, 5 to 1440 (60
    /// by default).
    pub expiration_minutes: Option<u32>,
    /// An intermediate session token of the member.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A session token of the member; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// A session JWT of the member; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
}

/// What [`Create`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct CreateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The new TOTP registration's id.
    pub totp_registration_id: TotpId,
    /// The TOTP secret, base32, for entering into an authenticator app by hand.
    #[serde(default, deserialize_with = "null_as_default")]
    pub secret: Secret<String>,
    /// A `data:image/png;base64,...` URI of a QR code for the app to scan; it holds the secret,
    /// so it is a [`Secret`] too.
    #[serde(default, deserialize_with = "null_as_default")]
    pub qr_code: Secret<String>,
    /// Single-use backup codes that complete MFA in place of a TOTP code.
    #[serde(default, deserialize_with = "null_as_default")]
    pub recovery_codes: Vec<Secret<String>>,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Checks a TOTP code and completes MFA: consumes the intermediate session token for a new
/// session, or adds the factor to the session given. The first success activates a pending
/// registration.
///
/// `POST /v1/b2b/totp/authenticate`; official SDKs: Ruby `totps.authenticate`, Node
/// `totps.authenticate`, Python `totps.authenticate`.
#[endpoint(POST, "/v1/b2b/totp/authenticate")]
pub struct Authenticate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
    /// The six-digit code the authenticator app shows.
    pub code: Secret<String>,
    /// An intermediate session token of the member, consumed on success.
    pub intermediate_session_token: Option<Secret<String>>,
    /// A session token of the member to add the factor to; not with `session_jwt`.
    pub session_token: Option<Secret<String>>,
    /// A session JWT of the member to add the factor to; not with `session_token`.
    pub session_jwt: Option<Secret<String>>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
    /// Enroll the member in MFA, or unenroll them (unchanged when omitted).
    pub set_mfa_enrollment: Option<SetMfaEnrollment>,
    /// Make TOTP the member's default MFA method.
    pub set_default_mfa: Option<bool>,
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_session_response! {
    /// What [`Authenticate`] returns.
    pub struct AuthenticateResponse {
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

/// Imports a member's TOTP secret (and recovery codes) from another system as an active
/// registration.
///
/// `POST /v1/b2b/totp/migrate`; official SDKs: Ruby `totps.migrate`, Node `totps.migrate`, Python
/// `totps.migrate`.
///
/// ```
/// use stytch_client::Secret;
/// use stytch_client::b2b::models::{MemberId, OrganizationId};
/// use stytch_client::b2b::totps::Migrate;
///
/// let request = Migrate::new(
///     OrganizationId::new("organization-test-..."),
///     MemberId::new("member-test-..."),
///     "BTGNX5RKJRMQWQFRQKTG34JCF6XDRHZS",
///     vec![Secret::from("ckss-2skx-ebow")],
/// );
/// assert!(!format!("{request:?}").contains("ckss"));
/// ```
#[endpoint(POST, "/v1/b2b/totp/migrate")]
pub struct Migrate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
    /// The TOTP secret, base32.
    pub secret: Secret<String>,
    /// The member's existing recovery codes (every SDK requires the list; Stytch documents that
    /// it mints new ones when it is empty).
    pub recovery_codes: Vec<Secret<String>>,
}

/// What [`Migrate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct MigrateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the call acted on.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The imported TOTP registration's id.
    pub totp_registration_id: TotpId,
    /// The registration's recovery codes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub recovery_codes: Vec<Secret<String>>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

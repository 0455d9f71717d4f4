//! The B2B Recovery Codes API: the single-use backup codes of a member's TOTP registration.
//! [`Recover`] completes MFA with one, [`Get`] lists the codes still valid, [`Rotate`] replaces
//! them all. Recovery codes are [`Secret`]s.
//!
//! ```no_run
//! use stytch_client::Client;
//! use stytch_client::b2b::models::{MemberId, OrganizationId};
//! use stytch_client::b2b::recovery_codes::{Recover, Rotate};
//!
//! # async fn run() -> Result<(), stytch_client::Error> {
//! let client = Client::from_env()?;
//! let organization_id = OrganizationId::new("organization-test-...");
//! let member_id = MemberId::new("member-test-...");
//! let recovered = client
//!     .send(
//!         Recover::new(&organization_id, &member_id, "ckss-2skx-ebow")
//!             .intermediate_session_token("ist-from-the-primary-factor"),
//!     )
//!     .await?;
//! if recovered.recovery_codes_remaining < 3 {
//!     let rotated = client.send(Rotate::new(&organization_id, &member_id)).await?;
//!     println!("{} new recovery codes", rotated.recovery_codes.len());
//! }
//! # Ok(())
//! # }
//! ```

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::member_session_response;
use crate::b2b::models::{DeviceInfo, JsonObject, Member, MemberId, Organization, OrganizationId};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Completes MFA with a recovery code in place of a TOTP or SMS code: consumes the intermediate
/// session token for a new session, or adds the factor to the session given. Each code works
/// once.
///
/// `POST /v1/b2b/recovery_codes/recover`; official SDKs: Ruby `recovery_codes.recover`, Node
/// `recoveryCodes.recover`, Python `recovery_codes.recover`.
#[endpoint(POST, "/v1/b2b/recovery_codes/recover")]
pub struct Recover {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
    /// One of the member's recovery codes, `xxxx-xxxx-xxxx`.
    pub recovery_code: Secret<String>,
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
    /// A Stytch device-fingerprinting telemetry id.
    pub telemetry_id: Option<String>,
}

member_session_response! {
    /// What [`Recover`] returns.
    pub struct RecoverResponse {
        /// How many unused recovery codes the member has left (required: a missing count is an
        /// error, not zero).
        pub recovery_codes_remaining: u32,
        /// What Stytch knows about the device the request came from.
        #[serde(default)]
        pub member_device: Option<DeviceInfo>,
    }
}

/// Lists a member's recovery codes that are still valid.
///
/// `GET /v1/b2b/recovery_codes/{organization_id}/{member_id}`; official SDKs: Ruby
/// `recovery_codes.get`, Node `recoveryCodes.get`, Python `recovery_codes.get`.
#[endpoint(GET, "/v1/b2b/recovery_codes/{organization_id}/{member_id}")]
pub struct Get {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
}

/// What [`Get`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the codes belong to.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The recovery codes not used yet.
    #[serde(default, deserialize_with = "null_as_default")]
    pub recovery_codes: Vec<Secret<String>>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

/// Invalidates all of a member's recovery codes and returns a fresh set.
///
/// `POST /v1/b2b/recovery_codes/rotate`; official SDKs: Ruby `recovery_codes.rotate`, Node
/// `recoveryCodes.rotate`, Python `recovery_codes.rotate`.
#[endpoint(POST, "/v1/b2b/recovery_codes/rotate")]
pub struct Rotate {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The member's id (or external id).
    pub member_id: MemberId,
}

/// What [`Rotate`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RotateResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the codes belong to.
    pub member: Member,
    /// The organization the member belongs to.
    pub organization: Organization,
    /// The new recovery codes.
    #[serde(default, deserialize_with = "null_as_default")]
    pub recovery_codes: Vec<Secret<String>>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

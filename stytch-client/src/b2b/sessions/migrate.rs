//! Session migration from an external identity provider.

use crate::b2b::models::member_session_response;
use crate::b2b::models::{JsonObject, OrganizationId};
use crate::{Secret, endpoint};

/// Exchanges a session token from an external identity provider for a Stytch member session.
///
/// `POST /v1/b2b/sessions/migrate`; official SDKs: Ruby `sessions.migrate`, Node
/// `sessions.migrate`, Python `sessions.migrate`.
#[endpoint(POST, "/v1/b2b/sessions/migrate")]
pub struct Migrate {
    /// The organization to create the session in.
    pub organization_id: OrganizationId,
    /// The session token from the external identity provider.
    pub session_token: Secret<String>,
    /// Session lifetime to set or extend, 5 to 527040 minutes (60 when omitted on creation).
    pub session_duration_minutes: Option<u32>,
    /// Custom claims to add to the session and its JWT (a `null` value deletes a claim).
    pub session_custom_claims: Option<JsonObject>,
}

member_session_response! {
    /// What [`Migrate`] returns.
    pub struct MigrateResponse {
    }
}

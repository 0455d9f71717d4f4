//! The remote path: `POST /v1/b2b/sessions/authenticate` with the JWT, mapped into the same
//! [`VerifiedSession`] as local verification.
//!
//! The endpoint and response types are private to this module, declared with the same
//! `#[endpoint]` as the public catalog; only the fields the result needs are decoded.

use super::claims::{AuthenticationFactor, OrganizationClaim, SessionClaim, VerifiedBy, VerifiedSession};
use crate::b2b::models::{MemberId, MemberSessionId, OrganizationId};
use crate::client::Client;
use crate::endpoint;
use crate::error::Error;
use crate::secret::Secret;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Asks Stytch to authenticate a session JWT (an expired one is refreshed if its session lives).
#[endpoint(POST, "/v1/b2b/sessions/authenticate", response = AuthenticateJwtResponse, idempotent)]
struct AuthenticateJwt {
    #[endpoint(sensitive)]
    session_jwt: Secret<String>,
}

#[derive(Deserialize)]
struct AuthenticateJwtResponse {
    #[serde(default)]
    request_id: String,
    member_session: MemberSession,
    #[serde(default)]
    session_jwt: Option<Secret<String>>,
}

#[derive(Deserialize)]
struct MemberSession {
    member_session_id: MemberSessionId,
    member_id: MemberId,
    started_at: DateTime<Utc>,
    last_accessed_at: DateTime<Utc>,
    expires_at: DateTime<Utc>,
    #[serde(default)]
    authentication_factors: Option<Vec<AuthenticationFactor>>,
    organization_id: OrganizationId,
    #[serde(default)]
    roles: Option<Vec<String>>,
    #[serde(default)]
    organization_slug: Option<String>,
    #[serde(default)]
    custom_claims: Option<Map<String, Value>>,
}

/// Authenticates `jwt` with Stytch.
pub(crate) async fn authenticate(client: &Client, jwt: &str) -> Result<VerifiedSession, Error> {
    let response = client.send(AuthenticateJwt::new(jwt)).await?;
    let session = response.member_session;
    Ok(VerifiedSession {
        member_id: session.member_id,
        session: SessionClaim {
            member_session_id: session.member_session_id,
            started_at: session.started_at,
            last_accessed_at: session.last_accessed_at,
            expires_at: session.expires_at,
            authentication_factors: session.authentication_factors.unwrap_or_default(),
            roles: session.roles.unwrap_or_default(),
            attributes: None,
        },
        organization: OrganizationClaim {
            organization_id: session.organization_id,
            slug: session.organization_slug.unwrap_or_default(),
        },
        custom_claims: session.custom_claims.unwrap_or_default(),
        verified_by: VerifiedBy::Remote {
            session_jwt: response.session_jwt.unwrap_or_default(),
            request_id: response.request_id,
        },
    })
}

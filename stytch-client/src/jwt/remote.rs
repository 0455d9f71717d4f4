//! The remote path: `POST /v1/b2b/sessions/authenticate` with the JWT, mapped into the same
//! [`VerifiedSession`] as local verification.
//!
//! The endpoint and response types are private to this module, declared with the same
//! `#[endpoint]` as the public catalog; only the fields the result needs are decoded.

use super::claims::{AuthenticationFactor, OrganizationClaim, SessionClaim, VerifiedBy, VerifiedSession};
use super::options::JwtOptions;
use crate::b2b::models::timestamp;
use crate::b2b::models::{
    AuthorizationCheck, AuthorizationVerdict, MemberId, MemberSessionId, OrganizationId,
};
use crate::client::Client;
use crate::endpoint;
use crate::error::Error;
use crate::secret::Secret;
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Map, Value};

/// Asks Stytch to authenticate a session JWT (an expired one is refreshed if its session lives),
/// with the caller's authorization check, session extension and custom claims.
#[endpoint(POST, "/v1/b2b/sessions/authenticate", response = AuthenticateJwtResponse, idempotent)]
struct AuthenticateJwt {
    #[endpoint(sensitive)]
    session_jwt: Secret<String>,
    session_duration_minutes: Option<u32>,
    session_custom_claims: Option<Map<String, Value>>,
    authorization_check: Option<AuthorizationCheck>,
}

#[derive(Deserialize)]
struct AuthenticateJwtResponse {
    #[serde(default)]
    request_id: String,
    member_session: MemberSession,
    #[serde(default)]
    session_jwt: Option<Secret<String>>,
    #[serde(default)]
    verdict: Option<AuthorizationVerdict>,
}

#[derive(Deserialize)]
struct MemberSession {
    member_session_id: MemberSessionId,
    member_id: MemberId,
    #[serde(deserialize_with = "timestamp::required")]
    started_at: DateTime<Utc>,
    #[serde(deserialize_with = "timestamp::required")]
    last_accessed_at: DateTime<Utc>,
    #[serde(deserialize_with = "timestamp::required")]
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

/// Authenticates `jwt` with Stytch, sending the options' authorization check, session duration
/// and custom claims.
pub(crate) async fn authenticate(
    client: &Client,
    jwt: &str,
    options: &JwtOptions,
) -> Result<VerifiedSession, Error> {
    let request = AuthenticateJwt::new(jwt)
        .set_session_duration_minutes(options.session_duration_minutes)
        .set_session_custom_claims(options.session_custom_claims.clone())
        .set_authorization_check(options.authorization_check.clone());
    let response = client.send(request).await?;
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
        authorization: response.verdict,
    })
}

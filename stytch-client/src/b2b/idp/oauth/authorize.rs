//! Completing a connected app's authorization request.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{ConnectedAppId, IdpPrompt, IdpResponseType, MemberId, OrganizationId};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Completes a connected app's authorization request with the member's consent decision, and
/// returns where to redirect the member: with an authorization code on success, with an OAuth
/// `error` otherwise (still a 200).
///
/// `POST /v1/b2b/idp/oauth/authorize`; official SDKs: Ruby `idp.oauth.authorize`, Node
/// `idp.oauth.authorize`, Python `idp.oauth.authorize`.
#[endpoint(POST, "/v1/b2b/idp/oauth/authorize")]
pub struct Authorize {
    /// The connected app's client id.
    pub client_id: ConnectedAppId,
    /// Whether the member granted the requested scopes.
    pub consent_granted: bool,
    /// The scopes the app requests.
    pub scopes: Vec<String>,
    /// The redirect URI the app registered and sent.
    pub redirect_uri: String,
    /// The OAuth response type, `code`.
    pub response_type: IdpResponseType,
    /// The member's organization (with `member_id`).
    pub organization_id: Option<OrganizationId>,
    /// The member (with `organization_id`).
    pub member_id: Option<MemberId>,
    /// The member's session token (links the authorization to the session).
    pub session_token: Option<Secret<String>>,
    /// The member's session JWT (links the authorization to the session).
    pub session_jwt: Option<Secret<String>>,
    /// The OAuth prompt; `consent` asks for consent again.
    pub prompt: Option<IdpPrompt>,
    /// The app's OAuth `state`, passed back on the redirect.
    pub state: Option<String>,
    /// The app's OpenID Connect `nonce`, put in the ID token.
    pub nonce: Option<String>,
    /// The app's PKCE code challenge (required for public clients).
    pub code_challenge: Option<String>,
    /// Resource indicators (RFC 8707) the token is for.
    pub resources: Option<Vec<String>>,
}

/// What [`Authorize`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthorizeResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// Where to redirect the member. A [`Secret`] because on success its query carries the
    /// authorization code.
    #[serde(default, deserialize_with = "null_as_default")]
    pub redirect_uri: Secret<String>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The authorization code, on success.
    #[serde(default)]
    pub authorization_code: Option<Secret<String>>,
}

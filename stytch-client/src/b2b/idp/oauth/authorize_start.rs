//! The consent-screen pre-flight of a connected app's authorization request.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{
    ConnectedAppId, ConnectedAppPublic, IdpPrompt, IdpResponseType, Member, MemberId, Organization,
    OrganizationId, ScopeResult,
};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Checks a connected app's authorization request for a member before showing a consent screen:
/// which app asks, whether consent is needed, and which requested scopes the member may grant.
/// Name the member with `organization_id` and `member_id`, or with a session.
///
/// It only reads and checks, so it is marked `idempotent` (retried after a lost response).
///
/// `POST /v1/b2b/idp/oauth/authorize/start`; official SDKs: Ruby `idp.oauth.authorize_start`,
/// Node `idp.oauth.authorizeStart`, Python `idp.oauth.authorize_start`.
#[endpoint(POST, "/v1/b2b/idp/oauth/authorize/start", idempotent)]
pub struct AuthorizeStart {
    /// The connected app's client id.
    pub client_id: ConnectedAppId,
    /// The redirect URI the app registered and sent.
    pub redirect_uri: String,
    /// The OAuth response type, `code`.
    pub response_type: IdpResponseType,
    /// The scopes the app requests.
    pub scopes: Vec<String>,
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
}

/// What [`AuthorizeStart`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct AuthorizeStartResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The member's id.
    pub member_id: MemberId,
    /// The member the request is for.
    pub member: Member,
    /// The member's organization.
    pub organization: Organization,
    /// The connected app asking for access.
    pub client: ConnectedAppPublic,
    /// Whether the member must be asked for consent.
    #[serde(default, deserialize_with = "null_as_default")]
    pub consent_required: bool,
    /// Each requested scope and whether the member may grant it.
    #[serde(default, deserialize_with = "null_as_default")]
    pub scope_results: Vec<ScopeResult>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! The JSON Web Key Set that signs session JWTs.

use crate::b2b::models::Jwk;
use crate::b2b::models::de::null_as_default;
use crate::endpoint;
use serde::Deserialize;

/// Fetches the public keys that sign the project's session JWTs.
///
/// `GET /v1/b2b/sessions/jwks/{project_id}`; official SDKs: Ruby `sessions.get_jwks`, Node
/// `sessions.getJWKS`, Python `sessions.get_jwks`.
#[endpoint(GET, "/v1/b2b/sessions/jwks/{project_id}")]
pub struct GetJwks {
    /// Your project id.
    pub project_id: String,
}

/// What [`GetJwks`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct GetJwksResponse {
    /// The public keys that sign session JWTs.
    #[serde(default, deserialize_with = "null_as_default")]
    pub keys: Vec<Jwk>,
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
}

//! The project's RBAC policy.

use crate::b2b::models;
use crate::endpoint;
use serde::Deserialize;

/// Fetches the project's RBAC policy: its roles, resources and OAuth scopes. The official SDKs
/// cache it to evaluate authorization checks locally.
///
/// `GET /v1/b2b/rbac/policy`; official SDKs: Ruby `rbac.policy`, Node `rbac.policy`, Python
/// `rbac.policy`.
#[endpoint(GET, "/v1/b2b/rbac/policy")]
pub struct Policy {}

/// What [`Policy`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct PolicyResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The project's RBAC policy.
    #[serde(default)]
    pub policy: Option<models::Policy>,
}

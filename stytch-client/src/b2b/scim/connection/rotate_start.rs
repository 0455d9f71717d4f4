//! SCIM bearer token rotation: start.

use crate::b2b::models::{ConnectionId, OrganizationId, ScimConnectionWithNextToken};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Starts rotating a SCIM connection's bearer token: the response holds the new token, and the
/// current one keeps working until [`RotateComplete`](super::RotateComplete).
///
/// `POST /v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/start`; official SDKs:
/// Ruby `scim.connection.rotate_start`, Node `scim.connection.rotateStart`, Python
/// `scim.connection.rotate_start`.
// One line although long: the catalog's declaration check reads `#[endpoint(..)]` line by line.
#[rustfmt::skip]
#[endpoint(POST, "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/start")]
pub struct RotateStart {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SCIM connection.
    pub connection_id: ConnectionId,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`RotateStart`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RotateStartResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The connection, with the new bearer token.
    #[serde(default)]
    pub connection: Option<ScimConnectionWithNextToken>,
}

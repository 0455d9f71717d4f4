//! SCIM bearer token rotation: complete.

use crate::b2b::models::{ConnectionId, OrganizationId, ScimConnection};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Completes a bearer token rotation: the new token becomes the current one and the old one stops
/// working.
///
/// `POST /v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/complete`; official SDKs:
/// Ruby `scim.connection.rotate_complete`, Node `scim.connection.rotateComplete`, Python
/// `scim.connection.rotate_complete`.
// One line although long: the catalog's declaration check reads `#[endpoint(..)]` line by line.
#[rustfmt::skip]
#[endpoint(POST, "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/complete")]
pub struct RotateComplete {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SCIM connection.
    pub connection_id: ConnectionId,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`RotateComplete`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RotateCompleteResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The connection after the rotation.
    #[serde(default)]
    pub connection: Option<ScimConnection>,
}

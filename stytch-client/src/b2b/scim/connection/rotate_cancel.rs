//! SCIM bearer token rotation: cancel.

use crate::b2b::models::{ConnectionId, OrganizationId, ScimConnection};
use crate::{Authorization, endpoint};
use serde::Deserialize;

/// Cancels a bearer token rotation: the new token is discarded and the current one kept.
///
/// `POST /v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/cancel`; official SDKs:
/// Ruby `scim.connection.rotate_cancel`, Node `scim.connection.rotateCancel`, Python
/// `scim.connection.rotate_cancel`.
// One line although long: the catalog's declaration check reads `#[endpoint(..)]` line by line.
#[rustfmt::skip]
#[endpoint(POST, "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/cancel")]
pub struct RotateCancel {
    /// The organization's id (its slug or external id work too).
    pub organization_id: OrganizationId,
    /// The SCIM connection.
    pub connection_id: ConnectionId,
    /// Act with this member's RBAC permissions on `stytch.scim`.
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

/// What [`RotateCancel`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct RotateCancelResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The connection, with its current token.
    #[serde(default)]
    pub connection: Option<ScimConnection>,
}

//! Listing discoverable organizations.

use crate::b2b::models::de::null_as_default;
use crate::b2b::models::{DiscoveredOrganization, OrganizationId};
use crate::{Secret, endpoint};
use serde::Deserialize;

/// Lists the organizations an intermediate session or session can enter. Changes nothing.
///
/// `POST /v1/b2b/discovery/organizations`; official SDKs: Ruby `discovery.organizations.list`, Node
/// `discovery.organizations.list`, Python `discovery.organizations.list`.
#[endpoint(POST, "/v1/b2b/discovery/organizations", idempotent)]
pub struct List {
    /// List by intermediate session token (only one of the three).
    pub intermediate_session_token: Option<Secret<String>>,
    /// List by session token (only one of the three).
    pub session_token: Option<Secret<String>>,
    /// List by session JWT (only one of the three).
    pub session_jwt: Option<Secret<String>>,
}

/// What [`List`] returns.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ListResponse {
    /// Stytch's id for this request; quote it to support.
    pub request_id: String,
    /// The email address the discovery ran for.
    pub email_address: String,
    /// Organizations the email address can log into or join.
    #[serde(default, deserialize_with = "null_as_default")]
    pub discovered_organizations: Vec<DiscoveredOrganization>,
    /// The HTTP status Stytch answered with.
    pub status_code: u16,
    /// The organization an intermediate session token is bound to, if any.
    #[serde(default)]
    pub organization_id_hint: Option<OrganizationId>,
}

//! The table of Stytch's B2B API routes, and which of them this emulator serves.
//!
//! A request for a route in this table that the emulator does not serve is answered with a
//! distinct `501 not_emulated` error (see [`crate::policy::NOT_EMULATED_ERROR`]) instead of the
//! `404 route_not_found` a typo gets, so a test that reaches past what is emulated says so.

use axum::http::Method;

/// One route of Stytch's B2B API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// The HTTP method.
    pub method: &'static str,
    /// The path template, captures in braces (`/v1/b2b/organizations/{organization_id}`).
    pub path: &'static str,
    /// Whether this emulator serves it.
    pub emulated: bool,
}

const GET: &str = "GET";
const POST: &str = "POST";
const PUT: &str = "PUT";
const DELETE: &str = "DELETE";

const fn route(method: &'static str, path: &'static str, emulated: bool) -> Route {
    Route {
        method,
        path,
        emulated,
    }
}

/// Every route of Stytch's B2B API (the introspection endpoint under both of its paths).
pub const ROUTES: &[Route] = &[
    route(POST, "/v1/b2b/discovery/intermediate_sessions/exchange", true),
    route(POST, "/v1/b2b/discovery/organizations", true),
    route(POST, "/v1/b2b/discovery/organizations/create", true),
    route(POST, "/v1/b2b/idp/oauth/authorize", false),
    route(POST, "/v1/b2b/idp/oauth/authorize/start", false),
    route(POST, "/v1/b2b/impersonation/authenticate", false),
    route(POST, "/v1/b2b/magic_links/authenticate", true),
    route(POST, "/v1/b2b/magic_links/discovery/authenticate", true),
    route(POST, "/v1/b2b/magic_links/email/discovery/send", true),
    route(POST, "/v1/b2b/magic_links/email/invite", true),
    route(POST, "/v1/b2b/magic_links/email/login_or_signup", true),
    route(POST, "/v1/b2b/oauth/authenticate", false),
    route(POST, "/v1/b2b/oauth/discovery/authenticate", false),
    route(POST, "/v1/b2b/organizations", true),
    route(
        GET,
        "/v1/b2b/organizations/members/dangerously_get/{member_id}",
        true,
    ),
    route(POST, "/v1/b2b/organizations/members/search", true),
    route(POST, "/v1/b2b/organizations/search", true),
    route(DELETE, "/v1/b2b/organizations/{organization_id}", true),
    route(GET, "/v1/b2b/organizations/{organization_id}", true),
    route(PUT, "/v1/b2b/organizations/{organization_id}", true),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/connected_apps",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}",
        true,
    ),
    route(
        DELETE,
        "/v1/b2b/organizations/{organization_id}/external_id",
        true,
    ),
    route(GET, "/v1/b2b/organizations/{organization_id}/member", true),
    route(POST, "/v1/b2b/organizations/{organization_id}/members", true),
    route(
        DELETE,
        "/v1/b2b/organizations/{organization_id}/members/mfa_phone_numbers/{member_id}",
        true,
    ),
    route(
        DELETE,
        "/v1/b2b/organizations/{organization_id}/members/passwords/{member_password_id}",
        true,
    ),
    route(
        DELETE,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}",
        true,
    ),
    route(
        PUT,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps",
        true,
    ),
    route(
        POST,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke",
        true,
    ),
    route(
        DELETE,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/external_id",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/github",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/google",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/hubspot",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/microsoft",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/oauth_providers/slack",
        true,
    ),
    route(
        GET,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/oidc_providers",
        true,
    ),
    route(
        PUT,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/reactivate",
        true,
    ),
    route(
        POST,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/start_email_update",
        true,
    ),
    route(
        DELETE,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/totp",
        true,
    ),
    route(
        POST,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/unlink_retired_email",
        true,
    ),
    route(GET, "/v1/b2b/organizations/{organization_id}/metrics", true),
    route(POST, "/v1/b2b/otps/email/authenticate", true),
    route(POST, "/v1/b2b/otps/email/discovery/authenticate", true),
    route(POST, "/v1/b2b/otps/email/discovery/send", true),
    route(POST, "/v1/b2b/otps/email/login_or_signup", true),
    route(POST, "/v1/b2b/otps/sms/authenticate", true),
    route(POST, "/v1/b2b/otps/sms/send", true),
    route(POST, "/v1/b2b/passwords/authenticate", true),
    route(POST, "/v1/b2b/passwords/discovery/authenticate", true),
    route(POST, "/v1/b2b/passwords/discovery/email/reset", true),
    route(POST, "/v1/b2b/passwords/discovery/email/reset/start", true),
    route(POST, "/v1/b2b/passwords/email/require_reset", true),
    route(POST, "/v1/b2b/passwords/email/reset", true),
    route(POST, "/v1/b2b/passwords/email/reset/start", true),
    route(POST, "/v1/b2b/passwords/existing_password/reset", true),
    route(POST, "/v1/b2b/passwords/migrate", true),
    route(POST, "/v1/b2b/passwords/session/reset", true),
    route(POST, "/v1/b2b/passwords/strength_check", true),
    route(GET, "/v1/b2b/rbac/organizations/{organization_id}", true),
    route(PUT, "/v1/b2b/rbac/organizations/{organization_id}", true),
    route(GET, "/v1/b2b/rbac/policy", true),
    route(POST, "/v1/b2b/recovery_codes/recover", true),
    route(POST, "/v1/b2b/recovery_codes/rotate", true),
    route(GET, "/v1/b2b/recovery_codes/{organization_id}/{member_id}", true),
    route(GET, "/v1/b2b/scim/{organization_id}/connection", false),
    route(POST, "/v1/b2b/scim/{organization_id}/connection", false),
    route(
        DELETE,
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}",
        false,
    ),
    route(
        GET,
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}",
        false,
    ),
    route(
        PUT,
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}",
        false,
    ),
    route(
        POST,
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/cancel",
        false,
    ),
    route(
        POST,
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/complete",
        false,
    ),
    route(
        POST,
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/start",
        false,
    ),
    route(GET, "/v1/b2b/sessions", true),
    route(POST, "/v1/b2b/sessions/attest", true),
    route(POST, "/v1/b2b/sessions/authenticate", true),
    route(POST, "/v1/b2b/sessions/exchange", true),
    route(POST, "/v1/b2b/sessions/exchange_access_token", true),
    route(GET, "/v1/b2b/sessions/jwks/{project_id}", true),
    route(POST, "/v1/b2b/sessions/migrate", true),
    route(POST, "/v1/b2b/sessions/revoke", true),
    route(POST, "/v1/b2b/sso/authenticate", false),
    route(POST, "/v1/b2b/sso/external/{organization_id}", false),
    route(
        PUT,
        "/v1/b2b/sso/external/{organization_id}/connections/{connection_id}",
        false,
    ),
    route(POST, "/v1/b2b/sso/oidc/{organization_id}", false),
    route(
        PUT,
        "/v1/b2b/sso/oidc/{organization_id}/connections/{connection_id}",
        false,
    ),
    route(POST, "/v1/b2b/sso/saml/{organization_id}", false),
    route(
        PUT,
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}",
        false,
    ),
    route(
        DELETE,
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/encryption_private_keys/{private_key_id}",
        false,
    ),
    route(
        PUT,
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/url",
        false,
    ),
    route(
        DELETE,
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/verification_certificates/{certificate_id}",
        false,
    ),
    route(GET, "/v1/b2b/sso/{organization_id}", false),
    route(
        DELETE,
        "/v1/b2b/sso/{organization_id}/connections/{connection_id}",
        false,
    ),
    route(POST, "/v1/b2b/totp", true),
    route(POST, "/v1/b2b/totp/authenticate", true),
    route(POST, "/v1/b2b/totp/migrate", true),
    route(POST, "/v1/oauth2/introspect", false),
    route(POST, "/v1/public/{project_id}/oauth2/introspect", false),
];

impl Route {
    /// Whether `method path` is a request for this route (each capture matches one non-empty
    /// segment).
    pub fn matches(&self, method: &Method, path: &str) -> bool {
        if self.method != method.as_str() {
            return false;
        }
        let mut actual = path.trim_end_matches('/').split('/');
        let mut template = self.path.split('/');
        loop {
            match (template.next(), actual.next()) {
                (None, None) => return true,
                (Some(t), Some(a)) if t.starts_with('{') => {
                    if a.is_empty() {
                        return false;
                    }
                }
                (Some(t), Some(a)) if t == a => {}
                _ => return false,
            }
        }
    }
}

/// The Stytch route `method path` asks for, if any.
pub(crate) fn find(method: &Method, path: &str) -> Option<&'static Route> {
    ROUTES.iter().find(|r| r.matches(method, path))
}

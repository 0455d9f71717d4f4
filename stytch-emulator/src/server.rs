//! Routing, Basic auth, and the Stytch-shaped answers for unknown paths and wrong methods.

use crate::app::App;
use crate::errors::ApiError;
use crate::handlers::{
    discovery, emulator_api, member_admin, member_providers, members, org_admin, organizations, passwords,
    rbac, sessions,
};
use crate::handlers::{magic_links, otps, recovery_codes, totps};
use crate::policy;
use crate::routes;
use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::{HeaderValue, Method, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use base64::Engine as _;
use subtle::ConstantTimeEq as _;

/// The path prefix of the emulator's own test hooks (never a Stytch path).
pub const EMULATOR_PREFIX: &str = "/__emulator";

/// A JSON response with a status.
pub(crate) fn json_response(status: StatusCode, body: &serde_json::Value) -> Response {
    let mut response = Response::new(Body::from(body.to_string()));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// Checks `Authorization: Basic base64(project_id:secret)`: 401 `unauthorized_credentials`
/// for anything else (missing, malformed or wrong).
async fn basic_auth(State(app): State<App>, request: Request, next: Next) -> Response {
    let s = app.settings();
    let expected = format!("{}:{}", s.project_id, s.secret.expose_secret());
    let ok = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("basic").then_some(rest.trim())
        })
        .and_then(|b64| base64::engine::general_purpose::STANDARD.decode(b64).ok())
        .is_some_and(|decoded| {
            decoded.len() == expected.len() && bool::from(decoded.ct_eq(expected.as_bytes()))
        });
    if ok {
        next.run(request).await
    } else {
        ApiError::unauthorized().into_response()
    }
}

/// The answer for a request no handler serves: `501 not_emulated` for a real Stytch route this
/// emulator does not serve yet, else `405` for a served path with another method, else `404`.
fn unserved(method: &Method, uri: &Uri, path_exists: bool) -> Response {
    if let Some(route) = routes::find(method, uri.path()) {
        let (status, ty) = policy::NOT_EMULATED_ERROR;
        return ApiError::new(
            status,
            ty,
            format!(
                "{} {} is part of Stytch's B2B API, but this emulator does not serve it yet.",
                route.method, route.path
            ),
        )
        .into_response();
    }
    if path_exists {
        let (status, ty) = policy::WRONG_METHOD_ERROR;
        ApiError::new(status, ty, "This method is not allowed for the requested path.").into_response()
    } else {
        let (status, ty) = policy::UNKNOWN_ROUTE_ERROR;
        ApiError::new(status, ty, "The requested path does not exist.").into_response()
    }
}

async fn unknown_route(method: Method, uri: Uri) -> Response {
    unserved(&method, &uri, false)
}

async fn wrong_method(method: Method, uri: Uri) -> Response {
    unserved(&method, &uri, true)
}

/// The whole API.
pub(crate) fn router(app: App) -> Router {
    let api = Router::new()
        .route("/v1/b2b/organizations", post(organizations::create))
        .route(
            "/v1/b2b/organizations/{organization_id}",
            get(organizations::get)
                .put(org_admin::update)
                .delete(org_admin::delete),
        )
        .route(
            "/v1/b2b/organizations/{organization_id}/members",
            post(members::create),
        )
        .route(
            "/v1/b2b/organizations/{organization_id}/member",
            get(members::get),
        )
        .route(
            "/v1/b2b/organizations/members/dangerously_get/{member_id}",
            get(members::dangerously_get),
        )
        .route(
            "/v1/b2b/passwords/strength_check",
            post(passwords::strength_check::handle),
        )
        .route("/v1/b2b/passwords/migrate", post(passwords::migrate::handle))
        .route(
            "/v1/b2b/passwords/authenticate",
            post(passwords::authenticate::handle),
        )
        .route(
            "/v1/b2b/passwords/email/reset/start",
            post(passwords::email::reset_start),
        )
        .route("/v1/b2b/passwords/email/reset", post(passwords::email::reset))
        .route(
            "/v1/b2b/passwords/email/require_reset",
            post(passwords::email::require_reset),
        )
        .route(
            "/v1/b2b/passwords/session/reset",
            post(passwords::session_reset::handle),
        )
        .route(
            "/v1/b2b/passwords/existing_password/reset",
            post(passwords::existing::handle),
        )
        .route(
            "/v1/b2b/passwords/discovery/authenticate",
            post(passwords::discovery::authenticate),
        )
        .route(
            "/v1/b2b/passwords/discovery/email/reset/start",
            post(passwords::discovery::reset_start),
        )
        .route(
            "/v1/b2b/passwords/discovery/email/reset",
            post(passwords::discovery::reset),
        )
        .route("/v1/b2b/sessions", get(sessions::get))
        .route("/v1/b2b/sessions/authenticate", post(sessions::authenticate))
        .route("/v1/b2b/sessions/revoke", post(sessions::revoke))
        .route("/v1/b2b/sessions/exchange", post(sessions::exchange))
        .route(
            "/v1/b2b/sessions/exchange_access_token",
            post(sessions::exchange_access_token),
        )
        .route("/v1/b2b/sessions/attest", post(sessions::attest))
        .route("/v1/b2b/sessions/migrate", post(sessions::migrate))
        .route("/v1/b2b/discovery/organizations", post(discovery::list))
        .route("/v1/b2b/discovery/organizations/create", post(discovery::create))
        .route(
            "/v1/b2b/discovery/intermediate_sessions/exchange",
            post(discovery::exchange),
        )
        // Magic links, passcodes, TOTP, recovery codes.
        .route(
            "/v1/b2b/magic_links/email/login_or_signup",
            post(magic_links::login_or_signup),
        )
        .route("/v1/b2b/magic_links/email/invite", post(magic_links::invite))
        .route(
            "/v1/b2b/magic_links/email/discovery/send",
            post(magic_links::discovery_send),
        )
        .route(
            "/v1/b2b/magic_links/authenticate",
            post(magic_links::authenticate),
        )
        .route(
            "/v1/b2b/magic_links/discovery/authenticate",
            post(magic_links::discovery_authenticate),
        )
        .route(
            "/v1/b2b/otps/email/login_or_signup",
            post(otps::email_login_or_signup),
        )
        .route("/v1/b2b/otps/email/authenticate", post(otps::email_authenticate))
        .route(
            "/v1/b2b/otps/email/discovery/send",
            post(otps::email_discovery_send),
        )
        .route(
            "/v1/b2b/otps/email/discovery/authenticate",
            post(otps::email_discovery_authenticate),
        )
        .route("/v1/b2b/otps/sms/send", post(otps::sms_send))
        .route("/v1/b2b/otps/sms/authenticate", post(otps::sms_authenticate))
        .route("/v1/b2b/totp", post(totps::create))
        .route("/v1/b2b/totp/authenticate", post(totps::authenticate))
        .route("/v1/b2b/totp/migrate", post(totps::migrate))
        .route(
            "/v1/b2b/recovery_codes/{organization_id}/{member_id}",
            get(recovery_codes::get),
        )
        .route("/v1/b2b/recovery_codes/rotate", post(recovery_codes::rotate))
        .route("/v1/b2b/recovery_codes/recover", post(recovery_codes::recover))
        .route(
            &format!("{EMULATOR_PREFIX}/outbox"),
            get(emulator_api::outbox).delete(emulator_api::clear_outbox),
        )
        .route(&format!("{EMULATOR_PREFIX}/clock"), get(emulator_api::clock))
        .route(
            &format!("{EMULATOR_PREFIX}/clock/advance"),
            post(emulator_api::advance_clock),
        )
        // -- Organizations, members and RBAC (issue 13) --
        .merge(issue13_routes())
        // Runs after basic_auth (route layers wrap outward).
        .route_layer(middleware::from_fn_with_state(
            app.clone(),
            crate::authorization::enforce,
        ))
        .route_layer(middleware::from_fn_with_state(app.clone(), basic_auth));
    // The JWKS needs no authentication.
    let public = Router::new().route("/v1/b2b/sessions/jwks/{project_id}", get(sessions::jwks));
    api.merge(public)
        .fallback(unknown_route)
        .method_not_allowed_fallback(wrong_method)
        .layer(middleware::from_fn(crate::request_log::log_request))
        .with_state(app)
}

/// The organizations, members and RBAC routes (issue 13), authenticated like the rest.
fn issue13_routes() -> Router<App> {
    const ORG: &str = "/v1/b2b/organizations/{organization_id}";
    const MEMBER: &str = "/v1/b2b/organizations/{organization_id}/members/{member_id}";
    Router::new()
        .route("/v1/b2b/organizations/search", post(org_admin::search))
        .route(&format!("{ORG}/metrics"), get(org_admin::metrics))
        .route(
            &format!("{ORG}/external_id"),
            delete(org_admin::delete_external_id),
        )
        .route(&format!("{ORG}/connected_apps"), get(org_admin::connected_apps))
        .route(
            &format!("{ORG}/connected_apps/{{connected_app_id}}"),
            get(org_admin::get_connected_app),
        )
        .route("/v1/b2b/organizations/members/search", post(member_admin::search))
        .route(MEMBER, put(member_admin::update).delete(member_admin::delete))
        .route(&format!("{MEMBER}/reactivate"), put(member_admin::reactivate))
        .route(
            &format!("{ORG}/members/mfa_phone_numbers/{{member_id}}"),
            delete(member_admin::delete_mfa_phone_number),
        )
        .route(&format!("{MEMBER}/totp"), delete(member_admin::delete_totp))
        .route(
            &format!("{ORG}/members/passwords/{{member_password_id}}"),
            delete(member_admin::delete_password),
        )
        .route(
            &format!("{MEMBER}/external_id"),
            delete(member_admin::delete_external_id),
        )
        .route(
            &format!("{MEMBER}/unlink_retired_email"),
            post(member_admin::unlink_retired_email),
        )
        .route(
            &format!("{MEMBER}/start_email_update"),
            post(member_admin::start_email_update),
        )
        .route(
            &format!("{MEMBER}/oauth_providers/google"),
            get(member_providers::google),
        )
        .route(
            &format!("{MEMBER}/oauth_providers/microsoft"),
            get(member_providers::microsoft),
        )
        .route(
            &format!("{MEMBER}/oauth_providers/slack"),
            get(member_providers::slack),
        )
        .route(
            &format!("{MEMBER}/oauth_providers/hubspot"),
            get(member_providers::hubspot),
        )
        .route(
            &format!("{MEMBER}/oauth_providers/github"),
            get(member_providers::github),
        )
        .route(&format!("{MEMBER}/oidc_providers"), get(member_providers::oidc))
        .route(
            &format!("{MEMBER}/connected_apps"),
            get(member_providers::connected_apps),
        )
        .route(
            &format!("{MEMBER}/connected_apps/{{connected_app_id}}/revoke"),
            post(member_providers::revoke_connected_app),
        )
        .route("/v1/b2b/rbac/policy", get(rbac::policy))
        .route(
            "/v1/b2b/rbac/organizations/{organization_id}",
            get(rbac::get_org_policy).put(rbac::set_org_policy),
        )
        .route(
            &format!("{EMULATOR_PREFIX}/rbac/policy"),
            put(rbac::set_project_policy),
        )
}

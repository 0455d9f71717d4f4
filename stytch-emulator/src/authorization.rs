//! Enforcement of the `X-Stytch-Member-Session` / `X-Stytch-Member-SessionJWT` method option.
//!
//! Without either header a request runs with the project's full power, as in Stytch. With one,
//! on an endpoint that accepts it, the request runs with that member's RBAC permissions:
//!
//! 1. the session is authenticated like sessions/authenticate does it (both headers: 400
//!    `too_many_session_arguments`; unknown or expired: the session errors);
//! 2. tenancy: the organization the request is about (path, body, or every entry of a
//!    members search's `organization_ids`) must be the session's, else 403
//!    `session_authorization_tenancy_error`;
//! 3. fields no session may send (`trusted_metadata`) and fields a member may not send about
//!    themselves (`email_address`) are refused;
//! 4. the member's roles must allow the endpoint's resource/action — on updates, every field
//!    sent — else 403 `session_authorization_error`. Where the rule says so, the `stytch.self`
//!    resource with the same action also suffices when the member acts on their own record.
//!
//! All of this runs before the endpoint's own not-found checks, so a member of another
//! organization learns nothing about what exists there. [`RULES`] is the whole table: one row
//! per endpoint that accepts the headers, applied by one middleware ([`enforce`]).

use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::rbac;
use crate::request::parse_object;
use crate::routes::Route;
use crate::sessions::{self, SessionInput};
use crate::store::{PasswordOwner, Store};
use axum::body::Body;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};

/// The member-session header.
pub(crate) const SESSION_HEADER: &str = "x-stytch-member-session";
/// The member-session-JWT header.
pub(crate) const SESSION_JWT_HEADER: &str = "x-stytch-member-sessionjwt";

/// Where the organization a request is about comes from.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Tenancy {
    /// The `organization_id` path capture (id, slug or external id).
    Path,
    /// The `organization_id` body field.
    Body,
    /// Every entry of the body's `organization_ids` (members search).
    SearchIds,
    /// The organization of the member the request targets.
    Target,
}

/// Who the request acts on, for the `stytch.self` alternative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// Nobody in particular: no `stytch.self` alternative.
    None,
    /// The `member_id` path capture (id or external id).
    PathMember,
    /// The owner of the `member_password_id` path capture.
    PasswordOwner,
    /// The body's `member_id` or `email_address` (in its `organization_id`, else the session's).
    BodyMember,
    /// The member whose sessions sessions/revoke revokes.
    RevokedSessions,
}

/// What one field of an update requires.
#[derive(Clone, Copy, Debug)]
pub(crate) enum FieldRule {
    /// This action on the rule's resource (`true`: or on `stytch.self` when acting on oneself).
    Action(&'static str, bool),
    /// This action, and never on oneself.
    NotOnSelf(&'static str),
    /// Refused whenever a session header is present.
    Forbidden((u16, &'static str)),
}

/// The permission an endpoint requires.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Check {
    /// One action on one resource (`self_alt`: or on `stytch.self` when acting on oneself).
    Action {
        resource: &'static str,
        action: &'static str,
        self_alt: bool,
    },
    /// Per field sent; fields not listed need nothing.
    Fields {
        resource: &'static str,
        fields: &'static [(&'static str, FieldRule)],
    },
}

/// One endpoint that accepts the member-session headers.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub method: &'static str,
    pub path: &'static str,
    pub tenancy: Tenancy,
    pub target: Target,
    pub check: Check,
}

const ORG: &str = "stytch.organization";
const MEMBER: &str = "stytch.member";
const SSO: &str = "stytch.sso";
const SCIM: &str = "stytch.scim";

const TRUSTED_METADATA: (&str, FieldRule) = (
    "trusted_metadata",
    FieldRule::Forbidden(policy::RBAC_TRUSTED_METADATA_ERROR),
);

/// organizations update: one action per field.
const ORGANIZATION_FIELDS: &[(&str, FieldRule)] = &[
    ("organization_name", FieldRule::Action("update.info.name", false)),
    ("organization_slug", FieldRule::Action("update.info.slug", false)),
    (
        "organization_logo_url",
        FieldRule::Action("update.info.logo-url", false),
    ),
    (
        "sso_default_connection_id",
        FieldRule::Action("update.settings.default-sso-connection", false),
    ),
    (
        "sso_jit_provisioning",
        FieldRule::Action("update.settings.sso-jit-provisioning", false),
    ),
    (
        "sso_jit_provisioning_allowed_connections",
        FieldRule::Action("update.settings.sso-jit-provisioning", false),
    ),
    (
        "email_allowed_domains",
        FieldRule::Action("update.settings.allowed-domains", false),
    ),
    (
        "email_jit_provisioning",
        FieldRule::Action("update.settings.email-jit-provisioning", false),
    ),
    (
        "email_invites",
        FieldRule::Action("update.settings.email-invites", false),
    ),
    (
        "auth_methods",
        FieldRule::Action("update.settings.allowed-auth-methods", false),
    ),
    (
        "allowed_auth_methods",
        FieldRule::Action("update.settings.allowed-auth-methods", false),
    ),
    (
        "mfa_policy",
        FieldRule::Action("update.settings.mfa-policy", false),
    ),
    (
        "rbac_email_implicit_role_assignments",
        FieldRule::Action("update.settings.implicit-roles", false),
    ),
    (
        "mfa_methods",
        FieldRule::Action("update.settings.allowed-mfa-methods", false),
    ),
    (
        "allowed_mfa_methods",
        FieldRule::Action("update.settings.allowed-mfa-methods", false),
    ),
    (
        "oauth_tenant_jit_provisioning",
        FieldRule::Action("update.settings.oauth-tenant-jit-provisioning", false),
    ),
    (
        "allowed_oauth_tenants",
        FieldRule::Action("update.settings.allowed-oauth-tenants", false),
    ),
    (
        "organization_external_id",
        FieldRule::Action(policy::ORG_EXTERNAL_ID_ACTION, false),
    ),
    (
        "claimed_email_domains",
        FieldRule::Action(policy::ORG_CLAIMED_DOMAINS_ACTION, false),
    ),
    (
        "first_party_connected_apps_allowed_type",
        FieldRule::Action(policy::ORG_CONNECTED_APPS_SETTINGS_ACTION, false),
    ),
    (
        "allowed_first_party_connected_apps",
        FieldRule::Action(policy::ORG_CONNECTED_APPS_SETTINGS_ACTION, false),
    ),
    (
        "third_party_connected_apps_allowed_type",
        FieldRule::Action(policy::ORG_CONNECTED_APPS_SETTINGS_ACTION, false),
    ),
    (
        "allowed_third_party_connected_apps",
        FieldRule::Action(policy::ORG_CONNECTED_APPS_SETTINGS_ACTION, false),
    ),
    TRUSTED_METADATA,
];

/// members update: one action per field, most with the `stytch.self` alternative.
const MEMBER_FIELDS: &[(&str, FieldRule)] = &[
    ("name", FieldRule::Action("update.info.name", true)),
    (
        "untrusted_metadata",
        FieldRule::Action("update.info.untrusted-metadata", true),
    ),
    (
        "is_breakglass",
        FieldRule::Action("update.settings.is-breakglass", false),
    ),
    (
        "mfa_phone_number",
        FieldRule::Action("update.info.mfa-phone", true),
    ),
    (
        "mfa_enrolled",
        FieldRule::Action("update.settings.mfa-enrolled", true),
    ),
    ("roles", FieldRule::Action("update.settings.roles", false)),
    (
        "default_mfa_method",
        FieldRule::Action("update.settings.default-mfa-method", true),
    ),
    ("email_address", FieldRule::NotOnSelf("update.info.email")),
    (
        "external_id",
        FieldRule::Action(policy::MEMBER_EXTERNAL_ID_ACTION, false),
    ),
    TRUSTED_METADATA,
];

const fn rule(
    method: &'static str,
    path: &'static str,
    tenancy: Tenancy,
    target: Target,
    check: Check,
) -> Rule {
    Rule {
        method,
        path,
        tenancy,
        target,
        check,
    }
}

const fn act(resource: &'static str, action: &'static str, self_alt: bool) -> Check {
    Check::Action {
        resource,
        action,
        self_alt,
    }
}

use Target::{None as Nobody, PathMember};
use Tenancy::{Body as InBody, Path as InPath};

const MEMBERS: &str = "/v1/b2b/organizations/{organization_id}/members";

/// Every endpoint that accepts the member-session headers, and what it requires. Actions Stytch
/// does not document are named in [`crate::policy`].
pub(crate) const RULES: &[Rule] = &[
    rule(
        "PUT",
        "/v1/b2b/organizations/{organization_id}",
        InPath,
        Nobody,
        Check::Fields {
            resource: ORG,
            fields: ORGANIZATION_FIELDS,
        },
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}",
        InPath,
        Nobody,
        act(ORG, "delete", false),
    ),
    rule(
        "GET",
        "/v1/b2b/organizations/{organization_id}/connected_apps",
        InPath,
        Nobody,
        act(ORG, policy::ORG_CONNECTED_APPS_READ_ACTION, false),
    ),
    rule(
        "GET",
        "/v1/b2b/organizations/{organization_id}/connected_apps/{connected_app_id}",
        InPath,
        Nobody,
        act(ORG, policy::ORG_CONNECTED_APPS_READ_ACTION, false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}/external_id",
        InPath,
        Nobody,
        act(ORG, policy::ORG_EXTERNAL_ID_ACTION, false),
    ),
    rule("POST", MEMBERS, InPath, Nobody, act(MEMBER, "create", false)),
    rule(
        "PUT",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}",
        InPath,
        PathMember,
        Check::Fields {
            resource: MEMBER,
            fields: MEMBER_FIELDS,
        },
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}",
        InPath,
        PathMember,
        act(MEMBER, "delete", true),
    ),
    rule(
        "PUT",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/reactivate",
        InPath,
        Nobody,
        act(MEMBER, policy::MEMBER_REACTIVATE_ACTION, false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}/members/mfa_phone_numbers/{member_id}",
        InPath,
        PathMember,
        act(MEMBER, "update.info.delete.mfa-phone", true),
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/totp",
        InPath,
        PathMember,
        act(MEMBER, "update.info.delete.mfa-totp", true),
    ),
    rule(
        "POST",
        "/v1/b2b/organizations/members/search",
        Tenancy::SearchIds,
        Nobody,
        act(MEMBER, "search", false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}/members/passwords/{member_password_id}",
        InPath,
        Target::PasswordOwner,
        act(MEMBER, "update.info.delete.password", true),
    ),
    rule(
        "POST",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/unlink_retired_email",
        InPath,
        PathMember,
        act(MEMBER, "update.info.email", false),
    ),
    rule(
        "POST",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/start_email_update",
        InPath,
        PathMember,
        act(MEMBER, "update.info.email", true),
    ),
    rule(
        "GET",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps",
        InPath,
        PathMember,
        act(MEMBER, policy::MEMBER_CONNECTED_APPS_READ_ACTION, true),
    ),
    rule(
        "DELETE",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/external_id",
        InPath,
        PathMember,
        act(MEMBER, policy::MEMBER_EXTERNAL_ID_ACTION, false),
    ),
    rule(
        "POST",
        "/v1/b2b/organizations/{organization_id}/members/{member_id}/connected_apps/{connected_app_id}/revoke",
        InPath,
        PathMember,
        act(MEMBER, policy::MEMBER_CONNECTED_APPS_REVOKE_ACTION, true),
    ),
    rule(
        "POST",
        "/v1/b2b/magic_links/email/invite",
        InBody,
        Nobody,
        act(MEMBER, "create", false),
    ),
    rule(
        "POST",
        "/v1/b2b/passwords/email/require_reset",
        Tenancy::Target,
        Target::BodyMember,
        act(MEMBER, policy::MEMBER_RESET_PASSWORD_ACTION, true),
    ),
    rule(
        "POST",
        "/v1/b2b/sessions/revoke",
        Tenancy::Target,
        Target::RevokedSessions,
        act(MEMBER, policy::MEMBER_REVOKE_SESSIONS_ACTION, true),
    ),
    rule(
        "GET",
        "/v1/b2b/sso/{organization_id}",
        InPath,
        Nobody,
        act(SSO, "get", false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/sso/{organization_id}/connections/{connection_id}",
        InPath,
        Nobody,
        act(SSO, "delete", false),
    ),
    rule(
        "POST",
        "/v1/b2b/sso/oidc/{organization_id}",
        InPath,
        Nobody,
        act(SSO, "create", false),
    ),
    rule(
        "PUT",
        "/v1/b2b/sso/oidc/{organization_id}/connections/{connection_id}",
        InPath,
        Nobody,
        act(SSO, "update", false),
    ),
    rule(
        "POST",
        "/v1/b2b/sso/saml/{organization_id}",
        InPath,
        Nobody,
        act(SSO, "create", false),
    ),
    rule(
        "PUT",
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}",
        InPath,
        Nobody,
        act(SSO, "update", false),
    ),
    rule(
        "PUT",
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/url",
        InPath,
        Nobody,
        act(SSO, "update", false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/verification_certificates/{certificate_id}",
        InPath,
        Nobody,
        act(SSO, "update", false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/sso/saml/{organization_id}/connections/{connection_id}/encryption_private_keys/{private_key_id}",
        InPath,
        Nobody,
        act(SSO, "update", false),
    ),
    rule(
        "POST",
        "/v1/b2b/sso/external/{organization_id}",
        InPath,
        Nobody,
        act(SSO, "create", false),
    ),
    rule(
        "PUT",
        "/v1/b2b/sso/external/{organization_id}/connections/{connection_id}",
        InPath,
        Nobody,
        act(SSO, "update", false),
    ),
    rule(
        "GET",
        "/v1/b2b/scim/{organization_id}/connection",
        InPath,
        Nobody,
        act(SCIM, "get", false),
    ),
    rule(
        "POST",
        "/v1/b2b/scim/{organization_id}/connection",
        InPath,
        Nobody,
        act(SCIM, "create", false),
    ),
    rule(
        "GET",
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}",
        InPath,
        Nobody,
        act(SCIM, "get", false),
    ),
    rule(
        "PUT",
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}",
        InPath,
        Nobody,
        act(SCIM, "update", false),
    ),
    rule(
        "DELETE",
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}",
        InPath,
        Nobody,
        act(SCIM, "delete", false),
    ),
    rule(
        "POST",
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/start",
        InPath,
        Nobody,
        act(SCIM, "update", false),
    ),
    rule(
        "POST",
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/complete",
        InPath,
        Nobody,
        act(SCIM, "update", false),
    ),
    rule(
        "POST",
        "/v1/b2b/scim/{organization_id}/connection/{connection_id}/rotate/cancel",
        InPath,
        Nobody,
        act(SCIM, "update", false),
    ),
];

/// The rule for `method path`, if the endpoint accepts the headers.
pub(crate) fn find_rule(method: &str, path: &str) -> Option<&'static Rule> {
    let method = axum::http::Method::from_bytes(method.as_bytes()).ok()?;
    RULES.iter().find(|r| {
        Route {
            method: r.method,
            path: r.path,
            emulated: true,
        }
        .matches(&method, path)
    })
}

/// The percent-decoded path captures of `template` in `path` (which must match it).
fn captures(template: &str, path: &str) -> Vec<(String, String)> {
    template
        .split('/')
        .zip(path.trim_end_matches('/').split('/'))
        .filter_map(|(t, a)| {
            let name = t.strip_prefix('{')?.strip_suffix('}')?;
            let value = percent_encoding::percent_decode_str(a)
                .decode_utf8_lossy()
                .into_owned();
            Some((name.to_owned(), value))
        })
        .collect()
}

/// A non-empty header value.
fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// The middleware: with a member-session header on an endpoint of [`RULES`], authenticates it
/// and checks the rule before the handler runs; otherwise passes the request through untouched.
pub(crate) async fn enforce(State(app): State<App>, request: Request, next: Next) -> Response {
    let token = header(&request, SESSION_HEADER).map(str::to_owned);
    let jwt = header(&request, SESSION_JWT_HEADER).map(str::to_owned);
    if token.is_none() && jwt.is_none() {
        return next.run(request).await;
    }
    let Some(rule) = find_rule(request.method().as_str(), request.uri().path()) else {
        return next.run(request).await;
    };
    let path = request.uri().path().to_owned();
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, policy::MAX_BODY_BYTES).await {
        Ok(b) => b,
        Err(_) => {
            let (status, ty) = policy::BODY_TOO_LARGE_ERROR;
            return ApiError::new(status, ty, "The request body is too large.").into_response();
        }
    };
    let outcome = parse_object(&bytes).and_then(|fields| {
        let input = SessionInput {
            token: token.as_deref(),
            jwt: jwt.as_deref(),
        };
        check(&app, rule, &captures(rule.path, &path), &fields, &input)
    });
    match outcome {
        Ok(()) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Err(e) => e.into_response(),
    }
}

/// What a check needs to know about the request.
struct Ctx<'a> {
    store: &'a Store,
    captures: &'a [(String, String)],
    body: &'a Map<String, Value>,
    session_org: String,
}

impl Ctx<'_> {
    fn capture(&self, name: &str) -> Option<&str> {
        self.captures
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn body_str(&self, key: &str) -> Option<&str> {
        self.body
            .get(key)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    fn org_id(&self, key: &str) -> Option<String> {
        self.store.find_org(key).map(|o| o.id.clone())
    }

    /// The member id the request targets, resolved the way its endpoint does.
    fn target(&self, target: Target) -> Option<String> {
        let store = self.store;
        match target {
            Target::None => None,
            Target::PathMember => {
                let org = self.org_id(self.capture("organization_id")?)?;
                let key = self.capture("member_id")?;
                store.find_member(&org, key, true).map(|m| m.id.clone())
            }
            Target::PasswordOwner => {
                let id = self.capture("member_password_id")?;
                store.passwords.iter().find_map(|(owner, p)| match owner {
                    PasswordOwner::Member(m) if p.id == id => Some(m.clone()),
                    _ => None,
                })
            }
            Target::BodyMember => {
                // Without an organization_id the session's organization is where to look.
                let org = match self.body_str("organization_id") {
                    Some(key) => self.org_id(key)?,
                    None => self.session_org.clone(),
                };
                match (self.body_str("member_id"), self.body_str("email_address")) {
                    (Some(id), _) => store
                        .members
                        .get(id)
                        .or_else(|| store.find_member(&org, id, true))
                        .map(|m| m.id.clone()),
                    (None, Some(email)) => store.member_by_email(&org, email).map(|m| m.id.clone()),
                    (None, None) => None,
                }
            }
            Target::RevokedSessions => {
                if let Some(id) = self.body_str("member_id") {
                    return Some(id.to_owned());
                }
                let session = match (self.body_str("member_session_id"), self.body_str("session_token")) {
                    (Some(id), _) => store.sessions.get(id),
                    (None, Some(token)) => store
                        .session_tokens
                        .get(token)
                        .and_then(|id| store.sessions.get(id)),
                    (None, None) => None,
                };
                session.map(|s| s.member_id.clone())
            }
        }
    }

    /// The organization the request is about, per the rule; `Err` names a tenancy failure.
    fn tenancy(&self, rule: &Rule) -> ApiResult<()> {
        let (status, ty) = policy::RBAC_TENANCY_ERROR;
        let mismatch = || {
            ApiError::new(
                status,
                ty,
                "The organization of the request does not match the member session's organization.",
            )
        };
        let same = |key: Option<&str>| -> ApiResult<()> {
            match key.and_then(|k| self.org_id(k)) {
                Some(id) if id == self.session_org => Ok(()),
                _ => Err(mismatch()),
            }
        };
        match rule.tenancy {
            Tenancy::Path => same(self.capture("organization_id")),
            Tenancy::Body => same(self.body_str("organization_id")),
            Tenancy::SearchIds => match self.body.get("organization_ids") {
                Some(Value::Array(ids)) => ids.iter().try_for_each(|v| same(v.as_str())),
                _ => Ok(()), // the handler reports the missing field
            },
            Tenancy::Target => match self.target(rule.target).and_then(|m| self.store.members.get(&m)) {
                Some(m) if m.organization_id != self.session_org => Err(mismatch()),
                _ => Ok(()),
            },
        }
    }
}

/// Authenticates the header session and applies `rule`.
fn check(
    app: &App,
    rule: &Rule,
    captures: &[(String, String)],
    body: &Map<String, Value>,
    input: &SessionInput<'_>,
) -> ApiResult<()> {
    if input.token.is_some() && input.jwt.is_some() {
        return Err(ApiError::too_many_session_arguments());
    }
    let session_ref = sessions::session_ref(app, input)?.ok_or_else(ApiError::no_session_arguments)?;
    let store = app.store();
    let sid = sessions::live_session_id(&store, &session_ref, app.now())?;
    let session = &store.sessions[&sid];
    let member = store
        .members
        .get(&session.member_id)
        .filter(|m| m.status != "deleted")
        .ok_or_else(ApiError::session_not_found)?;
    let ctx = Ctx {
        store: &store,
        captures,
        body,
        session_org: session.organization_id.clone(),
    };
    ctx.tenancy(rule)?;
    let is_self =
        rule.target != Target::None && ctx.target(rule.target).as_deref() == Some(member.id.as_str());
    let roles = rbac::member_role_ids(&store, member);
    let allowed = |resource: &str, action: &str, self_alt: bool| {
        !rbac::granting_roles(&store, &ctx.session_org, &roles, resource, action).is_empty()
            || (self_alt
                && is_self
                && !rbac::granting_roles(&store, &ctx.session_org, &roles, rbac::SELF_RESOURCE, action)
                    .is_empty())
    };
    let denied = |resource: &str, action: &str| {
        let (status, ty) = policy::RBAC_DENIED_ERROR;
        ApiError::new(
            status,
            ty,
            format!("The Member is not authorized to perform {action} on {resource}."),
        )
    };
    match rule.check {
        Check::Action {
            resource,
            action,
            self_alt,
        } => {
            if !allowed(resource, action, self_alt) {
                return Err(denied(resource, action));
            }
        }
        Check::Fields { resource, fields } => {
            let sent = |name: &str| body.get(name).is_some_and(|v| !v.is_null());
            // Refusals that do not depend on roles come first.
            for (name, field) in fields.iter().filter(|(n, _)| sent(n)) {
                match field {
                    FieldRule::Forbidden((status, ty)) => {
                        return Err(ApiError::new(
                            *status,
                            ty,
                            format!(
                                "{name} cannot be updated with a member session; use your project secret alone."
                            ),
                        ));
                    }
                    FieldRule::NotOnSelf(_) if is_self => {
                        let (status, ty) = policy::RBAC_OWN_EMAIL_ERROR;
                        return Err(ApiError::new(
                            status,
                            ty,
                            format!("A member cannot update their own {name}."),
                        ));
                    }
                    _ => {}
                }
            }
            for (_, field) in fields.iter().filter(|(n, _)| sent(n)) {
                let (action, self_alt) = match field {
                    FieldRule::Action(action, self_alt) => (*action, *self_alt),
                    FieldRule::NotOnSelf(action) => (*action, false),
                    FieldRule::Forbidden(_) => continue,
                };
                if !allowed(resource, action, self_alt) {
                    return Err(denied(resource, action));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_a_stytch_route() {
        for r in RULES {
            assert!(
                crate::routes::ROUTES
                    .iter()
                    .any(|route| route.method == r.method && route.path == r.path),
                "{} {}",
                r.method,
                r.path
            );
        }
    }

    #[test]
    fn captures_are_decoded() {
        let c = captures(
            "/v1/b2b/organizations/{organization_id}/members/{member_id}",
            "/v1/b2b/organizations/organization%2Dtest%2D1/members/a%20b",
        );
        assert_eq!(
            c,
            [
                ("organization_id".to_owned(), "organization-test-1".to_owned()),
                ("member_id".to_owned(), "a b".to_owned())
            ]
        );
    }

    #[test]
    fn the_more_specific_delete_password_route_is_found() {
        let r = find_rule(
            "DELETE",
            "/v1/b2b/organizations/o/members/passwords/member-password-test-1",
        )
        .unwrap();
        assert_eq!(r.target, Target::PasswordOwner);
    }
}

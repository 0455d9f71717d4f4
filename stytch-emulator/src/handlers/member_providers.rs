//! A member's tokens at OAuth / OIDC providers, and the Connected Apps they authorized (read and
//! revoke). The data comes from test hooks: see [`crate::providers`].

use super::member_admin::resolve;
use super::organizations::obj;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::policy;
use crate::providers::{Provider, ProviderTokens};
use crate::render;
use crate::request::{Fields, PathParams, QueryFields};
use axum::Json;
use axum::extract::{RawQuery, State};
use serde_json::{Value, json};

/// One registration as the provider's endpoint renders it.
fn registration(t: &ProviderTokens, with_refresh: bool) -> Value {
    let mut v = json!({
        "provider_subject": t.provider_subject,
        "access_token": t.access_token,
        "scopes": t.scopes,
    });
    let first_tenant = t.provider_tenant_ids.first().cloned().unwrap_or_default();
    match &t.provider {
        Provider::Google | Provider::Microsoft => {
            v["id_token"] = json!(t.id_token);
            v["access_token_expires_in"] = json!(t.access_token_expires_in);
        }
        Provider::Oidc { connection_id } => {
            v["id_token"] = json!(t.id_token);
            v["access_token_expires_in"] = json!(t.access_token_expires_in);
            v["connection_id"] = json!(connection_id);
        }
        Provider::Slack => {
            v["provider_tenant_id"] = json!(first_tenant);
            v["bot_access_token"] = json!(t.bot_access_token);
            v["bot_scopes"] = json!(t.bot_scopes);
        }
        Provider::Hubspot => {
            v["provider_tenant_id"] = json!(first_tenant);
            v["access_token_expires_in"] = json!(t.access_token_expires_in);
        }
        Provider::Github => v["provider_tenant_ids"] = json!(t.provider_tenant_ids),
    }
    if with_refresh && !matches!(t.provider, Provider::Slack) {
        v["refresh_token"] = json!(t.refresh_token);
    }
    v
}

/// `GET …/members/{member_id}/oauth_providers/{provider}` and `…/oidc_providers`.
async fn provider_tokens(
    app: App,
    provider: &'static str,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
    query: Option<String>,
) -> ApiResult<Json<Value>> {
    let q = QueryFields::parse(query.as_deref())?;
    let with_refresh = match q.opt_str("include_refresh_token")? {
        None => false,
        Some(v) => v
            .parse::<bool>()
            .map_err(|_| ApiError::invalid("include_refresh_token", "must be true or false"))?,
    };
    let store = app.store();
    let (_, member_id) = resolve(&store, &org_key, &member_key, true, false)?;
    let tokens: Vec<&ProviderTokens> = store
        .provider_tokens
        .iter()
        .filter(|t| t.member_id == member_id && t.tokens.provider.name() == provider)
        .map(|t| &t.tokens)
        .collect();
    let body = if matches!(provider, "google" | "microsoft") {
        let t = tokens.first().ok_or_else(|| {
            let (status, ty) = policy::NO_OAUTH_TOKEN_ERROR;
            ApiError::new(
                status,
                ty,
                format!("The member has no {provider} OAuth registration."),
            )
        })?;
        let mut v = registration(t, with_refresh);
        v["provider_type"] = json!(provider);
        v
    } else {
        let registrations: Vec<Value> = tokens.iter().map(|t| registration(t, with_refresh)).collect();
        let mut v = json!({ "registrations": registrations });
        if provider != "oidc" {
            v["provider_type"] = json!(provider);
        }
        v
    };
    Ok(Json(render::success(obj(body))))
}

macro_rules! provider_handler {
    ($($name:ident => $provider:literal),* $(,)?) => {$(
        #[doc = concat!("`GET …/members/{member_id}/", $provider, "` tokens.")]
        pub(crate) async fn $name(
            State(app): State<App>,
            path: PathParams<(String, String)>,
            RawQuery(query): RawQuery,
        ) -> ApiResult<Json<Value>> {
            provider_tokens(app, $provider, path, query).await
        }
    )*};
}

provider_handler! {
    google => "google",
    microsoft => "microsoft",
    slack => "slack",
    hubspot => "hubspot",
    github => "github",
    oidc => "oidc",
}

/// `GET …/members/{member_id}/connected_apps`: the apps the member authorized.
pub(crate) async fn connected_apps(
    State(app): State<App>,
    PathParams((org_key, member_key)): PathParams<(String, String)>,
) -> ApiResult<Json<Value>> {
    let store = app.store();
    let (_, member_id) = resolve(&store, &org_key, &member_key, true, false)?;
    let apps: Vec<Value> = store
        .connected_app_grants
        .iter()
        .filter(|g| g.member_id == member_id)
        .map(|g| {
            json!({
                "connected_app_id": g.app.connected_app_id,
                "name": g.app.name,
                "description": g.app.description,
                "client_type": g.app.client_type,
                "scopes_granted": g.scopes.join(" "),
                "logo_url": g.app.logo_url,
            })
        })
        .collect();
    Ok(Json(render::success(obj(json!({ "connected_apps": apps })))))
}

/// `POST …/members/{member_id}/connected_apps/{connected_app_id}/revoke`: the app loses the
/// member's authorization and every access token it holds for them.
pub(crate) async fn revoke_connected_app(
    State(app): State<App>,
    PathParams((org_key, member_key, app_id)): PathParams<(String, String, String)>,
) -> ApiResult<Json<Value>> {
    let mut store = app.store();
    let (_, member_id) = resolve(&store, &org_key, &member_key, true, false)?;
    let before = store.connected_app_grants.len();
    store
        .connected_app_grants
        .retain(|g| !(g.member_id == member_id && g.app.connected_app_id == app_id));
    if store.connected_app_grants.len() == before {
        return Err(ApiError::not_found(
            "connected_app_not_found",
            "Connected App could not be found.",
        ));
    }
    let sessions: Vec<String> = store
        .sessions
        .values()
        .filter(|s| s.member_id == member_id)
        .map(|s| s.id.clone())
        .collect();
    store
        .access_tokens
        .retain(|_, t| !(t.client_id == app_id && sessions.contains(&t.session_id)));
    Ok(Json(render::success(serde_json::Map::new())))
}

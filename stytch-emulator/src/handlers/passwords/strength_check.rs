//! `POST /v1/b2b/passwords/strength_check`: never errors on a weak password.

use crate::app::App;
use crate::errors::ApiResult;
use crate::render;
use crate::request::{Body, Fields, validate_email};
use axum::Json;
use axum::extract::State;
use serde_json::{Map, Value, json};

pub(crate) async fn handle(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let password = body.req_str("password")?.to_owned();
    let email = body.opt_str("email_address")?.map(str::to_owned);
    if let Some(e) = &email {
        validate_email(e)?;
    }
    let app2 = app.clone();
    // zxcvbn takes a few milliseconds on long inputs: keep it off the executor.
    let s = app
        .blocking(move || {
            crate::strength::judge(app2.settings(), &password, email.as_deref(), email.is_some())
        })
        .await?;
    let mut out = Map::new();
    out.insert("valid_password".into(), json!(s.valid));
    out.insert("score".into(), json!(s.score));
    out.insert("breached_password".into(), json!(s.breached));
    out.insert(
        "strength_policy".into(),
        json!(app.settings().strength_policy.name()),
    );
    out.insert(
        "breach_detection_on_create".into(),
        json!(app.settings().breach_detection_on_create),
    );
    out.insert("luds_feedback".into(), s.luds_feedback);
    out.insert("zxcvbn_feedback".into(), s.zxcvbn_feedback);
    Ok(Json(render::success(out)))
}

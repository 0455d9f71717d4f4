//! `/__emulator/*`: test hooks over HTTP for non-Rust users (Basic auth like the API).

use super::organizations::obj;
use crate::app::App;
use crate::errors::{ApiError, ApiResult};
use crate::request::{Body, Fields, QueryFields};
use crate::store::normalize_email;
use axum::Json;
use axum::extract::{RawQuery, State};
use serde_json::{Value, json};
use std::time::Duration;

/// `GET /__emulator/outbox[?to=address]`: `{"messages": [...]}`, oldest first.
pub(crate) async fn outbox(State(app): State<App>, RawQuery(query): RawQuery) -> ApiResult<Json<Value>> {
    let q = QueryFields::parse(query.as_deref())?;
    let to = q.opt_str("to")?.map(normalize_email);
    let store = app.store();
    let messages: Vec<_> = store
        .outbox
        .iter()
        .filter(|m| to.as_ref().is_none_or(|t| *t == m.to))
        .collect();
    Ok(Json(json!({ "messages": messages })))
}

/// `DELETE /__emulator/outbox`: empties the outbox.
pub(crate) async fn clear_outbox(State(app): State<App>) -> Json<Value> {
    app.store().outbox.clear();
    Json(json!({ "cleared": true }))
}

/// `POST /__emulator/clock/advance` with `{"seconds": N}`: moves the clock forward.
pub(crate) async fn advance_clock(State(app): State<App>, Body(body): Body) -> ApiResult<Json<Value>> {
    let seconds = body
        .opt_int("seconds")?
        .ok_or_else(|| ApiError::missing("seconds"))?;
    let max = crate::clock::MAX_CLOCK_OFFSET.as_secs();
    let seconds = u64::try_from(seconds)
        .ok()
        .filter(|s| *s <= max)
        .ok_or_else(|| ApiError::invalid("seconds", format!("must be between 0 and {max} (100 years)")))?;
    app.0.clock.advance(Duration::from_secs(seconds));
    Ok(Json(clock_body(&app)))
}

/// `GET /__emulator/clock`: the emulated time.
pub(crate) async fn clock(State(app): State<App>) -> Json<Value> {
    Json(clock_body(&app))
}

fn clock_body(app: &App) -> Value {
    Value::Object(obj(json!({
        "now": crate::clock::rfc3339(app.now()),
        "offset_seconds": app.0.clock.offset().as_secs(),
    })))
}

//! One `tracing` event per request: method, path template, status, latency and Stytch's
//! `request_id`; never a body, a header or a query string (they carry credentials and tokens).

use axum::body::{Body, to_bytes};
use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use std::time::Instant;

/// The `tracing` target of the per-request events.
pub const REQUEST_LOG_TARGET: &str = "stytch_emulator::request";

/// Logs the request at INFO (errors included: a 4xx is an answer, not a failure of the
/// emulator). Does nothing measurable when no subscriber listens at INFO.
pub(crate) async fn log_request(request: Request, next: Next) -> Response {
    if !tracing::enabled!(target: REQUEST_LOG_TARGET, tracing::Level::INFO) {
        return next.run(request).await;
    }
    let started = Instant::now();
    let method = request.method().clone();
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "<no route>".to_owned());
    let response = next.run(request).await;
    let status = response.status().as_u16();
    let (parts, body) = response.into_parts();
    // Emulator answers are small JSON documents: read the request id out of the body.
    let bytes = to_bytes(body, crate::policy::MAX_BODY_BYTES * 16)
        .await
        .unwrap_or_default();
    let request_id = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v.get("request_id").and_then(|id| id.as_str()).map(str::to_owned))
        .unwrap_or_default();
    tracing::info!(
        target: REQUEST_LOG_TARGET,
        %method,
        path = %template,
        status,
        latency_ms = started.elapsed().as_secs_f64() * 1e3,
        request_id = %request_id,
    );
    Response::from_parts(parts, Body::from(bytes))
}

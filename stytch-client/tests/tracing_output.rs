//! Tracing at TRACE level records method, path template, status, request id and latency, and
//! never a body, a header value or a secret.

mod support;

use std::io::Write;
use std::sync::{Arc, Mutex};
use stytch_client::{Authorization, Client, Secret, endpoint};
use support::{Reply, Server};

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = serde_json::Value)]
pub struct Authenticate {
    pub email_address: String,
    pub password: Secret<String>,
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn spans_carry_metadata_but_no_secrets() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = Server::start(|request| {
        if request.body.windows(5).any(|w| w == b"wrong") {
            Reply::json(
                401,
                r#"{"status_code":401,"request_id":"request-id-err-2","error_type":"unauthorized_credentials","error_message":"no","error_url":"u"}"#,
            )
        } else {
            Reply::json(200, r#"{"request_id":"request-id-ok-1","session_token":"mst-token-secret"}"#)
        }
    })
    .await;
    let client = Client::builder()
        .credentials("project-test-trace", "secret-test-do-not-log")
        .base_url(&server.base_url)
        .build()
        .unwrap();
    client
        .send(
            Authenticate::new("ada@example.com", "pw-do-not-log")
                .authorization(Authorization::session_jwt("jwt-do-not-log")),
        )
        .await
        .unwrap();
    client
        .send(Authenticate::new("ada@example.com", "wrong-pw-do-not-log"))
        .await
        .unwrap_err();

    let output = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    for expected in [
        "stytch.request",
        "method=POST",
        "path=\"/v1/b2b/passwords/authenticate\"",
        "status=200",
        "status=401",
        "request_id=\"request-id-ok-1\"",
        "request_id=\"request-id-err-2\"",
        "latency_ms=",
    ] {
        assert!(output.contains(expected), "missing {expected:?} in:\n{output}");
    }
    for secret in [
        "secret-test-do-not-log",
        "pw-do-not-log",
        "jwt-do-not-log",
        "mst-token-secret",
        "ada@example.com",
        "Basic ",
    ] {
        assert!(
            !output.contains(secret),
            "{secret:?} leaked into tracing:\n{output}"
        );
    }
}

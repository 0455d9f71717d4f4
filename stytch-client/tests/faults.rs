//! Fault injection against loopback servers: connections that break, stall or overflow. Each
//! fault gives a clear, typed error in bounded time and memory — never a hang or a panic.

mod support;

use std::time::{Duration, Instant};
use stytch_client::{Client, ErrorKind, RequestOptions, RetryPolicy, endpoint};
use support::{FullAcceptQueue, Reply, Server, Step};

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = serde_json::Value)]
pub struct Authenticate {
    pub email_address: String,
}

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = serde_json::Value)]
pub struct GetOrganization {
    pub organization_id: String,
}

fn client(server: &Server, timeout: Duration) -> Client {
    Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(&server.base_url)
        .timeout(timeout)
        .retry(RetryPolicy::none())
        .build()
        .unwrap()
}

fn head(content_length: usize) -> Vec<u8> {
    format!("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {content_length}\r\n\r\n")
        .into_bytes()
}

/// Generous bound for "did not hang": far above the configured timeouts, far below a hang.
const NO_HANG: Duration = Duration::from_secs(20);

#[tokio::test]
async fn connection_reset_mid_body_is_a_transport_error() {
    let server = Server::start(|_| {
        Reply::Script(vec![
            Step::Write(head(1000)),
            Step::Write(br#"{"request_id":"r","#.to_vec()),
            Step::Reset,
        ])
    })
    .await;
    let error = client(&server, Duration::from_secs(5))
        .send(Authenticate::new("a"))
        .await
        .unwrap_err();
    assert!(
        matches!(error.kind(), ErrorKind::Transport | ErrorKind::Connect),
        "{error:?}"
    );
    assert_eq!(error.attempts(), 1);
    // The cause is in the one-line Display, not only in `source()`.
    let text = error.to_string();
    assert!(text.contains("connection reset"), "{text}");
    assert!(!text.contains('\n'), "{text}");
}

#[tokio::test]
async fn connection_closed_before_the_body_ends_is_an_error_not_a_short_body() {
    let server =
        Server::start(|_| Reply::Script(vec![Step::Write(head(500)), Step::Write(b"{\"a\":".to_vec())]))
            .await;
    let error = client(&server, Duration::from_secs(5))
        .send(Authenticate::new("a"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert!(error.is_transport());
    assert!(
        error
            .to_string()
            .starts_with("POST /v1/b2b/passwords/authenticate: transport error: "),
        "{error}"
    );
    assert!(error.to_string().len() > "POST /v1/b2b/passwords/authenticate: transport error: ".len());
}

#[tokio::test]
async fn a_slow_body_hits_the_timeout() {
    let body = br#"{"request_id":"request-id-test-slow","status_code":200}"#;
    let server = Server::start(move |_| {
        let mut steps = vec![Step::Write(head(body.len()))];
        for byte in body {
            steps.push(Step::Write(vec![*byte]));
            steps.push(Step::Sleep(Duration::from_millis(50)));
        }
        Reply::Script(steps)
    })
    .await;
    let started = Instant::now();
    let error = client(&server, Duration::from_millis(400))
        .send(Authenticate::new("a"))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert!(started.elapsed() < NO_HANG);
}

#[tokio::test]
async fn a_slow_but_timely_body_succeeds() {
    let body = br#"{"ok":true}"#;
    let server = Server::start(move |_| {
        let mut steps = vec![Step::Write(head(body.len()))];
        for chunk in body.chunks(3) {
            steps.push(Step::Write(chunk.to_vec()));
            steps.push(Step::Sleep(Duration::from_millis(10)));
        }
        Reply::Script(steps)
    })
    .await;
    let response = client(&server, Duration::from_secs(5))
        .send(Authenticate::new("a"))
        .await
        .unwrap();
    assert_eq!(response["ok"], true);
}

#[tokio::test]
async fn a_chunked_body_over_the_limit_is_refused_without_reading_it_all() {
    // No content-length: the limit must be enforced while reading. The server would send
    // 64 MiB; the client stops shortly after 64 KiB.
    let server = Server::start(|_| {
        let mut steps = vec![Step::Write(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n"
                .to_vec(),
        )];
        let chunk = format!("{:x}\r\n{}\r\n", 64 * 1024, "a".repeat(64 * 1024)).into_bytes();
        steps.extend(std::iter::repeat_n(Step::Write(chunk), 1024));
        steps.push(Step::Write(b"0\r\n\r\n".to_vec()));
        Reply::Script(steps)
    })
    .await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .max_response_bytes(64 * 1024)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(GetOrganization::new("o")).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ResponseTooLarge, "{error:?}");
    assert!(error.to_string().contains("65536"), "{error}");
    assert!(started.elapsed() < NO_HANG);
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_before_reading() {
    let server = Server::start(|_| {
        Reply::Script(vec![
            Step::Write(head(100 * 1024 * 1024)),
            Step::Sleep(Duration::from_secs(60)),
        ])
    })
    .await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .max_response_bytes(1024 * 1024)
        .build()
        .unwrap();
    let error = client.send(GetOrganization::new("o")).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ResponseTooLarge);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
}

#[tokio::test]
async fn garbage_instead_of_http_is_a_transport_error() {
    let server = Server::start(|_| Reply::Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec())).await;
    let error = client(&server, Duration::from_secs(5))
        .send(Authenticate::new("a"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
}

#[tokio::test]
async fn an_idempotent_call_survives_one_reset_connection() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let server = Server::start(move |_| {
        if seen.fetch_add(1, Ordering::SeqCst) == 0 {
            Reply::Script(vec![Step::Reset])
        } else {
            Reply::json(200, r#"{"ok":true}"#)
        }
    })
    .await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .unwrap();
    let response = client.send(GetOrganization::new("o")).await.unwrap();
    assert_eq!(response["ok"], true);
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn a_post_is_not_repeated_after_a_reset_connection() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let server = Server::start(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
        Reply::Script(vec![Step::Reset])
    })
    .await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .build()
        .unwrap();
    let error = client.send(Authenticate::new("a")).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
    assert_eq!(error.attempts(), 1);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(
        count.load(Ordering::SeqCst),
        1,
        "the server may have acted on it: not repeated"
    );
}

/// A POST: whether it is resent is what matters.
#[endpoint(POST, "/v1/b2b/passwords/migrate", response = serde_json::Value)]
pub struct Migrate {
    pub email_address: String,
}

#[tokio::test]
async fn a_connect_timeout_is_a_connect_error_naming_the_host_and_is_retried() {
    let unreachable = FullAcceptQueue::start().await;
    if !unreachable.drops_syns {
        eprintln!("skipped: this kernel refuses connections to a full accept queue");
        return;
    }
    let client = Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(&unreachable.base_url)
        .connect_timeout(Duration::from_millis(200))
        .timeout(Duration::from_secs(15))
        .retry(RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(5)))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(Migrate::new("a")).await.unwrap_err();
    assert!(started.elapsed() < NO_HANG);
    assert!(error.is_connect() && !error.is_timeout(), "{error:?}");
    assert_eq!(error.attempts(), 3, "never sent, so retried even for a POST");
    assert!(error.is_retryable());
    assert_eq!(
        error.to_string(),
        format!(
            "POST /v1/b2b/passwords/migrate: could not connect to {}: the connect timeout of 200ms elapsed (after 3 attempts)",
            unreachable.host()
        )
    );
}

#[tokio::test]
async fn the_total_timeout_running_out_while_connecting_is_a_connect_error() {
    let unreachable = FullAcceptQueue::start().await;
    if !unreachable.drops_syns {
        eprintln!("skipped: this kernel refuses connections to a full accept queue");
        return;
    }
    let client = Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(&unreachable.base_url)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .send_with(
            Migrate::new("a"),
            &RequestOptions::new().timeout(Duration::from_secs(1)),
        )
        .await
        .unwrap_err();
    assert!(started.elapsed() < NO_HANG);
    assert!(error.is_connect() && !error.is_timeout(), "{error:?}");
    assert!(error.is_retryable(), "the request was never sent");
    assert_eq!(
        error.to_string(),
        format!(
            "POST /v1/b2b/passwords/migrate: could not connect to {}: the total timeout of 1s elapsed before the request could be sent",
            unreachable.host()
        )
    );
}

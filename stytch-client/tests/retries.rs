//! The retry policy on the wire: what is retried, how often, within which time, and what the
//! caller sees.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use stytch_client::{Client, RequestOptions, RetryPolicy, endpoint};
use support::{Reply, Server, Step};

/// A bound that proves "did not run every attempt to its end" without timing the machine.
const WELL_UNDER: Duration = Duration::from_secs(5);

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = serde_json::Value)]
pub struct Authenticate {
    pub email_address: String,
}

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = serde_json::Value)]
pub struct GetOrganization {
    pub organization_id: String,
}

#[endpoint(POST, "/v1/b2b/sessions/authenticate", response = serde_json::Value, idempotent)]
pub struct IdempotentPost {
    pub session_token: String,
}

fn fast_policy() -> RetryPolicy {
    RetryPolicy::default().backoff(Duration::from_millis(1), Duration::from_millis(5))
}

fn client(base_url: &str) -> Client {
    Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(base_url)
        .retry(fast_policy())
        .build()
        .unwrap()
}

#[endpoint(POST, "/v1/b2b/passwords/migrate", response = serde_json::Value)]
pub struct Migrate {
    pub email_address: String,
    pub hash: String,
}

/// A 503 whose `Retry-After` says trying again is safe.
fn unavailable_retry_after() -> Reply {
    Reply::Raw(
        b"HTTP/1.1 503 X\r\nretry-after: 0\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}"
            .to_vec(),
    )
}

/// A server that fails the first `failures` requests with `failure`, then answers 200.
async fn flaky(failures: usize, failure: Reply) -> (Server, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let server = Server::start(move |_| {
        if seen.fetch_add(1, Ordering::SeqCst) < failures {
            failure.clone()
        } else {
            Reply::json(200, r#"{"ok":true}"#)
        }
    })
    .await;
    (server, count)
}

#[tokio::test]
async fn a_503_burst_with_retry_after_is_retried_with_the_same_request() {
    let (server, count) = flaky(2, unavailable_retry_after()).await;
    let response = client(&server.base_url)
        .send(Authenticate::new("ada@example.com"))
        .await
        .unwrap();
    assert_eq!(response["ok"], true);
    assert_eq!(count.load(Ordering::SeqCst), 3);
    let requests = server.requests();
    assert!(
        requests
            .iter()
            .all(|r| r.body == requests[0].body && r.target == requests[0].target)
    );
    assert!(
        requests
            .iter()
            .all(|r| r.header("authorization") == requests[0].header("authorization"))
    );
}

#[tokio::test]
async fn a_post_is_not_resent_on_503_without_retry_after() {
    let (server, count) = flaky(
        1,
        Reply::json(503, r#"{"error_type":"unavailable","error_message":"x"}"#),
    )
    .await;
    let error = client(&server.base_url)
        .send(Migrate::new("ada@example.com", "$2a$10$..."))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!((count.load(Ordering::SeqCst), error.attempts()), (1, 1));
    assert!(!error.is_retryable());

    let (server, count) = flaky(1, Reply::json(503, "")).await;
    client(&server.base_url)
        .send(IdempotentPost::new("t"))
        .await
        .unwrap();
    assert_eq!(count.load(Ordering::SeqCst), 2, "an idempotent POST is resent");

    let (server, count) = flaky(1, Reply::json(503, "")).await;
    client(&server.base_url)
        .send(GetOrganization::new("o"))
        .await
        .unwrap();
    assert_eq!(count.load(Ordering::SeqCst), 2, "a GET is resent");
}

#[tokio::test]
async fn too_many_failures_report_the_attempts() {
    let (server, count) = flaky(10, unavailable_retry_after()).await;
    let error = client(&server.base_url)
        .send(Authenticate::new("a"))
        .await
        .unwrap_err();
    assert_eq!(count.load(Ordering::SeqCst), 3);
    assert_eq!(error.attempts(), 3);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert!(error.to_string().ends_with("(after 3 attempts)"), "{error}");
}

#[tokio::test]
async fn a_429_with_retry_after_is_retried() {
    let limited = Reply::Raw(
        b"HTTP/1.1 429 X\r\nretry-after: 0\r\ncontent-length: 0\r\nconnection: close\r\n\r\n".to_vec(),
    );
    let (server, count) = flaky(1, limited).await;
    client(&server.base_url)
        .send(Authenticate::new("a"))
        .await
        .unwrap();
    assert_eq!(count.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn gateway_errors_are_retried_only_when_idempotent() {
    let (server, count) = flaky(1, Reply::status(502, "text/html", "<html>bad gateway</html>")).await;
    let error = client(&server.base_url)
        .send(Authenticate::new("a"))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(
        (count.load(Ordering::SeqCst), error.attempts()),
        (1, 1),
        "a POST is not repeated"
    );

    let (server, count) = flaky(1, Reply::json(504, "")).await;
    client(&server.base_url)
        .send(GetOrganization::new("org"))
        .await
        .unwrap();
    assert_eq!(count.load(Ordering::SeqCst), 2, "a GET is repeated");

    let (server, count) = flaky(1, Reply::json(502, "")).await;
    client(&server.base_url)
        .send(IdempotentPost::new("t"))
        .await
        .unwrap();
    assert_eq!(
        count.load(Ordering::SeqCst),
        2,
        "a POST marked idempotent is repeated"
    );
}

#[tokio::test]
async fn client_errors_are_never_retried() {
    let (server, count) = flaky(
        1,
        Reply::json(400, r#"{"error_type":"bad_request","error_message":"x"}"#),
    )
    .await;
    client(&server.base_url)
        .send(GetOrganization::new("org"))
        .await
        .unwrap_err();
    assert_eq!(count.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn timeouts_are_retried_only_when_idempotent() {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let server = Server::start(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
        Reply::Hang
    })
    .await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .timeout(Duration::from_secs(10))
        .attempt_timeout(Duration::from_millis(150))
        .retry(fast_policy())
        .build()
        .unwrap();
    let error = client.send(Authenticate::new("a")).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert!(
        error.to_string().contains("the attempt timeout of 150ms"),
        "{error}"
    );
    // Let the server record the request before counting.
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(count.load(Ordering::SeqCst), 1);

    let error = client.send(GetOrganization::new("o")).await.unwrap_err();
    assert!(error.is_timeout());
    assert_eq!(error.attempts(), 3);
}

#[tokio::test]
async fn refused_connections_are_retried_even_for_posts() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let error = client(&base_url).send(Authenticate::new("a")).await.unwrap_err();
    assert!(error.is_connect());
    assert_eq!(error.attempts(), 3);
    assert_eq!(
        error.to_string(),
        format!(
            "POST /v1/b2b/passwords/authenticate: could not connect to {}: connection refused (after 3 attempts)",
            base_url.trim_start_matches("http://")
        )
    );
}

#[tokio::test]
async fn retries_can_be_turned_off_per_client_and_per_call() {
    let (server, count) = flaky(5, unavailable_retry_after()).await;
    let no_retry = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let error = no_retry.send(Authenticate::new("a")).await.unwrap_err();
    assert_eq!((error.attempts(), count.load(Ordering::SeqCst)), (1, 1));

    let options = RequestOptions::new().retry(RetryPolicy::none());
    let error = client(&server.base_url)
        .send_with(Authenticate::new("a"), &options)
        .await
        .unwrap_err();
    assert_eq!((error.attempts(), count.load(Ordering::SeqCst)), (1, 2));

    let options = RequestOptions::new().retry(fast_policy().max_attempts(2));
    let error = no_retry
        .send_with(Authenticate::new("a"), &options)
        .await
        .unwrap_err();
    assert_eq!((error.attempts(), count.load(Ordering::SeqCst)), (2, 4));
}

/// A server that never answers, counting requests.
async fn silent() -> (Server, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let server = Server::start(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
        Reply::Hang
    })
    .await;
    (server, count)
}

#[tokio::test]
async fn the_total_timeout_bounds_the_whole_call() {
    let (server, _) = silent().await;
    let patient = fast_policy().max_attempts(8);
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .timeout(Duration::from_secs(1))
        .retry(patient.clone())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(GetOrganization::new("o")).await.unwrap_err();
    assert!(started.elapsed() < WELL_UNDER, "{:?}", started.elapsed());
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.attempts(), 1, "no time was left for a retry");
    assert!(error.to_string().contains("the total timeout of 1s"), "{error}");

    // The per-call total replaces the client's, and bounds every attempt too.
    let per_call = RequestOptions::new().timeout(Duration::from_millis(800));
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .timeout(Duration::from_secs(60))
        .retry(patient)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client
        .send_with(GetOrganization::new("o"), &per_call)
        .await
        .unwrap_err();
    assert!(started.elapsed() < WELL_UNDER, "{:?}", started.elapsed());
    assert!(
        error.to_string().contains("the total timeout of 800ms"),
        "{error}"
    );
}

#[tokio::test]
async fn an_attempt_timeout_leaves_room_for_retries_within_the_total() {
    let (server, count) = silent().await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .timeout(Duration::from_millis(1500))
        .retry(fast_policy().max_attempts(100))
        .build()
        .unwrap();
    let options = RequestOptions::new().attempt_timeout(Duration::from_millis(200));
    let started = Instant::now();
    let error = client
        .send_with(GetOrganization::new("o"), &options)
        .await
        .unwrap_err();
    assert!(started.elapsed() < WELL_UNDER, "{:?}", started.elapsed());
    assert!(error.is_timeout(), "{error:?}");
    assert!(error.attempts() >= 2, "{error}");
    assert!(
        error.attempts() < 100,
        "retries stop when the next one could not finish: {error}"
    );
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(count.load(Ordering::SeqCst), error.attempts() as usize);
}

#[tokio::test]
async fn a_huge_retry_after_never_panics_and_never_outlives_the_total() {
    // Answered after a second, so that "time spent + Retry-After" overflows a `Duration`.
    let huge = Reply::Script(vec![
        Step::Sleep(Duration::from_millis(1100)),
        Step::Write(
            b"HTTP/1.1 429 X\r\nretry-after: 18446744073709551615\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                .to_vec(),
        ),
    ]);
    let (server, count) = flaky(100, huge).await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .retry(fast_policy().max_retry_after(Duration::MAX))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(Authenticate::new("a")).await.unwrap_err();
    assert!(started.elapsed() < WELL_UNDER, "{:?}", started.elapsed());
    assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
    assert_eq!((error.attempts(), count.load(Ordering::SeqCst)), (1, 1));
    assert!(
        error.is_retryable(),
        "a 429 is retryable, just not within this call's time"
    );
}

#[tokio::test]
async fn unbounded_timeouts_never_panic() {
    let (server, _) = flaky(1, unavailable_retry_after()).await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .timeout(Duration::MAX)
        .attempt_timeout(Duration::MAX)
        .retry(
            RetryPolicy::default()
                .backoff(Duration::MAX, Duration::MAX)
                .max_retry_after(Duration::MAX),
        )
        .build()
        .unwrap();
    let response = client.send(Authenticate::new("a")).await.unwrap();
    assert_eq!(response["ok"], true);
}

#[tokio::test]
async fn is_retryable_answers_with_the_policy_rule_for_this_request() {
    // A POST that timed out may have been applied: the policy does not resend it, and
    // `is_retryable` says the same.
    let (server, count) = silent().await;
    let stalling = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .timeout(Duration::from_secs(10))
        .attempt_timeout(Duration::from_millis(200))
        .retry(fast_policy())
        .build()
        .unwrap();
    let error = stalling
        .send(Migrate::new("ada@example.com", "$2a$10$..."))
        .await
        .unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.attempts(), 1);
    assert!(!error.is_retryable());
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(count.load(Ordering::SeqCst), 1);

    // The same timeout on a GET: resent, and retryable.
    let error = stalling.send(GetOrganization::new("o")).await.unwrap_err();
    assert_eq!(error.attempts(), 3);
    assert!(error.is_retryable());

    // Retries off: the answer still says what the rule allows.
    let once = RequestOptions::new().retry(RetryPolicy::none());
    let (server, _) = flaky(9, unavailable_retry_after()).await;
    let error = client(&server.base_url)
        .send_with(Migrate::new("a", "h"), &once)
        .await
        .unwrap_err();
    assert!(error.is_retryable(), "503 with Retry-After");
    let (server, _) = flaky(9, Reply::json(503, "")).await;
    let error = client(&server.base_url)
        .send_with(Migrate::new("a", "h"), &once)
        .await
        .unwrap_err();
    assert!(!error.is_retryable(), "503 without Retry-After, on a POST");
    let error = client(&server.base_url)
        .send_with(GetOrganization::new("o"), &once)
        .await
        .unwrap_err();
    assert!(error.is_retryable(), "503 on a GET");
}

//! The retry policy on the wire: what is retried, how often, and what the caller sees.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use stytch_client::{Client, RequestOptions, RetryPolicy, endpoint};
use support::{Reply, Server};

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
async fn a_503_burst_then_success_is_retried_with_the_same_request() {
    let (server, count) = flaky(
        2,
        Reply::json(503, r#"{"error_type":"unavailable","error_message":"x"}"#),
    )
    .await;
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
async fn too_many_failures_report_the_attempts() {
    let (server, count) = flaky(10, Reply::json(503, "")).await;
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
        .timeout(Duration::from_millis(150))
        .retry(fast_policy())
        .build()
        .unwrap();
    let error = client.send(Authenticate::new("a")).await.unwrap_err();
    assert!(error.is_timeout());
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
}

#[tokio::test]
async fn retries_can_be_turned_off_per_client_and_per_call() {
    let (server, count) = flaky(5, Reply::json(503, "")).await;
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

//! Redirects are never followed, whatever `reqwest::Client` the user brings: nothing reaches the
//! redirect target but, at most, a body-less GET a following client makes on its own for a 303,
//! and the error keeps the status and the target's host, never its path or query.

mod support;

use std::error::Error as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use stytch_client::{Authorization, Client, Secret, endpoint};
use support::{Recorded, Reply, Server};

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = serde_json::Value)]
pub struct Authenticate {
    pub email_address: String,
    pub password: Secret<String>,
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = serde_json::Value)]
pub struct GetOrganization {
    pub organization_id: String,
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

const PASSWORD: &str = "correct-horse-battery-staple";
const SESSION: &str = "mst-session-token-never-leaves";

/// Where a redirect points: it answers 200 to anything and counts what it receives.
async fn target() -> (Server, Arc<AtomicUsize>) {
    let count = Arc::new(AtomicUsize::new(0));
    let seen = count.clone();
    let server = Server::start(move |_| {
        seen.fetch_add(1, Ordering::SeqCst);
        Reply::json(200, r#"{"forged":true}"#)
    })
    .await;
    (server, count)
}

/// The configured host: always answers `status` with a `Location` on `target`, with a path and a
/// query that must never be printed.
async fn redirecting(status: u16, target: &Server) -> Server {
    let location = format!("{}/steal/path?token=query-secret", target.base_url);
    Server::start(move |_| {
        Reply::Raw(
            format!(
                "HTTP/1.1 {status} X\r\nlocation: {location}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            )
            .into_bytes(),
        )
    })
    .await
}

/// A client over a plain `reqwest::Client`, which follows up to 10 redirects.
fn following_client(base_url: &str) -> Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(base_url)
        .http_client(reqwest::Client::new())
        .build()
        .unwrap()
}

fn default_client(base_url: &str) -> Client {
    Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(base_url)
        .build()
        .unwrap()
}

fn authenticate() -> Authenticate {
    Authenticate::new("ada@example.com", PASSWORD).authorization(Authorization::session_token(SESSION))
}

fn host(server: &Server) -> &str {
    server.base_url.trim_start_matches("http://")
}

fn assert_redirect_error(error: &stytch_client::Error, status: Option<u16>, target: &Server) {
    assert!(error.is_redirect(), "{error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), status);
    assert_eq!(error.redirect_host(), Some(host(target)));
    assert!(!error.is_retryable());
    let printed = format!("{error} {error:?} {error:#?}");
    for secret in ["steal", "query-secret", PASSWORD, SESSION] {
        assert!(!printed.contains(secret), "{secret} in {printed}");
    }
}

#[tokio::test]
async fn a_307_to_another_host_is_refused_even_by_a_following_client() {
    for status in [307, 308] {
        let (target, reached) = target().await;
        let configured = redirecting(status, &target).await;
        let error = following_client(&configured.base_url)
            .send(authenticate())
            .await
            .unwrap_err();
        assert_redirect_error(&error, Some(status), &target);
        assert!(error.to_string().contains(&format!(
            "redirected ({status} {}) to {}",
            if status == 307 {
                "Temporary Redirect"
            } else {
                "Permanent Redirect"
            },
            host(&target)
        )));
        assert_eq!(
            reached.load(Ordering::SeqCst),
            0,
            "{status}: nothing reached the target"
        );
        assert_eq!(configured.requests().len(), 1, "and it was not resent");
    }
}

#[tokio::test]
async fn a_get_is_not_redirected_either() {
    for status in [301, 302, 307, 308] {
        let (target, reached) = target().await;
        let configured = redirecting(status, &target).await;
        let error = following_client(&configured.base_url)
            .send(GetOrganization::new("o").authorization(Authorization::session_token(SESSION)))
            .await
            .unwrap_err();
        assert_redirect_error(&error, Some(status), &target);
        assert_eq!(reached.load(Ordering::SeqCst), 0, "{status}");
    }
}

#[tokio::test]
async fn a_303_followed_by_the_users_client_never_carries_the_body_and_its_answer_is_refused() {
    let (target, reached) = target().await;
    let configured = redirecting(303, &target).await;
    let error = following_client(&configured.base_url)
        .send(authenticate())
        .await
        .unwrap_err();
    // reqwest turned it into a GET on its own; the password body did not go with it, and the
    // target's answer is not taken for Stytch's.
    assert_redirect_error(&error, None, &target);
    assert_eq!(reached.load(Ordering::SeqCst), 1);
    let followed: Vec<Recorded> = target.requests();
    assert_eq!(followed[0].method, "GET");
    assert!(followed[0].body.is_empty());
    assert_eq!(followed[0].header("authorization"), None);
}

#[tokio::test]
async fn the_default_transport_follows_nothing() {
    for status in [301, 302, 303, 307, 308] {
        let (target, reached) = target().await;
        let configured = redirecting(status, &target).await;
        let error = default_client(&configured.base_url)
            .send(authenticate())
            .await
            .unwrap_err();
        assert_redirect_error(&error, Some(status), &target);
        assert_eq!(reached.load(Ordering::SeqCst), 0, "{status}");
    }
}

#[tokio::test]
async fn a_relative_location_names_the_configured_host() {
    let configured = Server::start(|_| {
        Reply::Raw(
            b"HTTP/1.1 307 X\r\nlocation: /elsewhere?token=query-secret\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                .to_vec(),
        )
    })
    .await;
    let error = following_client(&configured.base_url)
        .send(authenticate())
        .await
        .unwrap_err();
    assert_redirect_error(&error, Some(307), &configured);
    assert_eq!(configured.requests().len(), 1);
}

#[tokio::test]
async fn the_jwks_fetch_is_never_redirected() {
    let (target, reached) = target().await;
    let configured = redirecting(307, &target).await;
    let client = following_client(&configured.base_url);
    let error = tokio::time::timeout(Duration::from_secs(20), client.refresh_jwks())
        .await
        .unwrap()
        .unwrap_err();
    let cause = error.source().expect("the fetch failure").to_string();
    assert_eq!(
        cause,
        format!(
            "GET /v1/b2b/sessions/jwks/{{project_id}}: redirected (307 Temporary Redirect) to {}; redirects are never followed",
            host(&target)
        )
    );
    assert!(!format!("{error:?}").contains("query-secret"));
    assert_eq!(reached.load(Ordering::SeqCst), 0);
}

//! `Client::send` against a scripted loopback server: what goes on the wire, and how every kind
//! of answer (success, Stytch error, proxy page, malformed body, silence) comes back.

mod support;

use serde::Deserialize;
use std::time::{Duration, Instant};
use stytch_client::{Authorization, Client, ErrorKind, RequestOptions, Secret, endpoint};
use support::{Reply, Server};

#[derive(Debug, Deserialize)]
pub struct AuthenticateResponse {
    pub request_id: String,
    pub member_id: String,
    pub session_token: Secret<String>,
    pub status_code: u16,
}

#[endpoint(POST, "/v1/b2b/passwords/authenticate")]
pub struct Authenticate {
    pub organization_id: String,
    pub email_address: String,
    pub password: Secret<String>,
    pub session_duration_minutes: Option<u32>,
}

#[endpoint(GET, "/v1/b2b/sessions/jwks/{project_id}", response = serde_json::Value)]
pub struct GetJwks {
    pub project_id: String,
}

#[endpoint(POST, "/v1/b2b/passwords/email/require_reset", response = serde_json::Value)]
pub struct RequireReset {
    pub email_address: String,
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
}

const SUCCESS: &str = r#"{"request_id":"request-id-test-1","member_id":"member-test-1","session_token":"mst-secret","status_code":200,"unknown_extra":[1,2]}"#;

fn client(server: &Server) -> Client {
    Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(&server.base_url)
        .build()
        .unwrap()
}

fn authenticate() -> Authenticate {
    Authenticate::new("organization-test-1", "ada@example.com", "correct-horse")
}

#[tokio::test]
async fn success_decodes_and_the_wire_request_is_exact() {
    let server = Server::start(|_| Reply::json(200, SUCCESS)).await;
    let response = client(&server)
        .send(authenticate().session_duration_minutes(30))
        .await
        .unwrap();
    assert_eq!(response.member_id, "member-test-1");
    assert_eq!(response.session_token.expose_secret(), "mst-secret");

    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(request.method, "POST");
    assert_eq!(request.target, "/v1/b2b/passwords/authenticate");
    assert_eq!(
        std::str::from_utf8(&request.body).unwrap(),
        r#"{"organization_id":"organization-test-1","email_address":"ada@example.com","password":"correct-horse","session_duration_minutes":30}"#
    );
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert_eq!(
        request.header("authorization"),
        Some("Basic cHJvamVjdC10ZXN0LTE6c2VjcmV0LXRlc3QtMQ==")
    );
    assert!(request.header("user-agent").unwrap().starts_with("stytch-rs/"));
}

#[tokio::test]
async fn the_endpoint_can_be_sent_by_reference_and_reused() {
    let server = Server::start(|_| Reply::json(200, SUCCESS)).await;
    let client = client(&server);
    let request = authenticate();
    client.send(&request).await.unwrap();
    client.send(&request).await.unwrap();
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn header_options_and_per_call_headers_reach_the_server() {
    let server = Server::start(|_| Reply::json(200, "{}")).await;
    let options = RequestOptions::new().header("X-Request-Source", "send-test");
    client(&server)
        .send_with(
            RequireReset::new("ada@example.com").authorization(Authorization::session_jwt("jwt-abc")),
            &options,
        )
        .await
        .unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("x-stytch-member-sessionjwt"), Some("jwt-abc"));
    assert_eq!(request.header("x-stytch-member-session"), None);
    assert_eq!(request.header("x-request-source"), Some("send-test"));
}

#[tokio::test]
async fn stytch_json_error_becomes_api_error() {
    let body = r#"{"status_code":401,"request_id":"request-id-test-9","error_type":"unauthorized_credentials","error_message":"Unauthorized credentials.","error_url":"https://stytch.com/docs/api/errors/401#unauthorized_credentials","error_details":{"hint":"x"}}"#;
    let server = Server::start(move |_| Reply::json(401, body)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(error.request_id(), Some("request-id-test-9"));
    let api = error.api_error().unwrap();
    assert_eq!(api.error_type, "unauthorized_credentials");
    assert_eq!(api.error_details, Some(serde_json::json!({"hint": "x"})));
    assert_eq!(
        error.to_string(),
        "POST /v1/b2b/passwords/authenticate: 401 unauthorized_credentials: Unauthorized credentials. (request_id request-id-test-9)"
    );
    assert!(!error.is_retryable());
}

#[tokio::test]
async fn oauth2_style_error_is_read_too() {
    let body = r#"{"error":"invalid_client","error_description":"Client authentication failed.","error_uri":"https://stytch.com/docs"}"#;
    let server = Server::start(move |_| Reply::json(400, body)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    let api = error.api_error().unwrap();
    assert_eq!(api.error_type, "invalid_client");
    assert_eq!(api.error_message, "Client authentication failed.");
}

#[tokio::test]
async fn html_502_keeps_status_and_the_page_title() {
    let page = format!(
        "<html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "z".repeat(4000)
    );
    let served = page.clone();
    let server = Server::start(move |_| Reply::status(502, "text/html", &served)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    let api = error.api_error().unwrap();
    assert!(!api.is_stytch_error());
    let body = api.body.as_ref().unwrap();
    assert_eq!(body.content_type.as_deref(), Some("text/html"));
    assert_eq!(body.len, page.len());
    assert_eq!(body.excerpt.as_deref(), Some("title \"502 Bad Gateway\""));
    assert!(!error.to_string().contains("zzz"), "{error}");
    assert!(!error.is_retryable(), "a 502 to a POST is not retried");
}

#[tokio::test]
async fn empty_and_truncated_error_bodies_keep_the_status() {
    let server = Server::start(|_| Reply::json(503, "")).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert!(
        error
            .to_string()
            .contains("503 Service Unavailable with an empty body"),
        "{error}"
    );

    let server = Server::start(|_| Reply::json(500, r#"{"status_code":500,"error_ty"#)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(500));
    assert!(!error.api_error().unwrap().is_stytch_error());
}

#[tokio::test]
async fn non_stytch_error_bodies_never_echo_secrets() {
    // A gateway that echoes the request back.
    let server = Server::start(|request| {
        let echoed = String::from_utf8_lossy(&request.body).into_owned();
        Reply::status(400, "text/plain", &format!("bad request: {echoed}"))
    })
    .await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    let body = error.api_error().unwrap().body.clone().unwrap();
    assert_eq!(body.content_type.as_deref(), Some("text/plain"));
    assert!(body.len > 0 && body.excerpt.is_none());
    assert!(
        error
            .to_string()
            .ends_with("400 Bad Request; the body is not a Stytch error (text/plain, 115 bytes, not shown)"),
        "{error}"
    );
    for printed in [error.to_string(), format!("{error:?}"), format!("{error:#?}")] {
        assert!(!printed.contains("correct-horse"), "{printed}");
    }

    // A JSON conflict that carries a session token, and a request id.
    let body = r#"{"request_id":"request-id-test-7","existing":{"session_token":"mst-leak","member_id":"member-1"},"message":"already exists"}"#;
    let server = Server::start(move |_| Reply::json(409, body)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert_eq!(error.request_id(), Some("request-id-test-7"));
    let text = error.to_string();
    assert!(
        text.contains(r#""session_token":"***""#) && text.contains("member-1"),
        "{text}"
    );
    for printed in [text, format!("{error:?}"), format!("{error:#?}")] {
        assert!(!printed.contains("mst-leak"), "{printed}");
    }
}

#[tokio::test]
async fn a_stytch_envelope_without_error_type_keeps_its_request_id() {
    let server =
        Server::start(|_| Reply::json(400, r#"{"status_code":400,"request_id":"request-id-test-8"}"#)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert!(error.is_api());
    assert_eq!(error.request_id(), Some("request-id-test-8"));
    assert!(error.api_error().unwrap().is_stytch_error());
    assert_eq!(
        error.to_string(),
        "POST /v1/b2b/passwords/authenticate: 400 Bad Request (request_id request-id-test-8)"
    );
}

#[tokio::test]
async fn malformed_success_body_names_the_path_and_keeps_the_status() {
    let body =
        r#"{"request_id":"r","member_id":"m","session_token":"mst-leak-me","status_code":"two hundred"}"#;
    let server = Server::start(move |_| Reply::json(200, body)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert!(error.is_decode());
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    let text = error.to_string();
    assert!(text.contains("at `status_code`"), "{text}");
    assert!(
        !text.contains("two hundred") && !format!("{error:?}").contains("mst-leak-me"),
        "{text}"
    );

    let server = Server::start(|_| Reply::json(200, r#"{"request_id":"r","member_id""#)).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert!(error.is_decode());

    let server = Server::start(|_| Reply::json(200, "")).await;
    let error = client(&server).send(authenticate()).await.unwrap_err();
    assert!(error.is_decode(), "{error:?}");
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let server = Server::start(|_| Reply::Hang).await;
    let client = Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(&server.base_url)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(authenticate()).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert!(error.to_string().contains("timed out"), "{error}");
    // Generous bound: this guards against a hang, not against a slow machine.
    assert!(started.elapsed() < Duration::from_secs(20));

    let per_call = client
        .send_with(
            authenticate(),
            &RequestOptions::new().timeout(Duration::from_millis(100)),
        )
        .await
        .unwrap_err();
    assert!(per_call.is_timeout());
}

#[tokio::test]
async fn connection_refused_is_a_connect_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(base_url)
        .build()
        .unwrap();
    let error = client.send(authenticate()).await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert!(error.is_retryable());
}

#[tokio::test]
async fn invalid_header_values_never_reach_the_network() {
    let server = Server::start(|_| Reply::json(200, "{}")).await;
    let error = client(&server)
        .send(RequireReset::new("a@example.com").authorization(Authorization::session_token("x\r\ny")))
        .await
        .unwrap_err();
    assert!(error.is_invalid_request());
    assert_eq!(error.attempts(), 0);
    let error = client(&server)
        .send_with(GetJwks::new("p"), &RequestOptions::new().header("X-Bad", "a\nb"))
        .await
        .unwrap_err();
    assert!(error.is_invalid_request());
    assert!(server.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn oversized_responses_are_refused() {
    let big = format!(r#"{{"pad":"{}"}}"#, "a".repeat(64 * 1024));
    let server = Server::start(move |_| Reply::json(200, &big)).await;
    let client = Client::builder()
        .credentials("p", "s")
        .base_url(&server.base_url)
        .max_response_bytes(1024)
        .build()
        .unwrap();
    let error = client.send(GetJwks::new("p")).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ResponseTooLarge);
}

#[tokio::test]
async fn redirects_are_not_followed() {
    let server = Server::start(|request| {
        if request.target.starts_with("/elsewhere") {
            Reply::json(200, "{}")
        } else {
            Reply::Raw(
                b"HTTP/1.1 307 X\r\nlocation: /elsewhere\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    .to_vec(),
            )
        }
    })
    .await;
    let error = client(&server).send(GetJwks::new("p")).await.unwrap_err();
    assert!(error.is_redirect(), "{error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(307));
    assert_eq!(server.requests().len(), 1);
}

//! Exact requests built by `#[endpoint]` structs, checked without a socket through
//! `Client::http_request`: method, URL (path and query), headers and JSON bytes.

use serde::Deserialize;
use serde_json::json;
use stytch_client::http::Method;
use stytch_client::{Authorization, Client, RequestOptions, Secret, endpoint};

/// The response of [`Authenticate`], found by name.
#[derive(Debug, Deserialize)]
pub struct AuthenticateResponse {
    pub member_id: String,
}

/// A body endpoint with a secret, nested options and a renamed field.
#[endpoint(POST, "/v1/b2b/passwords/authenticate")]
pub struct Authenticate {
    pub organization_id: String,
    pub email_address: String,
    pub password: Secret<String>,
    pub session_duration_minutes: Option<u32>,
    /// `null` deletes the claims, a value sets them.
    pub session_custom_claims: Option<Option<serde_json::Value>>,
    #[serde(rename = "locale")]
    pub language: Option<String>,
    #[endpoint(sensitive)]
    pub telemetry_id: Option<String>,
}

/// A GET with two captures and query fields.
#[endpoint(GET, "/v1/b2b/organizations/{organization_id}/members/{member_id}", response = serde_json::Value)]
pub struct GetMember {
    pub organization_id: String,
    pub member_id: String,
    pub include_deleted: Option<bool>,
    #[serde(rename = "page_cursor")]
    pub cursor: Option<String>,
    pub limit: Option<u32>,
}

/// Header fields, header options and a query field on a POST.
#[endpoint(POST, "/v1/things/{thing_id}", response = serde_json::Value)]
pub struct PostThing {
    pub thing_id: u64,
    pub name: String,
    #[endpoint(header = "X-Trace-Id")]
    pub trace_id: Option<String>,
    #[endpoint(header = "X-Api-Key", sensitive)]
    pub api_key: Secret<String>,
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
    #[endpoint(query)]
    pub dry_run: Option<bool>,
}

/// A POST whose fields are all optional.
#[endpoint(POST, "/v1/b2b/sessions/get", response = serde_json::Value)]
pub struct AllOptional {
    pub organization_id: Option<String>,
    pub member_id: Option<String>,
}

/// A DELETE with a capture only.
#[endpoint(DELETE, "/v1/b2b/organizations/{organization_id}", response = serde_json::Value)]
pub struct DeleteOrganization {
    pub organization_id: String,
}

fn client() -> Client {
    Client::builder()
        .credentials(
            "project-test-11111111-1111-1111-1111-111111111111",
            "secret-test-abc",
        )
        .base_url("http://127.0.0.1:9/prefix/")
        .user_agent("request-building-test")
        .build()
        .unwrap()
}

fn build(endpoint: impl stytch_client::Endpoint) -> stytch_client::http::Request<stytch_client::RequestBody> {
    client().http_request(endpoint, &RequestOptions::new()).unwrap()
}

fn body_json(request: &stytch_client::http::Request<stytch_client::RequestBody>) -> serde_json::Value {
    serde_json::from_slice(request.body()).unwrap()
}

#[test]
fn required_fields_only_post() {
    let request = build(Authenticate::new(
        "organization-test-1",
        "ada@example.com",
        "hunter2-but-longer",
    ));
    assert_eq!(request.method(), Method::POST);
    assert_eq!(
        request.uri(),
        "http://127.0.0.1:9/prefix/v1/b2b/passwords/authenticate"
    );
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"organization_id":"organization-test-1","email_address":"ada@example.com","password":"hunter2-but-longer"}"#
    );
    let headers = request.headers();
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["accept"], "application/json");
    assert_eq!(headers["user-agent"], "request-building-test");
    // base64("project-test-11111111-1111-1111-1111-111111111111:secret-test-abc")
    assert_eq!(
        headers["authorization"],
        "Basic cHJvamVjdC10ZXN0LTExMTExMTExLTExMTEtMTExMS0xMTExLTExMTExMTExMTExMTpzZWNyZXQtdGVzdC1hYmM="
    );
    assert!(headers["authorization"].is_sensitive());
    assert_eq!(headers.len(), 4);
}

#[test]
fn every_optional_field_post() {
    let request = build(
        Authenticate::new("organization-test-1", "ada@example.com", "pw")
            .session_duration_minutes(60)
            .session_custom_claims(json!({"team": "core"}))
            .language("pt-br")
            .telemetry_id("tel-1"),
    );
    assert_eq!(
        body_json(&request),
        json!({
            "organization_id": "organization-test-1",
            "email_address": "ada@example.com",
            "password": "pw",
            "session_duration_minutes": 60,
            "session_custom_claims": {"team": "core"},
            "locale": "pt-br",
            "telemetry_id": "tel-1",
        })
    );
}

#[test]
fn nested_option_sends_explicit_null_and_none_is_absent() {
    let null = build(Authenticate::new("o", "e", "p").session_custom_claims_null());
    assert_eq!(
        std::str::from_utf8(null.body()).unwrap(),
        r#"{"organization_id":"o","email_address":"e","password":"p","session_custom_claims":null}"#
    );
    let cleared = build(
        Authenticate::new("o", "e", "p")
            .session_custom_claims_null()
            .set_session_custom_claims(None),
    );
    assert!(!std::str::from_utf8(cleared.body()).unwrap().contains("null"));
}

#[test]
fn all_none_post_sends_empty_object() {
    let request = build(AllOptional::default());
    assert_eq!(request.body().as_ref(), b"{}");
    assert_eq!(request.headers()["content-type"], "application/json");
    let request = build(AllOptional::new().member_id("member-1"));
    assert_eq!(request.body().as_ref(), br#"{"member_id":"member-1"}"#);
}

#[test]
fn get_with_captures_and_query() {
    let request = build(GetMember::new("org 1", "member/2"));
    assert_eq!(request.method(), Method::GET);
    assert_eq!(
        request.uri(),
        "http://127.0.0.1:9/prefix/v1/b2b/organizations/org%201/members/member%2F2"
    );
    assert!(request.body().is_empty());
    assert!(!request.headers().contains_key("content-type"));

    let request = build(
        GetMember::new("org", "m")
            .include_deleted(true)
            .cursor("a&b=c d")
            .limit(50),
    );
    assert_eq!(
        request.uri(),
        "http://127.0.0.1:9/prefix/v1/b2b/organizations/org/members/m?include_deleted=true&page_cursor=a%26b%3Dc+d&limit=50"
    );
}

#[test]
fn special_characters_in_captures_stay_in_one_segment() {
    let cases = [
        ("a/b", "a%2Fb"),
        ("100%", "100%25"),
        ("what?x=1", "what%3Fx%3D1"),
        ("frag#ment", "frag%23ment"),
        ("white space", "white%20space"),
        ("émoji-🦀", "%C3%A9moji-%F0%9F%A6%80"),
        ("..hidden", "..hidden"),
    ];
    for (raw, encoded) in cases {
        let request = build(DeleteOrganization::new(raw));
        assert_eq!(
            request.uri().path(),
            format!("/prefix/v1/b2b/organizations/{encoded}"),
            "capture {raw:?}"
        );
    }
}

#[test]
fn empty_or_dot_captures_are_refused_before_io() {
    for bad in ["", ".", ".."] {
        let error = client()
            .http_request(DeleteOrganization::new(bad), &RequestOptions::new())
            .unwrap_err();
        assert!(error.is_invalid_request(), "{bad:?}: {error}");
        assert!(error.to_string().contains("organization_id"), "{error}");
    }
}

#[test]
fn header_fields_header_options_and_query_on_post() {
    let request = build(
        PostThing::new(42, "widget", "key-123")
            .trace_id("trace-9")
            .authorization(Authorization::session_token("mst-1").with_session_jwt("jwt-1"))
            .dry_run(true),
    );
    assert_eq!(
        request.uri(),
        "http://127.0.0.1:9/prefix/v1/things/42?dry_run=true"
    );
    assert_eq!(request.body().as_ref(), br#"{"name":"widget"}"#);
    let headers = request.headers();
    assert_eq!(headers["x-trace-id"], "trace-9");
    assert!(!headers["x-trace-id"].is_sensitive());
    assert_eq!(headers["x-api-key"], "key-123");
    assert!(headers["x-api-key"].is_sensitive());
    assert_eq!(headers["x-stytch-member-session"], "mst-1");
    assert_eq!(headers["x-stytch-member-sessionjwt"], "jwt-1");
    assert!(headers["x-stytch-member-sessionjwt"].is_sensitive());

    let bare = build(PostThing::new(1, "w", "k"));
    for absent in [
        "x-trace-id",
        "x-stytch-member-session",
        "x-stytch-member-sessionjwt",
    ] {
        assert!(!bare.headers().contains_key(absent), "{absent}");
    }
    let empty_auth = build(PostThing::new(1, "w", "k").authorization(Authorization::session_token("")));
    assert!(!empty_auth.headers().contains_key("x-stytch-member-session"));
}

#[test]
fn cr_lf_in_header_values_is_refused_before_io() {
    let field = client()
        .http_request(
            PostThing::new(1, "w", "k").trace_id("t\r\nX-Injected: 1"),
            &RequestOptions::new(),
        )
        .unwrap_err();
    assert!(field.is_invalid_request());
    assert!(field.to_string().contains("x-trace-id") && !field.to_string().contains("Injected"));

    let option = client()
        .http_request(
            PostThing::new(1, "w", "k").authorization(Authorization::session_jwt("a\nb")),
            &RequestOptions::new(),
        )
        .unwrap_err();
    assert!(option.is_invalid_request());

    let per_call = client()
        .http_request(
            DeleteOrganization::new("o"),
            &RequestOptions::new().header("X-A", "1\r\n2"),
        )
        .unwrap_err();
    assert!(per_call.is_invalid_request());
}

#[test]
fn request_options_add_headers_but_never_replace_credentials() {
    let options = RequestOptions::new()
        .header("X-Request-Source", "tests")
        .sensitive_header("Authorization", "Bearer stolen")
        .headers(Authorization::session_jwt("jwt-2"));
    let request = client()
        .http_request(DeleteOrganization::new("o"), &options)
        .unwrap();
    let headers = request.headers();
    assert_eq!(headers["x-request-source"], "tests");
    assert_eq!(headers["x-stytch-member-sessionjwt"], "jwt-2");
    assert!(headers["authorization"].to_str().unwrap().starts_with("Basic "));
}

#[test]
fn debug_redacts_sensitive_fields() {
    let request = Authenticate::new("org", "ada@example.com", "p4ssw0rd-secret").telemetry_id("tel-secret");
    let debug = format!("{request:?}");
    assert!(
        !debug.contains("p4ssw0rd-secret") && !debug.contains("tel-secret"),
        "{debug}"
    );
    assert!(
        debug.contains("ada@example.com") && debug.contains("password: ***"),
        "{debug}"
    );
    assert!(debug.contains("telemetry_id: Some(***)"), "{debug}");

    let thing =
        PostThing::new(1, "w", "key-secret").authorization(Authorization::session_token("tok-secret"));
    let debug = format!("{thing:#?}");
    assert!(
        !debug.contains("key-secret") && !debug.contains("tok-secret"),
        "{debug}"
    );
}

#[test]
fn live_and_test_base_urls_follow_the_project_id() {
    let live = Client::new("project-live-00000000-0000-0000-0000-000000000000", "s").unwrap();
    assert_eq!(live.base_url(), "https://api.stytch.com");
    let test = Client::new("project-test-00000000-0000-0000-0000-000000000000", "s").unwrap();
    assert_eq!(test.base_url(), "https://test.stytch.com");
    let request = test
        .http_request(DeleteOrganization::new("o"), &RequestOptions::new())
        .unwrap();
    assert_eq!(request.uri(), "https://test.stytch.com/v1/b2b/organizations/o");
}

#[test]
fn missing_credentials_are_config_errors() {
    let error = Client::new("", "secret").unwrap_err();
    assert_eq!(error.kind(), stytch_client::ErrorKind::Config);
    let error = Client::new("project-test-x", "").unwrap_err();
    assert!(error.to_string().contains("secret"));
    let debug = format!(
        "{:?}",
        Client::new("project-test-x", "super-secret-value").unwrap()
    );
    assert!(!debug.contains("super-secret-value"), "{debug}");
}

#[test]
fn endpoint_metadata_is_safe_to_log() {
    use stytch_client::Endpoint;
    assert_eq!(
        GetMember::PATH_TEMPLATE,
        "/v1/b2b/organizations/{organization_id}/members/{member_id}"
    );
    assert_eq!(Authenticate::METHOD, Method::POST);
    assert!(!Authenticate::new("o", "e", "p").idempotent());
    assert!(GetMember::new("o", "m").idempotent());
}

#[test]
fn http_request_debug_redacts_secrets_and_keeps_the_bytes() {
    let request = client()
        .http_request(
            Authenticate::new("org", "ada@example.com", "p4ssw0rd-secret"),
            &RequestOptions::new().headers(Authorization::session_token("tok-secret")),
        )
        .unwrap();
    for printed in [format!("{request:?}"), format!("{request:#?}")] {
        assert!(
            !printed.contains("p4ssw0rd-secret") && !printed.contains("tok-secret"),
            "{printed}"
        );
        assert!(printed.contains("ada@example.com"), "{printed}");
    }
    assert_eq!(body_json(&request)["password"], "p4ssw0rd-secret");
    assert!(
        std::str::from_utf8(request.body())
            .unwrap()
            .contains(r#""password":"p4ssw0rd-secret""#)
    );
    let bytes: stytch_client::Bytes = request.into_body().into_bytes();
    assert!(!bytes.is_empty());
}

#[test]
fn base_url_userinfo_never_prints() {
    let raw = "http://ada:pa55word@stytch.example.com/stytch";
    let builder = Client::builder().credentials("p", "s").base_url(raw);
    let debug = format!("{builder:?}");
    assert!(!debug.contains("pa55word") && !debug.contains("ada:"), "{debug}");
    let error = builder.build().unwrap_err();
    assert!(error.is_config());
    let printed = format!("{error} {error:?}");
    assert!(
        !printed.contains("pa55word") && !printed.contains("ada:"),
        "{printed}"
    );
    assert!(printed.contains("***@stytch.example.com"), "{printed}");
}

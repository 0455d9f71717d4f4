//! Helpers shared by the catalog tests: the exact wire request of an endpoint, fixture loading
//! and the checks every endpoint test repeats.

#![allow(dead_code)] // each test binary uses a subset

use base64::Engine as _;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt::Debug;
use stytch_client::b2b::models::JsonObject;
use stytch_client::http::Method;
use stytch_client::{Client, Endpoint, RequestOptions};

pub const PROJECT_ID: &str = "project-test-00000000-0000-0000-0000-000000000000";
pub const SECRET: &str = "secret-test-x";

/// The marker every secret value in the fixtures and request tests carries.
pub const SECRET_MARKER: &str = "SECRET";

/// One client per test binary: building one loads the system's TLS roots (tens of milliseconds).
pub fn client() -> &'static Client {
    static CLIENT: std::sync::OnceLock<Client> = std::sync::OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::builder()
            .credentials(PROJECT_ID, SECRET)
            .base_url("http://127.0.0.1:9")
            .build()
            .expect("test client")
    })
}

/// A request as it would go on the wire, body parsed as JSON.
#[derive(Debug)]
pub struct Wire {
    pub method: Method,
    pub path: String,
    pub query: Option<String>,
    pub headers: stytch_client::http::HeaderMap,
    pub body: Option<Value>,
}

pub fn wire<E: Endpoint>(endpoint: E) -> Wire {
    let request = client()
        .http_request(endpoint, &RequestOptions::new())
        .expect("request builds");
    let uri = request.uri().clone();
    assert_eq!(uri.scheme_str(), Some("http"));
    assert_eq!(uri.authority().map(|a| a.as_str()), Some("127.0.0.1:9"));
    let body = request.body();
    Wire {
        method: request.method().clone(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        headers: request.headers().clone(),
        body: (!body.is_empty()).then(|| serde_json::from_slice(body).expect("body is JSON")),
    }
}

impl Wire {
    /// A POST to `path` with exactly this JSON body, no query, and exactly the standard headers
    /// plus `extra_headers` (lower-case name, value).
    pub fn assert_post(&self, path: &str, body: Value, extra_headers: &[(&str, &str)]) {
        assert_eq!(self.method, Method::POST);
        assert_eq!(self.path, path);
        assert_eq!(self.query, None);
        let actual = self.body.as_ref().expect("a POST has a body");
        assert_no_null(actual, "$");
        assert_eq!(actual, &body);
        self.assert_headers(true, extra_headers);
    }

    /// A GET of `path` with this query, no body, and exactly the standard headers.
    pub fn assert_get(&self, path: &str, query: Option<&str>) {
        assert_eq!(self.method, Method::GET);
        assert_eq!(self.path, path);
        assert_eq!(self.query.as_deref(), query);
        assert_eq!(self.body, None);
        self.assert_headers(false, &[]);
    }

    fn assert_headers(&self, has_body: bool, extra: &[(&str, &str)]) {
        let mut expected: BTreeSet<&str> = ["accept", "user-agent", "authorization"].into();
        if has_body {
            expected.insert("content-type");
            assert_eq!(self.headers["content-type"], "application/json");
        }
        expected.extend(extra.iter().map(|(name, _)| *name));
        let actual: BTreeSet<&str> = self.headers.keys().map(|k| k.as_str()).collect();
        assert_eq!(actual, expected, "header names");
        assert_eq!(self.headers["accept"], "application/json");
        let basic = base64::engine::general_purpose::STANDARD.encode(format!("{PROJECT_ID}:{SECRET}"));
        assert_eq!(self.headers["authorization"], format!("Basic {basic}").as_str());
        for (name, value) in extra {
            assert_eq!(self.headers[*name], *value, "header {name}");
            assert!(
                self.headers[*name].is_sensitive(),
                "header {name} is marked sensitive"
            );
        }
    }
}

/// The one place a request body may hold `null`: a custom claim set to `null`, which the caller
/// chose in order to delete that claim (it is user data, not an unset field).
const CALLER_NULLS: &[&str] = &["$.session_custom_claims.deleted"];

/// Fails if `value` holds a JSON `null` anywhere but in [`CALLER_NULLS`].
pub fn assert_no_null(value: &Value, at: &str) {
    match value {
        Value::Null if CALLER_NULLS.contains(&at) => {}
        Value::Null => panic!("null at {at}"),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| assert_no_null(v, &format!("{at}[{i}]"))),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| assert_no_null(v, &format!("{at}.{k}"))),
        _ => {}
    }
}

/// A JSON object literal as the catalog's [`JsonObject`].
pub fn object(value: Value) -> JsonObject {
    match value {
        Value::Object(map) => map,
        other => panic!("not an object: {other}"),
    }
}

/// Loads `tests/fixtures/<name>.json`, replacing every string `"$Type.variant"` with the
/// contents of `tests/fixtures/models/Type.variant.json` (recursively), so shared objects such as
/// `Member` are written once.
pub fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    resolve(&mut value);
    value
}

fn resolve(value: &mut Value) {
    match value {
        Value::String(text) if text.starts_with('$') => {
            *value = fixture(&format!("models/{}", &text[1..]));
        }
        Value::Array(items) => items.iter_mut().for_each(resolve),
        Value::Object(map) => map.values_mut().for_each(resolve),
        _ => {}
    }
}

/// Decodes a fixture into `T`, reporting the JSON path of any failure.
pub fn decode<T: DeserializeOwned>(name: &str) -> T {
    let text = fixture(name).to_string();
    let de = &mut serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(de).unwrap_or_else(|e| panic!("{name}: {} at {}", e.inner(), e.path()))
}

/// Every field of a full fixture is populated, so the decoded value's `Debug` shows no `None`
/// and no empty string, list or map: a field whose Rust name does not match the wire would show
/// up as one of those.
pub fn assert_fully_populated<T: Debug>(value: &T) {
    let debug = format!("{value:?}");
    for empty in ["None", "\"\"", "[]", "{}"] {
        assert!(!debug.contains(empty), "`{empty}` in {debug}");
    }
}

/// `Debug` output shows no secret value.
pub fn assert_redacted<T: Debug>(value: &T) {
    let debug = format!("{value:?}");
    assert!(
        !debug.contains(SECRET_MARKER),
        "a secret leaked into Debug: {debug}"
    );
}

/// The session token, session JWT and intermediate session token that every full auth-style
/// fixture carries, decoded unaltered.
pub fn assert_session_secrets(
    session_token: &stytch_client::Secret<String>,
    session_jwt: &stytch_client::Secret<String>,
    intermediate_session_token: &stytch_client::Secret<String>,
) {
    assert_eq!(session_token.expose_secret(), "mst_SECRET_session_token_Ab3dEf");
    assert_eq!(
        session_jwt.expose_secret(),
        "eyJhbGciOiJSUzI1NiJ9.SECRET_jwt.c2ln"
    );
    assert_eq!(
        intermediate_session_token.expose_secret(),
        "ist_SECRET_intermediate_9xYz"
    );
}

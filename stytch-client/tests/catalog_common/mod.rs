//! The catalog tests' shared machinery: the registry of every catalog endpoint ([`table`]), the
//! fixture files it points at (`tests/catalog/<module path>/<endpoint>.json`), and the one runner
//! that checks an endpoint against its fixture ([`check_case`]).
//!
//! A fixture file holds, for one endpoint:
//!
//! ```json
//! {
//!   "method": "POST",
//!   "path": "/v1/b2b/...",                 // the concrete path the test requests fill in
//!   "idempotent": true,                     // optional: POSTs marked `idempotent` only
//!   "request": {
//!     "required":    {"body": {...}},      // `new(..)` alone
//!     "all_options": {"body": {...}, "query": "a=b", "headers": {"x-stytch-member-session": "..."}}
//!   },
//!   "response": {"full": {...}, "minimal": {...}}
//! }
//! ```
//!
//! A request expectation lists only what the request has: `body` (the exact JSON body), `query`
//! (the exact query string), `headers` (the endpoint's own headers, lower-case; the standard ones
//! are checked by the runner). A form-encoded body (`application/x-www-form-urlencoded`) is
//! expected as `form`, an object of its fields, instead of `body`. `all_options` is absent exactly
//! when the endpoint has no optional field. In responses, a string `"$Type.variant"` stands for
//! `tests/catalog/models/Type.variant.json`.

#![allow(dead_code)] // each test binary uses a subset

pub mod table;

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

// ---- Requests ----------------------------------------------------------------------------------

/// A request as it would go on the wire, body parsed as JSON (or, when form-encoded, as `form`).
#[derive(Debug)]
pub struct Wire {
    pub method: Method,
    pub path: String,
    pub query: Option<String>,
    pub headers: stytch_client::http::HeaderMap,
    pub body: Option<Value>,
    /// A form-encoded body, as an object of its fields.
    pub form: Option<Value>,
}

/// The `Content-Type` of a form-encoded body.
const FORM: &str = "application/x-www-form-urlencoded";

pub fn wire<E: Endpoint>(endpoint: E) -> Wire {
    let request = client()
        .http_request(endpoint, &RequestOptions::new())
        .expect("request builds");
    let uri = request.uri().clone();
    assert_eq!(uri.scheme_str(), Some("http"));
    assert_eq!(uri.authority().map(|a| a.as_str()), Some("127.0.0.1:9"));
    let body = request.body();
    let is_form = request.headers().get("content-type").is_some_and(|v| v == FORM);
    let form = (is_form && !body.is_empty()).then(|| {
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(body).expect("body is a form");
        Value::Object(fields.into_iter().map(|(k, v)| (k, Value::String(v))).collect())
    });
    Wire {
        method: request.method().clone(),
        path: uri.path().to_owned(),
        query: uri.query().map(str::to_owned),
        headers: request.headers().clone(),
        body: (!is_form && !body.is_empty()).then(|| serde_json::from_slice(body).expect("body is JSON")),
        form,
    }
}

impl Wire {
    /// Exactly the request a fixture expects: method, path, query, body (no `null` but the
    /// caller's), and the standard headers plus the expected ones, each of those sensitive.
    pub fn assert_matches(&self, method: &str, path: &str, expected: &Value) {
        let object = expected.as_object().expect("a request expectation is an object");
        for key in object.keys() {
            assert!(
                ["body", "form", "query", "headers"].contains(&key.as_str()),
                "unknown request key `{key}`"
            );
        }
        assert_eq!(self.method.as_str(), method, "method");
        assert_eq!(self.path, path, "path");
        let query = expected
            .get("query")
            .map(|q| q.as_str().expect("query is a string"));
        assert_eq!(self.query.as_deref(), query, "query");
        match (&self.body, expected.get("body")) {
            (Some(actual), Some(body)) => {
                assert_no_null(actual, "$");
                assert_same_json(actual, body, "body");
            }
            (actual, body) => assert_eq!(actual.as_ref(), body, "body"),
        }
        assert_eq!(self.form.as_ref(), expected.get("form"), "form");
        let extra: Vec<(&str, &str)> = expected
            .get("headers")
            .and_then(Value::as_object)
            .map(|headers| {
                headers
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str().expect("header values are strings")))
                    .collect()
            })
            .unwrap_or_default();
        self.assert_headers(&extra);
    }

    fn assert_headers(&self, extra: &[(&str, &str)]) {
        let mut expected: BTreeSet<&str> = ["accept", "user-agent", "authorization"].into();
        if self.body.is_some() || self.form.is_some() {
            expected.insert("content-type");
            let content_type = if self.form.is_some() {
                FORM
            } else {
                "application/json"
            };
            assert_eq!(self.headers["content-type"], content_type);
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

/// `actual == expected`, or a panic naming the top-level keys that differ.
pub fn assert_same_json(actual: &Value, expected: &Value, what: &str) {
    if actual == expected {
        return;
    }
    if let (Some(a), Some(e)) = (actual.as_object(), expected.as_object()) {
        let keys: BTreeSet<&String> = a.keys().chain(e.keys()).collect();
        let differ: Vec<String> = keys
            .into_iter()
            .filter(|k| a.get(*k) != e.get(*k))
            .map(|k| format!("`{k}`: sent {:?}, expected {:?}", a.get(k), e.get(k)))
            .collect();
        panic!("{what} differs:\n  {}", differ.join("\n  "));
    }
    panic!("{what} differs: sent {actual}, expected {expected}");
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

// ---- Fixtures ----------------------------------------------------------------------------------

/// The folder of the fixtures.
pub fn catalog_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/catalog")
}

/// Loads `tests/catalog/<relative>.json`, with every `"$Type.variant"` string replaced by the
/// contents of `tests/catalog/models/Type.variant.json` (recursively), so shared objects such as
/// `Member` are written once.
pub fn fixture(relative: &str) -> Value {
    let path = catalog_dir().join(format!("{relative}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    resolve(&mut value);
    value
}

/// A shared model fixture, e.g. `model("Member.minimal")`.
pub fn model(name: &str) -> Value {
    fixture(&format!("models/{name}"))
}

/// A response of an endpoint fixture: `response(path, "full")`.
pub fn response(endpoint: &str, variant: &str) -> Value {
    fixture(endpoint)["response"][variant].clone()
}

fn resolve(value: &mut Value) {
    match value {
        Value::String(text) if is_placeholder(text) => *value = model(&text[1..]),
        Value::Array(items) => items.iter_mut().for_each(resolve),
        Value::Object(map) => map.values_mut().for_each(resolve),
        _ => {}
    }
}

/// `$Type.variant`, nothing else (a bcrypt hash also starts with `$`).
fn is_placeholder(text: &str) -> bool {
    let Some((name, variant)) = text.strip_prefix('$').and_then(|t| t.split_once('.')) else {
        return false;
    };
    name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric())
        && !variant.is_empty()
        && variant.chars().all(|c| c.is_ascii_lowercase())
}

/// Decodes JSON into `T`, reporting the JSON path of any failure.
pub fn decode<T: DeserializeOwned>(value: &Value) -> T {
    let text = value.to_string();
    let de = &mut serde_json::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(de).unwrap_or_else(|e| panic!("{} at {}", e.inner(), e.path()))
}

/// A response decoder: the decoded value (to print), or where decoding failed.
pub type Decoder = fn(&[u8]) -> Result<Box<dyn Debug>, String>;

/// Decodes bytes into `T` with both paths the client uses (the fast one and the path-tracking one
/// it re-runs to name a failing field); the value when both succeed.
pub fn decode_both<T: DeserializeOwned + Debug + 'static>(bytes: &[u8]) -> Result<Box<dyn Debug>, String> {
    let fast = serde_json::from_slice::<T>(bytes);
    let tracked = serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_slice(bytes));
    match (fast, tracked) {
        (Ok(value), Ok(_)) => Ok(Box::new(value)),
        (_, Err(e)) => Err(format!("at `{}`: {}", e.path(), e.inner())),
        (Err(e), Ok(_)) => Err(format!("only the path-tracking decode succeeded: {e}")),
    }
}

// ---- Debug checks ------------------------------------------------------------------------------

/// Every field of a full fixture is populated, so the decoded value's `Debug` shows no `None`
/// and no empty string, list or map: a field whose Rust name does not match the wire would show
/// up as one of those.
pub fn assert_fully_populated<T: Debug + ?Sized>(value: &T) {
    let debug = format!("{value:?}");
    for empty in ["None", "\"\"", "[]", "{}"] {
        assert!(!debug.contains(empty), "`{empty}` in {debug}");
    }
}

/// `Debug` output shows no secret value.
pub fn assert_redacted<T: Debug + ?Sized>(value: &T) {
    let debug = format!("{value:?}");
    assert!(
        !debug.contains(SECRET_MARKER),
        "a secret leaked into Debug: {debug}"
    );
}

/// The top-level fields of a struct's pretty `Debug` (`{:#?}`): name and the first line of the
/// value (`None,`, `"",`, `Member {`, ...).
pub fn debug_fields<T: Debug + ?Sized>(value: &T) -> Vec<(String, String)> {
    format!("{value:#?}")
        .lines()
        .filter_map(|line| line.strip_prefix("    "))
        .filter(|rest| !rest.starts_with(' '))
        .filter_map(|rest| rest.split_once(": "))
        .map(|(name, first)| (name.to_owned(), first.trim_end_matches(',').to_owned()))
        .collect()
}

/// Rust field names that differ from their wire names.
const RENAMES: &[(&str, &str)] = &[
    ("kind", "type"),
    ("key_use", "use"),
    ("x5t_s256", "x5tS256"),
    ("reference", "ref"),
    ("stytch_organization", "https://stytch.com/organization"),
];

fn wire_name(rust: &str) -> &str {
    RENAMES.iter().find(|(r, _)| *r == rust).map_or(rust, |(_, w)| w)
}

/// The top-level keys of a response fixture are exactly the response type's fields: a key
/// without a field would be silently ignored, a field without a key never tested.
pub fn assert_same_fields<T: Debug + ?Sized>(value: &T, json: &Value) {
    let fields: BTreeSet<String> = debug_fields(value)
        .into_iter()
        .map(|(name, _)| wire_name(&name).to_owned())
        .collect();
    let keys: BTreeSet<String> = json.as_object().expect("object").keys().cloned().collect();
    assert_eq!(fields, keys, "the type's fields vs the full fixture's keys");
}

/// Every top-level field the JSON leaves out decodes empty (`None`, `""`, `[]`, `{}`, `false`,
/// `0`; a `Secret` shows `***` whatever it holds); every key the JSON has is a field.
pub fn assert_absent_fields_empty<T: Debug + ?Sized>(value: &T, json: &Value) {
    let keys = json.as_object().expect("object");
    let fields = debug_fields(value);
    for key in keys.keys() {
        assert!(
            fields.iter().any(|(name, _)| wire_name(name) == key),
            "`{key}` is not a field of the type"
        );
    }
    for (name, first) in fields {
        if !keys.contains_key(wire_name(&name)) {
            assert!(
                ["None", "\"\"", "[]", "{}", "false", "0", "***"].contains(&first.as_str()),
                "`{name}` is absent from the JSON but decoded as `{first}`"
            );
        }
    }
}

/// The top-level fields of a request that show `None`: unset optional fields.
pub fn unset_fields<T: Debug + ?Sized>(value: &T) -> Vec<String> {
    debug_fields(value)
        .into_iter()
        .filter(|(_, first)| first == "None")
        .map(|(name, _)| name)
        .collect()
}

// ---- The runner --------------------------------------------------------------------------------

/// A request of one endpoint, built and inspected without a socket.
pub struct Built {
    pub wire: Wire,
    pub debug: String,
    pub unset: Vec<String>,
    pub idempotent: bool,
}

/// Builds `endpoint`'s wire request and records its `Debug` and unset fields.
pub fn build<E: Endpoint + Debug>(endpoint: E) -> Built {
    Built {
        debug: format!("{endpoint:?}"),
        unset: unset_fields(&endpoint),
        idempotent: endpoint.idempotent(),
        wire: wire(&endpoint),
    }
}

/// One row of [`table`]: an endpoint, its requests, and how to decode its response. The
/// functions are generated by `catalog!`; everything else is checked by [`check_case`].
pub struct Case {
    /// The public path under `stytch_client`, e.g. `b2b::passwords::email::Reset`.
    pub rust_path: &'static str,
    pub method: Method,
    pub template: &'static str,
    /// The response type's name (`std::any::type_name`).
    pub response_type: fn() -> &'static str,
    /// `new(..)` with the row's required arguments.
    pub required: fn() -> Built,
    /// The same plus every setter of the row, or `None` when the row has no setter.
    pub all_options: Option<fn() -> Built>,
    /// Decodes a response body with both decode paths.
    pub decode: Decoder,
    /// Decodes a response body and exposes the secret fields the row names.
    pub secrets: fn(&[u8]) -> Vec<(&'static str, String)>,
}

impl Case {
    /// The fixture's path below `tests/catalog`, without `.json`: the Rust path below `b2b` with
    /// the type name in snake case (`b2b::passwords::email::ResetStart` ->
    /// `passwords/email/reset_start`).
    pub fn fixture_path(&self) -> String {
        let path = self.rust_path.strip_prefix("b2b::").expect("a b2b path");
        let (module, name) = path.rsplit_once("::").unwrap_or(("", path));
        let mut snake = String::new();
        for (i, c) in name.chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                snake.push('_');
            }
            snake.push(c.to_ascii_lowercase());
        }
        match module {
            "" => snake,
            module => format!("{}/{snake}", module.replace("::", "/")),
        }
    }

    pub fn fixture(&self) -> Value {
        fixture(&self.fixture_path())
    }

    /// The full response as the bytes a server would send.
    pub fn full_response_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&self.fixture()["response"]["full"]).unwrap()
    }
}

/// Everything an endpoint promises, checked against its fixture: the exact wire request with
/// required fields only and with every option set (no `null`s, no secret in `Debug`), the
/// idempotency the client retries by, and the decoding of a full response (every field
/// populated, secrets redacted and decoded unaltered) and of a minimal one (absent fields empty).
pub fn check_case(case: &Case) {
    let fixture = case.fixture();
    let method = fixture["method"].as_str().expect("fixture `method`");
    let path = fixture["path"].as_str().expect("fixture `path`");
    assert_eq!(case.method.as_str(), method, "the endpoint's method");
    let request = fixture["request"].as_object().expect("fixture `request`");

    let required = (case.required)();
    required.wire.assert_matches(method, path, &request["required"]);
    assert_redacted(&required.debug);
    let idempotent = fixture
        .get("idempotent")
        .map(|v| v.as_bool().expect("`idempotent` is a boolean"))
        .unwrap_or(matches!(method, "GET" | "PUT" | "DELETE"));
    assert_eq!(required.idempotent, idempotent, "idempotent()");

    match (case.all_options, request.get("all_options")) {
        (Some(all), Some(expected)) => {
            let all = all();
            all.wire.assert_matches(method, path, expected);
            assert_redacted(&all.debug);
            assert!(
                all.unset.is_empty(),
                "the all-options request leaves {:?} unset",
                all.unset
            );
        }
        (None, None) => assert!(
            required.unset.is_empty(),
            "{:?} are optional: give the row setters and the fixture `all_options`",
            required.unset
        ),
        (Some(_), None) => panic!("the row has setters but the fixture has no `all_options`"),
        (None, Some(_)) => panic!("the fixture has `all_options` but the row no setters"),
    }

    let responses = &fixture["response"];
    for variant in ["full", "minimal"] {
        let json = &responses[variant];
        let bytes = serde_json::to_vec(json).unwrap();
        let decoded = (case.decode)(&bytes).unwrap_or_else(|e| panic!("{variant} response: {e}"));
        assert_redacted(&decoded);
        if variant == "full" {
            assert_fully_populated(&decoded);
            assert_same_fields(&decoded, json);
            for (name, exposed) in (case.secrets)(&bytes) {
                assert_eq!(Some(exposed.as_str()), json[name].as_str(), "secret `{name}`");
            }
        } else {
            assert_absent_fields_empty(&decoded, json);
        }
        let fields = debug_fields(&decoded);
        for (key, shown) in [
            ("request_id", json["request_id"].to_string()),
            ("status_code", json["status_code"].to_string()),
        ] {
            if json.get(key).is_some() {
                assert!(
                    fields.iter().any(|(name, first)| name == key && *first == shown),
                    "{variant} response: `{key}` is not {shown}"
                );
            }
        }
    }
}

/// Runs [`check_case`] on every row (or on the rows whose path contains `$CATALOG_CASE`), and
/// reports every failing endpoint at once.
pub fn check_all(cases: &[Case]) {
    let only = std::env::var("CATALOG_CASE").ok();
    let mut failures = Vec::new();
    for case in cases {
        if only.as_deref().is_some_and(|only| !case.rust_path.contains(only)) {
            continue;
        }
        if let Err(panic) = std::panic::catch_unwind(|| check_case(case)) {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(format!(
                "{} ({}.json): {message}",
                case.rust_path,
                case.fixture_path()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} endpoint(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

//! Property: whatever status and body a server answers with — arbitrary bytes, HTML, JSON
//! objects with arbitrary keys holding a secret under secret-named keys at any depth (or inside
//! JSON a string embeds), Stytch's error envelope with secret-holding details, a redirect whose
//! `Location` carries the secret — neither `Display` nor `Debug` (`{:?}`, `{:#?}`) of the
//! resulting error, nor of anything in its `source()` chain, contains the secret.

mod support;

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::error::Error as _;
use std::sync::{Arc, Mutex, OnceLock};
use stytch_client::{Client, RetryPolicy, endpoint};
use support::{Reply, Server};

const SECRET: &str = "s3cr3t-V4LUE-7f1c";

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
pub struct Typed {
    member_id: String,
    count: u32,
}

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = Typed)]
pub struct Authenticate {
    pub email_address: String,
}

/// One runtime, server and client for every case; the server answers with `NEXT`.
struct Harness {
    runtime: tokio::runtime::Runtime,
    client: Client,
    next: Arc<Mutex<Vec<u8>>>,
    _server: Server,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let next = Arc::new(Mutex::new(Vec::new()));
        let answer = next.clone();
        let server = runtime.block_on(Server::start(move |_| Reply::Raw(answer.lock().unwrap().clone())));
        let client = Client::builder()
            .credentials("project-test-1", "secret-test-1")
            .base_url(&server.base_url)
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        Harness {
            runtime,
            client,
            next,
            _server: server,
        }
    })
}

/// Everything printable about the error of a call answered with `status`, `content_type` and
/// `body`, or `None` when the call succeeded.
fn printed(status: u16, content_type: Option<&str>, body: &[u8]) -> Option<String> {
    // The tests of this file run in parallel and share one server: one call at a time.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let harness = harness();
    let mut head = format!(
        "HTTP/1.1 {status} X\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    if let Some(content_type) = content_type {
        head.push_str(&format!("content-type: {content_type}\r\n"));
    }
    if (300..400).contains(&status) {
        head.push_str(&format!(
            "location: https://evil.example/{SECRET}?token={SECRET}\r\n"
        ));
    }
    head.push_str("\r\n");
    let mut raw = head.into_bytes();
    raw.extend_from_slice(body);
    *harness.next.lock().unwrap() = raw;
    let error = harness
        .runtime
        .block_on(harness.client.send(Authenticate::new("ada@example.com")))
        .err()?;
    let mut text = format!("{error}\n{error:?}\n{error:#?}");
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(&format!("\n{cause}\n{cause:?}"));
        source = cause.source();
    }
    Some(text)
}

fn secret_key() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "password",
        "session_token",
        "session_jwt",
        "intermediate_session_token",
        "password_reset_token",
        "client_secret",
        "password_hash",
        "code",
        "api_key",
        "TOKEN",
        "Jwt",
        "Secret",
    ]);
    (names, "[a-z_]{0,5}", "[a-z_]{0,5}").prop_map(|(name, prefix, suffix)| format!("{prefix}{name}{suffix}"))
}

/// Any JSON value that does not contain the secret.
fn plain_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..4)
                .prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// The secret as a secret-named key's value: a string, inside an array, or nested deeper.
fn secret_holder() -> impl Strategy<Value = Value> {
    (secret_key(), 0..3usize).prop_map(|(key, form)| {
        let value = match form {
            0 => json!(SECRET),
            1 => json!([SECRET, "other"]),
            _ => json!({"plain": SECRET}),
        };
        json!({ key: value })
    })
}

/// A JSON object with arbitrary keys and values that holds the secret somewhere under a
/// secret-named key, possibly deep in objects and arrays, or inside JSON embedded in a string.
fn json_with_secret() -> impl Strategy<Value = Value> {
    let wrappers = prop::collection::vec(prop_oneof![any::<String>().prop_map(Some), Just(None)], 0..4);
    (
        prop::collection::btree_map(any::<String>(), plain_value(), 0..6),
        secret_holder(),
        wrappers,
        any::<String>(),
        any::<bool>(),
    )
        .prop_map(|(plain, holder, wrappers, key, embed)| {
            let mut nested = holder;
            for wrapper in wrappers {
                nested = match wrapper {
                    Some(key) => json!({ key: nested }),
                    None => json!([1, nested]),
                };
            }
            if embed {
                nested = Value::String(format!("the request was: {nested} (echoed)"));
            }
            let mut object: Map<String, Value> = plain.into_iter().collect();
            object.insert(key, nested);
            Value::Object(object)
        })
}

fn content_type() -> impl Strategy<Value = Option<&'static str>> {
    prop::sample::select(vec![
        None,
        Some("application/json"),
        Some("text/html"),
        Some("text/plain"),
        Some("application/octet-stream"),
    ])
}

fn status() -> impl Strategy<Value = u16> {
    200u16..600
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_bytes_holding_the_secret_never_print_it(
        status in status(),
        content_type in content_type(),
        prefix in prop::collection::vec(any::<u8>(), 0..512),
        suffix in prop::collection::vec(any::<u8>(), 0..512),
    ) {
        let body = [prefix.as_slice(), SECRET.as_bytes(), suffix.as_slice()].concat();
        if let Some(text) = printed(status, content_type, &body) {
            prop_assert!(!text.contains(SECRET), "{}", text);
        }
    }

    #[test]
    fn json_with_the_secret_under_secret_named_keys_never_prints_it(
        status in status(),
        content_type in content_type(),
        body in json_with_secret(),
    ) {
        if let Some(text) = printed(status, content_type, body.to_string().as_bytes()) {
            prop_assert!(!text.contains(SECRET), "{}", text);
        }
    }

    #[test]
    fn stytch_errors_with_secret_details_never_print_them(
        status in 400u16..600,
        details in json_with_secret(),
        with_error_type in any::<bool>(),
    ) {
        let mut body = json!({
            "status_code": status,
            "request_id": "request-id-test-1",
            "error_message": "Something went wrong.",
            "error_details": details,
        });
        if with_error_type {
            body["error_type"] = json!("some_error");
        }
        let text = printed(status, Some("application/json"), body.to_string().as_bytes()).unwrap();
        prop_assert!(text.contains("request-id-test-1"), "{}", text);
        prop_assert!(!text.contains(SECRET), "{}", text);
    }

    #[test]
    fn html_pages_show_only_their_title(
        status in 400u16..600,
        title in "[A-Za-z0-9 ]{0,40}",
        before in any::<String>(),
    ) {
        let page = format!("<!DOCTYPE html><html><head><title>{title}</title></head><body>{before}{SECRET}</body></html>");
        let text = printed(status, Some("text/html"), page.as_bytes()).unwrap();
        prop_assert!(!text.contains(SECRET), "{}", text);
    }
}

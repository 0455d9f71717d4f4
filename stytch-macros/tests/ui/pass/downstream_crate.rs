//! A downstream crate that depends only on `stytch-client`: it declares its own endpoints,
//! including a default-named response type, and builds requests without a socket.

use std::collections::HashMap;
use stytch_client::{Authorization, Client, Endpoint, RequestOptions, Secret, endpoint};

/// Found by name: `ListWidgets` → `ListWidgetsResponse`.
pub type ListWidgetsResponse = HashMap<String, u32>;

/// A GET with a capture and query fields.
#[endpoint(GET, "/v1/widgets/{owner_id}")]
pub struct ListWidgets {
    /// The owner.
    pub owner_id: String,
    /// Page size.
    pub limit: Option<u32>,
}

/// `Request` is stripped before `Response` is appended.
pub type RenameWidgetResponse = HashMap<String, String>;

/// A PUT with every kind of field.
#[endpoint(PUT, "/v1/widgets/{owner_id}/{widget_id}", idempotent)]
pub struct RenameWidgetRequest {
    pub owner_id: String,
    pub widget_id: u64,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub labels: Option<Option<Vec<String>>>,
    #[endpoint(sensitive)]
    pub pin: Option<Secret<String>>,
    #[endpoint(header = "X-Idempotency-Key")]
    pub idempotency_key: Option<String>,
    #[endpoint(headers)]
    pub authorization: Option<Authorization>,
    #[endpoint(query)]
    pub notify: Option<bool>,
    pub r#async: Option<bool>,
}

/// A unit struct is a valid endpoint with no fields.
#[endpoint(POST, "/v1/ping", response = HashMap<String, String>)]
pub struct Ping;

fn main() {
    let client = Client::builder().credentials("project-test-x", "secret").base_url("http://127.0.0.1:1").build().unwrap();

    let list = ListWidgets::new("owner-1").limit(10);
    let request = client.http_request(&list, &RequestOptions::new()).unwrap();
    assert_eq!(request.uri(), "http://127.0.0.1:1/v1/widgets/owner-1?limit=10");

    let rename = RenameWidgetRequest::new("owner-1", 7, "new name")
        .kind("gadget")
        .labels(vec!["a".to_owned()])
        .pin("1234")
        .idempotency_key("key-1")
        .authorization(Authorization::session_token("mst"))
        .notify(false)
        .r#async(true)
        .set_kind(None);
    assert!(rename.idempotent());
    let request = client.http_request(&rename, &RequestOptions::new()).unwrap();
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        r#"{"name":"new name","labels":["a"],"pin":"1234","async":true}"#
    );
    assert_eq!(request.headers()["x-idempotency-key"], "key-1");
    assert!(!format!("{rename:?}").contains("1234"));

    let ping = client.http_request(Ping, &RequestOptions::new()).unwrap();
    assert_eq!(ping.body().as_ref(), b"{}");
    let _ = Ping::default();
}

//! Field rules that decide the wire (issue 16 items 3, 11, 12, 16, 19; issue 11 items 3, 8),
//! each checked byte for byte through `Client::http_request`.
#![deny(warnings)]

use stytch_client::http::Request;
use stytch_client::{Client, Endpoint, RequestOptions, Secret, endpoint};

type Json = serde_json::Value;

fn wire(endpoint: impl Endpoint) -> Request<stytch_client::RequestBody> {
    let client = Client::builder()
        .credentials("project-test-x", "secret")
        .base_url("http://127.0.0.1:1")
        .build()
        .unwrap();
    client.http_request(endpoint, &RequestOptions::new()).unwrap()
}

fn body(request: &Request<stytch_client::RequestBody>) -> &str {
    std::str::from_utf8(request.body()).unwrap()
}

// 3: fields behind a `cfg` that is off vanish from everything generated, `new` included.
#[endpoint(POST, "/v1/cfg", response = Json)]
pub struct WithCfg {
    pub kept: String,
    #[cfg(not(all()))]
    pub extra: Option<String>,
    #[cfg(any())]
    pub gone: String,
    #[cfg(all())]
    pub on: Option<u8>,
}

// ... a struct behind a `cfg` that is off takes its generated code with it ...
#[endpoint(POST, "/v1/cfg-struct", response = Json)]
#[cfg(any())]
pub struct Absent {
    pub missing: MissingType,
}

// ... and a struct whose only required field is off still gets `Default`.
#[endpoint(POST, "/v1/cfg-default", response = Json)]
pub struct CfgDefault {
    #[cfg(any())]
    pub gone: String,
    pub on: Option<u8>,
}

mod aliases {
    pub type Maybe<T> = std::option::Option<T>;
    pub type Token = String;
    pub use self::own::Option;

    mod own {
        /// A user's own type named `Option`, always sent.
        #[derive(serde::Serialize, Debug)]
        #[serde(untagged)]
        pub enum Option<T> {
            Some(T),
            None,
        }

        impl<T> From<T> for Option<T> {
            fn from(value: T) -> Self {
                Self::Some(value)
            }
        }
    }
}
use aliases::{Maybe, Token};

// 11: aliases of `Option` need `optional` (or `required`), a look-alike `Option` needs `required`;
// 12: a header field whose type is an alias of `String` (checked by trait bound, not by name).
#[endpoint(POST, "/v1/aliases", response = Json)]
pub struct Aliases {
    #[endpoint(optional)]
    pub nickname: Maybe<String>,
    #[endpoint(required)]
    pub always: Maybe<String>,
    #[endpoint(required)]
    pub own: aliases::Option<u8>,
    #[endpoint(header = "X-Token")]
    pub token: Token,
    #[endpoint(header = "X-Alias", optional)]
    pub alias: Maybe<Token>,
}

// 16: struct-level `rename_all` is applied to body and query keys (not to explicit renames).
#[endpoint(POST, "/v1/renamed", response = Json)]
#[serde(rename_all = "camelCase")]
pub struct Renamed {
    pub session_id: String,
    #[serde(rename = "exact_name")]
    pub other_field: Option<u8>,
    #[endpoint(query)]
    pub dry_run: Option<bool>,
    // 19: `rename(serialize = ...)` is read.
    #[serde(rename(serialize = "out", deserialize = "in"))]
    pub inner_name: Option<u8>,
}

// 19: field attributes written as a path, and a non-ASCII capture.
#[endpoint(POST, "/v1/café/{café}", response = Json)]
pub struct Paths {
    pub café: String,
    #[stytch_client::endpoint(query)]
    pub page: Option<u32>,
}

// Issue 11, 3: nullable setters take `impl Into<T>`; `_null` sends `null`.
#[endpoint(PATCH, "/v1/nullable", response = Json)]
pub struct Nullable {
    pub display_name: Option<Option<String>>,
    pub claims: Option<Option<Json>>,
    pub pin: Option<Option<Secret<String>>>,
}

// Issue 11, 8: a list on a GET/DELETE repeats the query key.
#[endpoint(GET, "/v1/search", response = Json)]
pub struct Search {
    pub tags: Vec<String>,
    pub ids: Option<Vec<u32>>,
    pub empty: Vec<String>,
}

// `form`: the body is form-encoded, by the query rules; `None` is left out.
#[endpoint(POST, "/v1/oauth2/{project_id}/introspect", form, response = Json)]
pub struct Introspect {
    pub project_id: String,
    pub token: Secret<String>,
    pub scopes: Vec<String>,
    pub hint: Option<String>,
    #[endpoint(query)]
    pub trace: Option<bool>,
}

fn main() {
    let cfg = wire(WithCfg::new("k").on(1));
    assert_eq!(cfg.method(), "POST");
    assert_eq!(body(&cfg), r#"{"kept":"k","on":1}"#);
    assert_eq!(format!("{:?}", WithCfg::new("k")), r#"WithCfg { kept: "k", on: None }"#);
    assert_eq!(body(&wire(CfgDefault::default().on(2))), r#"{"on":2}"#);

    let aliases = Aliases::new(None, aliases::Option::Some(3), "tok").nickname("nick").alias("al");
    let request = wire(aliases);
    assert_eq!(body(&request), r#"{"nickname":"nick","always":null,"own":3}"#);
    assert_eq!(request.headers()["x-token"], "tok");
    assert_eq!(request.headers()["x-alias"], "al");
    let request = wire(Aliases::new("a".to_owned(), aliases::Option::None, "tok"));
    assert_eq!(body(&request), r#"{"always":"a","own":null}"#);
    assert!(!request.headers().contains_key("x-alias"));

    let renamed = wire(Renamed::new("s").other_field(1).dry_run(true).inner_name(2));
    assert_eq!(renamed.method(), "POST");
    assert_eq!(renamed.uri(), "http://127.0.0.1:1/v1/renamed?dryRun=true");
    assert_eq!(body(&renamed), r#"{"sessionId":"s","exact_name":1,"out":2}"#);

    let paths = wire(Paths::new("crème brûlée").page(2));
    assert_eq!(
        paths.uri(),
        "http://127.0.0.1:1/v1/caf%C3%A9/cr%C3%A8me%20br%C3%BBl%C3%A9e?page=2"
    );

    let set = wire(Nullable::new().display_name("Ada").claims(serde_json::json!({"a": 1})).pin("1234"));
    assert_eq!(body(&set), r#"{"display_name":"Ada","claims":{"a":1},"pin":"1234"}"#);
    let nulls = wire(Nullable::new().display_name_null().claims_null().set_pin(None));
    assert_eq!(body(&nulls), r#"{"display_name":null,"claims":null}"#);
    assert_eq!(format!("{:?}", Nullable::new().pin("1234")), r#"Nullable { display_name: None, claims: None, pin: Some(Some(***)) }"#);

    let search = wire(Search::new(vec!["a b".to_owned(), "c".to_owned()], Vec::new()).ids(vec![1, 2]));
    assert_eq!(search.method(), "GET");
    assert_eq!(search.uri(), "http://127.0.0.1:1/v1/search?tags=a+b&tags=c&ids=1&ids=2");

    let form = wire(Introspect::new("p 1", "tok&en=1", vec!["a".to_owned(), "b c".to_owned()]).trace(true));
    assert_eq!(form.uri(), "http://127.0.0.1:1/v1/oauth2/p%201/introspect?trace=true");
    assert_eq!(form.headers()["content-type"], "application/x-www-form-urlencoded");
    assert_eq!(body(&form), "token=tok%26en%3D1&scopes=a&scopes=b+c");
    let form = wire(Introspect::new("p", "t", Vec::new()).hint("access_token"));
    assert_eq!(body(&form), "token=t&hint=access_token");
}

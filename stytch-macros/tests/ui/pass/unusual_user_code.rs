//! Legal but unusual user code around `#[endpoint]` (issue 16, items 1-2, 4-7, 9-10, 20),
//! under `deny(warnings)`, with the exact wire checked through `Client::http_request`.
#![deny(warnings)]
#![allow(non_upper_case_globals)]

use stytch_client::http::Request;
use stytch_client::{Client, Endpoint, RequestOptions, endpoint};

fn wire(endpoint: impl Endpoint) -> Request<stytch_client::RequestBody> {
    let client = Client::builder()
        .credentials("project-test-x", "secret")
        .base_url("http://127.0.0.1:1")
        .build()
        .unwrap();
    client.http_request(endpoint, &RequestOptions::new()).unwrap()
}

// 5: lowercase constants named like the macro's old locals.
pub const value: u8 = 0;
pub const state: u8 = 0;
pub const query: u8 = 0;
pub const out: u8 = 0;
pub const serializer: u8 = 0;
pub const headers: u8 = 0;
pub const f: u8 = 0;

type Json = serde_json::Value;

// 1: capture and header fields whose names and types come from a user's macro (`$t:ident`).
macro_rules! by_ident {
    ($name:ident, $id:ident: $idty:ident, $h:ident: $hty:ident) => {
        #[endpoint(GET, "/v1/things/{thing_id}", response = Json)]
        pub struct $name {
            pub $id: $idty,
            #[endpoint(header = "X-Trace")]
            pub $h: $hty,
            pub limit: Option<u32>,
        }
    };
}
by_ident!(GetThing, thing_id: String, trace: String);

// 2: the same with `$t:ty` fragments, which reach the macro as invisible groups.
macro_rules! by_ty {
    ($name:ident, $id:ident: $idty:ty, $h:ident: $hty:ty, $o:ident: $oty:ty, $n:ident: $nty:ty) => {
        #[endpoint(POST, "/v1/things/{thing_id}", response = Json)]
        pub struct $name {
            pub $id: $idty,
            #[endpoint(header = "X-Trace")]
            pub $h: $hty,
            pub $o: $oty,
            pub $n: $nty,
        }
    };
}
by_ty!(PostThing, thing_id: u64, trace: Option<String>, note: Option<String>, count: u64);

// 5 again: fields named like those constants (parameters of `new` and the setters are named
// after their fields).
#[endpoint(POST, "/v1/colliding", response = Json)]
pub struct Colliding {
    pub value: String,
    pub query: Option<String>,
    pub state: Option<u8>,
    pub out: Option<u8>,
    pub headers: Option<String>,
    pub f: Option<u8>,
    pub serializer: Option<Option<u8>>,
}

// 4: a struct named `Body` (the old helper's name).
#[endpoint(POST, "/v1/body", response = Json)]
pub struct Body {
    pub text: String,
}

// 6: deprecated fields, required and optional.
#[endpoint(PUT, "/v1/deprecated", response = Json)]
pub struct Deprecated {
    #[deprecated(note = "use `name`")]
    pub old_id: String,
    #[deprecated(note = "use `name`")]
    pub old_name: Option<String>,
    pub name: Option<String>,
}

// 7: `_id` and `__private`; 9: a path-derived `Default` (after the attribute, where the
// macro sees it and leaves `Default` to it).
#[endpoint(PATCH, "/v1/odd", response = Json)]
#[derive(std::default::Default)]
pub struct OddNames {
    pub name: Option<String>,
    pub _id: Option<String>,
    pub __private: Option<u8>,
}

// 10: a raw method ident.
#[endpoint(r#POST, "/v1/raw", response = Json)]
pub struct RawPost {
    pub q: Option<String>,
}

// 20: setters have their field's visibility (private ones are usable in this module).
#[endpoint(POST, "/v1/vis", response = Json)]
pub struct Visibility {
    pub open: Option<u8>,
    pub(crate) crate_only: Option<u8>,
    hidden: Option<u8>,
}

fn main() {
    let get = wire(GetThing::new("a/b", "t-1").limit(5));
    assert_eq!(get.method(), "GET");
    assert_eq!(get.uri(), "http://127.0.0.1:1/v1/things/a%2Fb?limit=5");
    assert_eq!(get.headers()["x-trace"], "t-1");

    // `trace` and `note` are optional (not required), `count` takes a `u64` literal.
    let post = wire(PostThing::new(7, 3).note("n"));
    assert_eq!(post.uri(), "http://127.0.0.1:1/v1/things/7");
    assert_eq!(post.body().as_ref(), br#"{"note":"n","count":3}"#);
    assert!(!post.headers().contains_key("x-trace"));
    let post = wire(PostThing::new(7, 3).trace("t"));
    assert_eq!(post.headers()["x-trace"], "t");

    let colliding = Colliding::new("v").query("q").state(1).out(2).headers("h").f(3).serializer_null();
    assert_eq!(
        wire(colliding).body().as_ref(),
        br#"{"value":"v","query":"q","state":1,"out":2,"headers":"h","f":3,"serializer":null}"#
    );

    let body = wire(Body::new("hi"));
    assert_eq!(body.body().as_ref(), br#"{"text":"hi"}"#);

    let odd = OddNames::default().name("n").set__id(Some("i".into())).__private(1);
    let odd = wire(&odd);
    assert_eq!(odd.method(), "PATCH");
    assert_eq!(odd.body().as_ref(), br#"{"name":"n","_id":"i","__private":1}"#);

    let deprecated = wire(Deprecated::new("i").name("n"));
    assert_eq!(deprecated.body().as_ref(), br#"{"old_id":"i","name":"n"}"#);

    let raw = wire(RawPost::new().q("x"));
    assert_eq!(raw.method(), "POST");
    assert_eq!(raw.uri(), "http://127.0.0.1:1/v1/raw");
    assert_eq!(raw.body().as_ref(), br#"{"q":"x"}"#);

    let vis = Visibility::new().open(1).crate_only(2).hidden(3);
    let vis = wire(&vis);
    assert_eq!(vis.body().as_ref(), br#"{"open":1,"crate_only":2,"hidden":3}"#);
    let _ = (value, state, query, out, serializer, headers, f);

    // Declared inside a function, with its default-named response type next to it.
    #[derive(serde::Deserialize)]
    struct LocalResponse {}
    #[endpoint(DELETE, "/v1/local/{id}")]
    struct Local {
        id: u32,
        reason: Option<String>,
    }
    let local = wire(Local::new(4).reason("r"));
    assert_eq!(local.method(), "DELETE");
    assert_eq!(local.uri(), "http://127.0.0.1:1/v1/local/4?reason=r");
    let _ = std::marker::PhantomData::<LocalResponse>;
}

use stytch_client::endpoint;

type Map = std::collections::HashMap<String, String>;

// Two fields on one JSON key, one query key, or one header (whatever the case).
#[endpoint(POST, "/v1/things", response = Map)]
pub struct Duplicates {
    pub name: String,
    #[serde(rename = "name")]
    pub display_name: Option<String>,
    #[endpoint(query)]
    #[serde(rename = "q")]
    pub first: Option<String>,
    #[endpoint(query)]
    #[serde(rename = "q")]
    pub second: Option<String>,
    #[endpoint(header = "X-Id")]
    pub id: Option<String>,
    #[endpoint(header = "x-id")]
    pub other_id: Option<String>,
}

// Headers the client or the HTTP stack owns.
#[endpoint(POST, "/v1/things", response = Map)]
pub struct OwnedHeaders {
    #[endpoint(header = "Content-Type")]
    pub content_type: Option<String>,
    #[endpoint(header = "host")]
    pub host: Option<String>,
    #[endpoint(header = "Authorization")]
    pub authorization: Option<String>,
}

// A second endpoint attribute.
#[endpoint(GET, "/v1/things", response = Map)]
#[endpoint(POST, "/v1/things", response = Map)]
pub struct Twice {
    pub name: Option<String>,
}

fn main() {}

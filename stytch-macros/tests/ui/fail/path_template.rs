use stytch_client::endpoint;

type Map = std::collections::HashMap<String, String>;

// Dot segments would be resolved away by the URL parser: refused.
#[endpoint(GET, "/v1/org/../admin", response = Map)]
pub struct DotDot {}

#[endpoint(GET, "/v1/./things/%2e%2E", response = Map)]
pub struct Dot {}

// `{{` is not an escape in a path.
#[endpoint(GET, "/v1/things/{{id}}", response = Map)]
pub struct Braces {
    pub id: String,
}

fn main() {}

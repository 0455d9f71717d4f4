use stytch_client::endpoint;

#[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>)]
pub struct CreateThing {
    #[endpoint(header = "X-Retry-Count")]
    pub retry_count: Option<u32>,
}

fn main() {}

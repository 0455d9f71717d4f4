use stytch_client::endpoint;

#[endpoint(GET, "/v1/b2b/organizations", response = std::collections::HashMap<String, String>)]
pub enum Organizations {
    All,
}

fn main() {}

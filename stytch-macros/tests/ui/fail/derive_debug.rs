use stytch_client::endpoint;

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = std::collections::HashMap<String, String>)]
#[derive(Clone, Debug)]
pub struct Authenticate {
    pub password: String,
}

fn main() {}

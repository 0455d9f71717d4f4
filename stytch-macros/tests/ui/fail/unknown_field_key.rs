use stytch_client::endpoint;

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = std::collections::HashMap<String, String>)]
pub struct Authenticate {
    #[endpoint(sensitiv)]
    pub password: String,
}

fn main() {}

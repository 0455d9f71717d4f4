use stytch_client::endpoint;

// Written before the attribute, the derive has already run when #[endpoint] sees the struct, so
// only rustc can report the conflict (documented on the macro).
#[derive(Debug)]
#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = std::collections::HashMap<String, String>)]
pub struct Authenticate {
    pub password: String,
}

fn main() {}

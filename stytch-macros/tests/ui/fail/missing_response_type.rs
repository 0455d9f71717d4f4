use stytch_client::endpoint;

// No `AuthenticateResponse` in scope: the error points at the struct's name.
#[endpoint(POST, "/v1/b2b/passwords/authenticate")]
pub struct Authenticate {
    pub email_address: String,
}

fn main() {}

use stytch_client::endpoint;

// The path is wrong, yet the struct is still emitted: only the macro's error is reported,
// not a cascade of "cannot find type `Authenticate`".
#[endpoint(POST, "v1/b2b/passwords/authenticate", response = std::collections::HashMap<String, String>)]
pub struct Authenticate {
    #[endpoint(sensitive)]
    pub password: String,
}

fn main() {
    let request = Authenticate { password: String::new() };
    let _ = request.password;
}

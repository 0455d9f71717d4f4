use stytch_client::endpoint;

// The path is wrong, yet the struct is still emitted with `new` and its setters: only the
// macro's error is reported, not a cascade of "cannot find type" or "no function `new`".
#[endpoint(POST, "v1/b2b/passwords/authenticate", response = std::collections::HashMap<String, String>)]
pub struct Authenticate {
    #[endpoint(sensitive)]
    pub password: String,
    pub session_duration_minutes: Option<u32>,
}

fn main() {
    let request = Authenticate::new("pw").session_duration_minutes(60);
    let _ = request.password;
    let _ = Authenticate { password: String::new(), session_duration_minutes: None };
}

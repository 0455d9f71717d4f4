use stytch_client::endpoint;

// `form` sets the body's encoding: a GET has no body.
#[endpoint(GET, "/v1/oauth2/userinfo", form, response = serde_json::Value)]
pub struct UserInfo {
    pub access_token: String,
}

fn main() {}

use stytch_client::endpoint;

// Generated method names that would collide are refused at the field.
#[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>)]
pub struct CreateThing {
    pub new: Option<String>,
    pub email: Option<String>,
    pub set_email: Option<String>,
    pub claims: Option<Option<String>>,
    pub claims_null: Option<bool>,
}

fn main() {}

use stytch_client::endpoint;

// A wrong runtime path is one error, not one per generated item.
#[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>, crate = "::stytch")]
pub struct CreateThing {
    pub name: Option<String>,
    pub id: String,
}

fn main() {}

use stytch_client::endpoint;

#[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>)]
pub struct CreateThing<T> {
    pub value: T,
}

fn main() {}

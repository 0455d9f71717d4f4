use stytch_client::endpoint;

type Map = std::collections::HashMap<String, String>;

// A lifetime gets its own message.
#[endpoint(POST, "/v1/things", response = Map)]
pub struct Borrowed<'a> {
    pub name: &'a str,
}

// Not a struct at all: the error names what it is, not what else might be accepted.
#[endpoint(POST, "/v1/things", response = Map)]
pub fn create_thing() {}

fn main() {}

use stytch_client::endpoint;

type Map = std::collections::HashMap<String, String>;

#[derive(Debug)]
pub struct NotSerialize;

#[derive(serde::Serialize)]
pub struct NotDebug;

// A body field's missing `Serialize` or `Debug` is reported at the field, not at the attribute.
#[endpoint(POST, "/v1/things", response = Map)]
pub struct CreateThing {
    pub payload: Option<NotSerialize>,
    pub shape: NotDebug,
}

fn main() {}

use stytch_client::endpoint;

type Maybe<T> = Option<T>;

// An alias of `Option` reads as required (optionality is read from the written type) and would
// send `null`: refused at the field, saying which marker to add.
#[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>)]
pub struct CreateThing {
    pub nickname: Maybe<String>,
    #[endpoint(required)]
    pub always_sent: Maybe<String>,
}

fn main() {}

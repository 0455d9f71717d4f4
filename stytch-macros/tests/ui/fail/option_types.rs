use stytch_client::endpoint;

type Map = std::collections::HashMap<String, String>;

mod own {
    #[derive(Debug, serde::Serialize)]
    pub enum Option<T> {
        Some(T),
        None,
    }
}
use own::Option;

// A look-alike `Option`, and `optional` on a type that is not an `Option`: each reported at the
// field, with what to write instead.
#[endpoint(POST, "/v1/things", response = Map)]
pub struct CreateThing {
    pub look_alike: Option<String>,
    #[endpoint(optional)]
    pub not_optional: String,
}

fn main() {}

use stytch_client::endpoint;

// Three independent problems, all reported in one build.
#[endpoint(PATCH, "/v1/things/{thing_id}", respons = std::collections::HashMap<String, String>)]
pub struct UpdateThing {
    pub thing: String,
    #[endpoint(qeury)]
    pub cursor: Option<String>,
}

fn main() {}

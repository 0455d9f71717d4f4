//! `crate = "..."` names the runtime through a re-export.

mod reexport {
    pub use stytch_client as runtime;
}

use reexport::runtime::endpoint;

#[endpoint(GET, "/v1/health", response = std::collections::HashMap<String, String>, crate = "crate::reexport::runtime")]
pub struct Health {
    pub verbose: Option<bool>,
}

fn main() {
    use reexport::runtime::Endpoint;
    assert_eq!(Health::PATH_TEMPLATE, "/v1/health");
    let _ = Health::new().verbose(true);
}

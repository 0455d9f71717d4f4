extern crate stytch_client;

use stytch_client::endpoint;

#[endpoint(POST, "v1/things", response = String)]
pub struct CreateThing {
    pub async: Option<bool>,
    #[endpoint(qeury)]
    pub try: Option<String>,
}

fn main() {}

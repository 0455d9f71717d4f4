// Compiled as edition 2015 by the `stytch-macros-edition-2015` package (stytch-macros/edition-2015):
// the macro's errors read as its messages, not as "cannot find `core` in the crate root", and
// fields named `async` or `try` (ordinary identifiers in 2015) are accepted.
extern crate stytch_client;

use stytch_client::endpoint;

#[endpoint(POST, "v1/things", response = String)]
pub struct CreateThing {
    pub async: Option<bool>,
    #[endpoint(qeury)]
    pub try: Option<String>,
}

fn main() {}

use stytch_client::endpoint as ep;

// The macro can be renamed, its field attributes cannot: say so instead of rustc's
// "expected non-macro attribute".
#[ep(GET, "/v1/things", response = std::collections::HashMap<String, String>)]
pub struct ListThings {
    #[ep(query)]
    pub cursor: Option<String>,
}

fn main() {}

use stytch_client::endpoint;

// `cfg_attr` is not resolved yet when the macro runs: refused where it would change the wire.
#[endpoint(POST, "/v1/things", response = std::collections::HashMap<String, String>)]
pub struct CreateThing {
    #[cfg_attr(all(), endpoint(header = "X-Trace"))]
    pub trace: Option<String>,
    #[cfg_attr(all(), serde(rename = "type"))]
    pub kind: Option<String>,
    #[cfg_attr(all(), doc = "harmless")]
    pub note: Option<String>,
}

// A capture cannot come and go with a `cfg`: the path would lose a segment.
#[endpoint(GET, "/v1/things/{thing_id}", response = std::collections::HashMap<String, String>)]
pub struct GetThing {
    #[cfg(all())]
    pub thing_id: String,
}

fn main() {}

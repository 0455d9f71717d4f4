use stytch_client::endpoint;

type Map = std::collections::HashMap<String, String>;

// Struct-level serde keys that would change the wire are applied (`rename_all`) or refused.
#[endpoint(POST, "/v1/things", response = Map)]
#[serde(rename_all = "camelcase", tag = "kind")]
pub struct StructLevel {
    pub name: Option<String>,
}

// Field-level advice that applies to the field at hand.
#[endpoint(POST, "/v1/things", response = Map)]
pub struct FieldLevel {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub already_optional: Option<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub required: String,
    #[serde(serialize_with = "custom")]
    pub custom: String,
    #[serde(flatten)]
    pub nested: Map,
    #[serde(default, alias = "x")]
    pub deserialize_only: Option<String>,
}

fn main() {}

use stytch_client::endpoint;

#[endpoint("/v1/b2b/organizations", response = std::collections::HashMap<String, String>)]
pub struct CreateOrganization {
    pub organization_name: String,
}

fn main() {}

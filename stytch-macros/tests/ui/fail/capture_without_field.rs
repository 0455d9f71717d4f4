use stytch_client::endpoint;

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = std::collections::HashMap<String, String>)]
pub struct GetOrganization {
    pub organisation_id: String,
}

fn main() {}

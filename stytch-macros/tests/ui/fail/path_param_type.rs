use stytch_client::endpoint;

pub struct OrganizationId(String);

#[endpoint(DELETE, "/v1/b2b/organizations/{organization_id}", response = std::collections::HashMap<String, String>)]
pub struct DeleteOrganization {
    pub organization_id: OrganizationId,
}

fn main() {}

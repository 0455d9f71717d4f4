//! Declares an endpoint the catalog does not have, and calls it on the embedded emulator.
//!
//! `GET /v1/b2b/organizations/members/dangerously_get/{member_id}` fetches a member by id alone
//! (Stytch's "dangerously get member"). Here it is one struct with one attribute, decoded into a
//! small struct of our own.
//!
//! Run: `cargo run --example custom_endpoint`

use serde::Deserialize;
use serde_json::Value;
use stytch_client::endpoint;
use stytch_emulator::Emulator;

/// Gets a member by id, without naming the organization.
#[endpoint(GET, "/v1/b2b/organizations/members/dangerously_get/{member_id}")]
pub struct DangerouslyGetMember {
    /// Fills `{member_id}`.
    pub member_id: String,
}

/// The part of the answer this program cares about.
#[derive(Debug, Deserialize)]
pub struct DangerouslyGetMemberResponse {
    /// Stytch's request id.
    pub request_id: String,
    /// The member.
    pub member: MemberSummary,
}

/// A few member fields (unknown fields are ignored).
#[derive(Debug, Deserialize)]
pub struct MemberSummary {
    /// `member-test-…`.
    pub member_id: String,
    /// The organization the member belongs to.
    pub organization_id: String,
    /// Lower-cased email.
    pub email_address: String,
    /// `active`, `pending`, `invited` or `deleted`.
    pub status: String,
}

/// Setup calls, declared the same way with a raw JSON response.
#[endpoint(POST, "/v1/b2b/organizations", response = Value)]
pub struct CreateOrganization {
    /// Display name.
    pub organization_name: String,
    /// URL-safe slug.
    pub organization_slug: Option<String>,
}

/// Adds a member to an organization.
#[endpoint(POST, "/v1/b2b/organizations/{organization_id}/members", response = Value)]
pub struct CreateMember {
    /// Fills `{organization_id}`.
    pub organization_id: String,
    /// The member's email.
    pub email_address: String,
    /// Display name.
    pub name: Option<String>,
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = Emulator::start().await?;
    let client = emulator.client();
    println!("emulator at {}", emulator.base_url());

    let org = client
        .send(CreateOrganization::new("Example Co").organization_slug("example-co"))
        .await?;
    let org_id = org["organization"]["organization_id"]
        .as_str()
        .ok_or("no organization_id")?
        .to_owned();
    let created = client
        .send(CreateMember::new(org_id, "grace@example.com").name("Grace Hopper"))
        .await?;
    let member_id = created["member_id"].as_str().ok_or("no member_id")?.to_owned();

    let got = client.send(DangerouslyGetMember::new(member_id.clone())).await?;
    println!(
        "member {} <{}> in {} is {} (request {})",
        got.member.member_id,
        got.member.email_address,
        got.member.organization_id,
        got.member.status,
        got.request_id
    );
    if got.member.member_id != member_id {
        return Err("the emulator returned another member".into());
    }
    Ok(())
}

#[tokio::main]
async fn main() {
    if std::env::args().skip(1).any(|a| a == "-h" || a == "--help") {
        println!(
            "custom_endpoint: declares an endpoint outside the catalog and calls it on the \
             embedded emulator\n\nUSAGE: cargo run --example custom_endpoint"
        );
        return;
    }
    if let Err(e) = run().await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}

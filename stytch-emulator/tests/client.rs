//! Through `stytch_client` with this crate's own `#[endpoint]` structs (responses as
//! `serde_json::Value`): the emulator and the client runtime agree on auth, paths, queries,
//! null elision and errors.

use serde_json::Value;
use std::time::Duration;
use stytch_client::endpoint;
use stytch_emulator::Emulator;

#[endpoint(POST, "/v1/b2b/organizations", response = Value)]
struct CreateOrganization {
    organization_name: String,
    organization_slug: Option<String>,
    mfa_policy: Option<String>,
}

#[endpoint(POST, "/v1/b2b/organizations/{organization_id}/members", response = Value)]
struct CreateMember {
    organization_id: String,
    email_address: String,
    name: Option<String>,
}

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}/member", response = Value)]
struct GetMember {
    organization_id: String,
    member_id: Option<String>,
    email_address: Option<String>,
}

#[endpoint(POST, "/v1/b2b/passwords/email/reset/start", response = Value)]
struct ResetStart {
    organization_id: String,
    email_address: String,
    reset_password_expiration_minutes: Option<i32>,
}

#[endpoint(POST, "/v1/b2b/passwords/email/reset", response = Value)]
struct Reset {
    #[endpoint(sensitive)]
    password_reset_token: String,
    #[endpoint(sensitive)]
    password: String,
}

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = Value)]
struct Authenticate {
    organization_id: String,
    email_address: String,
    #[endpoint(sensitive)]
    password: String,
    session_duration_minutes: Option<i32>,
}

#[endpoint(POST, "/v1/b2b/sessions/authenticate", response = Value)]
struct SessionsAuthenticate {
    #[endpoint(sensitive)]
    session_token: Option<String>,
    #[endpoint(sensitive)]
    session_jwt: Option<String>,
}

#[endpoint(GET, "/v1/b2b/sessions/jwks/{project_id}", response = Value)]
struct Jwks {
    project_id: String,
}

#[tokio::test]
async fn full_flow_through_the_client() {
    let emu = Emulator::start().await.unwrap();
    let client = emu.client();
    let org = client
        .send(CreateOrganization::new("Acme").organization_slug("acme"))
        .await
        .unwrap();
    let org_id = org["organization"]["organization_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let m = client
        .send(CreateMember::new(org_id.clone(), "ada@acme.com").name("Ada"))
        .await
        .unwrap();
    let got = client
        .send(GetMember::new("acme").email_address("ada@acme.com"))
        .await
        .unwrap();
    assert_eq!(got["member_id"], m["member_id"]);

    client
        .send(ResetStart::new(org_id.clone(), "ada@acme.com").reset_password_expiration_minutes(5))
        .await
        .unwrap();
    let token = emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    client
        .send(Reset::new(token.clone(), "violet-Kettle-sunrise-47-Orbit!"))
        .await
        .unwrap();
    let again = client
        .send(Reset::new(token, "violet-Kettle-sunrise-47-Orbit!"))
        .await
        .unwrap_err();
    assert_eq!(again.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(
        again.api_error().unwrap().error_type,
        "unable_to_auth_password_reset_token"
    );

    let auth = client
        .send(
            Authenticate::new(org_id.clone(), "ada@acme.com", "violet-Kettle-sunrise-47-Orbit!")
                .session_duration_minutes(10),
        )
        .await
        .unwrap();
    let jwt = auth["session_jwt"].as_str().unwrap().to_owned();
    let s = client
        .send(SessionsAuthenticate::default().session_jwt(jwt.clone()))
        .await
        .unwrap();
    assert_eq!(s["member"]["member_id"], m["member_id"]);

    let weak = client
        .send(Authenticate::new(org_id, "ada@acme.com", "wrong"))
        .await
        .unwrap_err();
    let api = weak.api_error().unwrap();
    assert_eq!(
        (api.status_code.as_u16(), api.error_type.as_str()),
        (401, "unauthorized_credentials")
    );
    assert!(api.request_id.as_deref().unwrap().starts_with("request-id-test-"));

    let keys = client.send(Jwks::new(emu.project_id())).await.unwrap();
    assert_eq!(keys["keys"].as_array().unwrap().len(), 1);

    emu.clock().advance(Duration::from_secs(11 * 60));
    let gone = client
        .send(SessionsAuthenticate::default().session_jwt(jwt))
        .await
        .unwrap_err();
    assert_eq!(gone.api_error().unwrap().error_type, "session_not_found");
}

#[tokio::test]
async fn shutdown_and_drop_stop_the_server() {
    let emu = Emulator::start().await.unwrap();
    let client = emu.client();
    client.send(CreateOrganization::new("Before")).await.unwrap();
    emu.shutdown().await;
    let err = client.send(CreateOrganization::new("After")).await.unwrap_err();
    assert!(
        err.is_connect() || err.is_timeout() || err.status().is_none(),
        "{err}"
    );

    let emu = Emulator::builder()
        .project_id("project-test-fixed")
        .secret("secret-test-fixed")
        .start()
        .await
        .unwrap();
    assert_eq!(
        (emu.project_id(), emu.secret()),
        ("project-test-fixed", "secret-test-fixed")
    );
    assert!(!format!("{emu:?}").contains("secret-test-fixed"));
    let url = emu.base_url().to_owned();
    drop(emu);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let c = stytch_client::Client::builder()
        .credentials("project-test-fixed", "secret-test-fixed")
        .base_url(url)
        .build()
        .unwrap();
    assert!(c.send(CreateOrganization::new("Gone")).await.is_err());
}

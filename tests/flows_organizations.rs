//! Organizations and members through the typed catalog: create and get, and their errors.

mod common;

use common::{Env, email, expect_api_error, unique};
use stytch_client::b2b::organizations::{self, members};

#[tokio::test]
async fn organization_create_then_get_decodes_every_setting() {
    let env = Env::start().await;
    let slug = unique("acme");
    let created = env
        .client
        .send(
            organizations::Create::new("Acme Inc.")
                .organization_slug(&slug)
                .organization_external_id(unique("ext"))
                .email_allowed_domains(vec!["acme.example".to_owned()])
                .email_jit_provisioning("RESTRICTED")
                .mfa_policy("OPTIONAL"),
        )
        .await
        .unwrap();
    let org = &created.organization;
    assert_eq!(created.status_code, 200);
    assert!(created.request_id.starts_with("request-id-test-"));
    assert!(
        org.organization_id.starts_with("organization-test-"),
        "{}",
        org.organization_id
    );
    assert_eq!(org.organization_name, "Acme Inc.");
    assert_eq!(org.organization_slug, slug);
    assert_eq!(org.email_allowed_domains, ["acme.example"]);
    assert_eq!(org.email_jit_provisioning, "RESTRICTED");
    assert_eq!(org.mfa_policy, "OPTIONAL");
    // Stytch's documented defaults for settings not given (§5.1).
    assert_eq!(org.sso_jit_provisioning, "ALL_ALLOWED");
    assert_eq!(org.auth_methods, "ALL_ALLOWED");
    assert_eq!(org.mfa_methods, "ALL_ALLOWED");
    assert!(org.created_at.is_some() && org.updated_at.is_some());

    let fetched = env
        .client
        .send(organizations::Get::new(org.organization_id.as_str()))
        .await
        .unwrap();
    assert_eq!(&fetched.organization, org);

    // The slug works wherever an organization id is expected.
    let by_slug = env.client.send(organizations::Get::new(slug)).await.unwrap();
    assert_eq!(by_slug.organization.organization_id, org.organization_id);
}

#[tokio::test]
async fn organization_errors() {
    let env = Env::start().await;
    let org = env.org().await;
    expect_api_error(
        env.client
            .send(organizations::Create::new("Copycat").organization_slug(org.organization_slug.as_str()))
            .await,
        400,
        "organization_slug_already_used",
    );
    expect_api_error(
        env.client
            .send(organizations::Get::new(
                "organization-test-00000000-0000-4000-8000-000000000000",
            ))
            .await,
        404,
        "organization_not_found",
    );
    // A path capture with characters that need encoding still reaches the route as one segment.
    expect_api_error(
        env.client.send(organizations::Get::new("no/such org?")).await,
        404,
        "organization_not_found",
    );
}

#[tokio::test]
async fn member_create_then_get_by_id_and_email() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("grace");
    let created = env
        .client
        .send(
            members::Create::new(org.organization_id.as_str(), address.as_str())
                .name("Grace Hopper")
                .external_id(unique("emp"))
                .untrusted_metadata(
                    serde_json::json!({"team": "compilers"})
                        .as_object()
                        .unwrap()
                        .clone(),
                ),
        )
        .await
        .unwrap();
    assert!(
        created.member_id.starts_with("member-test-"),
        "{}",
        created.member_id
    );
    assert_eq!(created.member.member_id, created.member_id);
    assert_eq!(created.member.organization_id, org.organization_id);
    assert_eq!(created.member.email_address, address);
    assert_eq!(created.member.name, "Grace Hopper");
    assert_eq!(created.member.status, "active");
    assert_eq!(created.member.member_password_id, "", "no password yet");
    assert!(!created.member.email_address_verified);
    assert_eq!(
        created
            .member
            .untrusted_metadata
            .as_ref()
            .and_then(|m| m.get("team")),
        Some(&serde_json::json!("compilers"))
    );
    assert_eq!(created.organization.organization_id, org.organization_id);

    let by_id = env
        .client
        .send(members::Get::new(org.organization_id.as_str()).member_id(created.member_id.as_str()))
        .await
        .unwrap();
    assert_eq!(by_id.member_id, created.member_id);
    assert_eq!(by_id.member, created.member);

    let by_email = env
        .client
        .send(members::Get::new(org.organization_id.as_str()).email_address(address.to_uppercase()))
        .await
        .unwrap();
    assert_eq!(by_email.member_id, created.member_id, "email lookup ignores case");

    let pending = env
        .client
        .send(
            members::Create::new(org.organization_id.as_str(), email("pending"))
                .create_member_as_pending(true),
        )
        .await
        .unwrap();
    assert_eq!(pending.member.status, "pending");
}

#[tokio::test]
async fn member_errors() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("dup");
    env.client
        .send(members::Create::new(
            org.organization_id.as_str(),
            address.as_str(),
        ))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(members::Create::new(
                org.organization_id.as_str(),
                address.as_str(),
            ))
            .await,
        400,
        "duplicate_member_email",
    );
    expect_api_error(
        env.client
            .send(members::Create::new(org.organization_id.as_str(), "not-an-email"))
            .await,
        400,
        "invalid_email",
    );
    expect_api_error(
        env.client
            .send(members::Create::new(
                "organization-test-00000000-0000-4000-8000-000000000000",
                email("x"),
            ))
            .await,
        404,
        "organization_not_found",
    );
    expect_api_error(
        env.client
            .send(
                members::Get::new(org.organization_id.as_str())
                    .member_id("member-test-00000000-0000-4000-8000-000000000000"),
            )
            .await,
        404,
        "member_not_found",
    );
    expect_api_error(
        env.client
            .send(members::Get::new(org.organization_id.as_str()).email_address(email("nobody")))
            .await,
        404,
        "member_not_found",
    );
}

//! Organizations and members through the typed catalog: create and get, and their errors.

mod common;

use common::{Env, email, expect_api_error, unique};
use stytch_client::b2b::models::{ConnectedAppId, MemberId, OrganizationId};
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
    // Stytch's documented defaults for settings not given.
    assert_eq!(org.sso_jit_provisioning, "ALL_ALLOWED");
    assert_eq!(org.auth_methods, "ALL_ALLOWED");
    assert_eq!(org.mfa_methods, "ALL_ALLOWED");
    assert!(org.created_at.is_some() && org.updated_at.is_some());

    let fetched = env
        .client
        .send(organizations::Get::new(&org.organization_id))
        .await
        .unwrap();
    assert_eq!(&fetched.organization, org);

    // The slug works wherever an organization id is expected.
    let by_slug = env
        .client
        .send(organizations::Get::new(OrganizationId::new(slug)))
        .await
        .unwrap();
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
            .send(organizations::Get::new(OrganizationId::new(
                "organization-test-00000000-0000-4000-8000-000000000000",
            )))
            .await,
        404,
        "organization_not_found",
    );
    // A path capture with characters that need encoding still reaches the route as one segment.
    expect_api_error(
        env.client
            .send(organizations::Get::new(OrganizationId::new("no/such org?")))
            .await,
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
            members::Create::new(&org.organization_id, address.as_str())
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
        .send(members::Get::new(&org.organization_id).member_id(&created.member_id))
        .await
        .unwrap();
    assert_eq!(by_id.member_id, created.member_id);
    assert_eq!(by_id.member, created.member);

    let by_email = env
        .client
        .send(members::Get::new(&org.organization_id).email_address(address.to_uppercase()))
        .await
        .unwrap();
    assert_eq!(by_email.member_id, created.member_id, "email lookup ignores case");

    let pending = env
        .client
        .send(members::Create::new(&org.organization_id, email("pending")).create_member_as_pending(true))
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
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(members::Create::new(&org.organization_id, address.as_str()))
            .await,
        400,
        "duplicate_member_email",
    );
    expect_api_error(
        env.client
            .send(members::Create::new(&org.organization_id, "not-an-email"))
            .await,
        400,
        "invalid_email",
    );
    expect_api_error(
        env.client
            .send(members::Create::new(
                OrganizationId::new("organization-test-00000000-0000-4000-8000-000000000000"),
                email("x"),
            ))
            .await,
        404,
        "organization_not_found",
    );
    expect_api_error(
        env.client
            .send(
                members::Get::new(&org.organization_id)
                    .member_id(MemberId::new("member-test-00000000-0000-4000-8000-000000000000")),
            )
            .await,
        404,
        "member_not_found",
    );
    expect_api_error(
        env.client
            .send(members::Get::new(&org.organization_id).email_address(email("nobody")))
            .await,
        404,
        "member_not_found",
    );
}

/// Every setting sent on create comes back under the field the client decodes it from (the
/// response models are lenient, so a wrong wire name would decode silently as a default).
#[tokio::test]
async fn every_organization_and_member_setting_decodes_under_its_own_name() {
    use stytch_client::b2b::models::{ConnectedAppsAllowedType, EmailImplicitRoleAssignment};
    let env = Env::start().await;
    let object = |v: serde_json::Value| v.as_object().unwrap().clone();
    let external_id = unique("acme-ext");
    let created = env
        .client
        .send(
            organizations::Create::new("Everything Inc.")
                .organization_slug(unique("everything"))
                .organization_logo_url("https://acme.example/logo.png")
                .trusted_metadata(object(serde_json::json!({"billing": "annual"})))
                .organization_external_id(external_id.as_str())
                .sso_jit_provisioning("NOT_ALLOWED")
                .email_allowed_domains(vec!["acme.example".into()])
                .email_jit_provisioning("RESTRICTED")
                .email_invites("RESTRICTED")
                .auth_methods("RESTRICTED")
                .allowed_auth_methods(vec!["password".into(), "magic_link".into()])
                .mfa_policy("REQUIRED_FOR_ALL")
                .rbac_email_implicit_role_assignments(vec![EmailImplicitRoleAssignment::new(
                    "acme.example",
                    "stytch_member",
                )])
                .mfa_methods("RESTRICTED")
                .allowed_mfa_methods(vec!["sms_otp".into()])
                .oauth_tenant_jit_provisioning("RESTRICTED")
                .allowed_oauth_tenants(object(serde_json::json!({"slack": ["T0123"]})))
                .claimed_email_domains(vec!["acme.example".into()])
                .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
                .allowed_first_party_connected_apps(vec![ConnectedAppId::new("connected-app-test-1")])
                .third_party_connected_apps_allowed_type(ConnectedAppsAllowedType::NotAllowed)
                .allowed_third_party_connected_apps(vec![]),
        )
        .await
        .unwrap();
    let org = &created.organization;
    assert_eq!(org.organization_logo_url, "https://acme.example/logo.png");
    assert_eq!(
        org.trusted_metadata.as_ref().and_then(|m| m.get("billing")),
        Some(&serde_json::json!("annual"))
    );
    assert_eq!(
        org.organization_external_id.as_deref(),
        Some(external_id.as_str())
    );
    assert_eq!(org.sso_jit_provisioning, "NOT_ALLOWED");
    assert_eq!(org.email_jit_provisioning, "RESTRICTED");
    assert_eq!(org.email_invites, "RESTRICTED");
    assert_eq!(org.auth_methods, "RESTRICTED");
    assert_eq!(org.allowed_auth_methods, ["password", "magic_link"]);
    assert_eq!(org.mfa_policy, "REQUIRED_FOR_ALL");
    assert_eq!(
        org.rbac_email_implicit_role_assignments,
        [EmailImplicitRoleAssignment::new("acme.example", "stytch_member")]
    );
    assert_eq!(org.mfa_methods, "RESTRICTED");
    assert_eq!(org.allowed_mfa_methods, ["sms_otp"]);
    assert_eq!(org.oauth_tenant_jit_provisioning, "RESTRICTED");
    assert_eq!(
        org.allowed_oauth_tenants.as_ref().and_then(|t| t.get("slack")),
        Some(&serde_json::json!(["T0123"]))
    );
    assert_eq!(org.claimed_email_domains, ["acme.example"]);
    assert_eq!(org.first_party_connected_apps_allowed_type, "RESTRICTED");
    assert_eq!(org.allowed_first_party_connected_apps, ["connected-app-test-1"]);
    assert_eq!(org.third_party_connected_apps_allowed_type, "NOT_ALLOWED");
    assert!(org.allowed_third_party_connected_apps.is_empty());
    assert!(org.created_at.is_some());

    let member_external_id = unique("emp");
    let created = env
        .client
        .send(
            members::Create::new(&org.organization_id, email("everything"))
                .name("Ever Thing")
                .trusted_metadata(object(serde_json::json!({"level": 3})))
                .untrusted_metadata(object(serde_json::json!({"theme": "dark"})))
                .create_member_as_pending(true)
                .is_breakglass(true)
                .mfa_phone_number("+15005550006")
                .mfa_enrolled(true)
                .roles(vec!["stytch_admin".into()])
                .external_id(member_external_id.as_str()),
        )
        .await
        .unwrap();
    let member = &created.member;
    assert_eq!(member.name, "Ever Thing");
    assert_eq!(
        member.trusted_metadata.as_ref().and_then(|m| m.get("level")),
        Some(&serde_json::json!(3))
    );
    assert_eq!(
        member.untrusted_metadata.as_ref().and_then(|m| m.get("theme")),
        Some(&serde_json::json!("dark"))
    );
    assert_eq!(member.status, "pending");
    assert!(member.is_breakglass);
    assert_eq!(member.mfa_phone_number, "+15005550006");
    assert!(member.mfa_enrolled);
    assert_eq!(member.default_mfa_method, "sms_otp");
    assert!(member.is_admin);
    let admin = member
        .roles
        .iter()
        .find(|r| r.role_id == "stytch_admin")
        .expect("the stytch_admin role");
    assert_eq!(admin.sources[0].kind, "direct_assignment");
    assert_eq!(member.external_id.as_deref(), Some(member_external_id.as_str()));
    assert!(member.created_at.is_some() && member.updated_at.is_some());
    assert!(!member.is_locked && member.lock_expires_at.is_none());
}

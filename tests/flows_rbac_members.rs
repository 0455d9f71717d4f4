//! Organizations, members and RBAC through the typed catalog: the member lifecycle, the
//! member-session method option enforced as Stytch enforces it, custom roles, and the local
//! authorization check of `authenticate_session_jwt`.

mod common;

use common::{Env, STRONG, email, expect_api_error, unique};
use stytch_client::b2b::models::{
    AuthorizationCheck, MemberFilter, MemberSearchQuery, MemberStatus, OrgPolicy, OrganizationFilter,
    OrganizationSearchQuery, PolicyRole, PolicyRolePermission,
};
use stytch_client::b2b::organizations::{self, members};
use stytch_client::b2b::rbac;
use stytch_client::jwt::{JwtOptions, VerifiedBy};
use stytch_client::{Authorization, ErrorKind, JwtReason};
use stytch_emulator::{RbacPolicy, RbacResource, RbacRole};

#[tokio::test]
async fn member_lifecycle_create_update_search_delete_reactivate() {
    let env = Env::start().await;
    let org = env.org().await;
    let org_id = &org.organization_id;
    let address = email("lifecycle");
    // A password reset verifies the email, which reactivation needs.
    let created = env.member_with_password(org_id, &address, STRONG).await;
    let member_id = created.member_id.clone();

    let updated = env
        .client
        .send(
            members::Update::new(org_id, &member_id)
                .name("Ada Lovelace")
                .external_id(unique("emp"))
                .mfa_phone_number("+12025550123")
                .roles(vec!["stytch_admin".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(updated.member.name, "Ada Lovelace");
    assert_eq!(updated.member.mfa_phone_number, "+12025550123");
    assert!(updated.member.is_admin);
    assert_eq!(updated.organization.organization_id, *org_id);

    let search = |statuses: Option<Vec<MemberStatus>>| {
        let mut filters = vec![MemberFilter::member_email_fuzzy(
            address.split('@').next().unwrap(),
        )];
        if let Some(s) = statuses {
            filters.push(MemberFilter::statuses(s));
        }
        members::Search::new(vec![org_id.clone()]).query(MemberSearchQuery::and(filters))
    };
    let found = env.client.send(search(None)).await.unwrap();
    assert_eq!(found.results_metadata.total, 1);
    assert_eq!(found.members[0].member_id, member_id);
    assert_eq!(
        found.organizations[org_id].organization_slug,
        org.organization_slug
    );

    let deleted = env
        .client
        .send(members::Delete::new(org_id, &member_id))
        .await
        .unwrap();
    assert_eq!(deleted.member_id, member_id);
    // Deleted members leave search unless asked for, and leave get.
    assert_eq!(
        env.client
            .send(search(None))
            .await
            .unwrap()
            .results_metadata
            .total,
        0
    );
    let with_deleted = env
        .client
        .send(search(Some(vec![MemberStatus::Deleted])))
        .await
        .unwrap();
    assert_eq!(with_deleted.members[0].status, "deleted");
    expect_api_error(
        env.client
            .send(members::Get::new(org_id).member_id(member_id.clone()))
            .await,
        404,
        "member_not_found",
    );

    let back = env
        .client
        .send(members::Reactivate::new(org_id, &member_id))
        .await
        .unwrap();
    assert_eq!(back.member.status, "active");
    assert_eq!(back.member.name, "Ada Lovelace");
    expect_api_error(
        env.client
            .send(members::Reactivate::new(org_id, &member_id))
            .await,
        400,
        "no_deleted_member_found_for_reactivation",
    );
}

#[tokio::test]
async fn organization_update_search_metrics_and_delete() {
    let env = Env::start().await;
    let org = env.org().await;
    let org_id = &org.organization_id;
    let name = unique("Searchable Corp");
    let updated = env
        .client
        .send(
            organizations::Update::new(org_id)
                .organization_name(name.clone())
                .email_allowed_domains(vec!["searchable.example".to_owned()])
                .email_jit_provisioning("RESTRICTED"),
        )
        .await
        .unwrap();
    assert_eq!(updated.organization.organization_name, name);
    assert_eq!(updated.organization.email_jit_provisioning, "RESTRICTED");
    expect_api_error(
        env.client
            .send(organizations::Update::new(org_id).email_allowed_domains(vec!["gmail.com".to_owned()]))
            .await,
        400,
        "organization_settings_domain_too_common",
    );
    expect_api_error(
        env.client
            .send(organizations::Update::new(org_id).auth_methods("RESTRICTED"))
            .await,
        400,
        "allowed_auth_methods_required_for_restricted",
    );

    let found = env
        .client
        .send(organizations::Search::new().query(OrganizationSearchQuery::and([
            OrganizationFilter::organization_name_fuzzy(name.clone()),
            OrganizationFilter::allowed_domains(["searchable.example"]),
        ])))
        .await
        .unwrap();
    assert_eq!(found.results_metadata.total, 1);
    assert_eq!(found.organizations[0].organization_id, *org_id);
    assert_eq!(found.results_metadata.next_cursor, None);

    env.member_with_password(org_id, &email("counted"), STRONG).await;
    let metrics = env
        .client
        .send(organizations::Metrics::new(org_id))
        .await
        .unwrap();
    assert_eq!(metrics.member_count, 1);

    let gone = env.client.send(organizations::Delete::new(org_id)).await.unwrap();
    assert_eq!(gone.organization_id, *org_id);
    expect_api_error(
        env.client.send(organizations::Get::new(org_id)).await,
        404,
        "organization_not_found",
    );
}

#[tokio::test]
async fn member_sessions_are_refused_admin_actions_and_allowed_self_actions() {
    let env = Env::start().await;
    let org = env.org().await;
    let org_id = &org.organization_id;
    let ada = env.member_with_password(org_id, &email("plain"), STRONG).await;
    let admin_address = email("admin");
    let admin = env.member_with_password(org_id, &admin_address, STRONG).await;
    env.client
        .send(members::Update::new(org_id, &admin.member_id).roles(vec!["stytch_admin".to_owned()]))
        .await
        .unwrap();
    let as_ada = || Authorization::session_token(ada.session_token.clone());

    // A stytch_member: refused an admin action (403, Stytch's error shape) ...
    expect_api_error(
        env.client
            .send(members::Delete::new(org_id, &admin.member_id).authorization(as_ada()))
            .await,
        403,
        "session_authorization_error",
    );
    expect_api_error(
        env.client
            .send(
                organizations::Update::new(org_id)
                    .organization_name("Ada's now")
                    .authorization(as_ada()),
            )
            .await,
        403,
        "session_authorization_error",
    );
    // ... allowed a self action (stytch.self), but not every field on oneself.
    let renamed = env
        .client
        .send(
            members::Update::new(org_id, &ada.member_id)
                .name("Ada")
                .authorization(as_ada()),
        )
        .await
        .unwrap();
    assert_eq!(renamed.member.name, "Ada");
    expect_api_error(
        env.client
            .send(
                members::Update::new(org_id, &ada.member_id)
                    .roles(vec!["stytch_admin".to_owned()])
                    .authorization(as_ada()),
            )
            .await,
        403,
        "session_authorization_error",
    );

    // An admin is allowed, through the session JWT too; another organization is off limits.
    let as_admin = Authorization::session_jwt(admin.session_jwt.clone());
    let found = env
        .client
        .send(members::Search::new(vec![org_id.clone()]).authorization(as_admin.clone()))
        .await
        .unwrap();
    assert_eq!(found.results_metadata.total, 2);
    env.client
        .send(
            members::Update::new(org_id, &ada.member_id)
                .is_breakglass(true)
                .authorization(as_admin.clone()),
        )
        .await
        .unwrap();
    let other = env.org().await;
    expect_api_error(
        env.client
            .send(organizations::Delete::new(&other.organization_id).authorization(as_admin.clone()))
            .await,
        403,
        "session_authorization_tenancy_error",
    );
    // Without the header the project's secret may do anything.
    env.client
        .send(organizations::Delete::new(&other.organization_id))
        .await
        .unwrap();
}

#[tokio::test]
async fn custom_roles_decide_locally_in_authenticate_session_jwt() {
    let env = Env::start().await;
    env.emu
        .set_rbac_policy(
            RbacPolicy::default()
                .resource(RbacResource::new(
                    "documents",
                    "Team documents",
                    ["read", "write", "delete"],
                ))
                .role(RbacRole::new("editor", "Edits documents").permission("documents", ["read", "write"])),
        )
        .unwrap();
    let org = env.org().await;
    let org_id = &org.organization_id;
    let editor = env.member_with_password(org_id, &email("editor"), STRONG).await;
    env.client
        .send(members::Update::new(org_id, &editor.member_id).roles(vec!["editor".to_owned()]))
        .await
        .unwrap();
    // A fresh login carries the new role in the JWT.
    let login = env.login(org_id, &editor.member.email_address, STRONG).await;
    let jwt = login.session_jwt.expose_secret().clone();

    // The typed policy read shows the custom role next to Stytch's defaults.
    let policy = env
        .client
        .send(rbac::Policy::new())
        .await
        .unwrap()
        .policy
        .unwrap();
    let role_ids: Vec<_> = policy.roles.iter().map(|r| r.role_id.as_str()).collect();
    assert_eq!(role_ids, ["stytch_admin", "stytch_member", "editor"]);

    let check = |action: &str| {
        JwtOptions::local_only().authorization_check(AuthorizationCheck::new(org_id, "documents", action))
    };
    let allowed = env
        .client
        .authenticate_session_jwt(&jwt, &check("write"))
        .await
        .unwrap();
    assert_eq!(allowed.verified_by, VerifiedBy::Local);
    assert_eq!(allowed.authorization.unwrap().granting_roles, ["editor"]);
    let refused = env
        .client
        .authenticate_session_jwt(&jwt, &check("delete"))
        .await
        .unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Jwt);
    assert_eq!(refused.jwt_reason(), Some(JwtReason::PermissionDenied));
    let other = env.org().await;
    let elsewhere = JwtOptions::local_only().authorization_check(AuthorizationCheck::new(
        &other.organization_id,
        "documents",
        "read",
    ));
    let refused = env
        .client
        .authenticate_session_jwt(&jwt, &elsewhere)
        .await
        .unwrap_err();
    assert_eq!(refused.jwt_reason(), Some(JwtReason::TenancyMismatch));

    // An organization's own role counts for that organization (fetched with the policy).
    let deleter = PolicyRole::new(
        "deleter",
        "Deletes documents",
        vec![PolicyRolePermission::new("documents", vec!["delete".to_owned()])],
    );
    env.client
        .send(rbac::organizations::SetOrgPolicy::new(
            org_id,
            OrgPolicy::new(vec![deleter]),
        ))
        .await
        .unwrap();
    let stored = env
        .client
        .send(rbac::organizations::GetOrgPolicy::new(org_id))
        .await
        .unwrap();
    assert_eq!(stored.org_policy.roles[0].role_id, "deleter");
    let other_org_editor_member = env
        .client
        .send(
            members::Update::new(org_id, &editor.member_id)
                .roles(vec!["editor".to_owned(), "deleter".to_owned()]),
        )
        .await
        .unwrap();
    assert!(
        other_org_editor_member
            .member
            .roles
            .iter()
            .any(|r| r.role_id == "deleter")
    );

    // The remote path (max_token_age zero always asks Stytch) sends the same check.
    let remote = JwtOptions::new()
        .max_token_age(std::time::Duration::ZERO)
        .session_duration_minutes(120)
        .authorization_check(AuthorizationCheck::new(org_id, "documents", "read"));
    let by_stytch = env.client.authenticate_session_jwt(&jwt, &remote).await.unwrap();
    assert!(matches!(by_stytch.verified_by, VerifiedBy::Remote { .. }));
    assert_eq!(by_stytch.authorization.unwrap().granting_roles, ["editor"]);
    let remote_refused = JwtOptions::new()
        .max_token_age(std::time::Duration::ZERO)
        .authorization_check(AuthorizationCheck::new(org_id, "invoices", "read"));
    expect_api_error(
        env.client.authenticate_session_jwt(&jwt, &remote_refused).await,
        403,
        "session_authorization_error",
    );
}

//! Organizations, members and RBAC: the configuration rules of updates, search, soft delete and
//! reactivation, the RBAC policies, and the enforcement of the member-session headers.

mod common;

use common::*;
use reqwest::Method;
use serde_json::{Value, json};
use stytch_emulator::{ConnectedApp, Emulator, Provider, ProviderTokens, RbacPolicy, RbacResource, RbacRole};

/// A request with Basic auth plus extra headers; (status, body).
async fn call_with(
    h: &H,
    method: Method,
    path: &str,
    body: Option<Value>,
    headers: &[(&str, &str)],
) -> (u16, Value) {
    let mut req = h
        .http
        .request(method, format!("{}{}", h.emu.base_url(), path))
        .header("authorization", h.auth_header());
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    if let Some(b) = body {
        req = req.header("content-type", "application/json").body(b.to_string());
    }
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("non-JSON body: {text}")),
    )
}

/// A request made with a member's session token.
async fn as_member(h: &H, token: &str, method: Method, path: &str, body: Option<Value>) -> (u16, Value) {
    call_with(h, method, path, body, &[("X-Stytch-Member-Session", token)]).await
}

fn expect(got: (u16, Value), status: u16, error_type: &str) -> Value {
    assert_eq!(
        (got.0, got.1["error_type"].as_str().unwrap_or("<none>")),
        (status, error_type),
        "{:#}",
        got.1
    );
    assert_error_shape(&got.1, status);
    got.1
}

fn ok(got: (u16, Value)) -> Value {
    assert_eq!(got.0, 200, "{:#}", got.1);
    assert!(got.1["request_id"].as_str().is_some());
    got.1
}

/// An organization with an admin and a plain member, both with sessions:
/// (org, admin_id, admin_token, member_id, member_token).
async fn team(h: &H, slug: &str) -> (String, String, String, String, String) {
    let org = h.org(slug).await;
    let admin = h
        .member_with(
            &org,
            json!({ "email_address": format!("admin@{slug}.com"), "roles": ["stytch_admin"] }),
        )
        .await;
    let admin_session = h.set_password(&org, &format!("admin@{slug}.com"), STRONG).await;
    let member = h.member(&org, &format!("ada@{slug}.com")).await;
    let member_session = h.set_password(&org, &format!("ada@{slug}.com"), STRONG).await;
    (
        org,
        admin,
        admin_session["session_token"].as_str().unwrap().to_owned(),
        member,
        member_session["session_token"].as_str().unwrap().to_owned(),
    )
}

#[tokio::test]
async fn organization_update_follows_the_configuration_rules() {
    let h = H::new().await;
    let org = h.org("rules").await;
    h.org("taken").await;
    let path = format!("/v1/b2b/organizations/{org}");
    let put = |body: Value| call_with(&h, Method::PUT, &path, Some(body), &[]);

    let v = ok(put(
        json!({ "email_allowed_domains": ["rules.com", "rules.io"], "organization_name": "Rules Inc." }),
    )
    .await);
    assert_eq!(
        v["organization"]["email_allowed_domains"],
        json!(["rules.com", "rules.io"])
    );
    // Lists are replaced whole; fields not sent keep their value.
    let v = ok(put(json!({ "email_allowed_domains": ["rules.dev"] })).await);
    assert_eq!(v["organization"]["email_allowed_domains"], json!(["rules.dev"]));
    assert_eq!(v["organization"]["organization_name"], "Rules Inc.");

    expect(
        put(json!({ "email_allowed_domains": ["gmail.com"] })).await,
        400,
        "organization_settings_domain_too_common",
    );
    expect(
        put(json!({ "email_allowed_domains": ["a.com", "A.com"] })).await,
        400,
        "organization_settings_duplicate_domain",
    );
    expect(
        put(json!({ "auth_methods": "RESTRICTED" })).await,
        400,
        "allowed_auth_methods_required_for_restricted",
    );
    expect(
        put(json!({ "mfa_methods": "RESTRICTED", "allowed_mfa_methods": [] })).await,
        400,
        "allowed_mfa_methods_required_for_restricted",
    );
    expect(
        put(json!({ "allowed_mfa_methods": ["email"] })).await,
        400,
        "invalid_argument",
    );
    expect(
        put(json!({ "organization_slug": "taken" })).await,
        400,
        "organization_slug_already_used",
    );
    expect(
        put(json!({ "sso_jit_provisioning": "NOT_ALLOWED", "email_jit_provisioning": "NOT_ALLOWED", "email_invites": "NOT_ALLOWED" })).await,
        400,
        "invalid_organization_auth_factor_setting",
    );
    // A refused update changes nothing.
    let v = ok(call_with(&h, Method::GET, &path, None, &[]).await);
    assert_eq!(v["organization"]["auth_methods"], "ALL_ALLOWED");
    assert_eq!(v["organization"]["sso_jit_provisioning"], "ALL_ALLOWED");

    let v = ok(put(json!({ "auth_methods": "RESTRICTED", "allowed_auth_methods": ["password", "sso"], "organization_slug": "rules-2", "organization_external_id": "ext-rules" })).await);
    assert_eq!(
        v["organization"]["allowed_auth_methods"],
        json!(["password", "sso"])
    );
    // The slug and the external id now name the organization.
    ok(call_with(
        &h,
        Method::PUT,
        "/v1/b2b/organizations/rules-2",
        Some(json!({ "mfa_policy": "REQUIRED_FOR_ALL" })),
        &[],
    )
    .await);
    let v = ok(call_with(&h, Method::GET, "/v1/b2b/organizations/ext-rules", None, &[]).await);
    assert_eq!(v["organization"]["mfa_policy"], "REQUIRED_FOR_ALL");
    let other = h.org("other").await;
    expect(
        call_with(
            &h,
            Method::PUT,
            &format!("/v1/b2b/organizations/{other}"),
            Some(json!({ "organization_external_id": "ext-rules" })),
            &[],
        )
        .await,
        400,
        "organization_external_id_already_used",
    );
    let v = ok(call_with(&h, Method::DELETE, &format!("{path}/external_id"), None, &[]).await);
    assert_eq!(v["organization"]["organization_external_id"], Value::Null);
}

#[tokio::test]
async fn organization_delete_search_and_metrics() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("doomed", "ada@doomed.com").await;
    let token = h.authenticate(&org, "ada@doomed.com", STRONG).await["session_token"].clone();
    h.member(&org, "bob@doomed.com").await;
    let v = ok(call_with(
        &h,
        Method::GET,
        &format!("/v1/b2b/organizations/{org}/metrics"),
        None,
        &[],
    )
    .await);
    assert_eq!(v["member_count"], 2);
    for slug in ["acme-one", "acme-two", "globex"] {
        h.org(slug).await;
    }

    let search = |body: Value| call_with(&h, Method::POST, "/v1/b2b/organizations/search", Some(body), &[]);
    let fuzzy = json!({ "query": { "operator": "AND", "operands": [{ "filter_name": "organization_slug_fuzzy", "filter_value": "acme" }] } });
    let v = ok(search(fuzzy.clone()).await);
    assert_eq!(v["results_metadata"]["total"], 2);
    let v = ok(search(json!({ "query": { "operator": "AND", "operands": [{ "filter_name": "member_emails", "filter_value": ["ADA@doomed.com"] }] } })).await);
    assert_eq!(v["organizations"][0]["organization_id"], json!(org));
    // Pagination: one per page, then the cursor for the next; null on the last page.
    let mut page = fuzzy.clone();
    page["limit"] = json!(1);
    let first = ok(search(page.clone()).await);
    assert_eq!(first["organizations"].as_array().unwrap().len(), 1);
    page["cursor"] = first["results_metadata"]["next_cursor"].clone();
    let second = ok(search(page).await);
    assert_ne!(
        first["organizations"][0]["organization_id"],
        second["organizations"][0]["organization_id"]
    );
    assert_eq!(second["results_metadata"]["next_cursor"], Value::Null);
    // Query errors.
    let one = |name: &str, value: Value| json!({ "query": { "operator": "AND", "operands": [{ "filter_name": name, "filter_value": value }] } });
    expect(
        search(one("organization_name_fuzzy", json!("ac"))).await,
        400,
        "organization_search_organization_name_fuzzy_too_short",
    );
    expect(
        search(one("organization_slugs", json!("acme"))).await,
        400,
        "organization_search_expected_array_of_strings",
    );
    expect(
        search(one("shoe_size", json!("42"))).await,
        400,
        "organization_search_filter_name_not_recognized",
    );
    expect(search(json!({ "limit": 1001 })).await, 400, "invalid_limit");

    let v = ok(call_with(
        &h,
        Method::DELETE,
        &format!("/v1/b2b/organizations/{org}"),
        None,
        &[],
    )
    .await);
    assert_eq!(v["organization_id"], json!(org));
    expect(
        h.get(&format!("/v1/b2b/organizations/{org}")).await,
        404,
        "organization_not_found",
    );
    expect(
        h.get(&format!("/v1/b2b/organizations/members/dangerously_get/{member}"))
            .await,
        404,
        "member_not_found",
    );
    h.err(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_token": token }),
        404,
        "session_not_found",
    )
    .await;
    // The slug is free again.
    h.org("doomed").await;
}

#[tokio::test]
async fn member_update_delete_reactivate_and_search() {
    let h = H::new().await;
    let (org, id) = h.org_member_password("crew", "ada@crew.com").await;
    let path = format!("/v1/b2b/organizations/{org}/members/{id}");
    let v = ok(call_with(
        &h,
        Method::PUT,
        &path,
        Some(json!({ "name": "Ada", "external_id": "emp-1", "mfa_phone_number": "+12025550123" })),
        &[],
    )
    .await);
    assert_eq!(v["member"]["name"], "Ada");
    // The external id works in the path.
    let by_ext = format!("/v1/b2b/organizations/{org}/members/emp-1");
    expect(
        call_with(
            &h,
            Method::PUT,
            &by_ext,
            Some(json!({ "mfa_phone_number": "+12025550199" })),
            &[],
        )
        .await,
        400,
        "duplicate_member_phone_number_for_member",
    );
    expect(
        call_with(
            &h,
            Method::PUT,
            &by_ext,
            Some(json!({ "default_mfa_method": "totp" })),
            &[],
        )
        .await,
        400,
        "default_mfa_member_missing_factor",
    );

    // An email change retires the old address, drops the password and needs a new verification.
    let v = ok(call_with(
        &h,
        Method::PUT,
        &by_ext,
        Some(json!({ "email_address": "ada@newcrew.com" })),
        &[],
    )
    .await);
    let m = &v["member"];
    assert_eq!(m["email_address"], "ada@newcrew.com");
    assert_eq!(m["email_address_verified"], false);
    assert_eq!(m["member_password_id"], "");
    assert_eq!(m["retired_email_addresses"][0]["email_address"], "ada@crew.com");
    let retired_id = m["retired_email_addresses"][0]["email_id"]
        .as_str()
        .unwrap()
        .to_owned();
    // A retired address is still taken until unlinked.
    expect(
        h.post(
            &format!("/v1/b2b/organizations/{org}/members"),
            json!({ "email_address": "ada@crew.com" }),
        )
        .await,
        400,
        "duplicate_member_email",
    );
    let v = ok(call_with(
        &h,
        Method::POST,
        &format!("{path}/unlink_retired_email"),
        Some(json!({ "email_id": retired_id })),
        &[],
    )
    .await);
    assert_eq!(v["organization_id"], json!(org));
    assert_eq!(v["member"]["retired_email_addresses"], json!([]));
    let bob = h.member(&org, "ada@crew.com").await;

    // Soft delete: hidden from search unless asked, not reactivatable while unverified.
    ok(call_with(&h, Method::DELETE, &path, None, &[]).await);
    let search = |query: Value| {
        h.post(
            "/v1/b2b/organizations/members/search",
            json!({ "organization_ids": [org], "query": query }),
        )
    };
    let v = ok(search(Value::Null).await);
    assert_eq!(v["results_metadata"]["total"], 1);
    assert_eq!(v["members"][0]["member_id"], json!(bob));
    assert!(v["organizations"][&org].is_object());
    let v = ok(search(json!({ "operator": "AND", "operands": [{ "filter_name": "statuses", "filter_value": ["deleted"] }] })).await);
    assert_eq!(v["members"][0]["member_id"], json!(id));
    expect(search(json!({ "operator": "AND", "operands": [{ "filter_name": "statuses", "filter_value": ["gone"] }] })).await, 400, "search_invalid_status_filter");
    expect(
        h.post(
            "/v1/b2b/organizations/members/search",
            json!({ "organization_ids": [] }),
        )
        .await,
        400,
        "member_search_organization_ids_empty",
    );
    let v = ok(search(json!({ "operator": "AND", "operands": [{ "filter_name": "member_password_exists", "filter_value": false }] })).await);
    assert_eq!(v["members"][0]["member_id"], json!(bob));
    expect(
        h.get(&format!("/v1/b2b/organizations/members/dangerously_get/{id}"))
            .await,
        404,
        "member_not_found",
    );
    let v = ok(h
        .get(&format!(
            "/v1/b2b/organizations/members/dangerously_get/{id}?include_deleted=true"
        ))
        .await);
    assert_eq!(v["member"]["status"], "deleted");
    expect(
        call_with(&h, Method::PUT, &format!("{path}/reactivate"), None, &[]).await,
        400,
        "email_unverified_for_reactivation",
    );

    // A verified member comes back; reactivating an active one is refused.
    let carol = h.member(&org, "carol@crew.com").await;
    h.set_password(&org, "carol@crew.com", STRONG).await;
    let carol_path = format!("/v1/b2b/organizations/{org}/members/{carol}");
    ok(call_with(&h, Method::DELETE, &carol_path, None, &[]).await);
    let v = ok(call_with(&h, Method::PUT, &format!("{carol_path}/reactivate"), None, &[]).await);
    assert_eq!(v["member"]["status"], "active");
    expect(
        call_with(&h, Method::PUT, &format!("{carol_path}/reactivate"), None, &[]).await,
        400,
        "no_deleted_member_found_for_reactivation",
    );
    let v = ok(call_with(
        &h,
        Method::GET,
        &format!("/v1/b2b/organizations/{org}/metrics"),
        None,
        &[],
    )
    .await);
    assert_eq!(v["member_count"], 2);
}

#[tokio::test]
async fn member_factors_passwords_and_external_ids_can_be_removed() {
    let h = H::new().await;
    let (org, id) = h.org_member_password("parts", "ada@parts.com").await;
    let token = h.authenticate(&org, "ada@parts.com", STRONG).await["session_token"].clone();
    let v = ok(call_with(
        &h,
        Method::PUT,
        &format!("/v1/b2b/organizations/{org}/members/{id}"),
        Some(json!({ "mfa_phone_number": "+12025550123", "external_id": "x-1" })),
        &[],
    )
    .await);
    let password_id = v["member"]["member_password_id"].as_str().unwrap().to_owned();
    assert!(!password_id.is_empty());

    let v = ok(call_with(
        &h,
        Method::DELETE,
        &format!("/v1/b2b/organizations/{org}/members/mfa_phone_numbers/{id}"),
        None,
        &[],
    )
    .await);
    assert_eq!(v["member"]["mfa_phone_number"], "");
    expect(
        call_with(
            &h,
            Method::DELETE,
            &format!("/v1/b2b/organizations/{org}/members/mfa_phone_numbers/{id}"),
            None,
            &[],
        )
        .await,
        404,
        "member_phone_number_not_found",
    );
    expect(
        call_with(
            &h,
            Method::DELETE,
            &format!("/v1/b2b/organizations/{org}/members/{id}/totp"),
            None,
            &[],
        )
        .await,
        404,
        "totp_not_found",
    );
    let v = ok(call_with(
        &h,
        Method::DELETE,
        &format!("/v1/b2b/organizations/{org}/members/passwords/{password_id}"),
        None,
        &[],
    )
    .await);
    assert_eq!(v["member"]["member_password_id"], "");
    expect(
        call_with(
            &h,
            Method::DELETE,
            &format!("/v1/b2b/organizations/{org}/members/passwords/{password_id}"),
            None,
            &[],
        )
        .await,
        404,
        "member_password_not_found",
    );
    let v = ok(call_with(
        &h,
        Method::DELETE,
        &format!("/v1/b2b/organizations/{org}/members/x-1/external_id"),
        None,
        &[],
    )
    .await);
    assert_eq!(v["member"]["external_id"], Value::Null);
    // Removing factors leaves sessions alone.
    h.ok("/v1/b2b/sessions/authenticate", json!({ "session_token": token }))
        .await;
}

#[tokio::test]
async fn start_email_update_emails_the_new_address() {
    let h = H::new().await;
    let (org, id) = h.org_member_password("moving", "ada@moving.com").await;
    let path = format!("/v1/b2b/organizations/{org}/members/{id}/start_email_update");
    let v = ok(call_with(
        &h,
        Method::POST,
        &path,
        Some(json!({ "email_address": "ada@moved.com", "delivery_method": "EMAIL_OTP" })),
        &[],
    )
    .await);
    assert_eq!(v["member"]["email_address"], "ada@moving.com");
    let message = h
        .emu
        .last_email_to("ada@moved.com")
        .expect("a verification email");
    let code = message.token.unwrap();
    assert_eq!(code.len(), 6);
    assert!(h.emu.complete_email_update(&code));
    let v = ok(h
        .get(&format!("/v1/b2b/organizations/{org}/member?member_id={id}"))
        .await);
    assert_eq!(v["member"]["email_address"], "ada@moved.com");
    assert_eq!(v["member"]["email_address_verified"], true);
    let other = h.member(&org, "bob@moving.com").await;
    expect(
        call_with(
            &h,
            Method::POST,
            &format!("/v1/b2b/organizations/{org}/members/{other}/start_email_update"),
            Some(json!({ "email_address": "carol@moving.com" })),
            &[],
        )
        .await,
        400,
        "member_has_no_active_verified_email",
    );
}

#[tokio::test]
async fn the_project_policy_has_stytchs_defaults_and_the_hooks_custom_roles() {
    let h = H::new().await;
    let v = ok(h.get("/v1/b2b/rbac/policy").await);
    let roles = v["policy"]["roles"].as_array().unwrap();
    let admin = roles.iter().find(|r| r["role_id"] == "stytch_admin").unwrap();
    assert!(
        admin["permissions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["resource_id"] == "stytch.member" && p["actions"] == json!(["*"]))
    );
    let member = roles.iter().find(|r| r["role_id"] == "stytch_member").unwrap();
    assert_eq!(
        member["permissions"],
        json!([{ "resource_id": "stytch.self", "actions": ["*"] }])
    );
    let resources: Vec<&str> = v["policy"]["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["resource_id"].as_str().unwrap())
        .collect();
    for r in [
        "stytch.organization",
        "stytch.member",
        "stytch.sso",
        "stytch.scim",
        "stytch.self",
    ] {
        assert!(resources.contains(&r), "{r}");
    }

    // Over HTTP: the emulator's hook.
    let (status, v) = call_with(&h, Method::PUT, "/__emulator/rbac/policy", Some(json!({
        "resources": [{ "resource_id": "documents", "description": "Docs", "actions": ["read", "write"] }],
        "roles": [{ "role_id": "editor", "description": "Edits", "permissions": [{ "resource_id": "documents", "actions": ["*"] }] }],
    })), &[]).await;
    assert_eq!(status, 200, "{v:#}");
    assert!(
        v["policy"]["roles"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["role_id"] == "editor")
    );
    let v = ok(h.get("/v1/b2b/rbac/policy").await);
    assert!(
        v["policy"]["resources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["resource_id"] == "documents")
    );
    expect(
        call_with(
            &h,
            Method::PUT,
            "/__emulator/rbac/policy",
            Some(json!({ "resources": [{ "resource_id": "stytch.docs", "actions": ["read"] }] })),
            &[],
        )
        .await,
        400,
        "invalid_rbac_resource_id",
    );
    // In process: invalid policies are refused with the same rules.
    let bad = RbacPolicy::default().role(RbacRole::new("reader", "").permission("nothing", ["read"]));
    assert!(
        h.emu
            .set_rbac_policy(bad)
            .unwrap_err()
            .contains("invalid_permission_resource")
    );
    assert_eq!(h.emu.rbac_policy().roles[0].role_id, "editor");
}

#[tokio::test]
async fn organization_policies_add_roles_for_one_organization() {
    let h = H::new().await;
    h.emu
        .set_rbac_policy(RbacPolicy::default().resource(RbacResource::new(
            "documents",
            "",
            ["read", "write"],
        )))
        .unwrap();
    let (org, _, _, member_id, member_token) = team(&h, "custom").await;
    let path = format!("/v1/b2b/rbac/organizations/{org}");
    let role = json!({ "role_id": "auditor", "description": "Reads", "permissions": [{ "resource_id": "documents", "actions": ["read"] }] });
    let v = ok(call_with(
        &h,
        Method::PUT,
        &path,
        Some(json!({ "org_policy": { "roles": [role] } })),
        &[],
    )
    .await);
    assert_eq!(v["org_policy"]["roles"][0]["role_id"], "auditor");
    let v = ok(h.get(&path).await);
    assert_eq!(v["org_policy"]["roles"][0]["role_id"], "auditor");
    let v = ok(h.get(&format!("/v1/b2b/organizations/{org}")).await);
    assert_eq!(v["organization"]["custom_roles"][0]["role_id"], "auditor");
    for (roles, error) in [
        (
            json!([{ "role_id": "stytch_admin", "permissions": [{ "resource_id": "documents", "actions": ["read"] }] }]),
            "rbac_org_custom_roles_only",
        ),
        (json!([role, role]), "rbac_role_duplicate"),
        (
            json!([{ "role_id": "x", "permissions": [{ "resource_id": "documents", "actions": ["fly"] }] }]),
            "invalid_permission_action",
        ),
        (
            json!([{ "role_id": "x", "permissions": [] }]),
            "rbac_role_missing_permissions",
        ),
    ] {
        expect(
            call_with(
                &h,
                Method::PUT,
                &path,
                Some(json!({ "org_policy": { "roles": roles } })),
                &[],
            )
            .await,
            400,
            error,
        );
    }

    // The organization's role counts in that organization's authorization checks.
    let check = json!({ "session_token": member_token, "authorization_check": { "organization_id": org, "resource_id": "documents", "action": "read" } });
    h.err(
        "/v1/b2b/sessions/authenticate",
        check.clone(),
        403,
        "session_authorization_error",
    )
    .await;
    ok(call_with(
        &h,
        Method::PUT,
        &format!("/v1/b2b/organizations/{org}/members/{member_id}"),
        Some(json!({ "roles": ["auditor"] })),
        &[],
    )
    .await);
    let v = h.ok("/v1/b2b/sessions/authenticate", check).await;
    assert_eq!(v["verdict"]["granting_roles"], json!(["auditor"]));
}

#[tokio::test]
async fn a_member_session_header_turns_on_rbac() {
    let h = H::new().await;
    let (org, admin, admin_token, member, member_token) = team(&h, "guarded").await;
    let member_path = format!("/v1/b2b/organizations/{org}/members/{member}");
    let admin_path = format!("/v1/b2b/organizations/{org}/members/{admin}");

    // Without a header the project secret may do anything.
    ok(call_with(&h, Method::PUT, &admin_path, Some(json!({ "name": "Root" })), &[]).await);
    // A stytch_member may change their own name (stytch.self), not someone else's, nor their roles.
    ok(as_member(
        &h,
        &member_token,
        Method::PUT,
        &member_path,
        Some(json!({ "name": "Ada" })),
    )
    .await);
    let denied = expect(
        as_member(
            &h,
            &member_token,
            Method::PUT,
            &admin_path,
            Some(json!({ "name": "Pwned" })),
        )
        .await,
        403,
        "session_authorization_error",
    );
    assert!(
        denied["error_message"]
            .as_str()
            .unwrap()
            .contains("stytch.member")
    );
    expect(
        as_member(
            &h,
            &member_token,
            Method::PUT,
            &member_path,
            Some(json!({ "roles": ["stytch_admin"] })),
        )
        .await,
        403,
        "session_authorization_error",
    );
    expect(
        as_member(
            &h,
            &member_token,
            Method::PUT,
            &member_path,
            Some(json!({ "trusted_metadata": { "tier": 1 } })),
        )
        .await,
        401,
        "cannot_update_trusted_metadata",
    );
    expect(
        as_member(
            &h,
            &member_token,
            Method::PUT,
            &member_path,
            Some(json!({ "email_address": "me@guarded.com" })),
        )
        .await,
        403,
        "member_cannot_update_their_email_address",
    );
    expect(
        as_member(
            &h,
            &member_token,
            Method::PUT,
            &format!("/v1/b2b/organizations/{org}"),
            Some(json!({ "organization_name": "Mine" })),
        )
        .await,
        403,
        "session_authorization_error",
    );
    expect(
        as_member(
            &h,
            &member_token,
            Method::POST,
            &format!("/v1/b2b/organizations/{org}/members"),
            Some(json!({ "email_address": "x@guarded.com" })),
        )
        .await,
        403,
        "session_authorization_error",
    );
    let search = json!({ "organization_ids": [org] });
    expect(
        as_member(
            &h,
            &member_token,
            Method::POST,
            "/v1/b2b/organizations/members/search",
            Some(search.clone()),
        )
        .await,
        403,
        "session_authorization_error",
    );

    // The admin may do all of it, by token or by JWT, but only in their own organization.
    ok(as_member(
        &h,
        &admin_token,
        Method::PUT,
        &member_path,
        Some(json!({ "roles": [], "email_address": "ada2@guarded.com" })),
    )
    .await);
    ok(as_member(
        &h,
        &admin_token,
        Method::PUT,
        &format!("/v1/b2b/organizations/{org}"),
        Some(json!({ "organization_name": "Guarded" })),
    )
    .await);
    let v = ok(as_member(
        &h,
        &admin_token,
        Method::POST,
        "/v1/b2b/organizations/members/search",
        Some(search),
    )
    .await);
    assert_eq!(v["results_metadata"]["total"], 2);
    let jwt = h
        .ok(
            "/v1/b2b/sessions/authenticate",
            json!({ "session_token": admin_token }),
        )
        .await["session_jwt"]
        .as_str()
        .unwrap()
        .to_owned();
    ok(call_with(
        &h,
        Method::GET,
        &format!("/v1/b2b/organizations/{org}/connected_apps"),
        None,
        &[("X-Stytch-Member-SessionJWT", jwt.as_str())],
    )
    .await);
    let other = h.org("elsewhere").await;
    let other_member = h.member(&other, "eve@elsewhere.com").await;
    expect(
        as_member(
            &h,
            &admin_token,
            Method::DELETE,
            &format!("/v1/b2b/organizations/{other}/members/{other_member}"),
            None,
        )
        .await,
        403,
        "session_authorization_tenancy_error",
    );
    // RBAC runs before not-found checks: another organization's unknown member is still 403.
    expect(
        as_member(
            &h,
            &admin_token,
            Method::DELETE,
            &format!("/v1/b2b/organizations/{other}/members/member-test-nobody"),
            None,
        )
        .await,
        403,
        "session_authorization_tenancy_error",
    );
    expect(
        as_member(
            &h,
            &admin_token,
            Method::POST,
            "/v1/b2b/organizations/members/search",
            Some(json!({ "organization_ids": [org, other] })),
        )
        .await,
        403,
        "session_authorization_tenancy_error",
    );
    expect(
        as_member(
            &h,
            &admin_token,
            Method::PUT,
            &member_path,
            Some(json!({ "trusted_metadata": {} })),
        )
        .await,
        401,
        "cannot_update_trusted_metadata",
    );

    // Bad sessions.
    expect(
        as_member(&h, "not-a-token", Method::DELETE, &member_path, None).await,
        400,
        "invalid_session_token",
    );
    expect(
        call_with(
            &h,
            Method::DELETE,
            &member_path,
            None,
            &[
                ("X-Stytch-Member-Session", admin_token.as_str()),
                ("X-Stytch-Member-SessionJWT", jwt.as_str()),
            ],
        )
        .await,
        400,
        "too_many_session_arguments",
    );

    // A member may delete themselves (stytch.self), which also ends their session.
    let v = ok(as_member(&h, &member_token, Method::DELETE, &member_path, None).await);
    assert_eq!(v["member_id"], json!(member));
    expect(
        as_member(&h, &member_token, Method::DELETE, &member_path, None).await,
        404,
        "session_not_found",
    );
}

#[tokio::test]
async fn custom_and_implicit_roles_grant_permissions() {
    let h = H::with(Emulator::builder().grant("support", "stytch.member", "search")).await;
    let org = h
        .org_with(json!({ "organization_name": "Implicit", "organization_slug": "implicit", "rbac_email_implicit_role_assignments": [{ "domain": "implicit.com", "role_id": "support" }] }))
        .await;
    let ada = h.member(&org, "ada@implicit.com").await;
    let token = h.set_password(&org, "ada@implicit.com", STRONG).await["session_token"]
        .as_str()
        .unwrap()
        .to_owned();
    let v = ok(h
        .get(&format!("/v1/b2b/organizations/{org}/member?member_id={ada}"))
        .await);
    let support = v["member"]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["role_id"] == "support")
        .expect("the implicit role")
        .clone();
    assert_eq!(
        support["sources"],
        json!([{ "type": "email_assignment", "details": { "email_domain": "implicit.com" } }])
    );
    assert_eq!(v["member"]["is_admin"], false);
    ok(as_member(
        &h,
        &token,
        Method::POST,
        "/v1/b2b/organizations/members/search",
        Some(json!({ "organization_ids": [org] })),
    )
    .await);
    let v = ok(h.post("/v1/b2b/organizations/members/search", json!({ "organization_ids": [org], "query": { "operator": "AND", "operands": [{ "filter_name": "member_roles", "filter_value": ["support"] }] } })).await);
    assert_eq!(v["results_metadata"]["total"], 1);
    // A role given at runtime, in process.
    let outsider = h.member(&org, "bob@outside.com").await;
    let bob = h.set_password(&org, "bob@outside.com", STRONG).await["session_token"]
        .as_str()
        .unwrap()
        .to_owned();
    expect(
        as_member(
            &h,
            &bob,
            Method::DELETE,
            &format!("/v1/b2b/organizations/{org}/members/{ada}"),
            None,
        )
        .await,
        403,
        "session_authorization_error",
    );
    h.emu.grant("stytch_member", "stytch.member", "delete");
    ok(as_member(
        &h,
        &bob,
        Method::DELETE,
        &format!("/v1/b2b/organizations/{org}/members/{ada}"),
        None,
    )
    .await);
    let _ = outsider;
}

#[tokio::test]
async fn provider_tokens_and_connected_apps_come_from_the_hooks() {
    let h = H::new().await;
    let (org, id) = h.org_member_password("apps", "ada@apps.com").await;
    let base = format!("/v1/b2b/organizations/{org}/members/{id}");
    expect(
        h.get(&format!("{base}/oauth_providers/google")).await,
        404,
        "member_oauth_token_not_found",
    );
    let v = ok(h.get(&format!("{base}/oauth_providers/github")).await);
    assert_eq!(v["registrations"], json!([]));
    let mut google = ProviderTokens::new(Provider::Google, "google-sub-1", "ya29.access");
    google.refresh_token = Some("1//refresh".into());
    google.scopes = vec!["openid".into(), "email".into()];
    assert!(!format!("{google:?}").contains("ya29"));
    assert!(h.emu.set_provider_tokens(&id, google));
    let v = ok(h.get(&format!("{base}/oauth_providers/google")).await);
    assert_eq!(
        (v["provider_subject"].as_str(), v["access_token"].as_str()),
        (Some("google-sub-1"), Some("ya29.access"))
    );
    assert_eq!(v["refresh_token"], Value::Null);
    let v = ok(h
        .get(&format!(
            "{base}/oauth_providers/google?include_refresh_token=true"
        ))
        .await);
    assert_eq!(v["refresh_token"], "1//refresh");

    let app = ConnectedApp::new("connected-app-test-1", "Reporter", "third_party");
    assert!(h.emu.authorize_connected_app(&id, app, &["openid", "read:docs"]));
    let v = ok(h.get(&format!("{base}/connected_apps")).await);
    assert_eq!(v["connected_apps"][0]["scopes_granted"], "openid read:docs");
    let v = ok(h
        .get(&format!(
            "/v1/b2b/organizations/{org}/connected_apps/connected-app-test-1"
        ))
        .await);
    assert_eq!(
        v["active_members"],
        json!([{ "member_id": id, "granted_scopes": ["openid", "read:docs"] }])
    );
    ok(h.post(
        &format!("{base}/connected_apps/connected-app-test-1/revoke"),
        json!({}),
    )
    .await);
    let v = ok(h
        .get(&format!("/v1/b2b/organizations/{org}/connected_apps"))
        .await);
    assert_eq!(v["connected_apps"], json!([]));
    expect(
        h.get(&format!(
            "/v1/b2b/organizations/{org}/connected_apps/connected-app-test-1"
        ))
        .await,
        404,
        "connected_app_not_found",
    );
}

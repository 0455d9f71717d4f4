//! Organizations and members, Basic auth, bad input, concurrency, the HTTP outbox and clock hooks.

mod common;

use common::{H, STRONG, assert_error_shape};
use serde_json::{Value, json};
use std::sync::Arc;

#[tokio::test]
async fn organizations_create_get_and_validate() {
    let h = H::new().await;
    let v = h.ok("/v1/b2b/organizations", json!({ "organization_name": "Acme", "organization_slug": "acme", "trusted_metadata": { "tier": "gold" } })).await;
    let o = &v["organization"];
    assert!(
        o["organization_id"]
            .as_str()
            .unwrap()
            .starts_with("organization-test-")
    );
    for (k, want) in [
        ("sso_jit_provisioning", "ALL_ALLOWED"),
        ("email_jit_provisioning", "NOT_ALLOWED"),
        ("email_invites", "ALL_ALLOWED"),
        ("auth_methods", "ALL_ALLOWED"),
        ("mfa_policy", "OPTIONAL"),
        ("mfa_methods", "ALL_ALLOWED"),
        ("oauth_tenant_jit_provisioning", "NOT_ALLOWED"),
        ("first_party_connected_apps_allowed_type", "ALL_ALLOWED"),
        ("third_party_connected_apps_allowed_type", "ALL_ALLOWED"),
        ("organization_logo_url", ""),
    ] {
        assert_eq!(o[k], want, "{k}");
    }
    for k in [
        "email_allowed_domains",
        "allowed_auth_methods",
        "sso_active_connections",
        "custom_roles",
        "claimed_email_domains",
    ] {
        assert_eq!(o[k], json!([]), "{k}");
    }
    assert_eq!(o["trusted_metadata"], json!({ "tier": "gold" }));
    let id = o["organization_id"].as_str().unwrap();
    for key in [id, "acme"] {
        let (status, got) = h.get(&format!("/v1/b2b/organizations/{key}")).await;
        assert_eq!(status, 200);
        assert_eq!(&got["organization"], o);
    }
    // Any auth setting flips the email_invites default.
    let v = h
        .ok(
            "/v1/b2b/organizations",
            json!({ "organization_name": "B", "organization_slug": "bee", "auth_methods": "ALL_ALLOWED" }),
        )
        .await;
    assert_eq!(v["organization"]["email_invites"], "NOT_ALLOWED");

    let c = "/v1/b2b/organizations";
    h.err(
        c,
        json!({ "organization_name": "Dup", "organization_slug": "acme" }),
        400,
        "organization_slug_already_used",
    )
    .await;
    h.err(
        c,
        json!({ "organization_name": "Bad", "organization_slug": "a" }),
        400,
        "invalid_organization_slug",
    )
    .await;
    h.err(
        c,
        json!({ "organization_name": "Bad", "organization_slug": "no spaces" }),
        400,
        "invalid_organization_slug",
    )
    .await;
    h.err(
        c,
        json!({ "organization_slug": "noname" }),
        400,
        "organization_name_missing",
    )
    .await;
    h.err(
        c,
        json!({ "organization_name": "X", "organization_slug": "x-1", "mfa_policy": "SOMETIMES" }),
        400,
        "invalid_argument",
    )
    .await;
    let (status, v) = h.get("/v1/b2b/organizations/organization-test-nope").await;
    assert_eq!(
        (status, v["error_type"].as_str().unwrap()),
        (404, "organization_not_found")
    );
    // A generated slug when none is given.
    let v = h.ok(c, json!({ "organization_name": "Hello World Inc" })).await;
    assert_eq!(v["organization"]["organization_slug"], "hello-world-inc");
}

#[tokio::test]
async fn members_create_get_and_validate() {
    let h = H::new().await;
    let org = h.org("acme").await;
    let v = h
        .ok(
            &format!("/v1/b2b/organizations/{org}/members"),
            json!({ "organization_id": org, "email_address": "Ada@Acme.com", "name": "Ada", "mfa_phone_number": "+12025550123",
                    "roles": ["stytch_admin"], "untrusted_metadata": { "x": 1 }, "external_id": "emp-1" }),
        )
        .await;
    let m = &v["member"];
    assert_eq!(m["email_address"], "ada@acme.com");
    assert_eq!(m["status"], "active");
    assert_eq!(m["member_password_id"], "");
    assert_eq!(m["email_address_verified"], false);
    assert_eq!(m["is_admin"], true);
    assert_eq!(m["totp_registration_id"], "");
    assert_eq!(m["external_id"], "emp-1");
    assert_eq!(v["organization"]["organization_id"], org);
    let id = v["member_id"].as_str().unwrap();
    assert!(id.starts_with("member-test-"));
    for q in [
        format!("member_id={id}"),
        "email_address=ADA%40acme.com".to_owned(),
    ] {
        let (status, got) = h.get(&format!("/v1/b2b/organizations/acme/member?{q}")).await;
        assert_eq!(status, 200, "{got}");
        assert_eq!(&got["member"], m);
    }
    let (status, got) = h
        .get(&format!("/v1/b2b/organizations/members/dangerously_get/{id}"))
        .await;
    assert_eq!((status, &got["member"]), (200, m));
    let pending = h
        .ok(
            &format!("/v1/b2b/organizations/{org}/members"),
            json!({ "email_address": "p@acme.com", "create_member_as_pending": true }),
        )
        .await;
    assert_eq!(pending["member"]["status"], "pending");

    let p = format!("/v1/b2b/organizations/{org}/members");
    h.err(
        &p,
        json!({ "email_address": "ada@acme.com" }),
        400,
        "duplicate_member_email",
    )
    .await;
    h.err(&p, json!({ "email_address": "bad@" }), 400, "invalid_email")
        .await;
    h.err(
        &p,
        json!({ "email_address": "b@acme.com", "mfa_phone_number": "555-1234" }),
        400,
        "invalid_phone_number",
    )
    .await;
    h.err(
        &p,
        json!({ "email_address": "c@acme.com", "external_id": "emp-1" }),
        400,
        "duplicate_member_external_id",
    )
    .await;
    h.err(&p, json!({}), 400, "invalid_argument").await;
    h.err(
        "/v1/b2b/organizations/nope/members",
        json!({ "email_address": "x@acme.com" }),
        404,
        "organization_not_found",
    )
    .await;
    for q in ["member_id=member-test-nope", "email_address=ghost%40acme.com"] {
        let (status, v) = h.get(&format!("/v1/b2b/organizations/{org}/member?{q}")).await;
        assert_eq!(
            (status, v["error_type"].as_str().unwrap()),
            (404, "member_not_found")
        );
    }
    let (status, v) = h.get(&format!("/v1/b2b/organizations/{org}/member")).await;
    assert_eq!(
        (status, v["error_type"].as_str().unwrap()),
        (400, "invalid_argument")
    );
}

async fn raw(
    h: &H,
    method: reqwest::Method,
    path: &str,
    auth: Option<String>,
    ct: Option<&str>,
    body: Vec<u8>,
) -> (u16, Value) {
    let mut req = h
        .http
        .request(method, format!("{}{}", h.emu.base_url(), path))
        .body(body);
    if let Some(a) = auth {
        req = req.header("authorization", a);
    }
    if let Some(ct) = ct {
        req = req.header("content-type", ct);
    }
    let resp = req.send().await.expect("answered");
    let status = resp.status().as_u16();
    let text = resp.text().await.unwrap();
    let v: Value =
        serde_json::from_str(&text).unwrap_or_else(|_| panic!("non-JSON answer ({status}): {text}"));
    assert_error_shape(&v, status);
    (status, v)
}

#[tokio::test]
async fn bad_credentials_are_401() {
    let h = H::new().await;
    let p = "/v1/b2b/passwords/strength_check";
    let body = br#"{"password":"x"}"#.to_vec();
    use base64::Engine as _;
    let enc = |s: &str| format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(s));
    for auth in [
        None,
        Some("Bearer abc".to_owned()),
        Some("Basic !!!notbase64".to_owned()),
        Some(enc(&format!("{}:wrong", h.emu.project_id()))),
        Some(enc(&format!("project-test-other:{}", h.emu.secret()))),
        Some(enc(h.emu.project_id())),
    ] {
        let (status, v) = raw(
            &h,
            reqwest::Method::POST,
            p,
            auth.clone(),
            Some("application/json"),
            body.clone(),
        )
        .await;
        assert_eq!(
            (status, v["error_type"].as_str().unwrap()),
            (401, "unauthorized_credentials"),
            "{auth:?}"
        );
        assert_eq!(v["error_message"], "Unauthorized credentials.");
    }
    // The client built by the emulator authenticates; a client with a wrong secret gets 401.
    let bad = stytch_client::Client::builder()
        .credentials(h.emu.project_id(), "wrong")
        .base_url(h.emu.base_url())
        .build()
        .unwrap();
    #[stytch_client::endpoint(POST, "/v1/b2b/passwords/strength_check", response = serde_json::Value)]
    struct Check {
        password: String,
    }
    let err = bad.send(Check::new("x")).await.unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(err.api_error().unwrap().error_type, "unauthorized_credentials");
    assert!(h.emu.client().send(Check::new("x")).await.is_ok());
}

#[tokio::test]
async fn survives_bad_input() {
    let h = H::new().await;
    let auth = Some(h.auth_header());
    let post = reqwest::Method::POST;
    let p = "/v1/b2b/passwords/authenticate";
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("application/json"),
        b"{not json".to_vec(),
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "bad_request"));
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("application/json"),
        b"[1,2,3]".to_vec(),
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "bad_request"));
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("application/json"),
        vec![0xff, 0xfe, 0x00],
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "bad_request"));
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("text/plain"),
        br#"{"password":"x"}"#.to_vec(),
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "bad_request"));
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("application/x-www-form-urlencoded"),
        b"a=b".to_vec(),
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "bad_request"));
    // Empty body reads as {}: missing fields.
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("application/json"),
        Vec::new(),
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "invalid_argument"));
    // Wrong field types.
    let (s, v) = raw(
        &h,
        post.clone(),
        p,
        auth.clone(),
        Some("application/json"),
        br#"{"organization_id":1,"email_address":[],"password":{}}"#.to_vec(),
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "invalid_argument"));
    // 5 MiB body.
    let big = format!(r#"{{"password":"{}"}}"#, "a".repeat(5 * 1024 * 1024)).into_bytes();
    let (s, v) = raw(
        &h,
        post.clone(),
        "/v1/b2b/passwords/strength_check",
        auth.clone(),
        Some("application/json"),
        big,
    )
    .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (413, "request_too_large"));
    // Unknown paths and wrong methods, with or without credentials.
    for a in [auth.clone(), None] {
        let (s, v) = raw(
            &h,
            reqwest::Method::GET,
            "/v1/b2b/nothing/here",
            a.clone(),
            None,
            Vec::new(),
        )
        .await;
        assert_eq!((s, v["error_type"].as_str().unwrap()), (404, "route_not_found"));
    }
    let (s, v) = raw(&h, reqwest::Method::GET, p, auth.clone(), None, Vec::new()).await;
    assert_eq!(
        (s, v["error_type"].as_str().unwrap()),
        (405, "method_not_allowed")
    );
    let (s, _) = raw(
        &h,
        reqwest::Method::DELETE,
        "/v1/b2b/organizations",
        auth.clone(),
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(s, 405);
    let (s, _) = raw(
        &h,
        reqwest::Method::PUT,
        "/v1/b2b/sessions/jwks/x",
        None,
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(s, 405);
    // Path captures with odd bytes.
    let (s, v) = raw(
        &h,
        reqwest::Method::GET,
        "/v1/b2b/organizations/%E2%82%AC%20%2F..",
        auth.clone(),
        None,
        Vec::new(),
    )
    .await;
    assert_eq!(
        (s, v["error_type"].as_str().unwrap()),
        (404, "organization_not_found")
    );
    // A capture that is not UTF-8 is Stytch's JSON 400, on one- and two-capture routes alike.
    for (method, path) in [
        (reqwest::Method::GET, "/v1/b2b/organizations/%FF"),
        (
            reqwest::Method::DELETE,
            "/v1/b2b/organizations/%FF/members/member-x/external_id",
        ),
        (
            reqwest::Method::GET,
            "/v1/b2b/organizations/org-x/members/%FF/oauth_providers/google",
        ),
    ] {
        let (s, v) = raw(&h, method, path, auth.clone(), None, Vec::new()).await;
        assert_eq!(
            (s, v["error_type"].as_str(), v["error_message"].as_str()),
            (400, Some("bad_request"), Some("The path is malformed.")),
            "{path}"
        );
    }
    // Still serving.
    h.ok("/v1/b2b/passwords/strength_check", json!({ "password": STRONG }))
        .await;
    // A long password is judged quickly (zxcvbn sees a prefix) and hashed fine.
    let long = format!("{STRONG}{}", "x".repeat(100_000));
    h.ok("/v1/b2b/passwords/strength_check", json!({ "password": long }))
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_requests_on_one_member_lose_no_update() {
    let h = Arc::new(H::new().await);
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let first = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let token = first["session_token"].as_str().unwrap().to_owned();
    let n = 24;
    let mut tasks = Vec::new();
    for i in 0..n {
        let h = h.clone();
        let (org, token) = (org.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            // Half add a custom claim to the shared session (read-modify-write), half log in anew.
            if i % 2 == 0 {
                h.ok(
                    "/v1/b2b/sessions/authenticate",
                    json!({ "session_token": token, "session_custom_claims": { format!("k{i}"): i } }),
                )
                .await;
            } else {
                h.authenticate(&org, "ada@acme.com", STRONG).await;
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let v = h
        .ok("/v1/b2b/sessions/authenticate", json!({ "session_token": token }))
        .await;
    let claims = v["member_session"]["custom_claims"].as_object().unwrap();
    assert_eq!(claims.len(), n / 2, "every claim update survived: {claims:?}");
    // 1 from the reset, 1 first login, n/2 concurrent logins.
    assert_eq!(h.sessions_of(&org, &member).await.len(), 2 + n / 2);
}

#[tokio::test]
async fn concurrent_resets_with_one_token_succeed_once() {
    let h = Arc::new(H::new().await);
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com" }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (h, token) = (h.clone(), token.clone());
        tasks.push(tokio::spawn(async move {
            h.post(
                "/v1/b2b/passwords/email/reset",
                json!({ "password_reset_token": token, "password": format!("{STRONG}-{i}") }),
            )
            .await
            .0
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 401));
}

#[tokio::test]
async fn http_outbox_and_clock_hooks() {
    let h = H::new().await;
    let org = h.org("acme").await;
    h.member(&org, "ada@acme.com").await;
    h.member(&org, "bob@acme.com").await;
    for email in ["ada@acme.com", "bob@acme.com", "ada@acme.com"] {
        h.ok(
            "/v1/b2b/passwords/email/reset/start",
            json!({ "organization_id": org, "email_address": email, "reset_password_template_id": "tpl" }),
        )
        .await;
    }
    let (s, v) = h.get("/__emulator/outbox").await;
    assert_eq!(s, 200);
    let all = v["messages"].as_array().unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0]["kind"], "password_reset");
    assert_eq!(all[0]["to"], "ada@acme.com");
    assert_eq!(all[0]["template_id"], "tpl");
    assert!(
        all[0]["link"]
            .as_str()
            .unwrap()
            .contains(all[0]["token"].as_str().unwrap())
    );
    let (_, v) = h.get("/__emulator/outbox?to=ADA%40acme.com").await;
    assert_eq!(v["messages"].as_array().unwrap().len(), 2);
    assert_eq!(
        h.emu.last_email_to("ada@acme.com").unwrap().token.as_deref(),
        v["messages"][1]["token"].as_str()
    );
    // Same credentials as the API.
    let resp = h
        .http
        .get(format!("{}/__emulator/outbox", h.emu.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let (s, _) = h.call(reqwest::Method::DELETE, "/__emulator/outbox", None).await;
    assert_eq!(s, 200);
    assert!(h.emu.outbox().is_empty());

    let (_, before) = h.get("/__emulator/clock").await;
    assert_eq!(before["offset_seconds"], 0);
    let (s, after) = h
        .post("/__emulator/clock/advance", json!({ "seconds": 3600 }))
        .await;
    assert_eq!((s, after["offset_seconds"].as_u64()), (200, Some(3600)));
    assert_eq!(h.emu.clock().offset().as_secs(), 3600);
    let (s, v) = h
        .post("/__emulator/clock/advance", json!({ "seconds": -1 }))
        .await;
    assert_eq!((s, v["error_type"].as_str().unwrap()), (400, "invalid_argument"));
}

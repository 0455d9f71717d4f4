//! Cross-org passwords and discovery: discovered-organization rules, IST exchange, org create,
//! discovery reset, require_reset.

mod common;

use common::{H, STRONG, STRONG2, pkce_challenge};
use serde_json::{Value, json};
use std::time::Duration;
use stytch_emulator::{Emulator, MessageKind};

async fn cross() -> H {
    H::with(Emulator::builder().cross_org_passwords(true)).await
}

fn by_org<'a>(orgs: &'a Value, org: &str) -> Option<&'a Value> {
    orgs.as_array()
        .unwrap()
        .iter()
        .find(|d| d["organization"]["organization_id"] == org)
}

#[tokio::test]
async fn one_password_per_email_across_organizations() {
    let h = cross().await;
    let (a, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let b = h.org("beta").await;
    h.member(&b, "ada@corp.io").await;
    // The password set in alpha works in beta.
    assert_eq!(
        h.authenticate(&b, "ada@corp.io", STRONG).await["member_authenticated"],
        true
    );
    assert_eq!(
        h.authenticate(&a, "ada@corp.io", STRONG).await["member_authenticated"],
        true
    );
}

#[tokio::test]
async fn discovery_authenticate_lists_discovered_organizations() {
    let h = cross().await;
    let (active, _) = h.org_member_password("active", "ada@corp.io").await;
    let pending = h.org("pending").await;
    h.member_with(
        &pending,
        json!({ "email_address": "ada@corp.io", "create_member_as_pending": true }),
    )
    .await;
    let mfa = h.org_with(json!({ "organization_name": "MFA", "organization_slug": "mfa", "mfa_policy": "REQUIRED_FOR_ALL" })).await;
    h.member(&mfa, "ada@corp.io").await;
    // JIT by email domain, vouched for by a verified member on the domain.
    let jit = h
        .org_with(json!({ "organization_name": "JIT", "organization_slug": "jit", "email_jit_provisioning": "RESTRICTED", "email_allowed_domains": ["corp.io"] }))
        .await;
    h.member(&jit, "boss@corp.io").await;
    h.set_password(&jit, "boss@corp.io", STRONG2).await; // verifies boss's email
    // JIT allowed but nobody verified on the domain: not listed (anti-phishing).
    let unvouched = h
        .org_with(json!({ "organization_name": "Unvouched", "organization_slug": "unvouched", "email_jit_provisioning": "RESTRICTED", "email_allowed_domains": ["corp.io"] }))
        .await;
    let stranger = h.org("stranger").await;

    let v = h
        .ok(
            "/v1/b2b/passwords/discovery/authenticate",
            json!({ "email_address": "Ada@corp.io", "password": STRONG }),
        )
        .await;
    assert_eq!(v["email_address"], "ada@corp.io");
    assert_eq!(v["intermediate_session_token"].as_str().unwrap().len(), 44);
    assert!(v["intermediate_session_token_expires_at"].is_string());
    let orgs = &v["discovered_organizations"];
    let d = by_org(orgs, &active).unwrap();
    assert_eq!(
        (
            d["membership"]["type"].as_str(),
            d["member_authenticated"].as_bool()
        ),
        (Some("active_member"), Some(true))
    );
    assert_eq!(d["membership"]["member"]["email_address"], "ada@corp.io");
    let d = by_org(orgs, &pending).unwrap();
    assert_eq!(d["membership"]["type"], "pending_member");
    let d = by_org(orgs, &mfa).unwrap();
    assert_eq!(d["member_authenticated"], false);
    assert!(d["mfa_required"].is_object());
    let d = by_org(orgs, &jit).unwrap();
    assert_eq!(d["membership"]["type"], "eligible_to_join_by_email_domain");
    assert_eq!(d["membership"]["member"], Value::Null);
    assert!(by_org(orgs, &unvouched).is_none());
    assert!(by_org(orgs, &stranger).is_none());

    let e = "/v1/b2b/passwords/discovery/authenticate";
    h.err(
        e,
        json!({ "email_address": "ada@corp.io", "password": "wrong-password-9" }),
        401,
        "unauthorized_credentials",
    )
    .await;
    h.err(
        e,
        json!({ "email_address": "nobody@corp.io", "password": STRONG }),
        404,
        "member_password_not_found",
    )
    .await;

    // The list endpoint, with the IST (all types, not consumed) and with a session (members only).
    let ist = v["intermediate_session_token"].clone();
    let l = h
        .ok(
            "/v1/b2b/discovery/organizations",
            json!({ "intermediate_session_token": ist }),
        )
        .await;
    assert_eq!(l["discovered_organizations"].as_array().unwrap().len(), 4);
    assert_eq!(l["organization_id_hint"], Value::Null);
    let s = h.authenticate(&active, "ada@corp.io", STRONG).await;
    let l = h
        .ok(
            "/v1/b2b/discovery/organizations",
            json!({ "session_token": s["session_token"] }),
        )
        .await;
    let types: Vec<_> = l["discovered_organizations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["membership"]["type"].as_str().unwrap().to_owned())
        .collect();
    assert!(!types.contains(&"eligible_to_join_by_email_domain".to_owned()));
    assert_eq!(types.len(), 3);
    let l = "/v1/b2b/discovery/organizations";
    h.err(l, json!({}), 400, "no_session_arguments").await;
    h.err(
        l,
        json!({ "intermediate_session_token": ist, "session_token": s["session_token"] }),
        400,
        "too_many_session_arguments",
    )
    .await;
    h.err(
        l,
        json!({ "intermediate_session_token": "malformed" }),
        400,
        "invalid_session_token",
    )
    .await;
    h.err(
        l,
        json!({ "intermediate_session_token": "B".repeat(44) }),
        404,
        "intermediate_session_not_found",
    )
    .await;
    // ISTs last 10 minutes.
    h.emu.clock().advance(Duration::from_secs(601));
    h.err(
        l,
        json!({ "intermediate_session_token": ist }),
        404,
        "intermediate_session_not_found",
    )
    .await;
}

#[tokio::test]
async fn intermediate_session_exchange_and_jit() {
    let h = cross().await;
    let (active, member) = h.org_member_password("active", "ada@corp.io").await;
    let jit = h
        .org_with(json!({ "organization_name": "JIT", "organization_slug": "jit", "email_jit_provisioning": "RESTRICTED", "email_allowed_domains": ["corp.io"] }))
        .await;
    h.member(&jit, "boss@corp.io").await;
    h.set_password(&jit, "boss@corp.io", STRONG2).await;
    let x = "/v1/b2b/discovery/intermediate_sessions/exchange";

    let ist = h
        .ok(
            "/v1/b2b/passwords/discovery/authenticate",
            json!({ "email_address": "ada@corp.io", "password": STRONG }),
        )
        .await["intermediate_session_token"]
        .clone();
    let v = h
        .ok(
            x,
            json!({ "intermediate_session_token": ist, "organization_id": active }),
        )
        .await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["member_id"], member);
    assert_eq!(
        v["member_session"]["authentication_factors"][0]["type"],
        "password"
    );
    // Consumed.
    h.err(
        x,
        json!({ "intermediate_session_token": ist, "organization_id": active }),
        404,
        "intermediate_session_not_found",
    )
    .await;

    let ist = h
        .ok(
            "/v1/b2b/passwords/discovery/authenticate",
            json!({ "email_address": "ada@corp.io", "password": STRONG }),
        )
        .await["intermediate_session_token"]
        .clone();
    let v = h
        .ok(
            x,
            json!({ "intermediate_session_token": ist, "organization_id": "jit" }),
        )
        .await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["organization"]["organization_id"], jit);
    assert_ne!(v["member_id"], member, "a new member was provisioned");

    let ist = h
        .ok(
            "/v1/b2b/passwords/discovery/authenticate",
            json!({ "email_address": "ada@corp.io", "password": STRONG }),
        )
        .await["intermediate_session_token"]
        .clone();
    let closed = h.org("closed").await;
    h.err(
        x,
        json!({ "intermediate_session_token": ist, "organization_id": closed }),
        404,
        "member_not_found",
    )
    .await;
    h.err(
        x,
        json!({ "intermediate_session_token": ist, "organization_id": "nope" }),
        404,
        "organization_not_found",
    )
    .await;
    h.err(x, json!({ "intermediate_session_token": ist, "organization_id": active, "session_duration_minutes": 0 }), 400, "invalid_session_duration_minutes")
        .await;
}

#[tokio::test]
async fn org_scoped_ist_exchange_respects_mfa_and_org_binding() {
    let h = H::new().await;
    let org = h.org_with(json!({ "organization_name": "MFA", "organization_slug": "mfa", "mfa_policy": "REQUIRED_FOR_ALL" })).await;
    h.member(&org, "ada@corp.io").await;
    h.set_password(&org, "ada@corp.io", STRONG).await;
    let other = h.org("other").await;
    let v = h.authenticate(&org, "ada@corp.io", STRONG).await;
    let ist = v["intermediate_session_token"].clone();
    let x = "/v1/b2b/discovery/intermediate_sessions/exchange";
    h.err(
        x,
        json!({ "intermediate_session_token": ist, "organization_id": other }),
        400,
        "invalid_intermediate_session_token_for_organization",
    )
    .await;
    let v = h
        .ok(
            x,
            json!({ "intermediate_session_token": ist, "organization_id": org }),
        )
        .await;
    assert_eq!(v["member_authenticated"], false);
    assert!(v["mfa_required"].is_object());
    assert_eq!(v["intermediate_session_token"], ist);
    // Organization-bound ISTs cannot create organizations; the list shows the org hint.
    h.err(
        "/v1/b2b/discovery/organizations/create",
        json!({ "intermediate_session_token": ist }),
        400,
        "invalid_intermediate_session_token_for_discovery",
    )
    .await;
    let l = h
        .ok(
            "/v1/b2b/discovery/organizations",
            json!({ "intermediate_session_token": ist }),
        )
        .await;
    assert_eq!(l["organization_id_hint"], org);
}

async fn founder_ist(h: &H) -> Value {
    h.ok(
        "/v1/b2b/passwords/discovery/authenticate",
        json!({ "email_address": "founder@startup.dev", "password": "U*U" }),
    )
    .await["intermediate_session_token"]
        .clone()
}

#[tokio::test]
async fn discovery_organization_create() {
    let h = cross().await;
    h.ok(
        "/v1/b2b/passwords/migrate",
        json!({ "organization_id": h.org("seed").await, "email_address": "founder@startup.dev", "hash_type": "bcrypt",
                "hash": "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" }),
    )
    .await;
    let c = "/v1/b2b/discovery/organizations/create";
    let ist = founder_ist(&h).await;
    let v = h
        .ok(c, json!({ "intermediate_session_token": ist, "organization_name": "Startup", "organization_slug": "startup", "session_custom_claims": { "k": "v" } }))
        .await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["organization"]["organization_slug"], "startup");
    assert_eq!(v["member"]["is_admin"], true);
    assert_eq!(v["member_session"]["custom_claims"], json!({ "k": "v" }));
    h.err(
        c,
        json!({ "intermediate_session_token": ist }),
        404,
        "intermediate_session_not_found",
    )
    .await;
    // Name and slug default from the email domain; a used slug is refused.
    let v = h
        .ok(c, json!({ "intermediate_session_token": founder_ist(&h).await }))
        .await;
    assert_eq!(v["organization"]["organization_name"], "startup");
    assert_ne!(v["organization"]["organization_slug"], "startup");
    h.err(
        c,
        json!({ "intermediate_session_token": founder_ist(&h).await, "organization_slug": "startup" }),
        400,
        "organization_slug_already_used",
    )
    .await;
}

#[tokio::test]
async fn discovery_reset_flow() {
    let h = cross().await;
    let (a, member_a) = h.org_member_password("alpha", "ada@corp.io").await;
    let b = h.org("beta").await;
    let member_b = h.member(&b, "ada@corp.io").await;
    h.authenticate(&a, "ada@corp.io", STRONG).await;
    let verifier = "pkce-verifier-for-discovery-0123456789abcdef";
    let v = h
        .ok(
            "/v1/b2b/passwords/discovery/email/reset/start",
            json!({ "email_address": "ada@corp.io", "discovery_redirect_url": "https://app.example/discover", "pkce_code_challenge": pkce_challenge(verifier),
                    "reset_password_template_id": "tpl-d", "locale": "es" }),
        )
        .await;
    assert_eq!(
        v.as_object().unwrap().len(),
        2,
        "only request_id and status_code: {v}"
    );
    let mail = h.emu.last_email_to("ada@corp.io").unwrap();
    assert_eq!(mail.kind, MessageKind::DiscoveryPasswordReset);
    assert_eq!(
        mail.discovery_redirect_url.as_deref(),
        Some("https://app.example/discover")
    );
    assert_eq!(mail.template_id.as_deref(), Some("tpl-d"));
    let token = mail.token.unwrap();
    let r = "/v1/b2b/passwords/discovery/email/reset";
    h.err(
        r,
        json!({ "password_reset_token": token, "password": STRONG2 }),
        400,
        "pkce_expected_code_verifier",
    )
    .await;
    h.err(
        r,
        json!({ "password_reset_token": token, "password": "letmein", "pkce_code_verifier": verifier }),
        400,
        "weak_password",
    )
    .await;
    let v = h
        .ok(
            r,
            json!({ "password_reset_token": token, "password": STRONG2, "pkce_code_verifier": verifier }),
        )
        .await;
    assert_eq!(v["email_address"], "ada@corp.io");
    assert_eq!(v["discovered_organizations"].as_array().unwrap().len(), 2);
    assert_eq!(v["intermediate_session_token"].as_str().unwrap().len(), 44);
    h.err(
        r,
        json!({ "password_reset_token": token, "password": STRONG2, "pkce_code_verifier": verifier }),
        401,
        "unable_to_auth_password_reset_token",
    )
    .await;
    assert!(h.sessions_of(&a, &member_a).await.is_empty(), "sessions revoked");
    // The new password works in both orgs; org-scoped tokens cannot be used here and vice versa.
    h.authenticate(&a, "ada@corp.io", STRONG2).await;
    h.authenticate(&b, "ada@corp.io", STRONG2).await;
    let _ = member_b;
    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": a, "email_address": "ada@corp.io" }),
    )
    .await;
    let org_token = h.emu.last_email_to("ada@corp.io").unwrap().token.unwrap();
    h.err(
        r,
        json!({ "password_reset_token": org_token, "password": STRONG }),
        401,
        "unable_to_auth_password_reset_token",
    )
    .await;
    // Unknown email: 200 and nothing sent.
    let before = h.emu.outbox().len();
    h.ok(
        "/v1/b2b/passwords/discovery/email/reset/start",
        json!({ "email_address": "ghost@corp.io" }),
    )
    .await;
    assert_eq!(h.emu.outbox().len(), before);
}

#[tokio::test]
async fn require_reset_deletes_or_flags() {
    let h = cross().await;
    let (a, member_a) = h.org_member_password("alpha", "ada@corp.io").await;
    let rr = "/v1/b2b/passwords/email/require_reset";
    // One active member with that email: the password is deleted.
    let v = h
        .ok(
            rr,
            json!({ "email_address": "ada@corp.io", "organization_id": a }),
        )
        .await;
    assert_eq!(v["member_id"], member_a);
    assert_eq!(v["organization"]["organization_id"], a);
    h.err(
        "/v1/b2b/passwords/authenticate",
        json!({ "organization_id": a, "email_address": "ada@corp.io", "password": STRONG }),
        404,
        "member_password_not_found",
    )
    .await;
    // Two members: flagged, so authenticate answers member_reset_password.
    h.set_password(&a, "ada@corp.io", STRONG).await;
    let b = h.org("beta").await;
    h.member(&b, "ada@corp.io").await;
    h.ok(rr, json!({ "email_address": "ada@corp.io" })).await;
    h.err(
        "/v1/b2b/passwords/authenticate",
        json!({ "organization_id": b, "email_address": "ada@corp.io", "password": STRONG }),
        400,
        "member_reset_password",
    )
    .await;
    h.err(
        "/v1/b2b/passwords/discovery/authenticate",
        json!({ "email_address": "ada@corp.io", "password": STRONG }),
        400,
        "member_reset_password",
    )
    .await;
    // A reset clears the flag.
    h.set_password(&b, "ada@corp.io", STRONG2).await;
    h.authenticate(&a, "ada@corp.io", STRONG2).await;
    h.err(
        rr,
        json!({ "email_address": "ghost@corp.io" }),
        404,
        "member_not_found",
    )
    .await;
    h.err(
        rr,
        json!({ "email_address": "ada@corp.io", "organization_id": "nope" }),
        404,
        "organization_not_found",
    )
    .await;
}

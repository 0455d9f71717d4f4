//! The eight B2B sessions endpoints, JWT claims, JWKS and key rotation, expiry via the clock.

mod common;

use common::{H, STRONG, jwt_parts, verify_with_jwks};
use serde_json::{Value, json};
use std::time::Duration;
use stytch_emulator::Emulator;

async fn jwks(h: &H) -> Vec<Value> {
    // No Authorization header: the JWKS is public.
    let url = format!("{}/v1/b2b/sessions/jwks/{}", h.emu.base_url(), h.emu.project_id());
    let v: Value =
        serde_json::from_str(&h.http.get(url).send().await.unwrap().text().await.unwrap()).unwrap();
    assert_eq!(v["status_code"], 200);
    v["keys"].as_array().unwrap().clone()
}

#[tokio::test]
async fn session_jwt_claims_and_signature() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let v = h
        .ok(
            "/v1/b2b/passwords/authenticate",
            json!({ "organization_id": org, "email_address": "ada@acme.com", "password": STRONG, "session_custom_claims": { "tier": 3 } }),
        )
        .await;
    let jwt = v["session_jwt"].as_str().unwrap();
    let (header, c) = jwt_parts(jwt);
    assert_eq!(
        header,
        json!({ "alg": "RS256", "kid": header["kid"], "typ": "JWT" })
    );
    let pid = h.emu.project_id();
    assert_eq!(c["iss"], format!("stytch.com/{pid}"));
    assert_eq!(c["aud"], json!([pid]));
    assert_eq!(c["sub"], member);
    assert_eq!(c["nbf"], c["iat"]);
    assert_eq!(c["exp"].as_i64().unwrap() - c["iat"].as_i64().unwrap(), 300);
    assert_eq!(c["tier"], 3);
    let s = &c["https://stytch.com/session"];
    let ms = &v["member_session"];
    assert_eq!(s["id"], ms["member_session_id"]);
    assert_eq!(s["started_at"], ms["started_at"]);
    assert_eq!(s["expires_at"], ms["expires_at"]);
    assert_eq!(s["authentication_factors"], ms["authentication_factors"]);
    assert_eq!(s["roles"], json!(["stytch_member"]));
    assert_eq!(
        c["https://stytch.com/organization"],
        json!({ "organization_id": org, "slug": "acme" })
    );

    let keys = jwks(&h).await;
    assert_eq!(keys.len(), 1);
    let k = &keys[0];
    for f in ["kty", "use", "key_ops", "alg", "kid", "x5c", "x5tS256", "n", "e"] {
        assert!(k.get(f).is_some(), "JWK lacks {f}");
    }
    assert_eq!(
        (
            k["kty"].as_str(),
            k["alg"].as_str(),
            k["use"].as_str(),
            k["e"].as_str()
        ),
        (Some("RSA"), Some("RS256"), Some("sig"), Some("AQAB"))
    );
    assert!(k["kid"].as_str().unwrap().starts_with("jwk-test-"));
    assert!(verify_with_jwks(jwt, &keys));
    // A tampered payload does not verify.
    let mut parts: Vec<&str> = jwt.split('.').collect();
    let mut evil = c.clone();
    evil["sub"] = json!("member-test-evil");
    let forged = base64::Engine::encode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        evil.to_string(),
    );
    parts[1] = &forged;
    assert!(!verify_with_jwks(&parts.join("."), &keys));
}

#[tokio::test]
async fn jwks_auth_and_unknown_project() {
    let h = H::new().await;
    // With Basic auth too (the official Rust crate sends it, plus a query and `{}` body).
    let (status, v) = h
        .get(&format!(
            "/v1/b2b/sessions/jwks/{0}?project_id={0}",
            h.emu.project_id()
        ))
        .await;
    assert_eq!((status, v["keys"].as_array().unwrap().len()), (200, 1));
    let (status, v) = h.get("/v1/b2b/sessions/jwks/project-test-someone-else").await;
    assert_eq!(
        (status, v["error_type"].as_str().unwrap()),
        (404, "project_not_found")
    );
}

#[tokio::test]
async fn key_rotation_keeps_old_key_served_for_a_month() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let before = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let old_kid = h.emu.current_signing_kid();
    let new_kid = h.emu.rotate_signing_key();
    assert_ne!(old_kid, new_kid);
    let after = h.authenticate(&org, "ada@acme.com", STRONG).await;
    assert_eq!(
        jwt_parts(after["session_jwt"].as_str().unwrap()).0["kid"],
        new_kid
    );
    let keys = jwks(&h).await;
    let kids: Vec<_> = keys
        .iter()
        .map(|k| k["kid"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(kids, vec![new_kid.clone(), old_kid.clone()]);
    assert!(verify_with_jwks(before["session_jwt"].as_str().unwrap(), &keys));
    assert!(verify_with_jwks(after["session_jwt"].as_str().unwrap(), &keys));
    // The old JWT still authenticates (its session lives for 60 minutes).
    h.ok(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_jwt": before["session_jwt"] }),
    )
    .await;
    h.emu.clock().advance(Duration::from_secs(31 * 24 * 3600));
    let keys = jwks(&h).await;
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0]["kid"], new_kid);
}

#[tokio::test]
async fn sessions_authenticate_by_token_and_jwt_and_expiry() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let v = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let a = "/v1/b2b/sessions/authenticate";
    let by_token = h.ok(a, json!({ "session_token": v["session_token"] })).await;
    assert_eq!(
        by_token["member_session"]["member_session_id"],
        v["member_session"]["member_session_id"]
    );
    assert_eq!(by_token["session_token"], v["session_token"]);
    assert_eq!(by_token["member"]["member_id"], v["member_id"]);
    assert_eq!(by_token["organization"]["organization_id"], org);
    // Not extended when session_duration_minutes is omitted.
    assert_eq!(
        by_token["member_session"]["expires_at"],
        v["member_session"]["expires_at"]
    );
    let by_jwt = h.ok(a, json!({ "session_jwt": v["session_jwt"] })).await;
    assert_eq!(by_jwt["session_token"], v["session_token"]);

    // The JWT expires after 5 minutes, but the session lives: accepted and refreshed.
    h.emu.clock().advance(Duration::from_secs(301));
    let refreshed = h.ok(a, json!({ "session_jwt": v["session_jwt"] })).await;
    let (_, c) = jwt_parts(refreshed["session_jwt"].as_str().unwrap());
    let (_, old) = jwt_parts(v["session_jwt"].as_str().unwrap());
    assert!(c["iat"].as_i64().unwrap() >= old["iat"].as_i64().unwrap() + 300);

    // Extend to 120 minutes, then let 90 pass: still alive.
    let ext = h
        .ok(
            a,
            json!({ "session_token": v["session_token"], "session_duration_minutes": 120 }),
        )
        .await;
    assert_ne!(
        ext["member_session"]["expires_at"],
        v["member_session"]["expires_at"]
    );
    h.emu.clock().advance(Duration::from_secs(90 * 60));
    h.ok(a, json!({ "session_token": v["session_token"] })).await;
    h.emu.clock().advance(Duration::from_secs(31 * 60));
    h.err(
        a,
        json!({ "session_token": v["session_token"] }),
        404,
        "session_not_found",
    )
    .await;
    h.err(
        a,
        json!({ "session_jwt": v["session_jwt"] }),
        404,
        "session_not_found",
    )
    .await;
}

#[tokio::test]
async fn sessions_authenticate_errors_and_claims() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let v = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let a = "/v1/b2b/sessions/authenticate";
    h.err(a, json!({}), 400, "no_session_arguments").await;
    h.err(
        a,
        json!({ "session_token": v["session_token"], "session_jwt": v["session_jwt"] }),
        400,
        "too_many_session_arguments",
    )
    .await;
    h.err(
        a,
        json!({ "session_token": "not-a-token" }),
        400,
        "invalid_session_token",
    )
    .await;
    h.err(
        a,
        json!({ "session_token": "A".repeat(44) }),
        404,
        "session_not_found",
    )
    .await;
    h.err(
        a,
        json!({ "session_jwt": "garbage" }),
        401,
        "unable_to_parse_session_jwt",
    )
    .await;
    // A JWT signed by another emulator's key (different kid) is refused.
    let other = H::new().await;
    let (o2, _) = other.org_member_password("acme", "ada@acme.com").await;
    let foreign = other.authenticate(&o2, "ada@acme.com", STRONG).await;
    h.err(
        a,
        json!({ "session_jwt": foreign["session_jwt"] }),
        401,
        "jwt_invalid_signature",
    )
    .await;
    h.err(
        a,
        json!({ "session_token": v["session_token"], "session_duration_minutes": 1 }),
        400,
        "invalid_session_duration_minutes",
    )
    .await;

    let c = h.ok(a, json!({ "session_token": v["session_token"], "session_custom_claims": { "a": 1, "b": 2, "sub": "x" } })).await;
    assert_eq!(c["member_session"]["custom_claims"], json!({ "a": 1, "b": 2 }));
    let c = h
        .ok(
            a,
            json!({ "session_token": v["session_token"], "session_custom_claims": { "a": null } }),
        )
        .await;
    assert_eq!(c["member_session"]["custom_claims"], json!({ "b": 2 }));
    assert_eq!(
        jwt_parts(c["session_jwt"].as_str().unwrap()).1["sub"],
        v["member_id"]
    );
    h.err(
        a,
        json!({ "session_token": v["session_token"], "session_custom_claims": { "big": "x".repeat(5000) } }),
        400,
        "custom_claims_too_large",
    )
    .await;
}

#[tokio::test]
async fn sessions_authorization_check() {
    let h = H::with(Emulator::builder().grant("stytch_member", "documents", "read")).await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let other = h.org("other").await;
    let v = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let a = "/v1/b2b/sessions/authenticate";
    let check = |org: &str, res: &str, act: &str| json!({ "session_token": v["session_token"], "authorization_check": { "organization_id": org, "resource_id": res, "action": act } });
    let ok = h.ok(a, check(&org, "documents", "read")).await;
    assert_eq!(
        ok["verdict"],
        json!({ "authorized": true, "granting_roles": ["stytch_member"] })
    );
    h.err(
        a,
        check(&org, "documents", "delete"),
        403,
        "session_authorization_error",
    )
    .await;
    h.err(
        a,
        check(&other, "documents", "read"),
        403,
        "session_authorization_tenancy_error",
    )
    .await;
}

#[tokio::test]
async fn sessions_get_and_revoke() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let s1 = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let s2 = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let s3 = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let s4 = h.authenticate(&org, "ada@acme.com", STRONG).await;
    assert_eq!(h.sessions_of(&org, &member).await.len(), 5);
    let r = "/v1/b2b/sessions/revoke";
    h.ok(r, json!({ "session_token": s1["session_token"] })).await;
    h.ok(r, json!({ "session_jwt": s2["session_jwt"] })).await;
    h.ok(
        r,
        json!({ "member_session_id": s3["member_session"]["member_session_id"] }),
    )
    .await;
    assert_eq!(h.sessions_of(&org, &member).await.len(), 2);
    for s in [&s1, &s2, &s3] {
        h.err(
            "/v1/b2b/sessions/authenticate",
            json!({ "session_token": s["session_token"] }),
            404,
            "session_not_found",
        )
        .await;
    }
    h.ok(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_token": s4["session_token"] }),
    )
    .await;
    h.ok(r, json!({ "member_id": member })).await;
    assert!(h.sessions_of(&org, &member).await.is_empty());
    h.err(
        r,
        json!({ "session_token": s4["session_token"] }),
        404,
        "session_not_found",
    )
    .await;
    h.err(r, json!({}), 400, "no_session_arguments").await;
    h.err(
        r,
        json!({ "member_id": member, "session_token": s4["session_token"] }),
        400,
        "too_many_session_arguments",
    )
    .await;

    let (status, v) = h
        .get(&format!(
            "/v1/b2b/sessions?organization_id={org}&member_id=member-test-nope"
        ))
        .await;
    assert_eq!(
        (status, v["error_type"].as_str().unwrap()),
        (404, "member_not_found")
    );
    let (status, v) = h.get(&format!("/v1/b2b/sessions?organization_id={org}")).await;
    assert_eq!(
        (status, v["error_type"].as_str().unwrap()),
        (400, "invalid_argument")
    );
}

#[tokio::test]
async fn sessions_exchange_between_organizations() {
    let h = H::with(Emulator::builder().cross_org_passwords(true)).await;
    let (a, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let b = h.org("beta").await;
    let member_b = h.member(&b, "ada@corp.io").await;
    let s = h.authenticate(&a, "ada@corp.io", STRONG).await;
    let e = "/v1/b2b/sessions/exchange";
    let v = h.ok(e, json!({ "organization_id": "beta", "session_token": s["session_token"], "session_duration_minutes": 30 })).await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["member_id"], member_b);
    assert_eq!(v["organization"]["organization_id"], b);
    assert_eq!(
        jwt_parts(v["session_jwt"].as_str().unwrap()).1["https://stytch.com/organization"]["slug"],
        "beta"
    );
    // The original session is kept.
    h.ok(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_token": s["session_token"] }),
    )
    .await;
    // Not a member, not eligible.
    let c = h.org("gamma").await;
    h.err(
        e,
        json!({ "organization_id": c, "session_token": s["session_token"] }),
        404,
        "member_not_found",
    )
    .await;
    h.err(e, json!({ "organization_id": b }), 400, "no_session_arguments")
        .await;
    h.err(
        e,
        json!({ "organization_id": "nope", "session_token": s["session_token"] }),
        404,
        "organization_not_found",
    )
    .await;

    // Without cross-org passwords the password factor does not transfer: primary_required.
    let h = H::new().await;
    let (a, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let b = h.org("beta").await;
    h.member(&b, "ada@corp.io").await;
    let s = h.authenticate(&a, "ada@corp.io", STRONG).await;
    let v = h
        .ok(
            e,
            json!({ "organization_id": b, "session_jwt": s["session_jwt"] }),
        )
        .await;
    assert_eq!(v["member_authenticated"], false);
    assert_eq!(v["session_token"], "");
    assert!(v["primary_required"].is_object());
    assert_eq!(v["intermediate_session_token"].as_str().unwrap().len(), 44);
}

#[tokio::test]
async fn exchange_access_token_attest_and_migrate() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let s = h.authenticate(&org, "ada@acme.com", STRONG).await;

    let token = h
        .emu
        .issue_access_token(s["session_token"].as_str().unwrap(), "connected-app-test-1")
        .unwrap();
    let v = h
        .ok(
            "/v1/b2b/sessions/exchange_access_token",
            json!({ "access_token": token }),
        )
        .await;
    assert_eq!(v["member_id"], member);
    assert_ne!(v["session_token"], s["session_token"]);
    let f = &v["member_session"]["authentication_factors"][0];
    assert_eq!(f["delivery_method"], "oauth_access_token_exchange");
    assert_eq!(
        f["oauth_access_token_exchange_factor"]["client_id"],
        "connected-app-test-1"
    );
    h.err(
        "/v1/b2b/sessions/exchange_access_token",
        json!({ "access_token": "nope" }),
        401,
        "invalid_access_token",
    )
    .await;
    h.emu.clock().advance(Duration::from_secs(3601));
    h.err(
        "/v1/b2b/sessions/exchange_access_token",
        json!({ "access_token": token }),
        401,
        "invalid_access_token",
    )
    .await;

    h.emu
        .register_trusted_auth_token("profile-1", "ext-jwt-abc", "ada@acme.com");
    let v = h
        .ok(
            "/v1/b2b/sessions/attest",
            json!({ "profile_id": "profile-1", "token": "ext-jwt-abc", "organization_id": org }),
        )
        .await;
    assert_eq!(v["member_id"], member);
    assert_eq!(
        v["member_session"]["authentication_factors"][0]["type"],
        "trusted_auth_token"
    );
    assert!(
        v["member_session"]["authentication_factors"][0]["trusted_auth_token_factor"]["token_id"].is_string()
    );
    h.err(
        "/v1/b2b/sessions/attest",
        json!({ "profile_id": "profile-2", "token": "ext-jwt-abc", "organization_id": org }),
        401,
        "invalid_trusted_auth_token",
    )
    .await;
    h.err(
        "/v1/b2b/sessions/attest",
        json!({ "profile_id": "profile-1", "token": "ext-jwt-abc" }),
        400,
        "invalid_argument",
    )
    .await;

    h.emu
        .register_external_session("legacy-session-1", "ada@acme.com");
    let v = h.ok("/v1/b2b/sessions/migrate", json!({ "session_token": "legacy-session-1", "organization_id": org, "session_duration_minutes": 15 }))
        .await;
    assert_eq!(v["member_id"], member);
    assert_eq!(
        v["member_session"]["authentication_factors"][0]["type"],
        "imported"
    );
    h.err(
        "/v1/b2b/sessions/migrate",
        json!({ "session_token": "unknown", "organization_id": org }),
        401,
        "unable_to_auth_external_session",
    )
    .await;
    h.emu
        .register_external_session("legacy-session-2", "ghost@acme.com");
    h.err(
        "/v1/b2b/sessions/migrate",
        json!({ "session_token": "legacy-session-2", "organization_id": org }),
        404,
        "member_not_found",
    )
    .await;
}

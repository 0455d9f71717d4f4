//! The eleven password endpoints' org-scoped flows: happy paths and documented errors.

mod common;

use common::{H, STRONG, STRONG2, jwt_parts, pkce_challenge};
use serde_json::json;
use std::time::Duration;
use stytch_emulator::{Emulator, MessageKind};

#[tokio::test]
async fn strength_check_zxcvbn_weak_and_strong() {
    let h = H::new().await;
    let weak = h
        .ok(
            "/v1/b2b/passwords/strength_check",
            json!({ "password": "password1" }),
        )
        .await;
    assert_eq!(weak["valid_password"], false);
    assert!(weak["score"].as_i64().unwrap() < 3);
    assert_eq!(weak["strength_policy"], "zxcvbn");
    assert_eq!(weak["breach_detection_on_create"], true);
    // No email: no breach check.
    assert_eq!(weak["breached_password"], false);
    let fb = &weak["zxcvbn_feedback"];
    assert!(
        !fb["warning"].as_str().unwrap().is_empty() || !fb["suggestions"].as_array().unwrap().is_empty(),
        "{fb}"
    );

    let strong = h
        .ok("/v1/b2b/passwords/strength_check", json!({ "password": STRONG }))
        .await;
    assert_eq!(strong["valid_password"], true);
    assert!(strong["score"].as_i64().unwrap() >= 3);
    assert_eq!(
        strong["zxcvbn_feedback"],
        json!({ "warning": "", "suggestions": [] })
    );
}

#[tokio::test]
async fn strength_check_breach_needs_email_and_can_be_off() {
    let h = H::with(Emulator::builder().breached_password(STRONG)).await;
    let v = h
        .ok(
            "/v1/b2b/passwords/strength_check",
            json!({ "password": STRONG, "email_address": "a@b.co" }),
        )
        .await;
    assert_eq!(
        (v["breached_password"].clone(), v["valid_password"].clone()),
        (json!(true), json!(false))
    );
    let v = h
        .ok("/v1/b2b/passwords/strength_check", json!({ "password": STRONG }))
        .await;
    assert_eq!(v["breached_password"], false);

    let off = H::with(
        Emulator::builder()
            .breached_password(STRONG)
            .breach_detection(false),
    )
    .await;
    let v = off
        .ok(
            "/v1/b2b/passwords/strength_check",
            json!({ "password": STRONG, "email_address": "a@b.co" }),
        )
        .await;
    assert_eq!(
        (
            v["breached_password"].clone(),
            v["breach_detection_on_create"].clone()
        ),
        (json!(false), json!(false))
    );
}

#[tokio::test]
async fn strength_check_luds_feedback() {
    let h = H::with(Emulator::builder().luds(10, 4)).await;
    let v = h
        .ok("/v1/b2b/passwords/strength_check", json!({ "password": "abcD1" }))
        .await;
    assert_eq!(v["strength_policy"], "luds");
    assert_eq!(v["valid_password"], false);
    assert_eq!(
        v["luds_feedback"],
        json!({ "has_lower_case": true, "has_upper_case": true, "has_digit": true, "has_symbol": false,
                "missing_complexity": 1, "missing_characters": 5 })
    );
    let v = h
        .ok(
            "/v1/b2b/passwords/strength_check",
            json!({ "password": "abcD1!xyzw" }),
        )
        .await;
    assert_eq!(v["valid_password"], true);
    assert_eq!(v["luds_feedback"]["missing_characters"], 0);
}

#[tokio::test]
async fn strength_check_requires_password() {
    let h = H::new().await;
    let v = h
        .err(
            "/v1/b2b/passwords/strength_check",
            json!({ "password": null }),
            400,
            "invalid_argument",
        )
        .await;
    assert_eq!(v["error_details"]["field"], "password");
    h.err(
        "/v1/b2b/passwords/strength_check",
        json!({ "password": 5 }),
        400,
        "invalid_argument",
    )
    .await;
}

/// (hash_type, hash, extra config) for the password "Tr0ub4dor&3-migrated" (vectors made with
/// Python's hashlib, except where noted).
fn migrated_hashes() -> Vec<(&'static str, String, serde_json::Value, &'static str)> {
    let pw = "Tr0ub4dor&3-migrated";
    let salt_cfg = json!({ "prepend_salt": "pre-", "append_salt": "-post" });
    let argon_raw = {
        // Raw argon2id digest made with the reference `argon2` crate.
        let params = argon2::Params::new(64, 2, 1, Some(32)).unwrap();
        let mut out = [0u8; 32];
        argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
            .hash_password_into(pw.as_bytes(), b"saltsaltsalt", &mut out)
            .unwrap();
        out.iter().map(|b| format!("{b:02x}")).collect::<String>()
    };
    vec![
        ("md_5", "60e1937623dc24971db4ab65330a92a6".into(), json!({ "md_5_config": salt_cfg }), pw),
        ("md_5", "1482bc1ab31d62ded23e05bdd71e4ecd".into(), json!({}), pw),
        ("sha_1", "5a95302d233ed6be54dae8497155f1e3b1daed52".into(), json!({ "sha_1_config": salt_cfg }), pw),
        (
            "sha_512",
            "207488d0017f0206af6c459a68e386a4fbca0e0f714b235bf4b1d429fdd3515c1202863297a656f80d58ebb88bcaf25dfb5324b2bb6f00d1d00caa6e73ba3ffa".into(),
            json!({ "sha_512_config": salt_cfg }),
            pw,
        ),
        (
            "pbkdf_2",
            "lE0OL8VHAhpSnMV5zqtQe596t0Yo0V3fRJtx64zXvFI=".into(),
            json!({ "pbkdf_2_config": { "salt": "MDEyMzQ1Njc4OWFiY2RlZg==", "iteration_amount": 1000, "key_length": 32, "algorithm": "sha256" } }),
            pw,
        ),
        (
            "pbkdf_2",
            "kVh7V93Zh+2aFoW6t8NpJzuGl8a4x3k3wjgOwhcj36axccak1gsDMIf2IPBghXEaaabMLbn/xkTSH6BhWECZcQ==".into(),
            json!({ "pbkdf_2_config": { "salt": "MDEyMzQ1Njc4OWFiY2RlZg==", "iteration_amount": 1000, "key_length": 64, "algorithm": "sha512" } }),
            pw,
        ),
        (
            "scrypt",
            "3UqGjCrdVouNGinUf7nBtXTiu1f8E1E1UDYsvgAPZF8=".into(),
            json!({ "scrypt_config": { "salt": "MDEyMzQ1Njc4OWFiY2RlZg==", "n_parameter": 1024, "r_parameter": 8, "p_parameter": 1, "key_length": 32 } }),
            pw,
        ),
        (
            "argon_2id",
            argon_raw,
            json!({ "argon_2_config": { "salt": "saltsaltsalt", "iteration_amount": 2, "memory": 64, "threads": 1, "key_length": 32 } }),
            pw,
        ),
        // The argon2 reference implementation's README example.
        ("argon_2i", "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG".into(), json!({}), "password"),
        // crypt_blowfish's test vector.
        ("bcrypt", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW".into(), json!({}), "U*U"),
        // phpass's own test vector.
        ("phpass", "$P$9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L0".into(), json!({}), "test12345"),
    ]
}

#[tokio::test]
async fn migrate_every_hash_type_then_authenticate() {
    // These vectors include weak/breached passwords; breach-on-auth would refuse them.
    let h = H::with(Emulator::builder().breach_detection_on_authentication(false)).await;
    let org = h.org("migrations").await;
    for (i, (hash_type, hash, config, password)) in migrated_hashes().into_iter().enumerate() {
        let email = format!("user{i}@migrations.example");
        let mut body = json!({ "organization_id": org, "email_address": email, "hash": hash, "hash_type": hash_type, "name": "Migrated" });
        for (k, v) in config.as_object().unwrap() {
            body[k] = v.clone();
        }
        let v = h.ok("/v1/b2b/passwords/migrate", body).await;
        assert_eq!(v["member_created"], true, "{hash_type}");
        assert_eq!(v["member"]["email_address_verified"], true);
        assert!(
            v["member"]["member_password_id"]
                .as_str()
                .unwrap()
                .starts_with("member-password-test-")
        );
        assert_eq!(v["organization"]["organization_id"], org);

        let (status, wrong) = h
            .post(
                "/v1/b2b/passwords/authenticate",
                json!({ "organization_id": org, "email_address": email, "password": "nope-nope" }),
            )
            .await;
        assert_eq!(
            (status, wrong["error_type"].as_str().unwrap()),
            (401, "unauthorized_credentials"),
            "{hash_type}"
        );
        let ok = h.authenticate(&org, &email, password).await;
        assert_eq!(ok["member_authenticated"], true, "{hash_type}");
        // After the upgrade to argon2id the password still works.
        h.authenticate(&org, &email, password).await;
    }
}

#[tokio::test]
async fn migrate_updates_existing_member_and_replaces_roles() {
    let h = H::new().await;
    let org = h.org("acme").await;
    let member = h
        .member_with(
            &org,
            json!({ "email_address": "Ada@Acme.com", "external_id": "x-1" }),
        )
        .await;
    let v = h
        .ok(
            "/v1/b2b/passwords/migrate",
            json!({ "organization_id": "acme", "email_address": "ada@acme.com", "hash_type": "bcrypt",
                    "hash": "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", "roles": ["stytch_admin"],
                    "external_id": "ignored" }),
        )
        .await;
    assert_eq!(v["member_created"], false);
    assert_eq!(v["member_id"], member);
    assert_eq!(v["member"]["external_id"], "x-1");
    assert_eq!(v["member"]["is_admin"], true);
    let roles: Vec<_> = v["member"]["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role_id"].clone())
        .collect();
    assert_eq!(roles, vec![json!("stytch_member"), json!("stytch_admin")]);
}

#[tokio::test]
async fn migrate_validation_errors() {
    let h = H::new().await;
    let org = h.org("acme").await;
    let base = |t: &str, hash: &str| json!({ "organization_id": org, "email_address": "a@acme.com", "hash_type": t, "hash": hash });
    let m = "/v1/b2b/passwords/migrate";
    h.err(m, base("rot13", "abc"), 400, "invalid_hash_type").await;
    h.err(m, base("bcrypt", "not-a-bcrypt-hash"), 400, "invalid_bcrypt_hash")
        .await;
    h.err(m, base("md_5", "xyz"), 400, "invalid_md_5_hash").await;
    h.err(m, base("sha_1", "abcd"), 400, "invalid_sha_1_hash").await;
    h.err(m, base("sha_512", "00"), 400, "invalid_sha_512_hash").await;
    h.err(m, base("scrypt", "!!!"), 400, "invalid_base64_scrypt_hash")
        .await;
    h.err(m, base("pbkdf_2", "AAAA"), 400, "invalid_pbkdf_2_config")
        .await;
    h.err(m, base("phpass", "$X$abc"), 400, "invalid_phpass_hash_prefix")
        .await;
    let mut b = base("argon_2id", "00112233");
    b["argon_2_config"] = json!({ "salt": "saltsaltsalt", "iteration_amount": 2, "memory": 64, "threads": 1, "key_length": 32 });
    h.err(m, b, 400, "argon_2_key_length_mismatch").await;
    let mut b = base("scrypt", "3UqGjCrdVouNGinUf7nBtXTiu1f8E1E1UDYsvgAPZF8=");
    b["scrypt_config"] =
        json!({ "salt": "MDEy", "n_parameter": 1000, "r_parameter": 8, "p_parameter": 1, "key_length": 32 });
    h.err(m, b, 400, "invalid_scrypt_n_parameter").await;
    let mut b = base("pbkdf_2", "lE0OL8VHAhpSnMV5zqtQe596t0Yo0V3fRJtx64zXvFI=");
    b["pbkdf_2_config"] =
        json!({ "salt": "MDEy", "iteration_amount": 10, "key_length": 16, "algorithm": "sha256" });
    h.err(m, b, 400, "pbkdf_2_key_length_mismatch").await;
    let mut b = base("pbkdf_2", "lE0OL8VHAhpSnMV5zqtQe596t0Yo0V3fRJtx64zXvFI=");
    b["pbkdf_2_config"] =
        json!({ "salt": "MDEy", "iteration_amount": 10, "key_length": 32, "algorithm": "md4" });
    h.err(m, b, 400, "invalid_pbkdf_2_algorithm").await;
    let mut b = base("md_5", "1482bc1ab31d62ded23e05bdd71e4ecd");
    b["md_5_config"] = json!({ "prepend_salt": "x" });
    h.err(m, b, 400, "invalid_argument").await;
    let mut b = base(
        "bcrypt",
        "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
    );
    b["email_address"] = json!("not-an-email");
    h.err(m, b, 400, "invalid_email").await;
    let mut b = base(
        "bcrypt",
        "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
    );
    b["organization_id"] = json!("organization-test-unknown");
    h.err(m, b, 404, "organization_not_found").await;
    let mut b = base("bcrypt", "");
    b.as_object_mut().unwrap().remove("hash");
    h.err(m, b, 400, "invalid_argument").await;
}

#[tokio::test]
async fn authenticate_happy_path_by_id_slug_and_external_id() {
    let h = H::new().await;
    let org = h
        .org_with(json!({ "organization_name": "Acme", "organization_slug": "acme", "organization_external_id": "ext-acme" }))
        .await;
    h.member(&org, "ada@acme.com").await;
    h.set_password(&org, "ada@acme.com", STRONG).await;
    for key in [org.as_str(), "acme", "ext-acme"] {
        let v = h.authenticate(key, "ADA@acme.com", STRONG).await;
        assert_eq!(v["member_authenticated"], true);
        assert_eq!(v["organization_id"], org);
        assert_eq!(v["intermediate_session_token"], "");
        assert_eq!(v["mfa_required"], serde_json::Value::Null);
        assert_eq!(v["session_token"].as_str().unwrap().len(), 44);
        let s = &v["member_session"];
        assert_eq!(s["authentication_factors"][0]["type"], "password");
        assert_eq!(s["authentication_factors"][0]["delivery_method"], "knowledge");
        assert_eq!(s["organization_slug"], "acme");
        assert_eq!(s["roles"], json!(["stytch_member"]));
        // Default 60-minute session.
        let started = chrono::DateTime::parse_from_rfc3339(s["started_at"].as_str().unwrap()).unwrap();
        let expires = chrono::DateTime::parse_from_rfc3339(s["expires_at"].as_str().unwrap()).unwrap();
        assert_eq!((expires - started).num_minutes(), 60);
        let (header, claims) = jwt_parts(v["session_jwt"].as_str().unwrap());
        assert_eq!(header["alg"], "RS256");
        assert_eq!(claims["sub"], v["member_id"]);
    }
}

#[tokio::test]
async fn authenticate_errors() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let a = "/v1/b2b/passwords/authenticate";
    let body = |org: &str, email: &str, pw: &str| json!({ "organization_id": org, "email_address": email, "password": pw });
    h.err(
        a,
        body(&org, "ada@acme.com", "wrong-password-123"),
        401,
        "unauthorized_credentials",
    )
    .await;
    h.err(
        a,
        body("organization-test-nope", "ada@acme.com", STRONG),
        404,
        "organization_not_found",
    )
    .await;
    h.err(a, body(&org, "bob@acme.com", STRONG), 404, "member_not_found")
        .await;
    h.err(a, body(&org, "bad email", STRONG), 400, "invalid_email")
        .await;
    h.member(&org, "nopass@acme.com").await;
    h.err(
        a,
        body(&org, "nopass@acme.com", STRONG),
        404,
        "member_password_not_found",
    )
    .await;
    let mut b = body(&org, "ada@acme.com", STRONG);
    b["session_token"] = json!("x".repeat(44));
    b["session_jwt"] = json!("a.b.c");
    h.err(a, b, 400, "too_many_session_arguments").await;
    for minutes in [4, 527_041] {
        let mut b = body(&org, "ada@acme.com", STRONG);
        b["session_duration_minutes"] = json!(minutes);
        h.err(a, b, 400, "invalid_session_duration_minutes").await;
    }
    let mut b = body(&org, "ada@acme.com", STRONG);
    b["session_duration_minutes"] = json!(527_040);
    h.ok(a, b).await;
    // Nulls for unset optionals (the official Rust crate sends them) are fine.
    let mut b = body(&org, "ada@acme.com", STRONG);
    for k in [
        "session_token",
        "session_jwt",
        "session_duration_minutes",
        "session_custom_claims",
        "locale",
        "intermediate_session_token",
    ] {
        b[k] = serde_json::Value::Null;
    }
    h.ok(a, b).await;
    let mut b = body(&org, "ada@acme.com", STRONG);
    b.as_object_mut().unwrap().remove("password");
    let v = h.err(a, b, 400, "invalid_argument").await;
    assert_eq!(v["error_details"]["field"], "password");
}

#[tokio::test]
async fn authenticate_extends_passed_session_and_sets_claims() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let first = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let token = first["session_token"].as_str().unwrap();
    let v = h
        .ok(
            "/v1/b2b/passwords/authenticate",
            json!({ "organization_id": org, "email_address": "ada@acme.com", "password": STRONG, "session_token": token,
                    "session_duration_minutes": 120, "session_custom_claims": { "plan": "pro", "iss": "ignored" } }),
        )
        .await;
    assert_eq!(v["session_token"], token);
    assert_eq!(
        v["member_session"]["member_session_id"],
        first["member_session"]["member_session_id"]
    );
    assert_eq!(v["member_session"]["custom_claims"], json!({ "plan": "pro" }));
    let (_, claims) = jwt_parts(v["session_jwt"].as_str().unwrap());
    assert_eq!(claims["plan"], "pro");
    assert_eq!(claims["iss"], format!("stytch.com/{}", h.emu.project_id()));
    // The reset's own session plus this one: extending did not create another.
    assert_eq!(h.sessions_of(&org, &member).await.len(), 2);
}

#[tokio::test]
async fn breached_password_at_authentication_requires_reset() {
    let h = H::with(Emulator::builder().breached_passwords(["hunter2"])).await;
    let org = h.org("acme").await;
    // md5("hunter2"): migrated hashes skip the creation-time breach check.
    h.ok(
        "/v1/b2b/passwords/migrate",
        json!({ "organization_id": org, "email_address": "ada@acme.com", "hash_type": "md_5", "hash": "2ab96390c7dbe3439de74d0c9b0b1767" }),
    )
    .await;
    h.err(
        "/v1/b2b/passwords/authenticate",
        json!({ "organization_id": org, "email_address": "ada@acme.com", "password": "hunter2" }),
        400,
        "member_reset_password",
    )
    .await;
}

#[tokio::test]
async fn mfa_required_by_org_policy_returns_intermediate_session() {
    let h = H::new().await;
    let org = h.org_with(json!({ "organization_name": "Secure", "organization_slug": "secure", "mfa_policy": "REQUIRED_FOR_ALL" })).await;
    let member = h
        .member_with(
            &org,
            json!({ "email_address": "ada@secure.io", "mfa_phone_number": "+12025550123" }),
        )
        .await;
    h.set_password(&org, "ada@secure.io", STRONG).await;
    let v = h.authenticate(&org, "ada@secure.io", STRONG).await;
    assert_eq!(v["member_authenticated"], false);
    assert_eq!(v["session_token"], "");
    assert_eq!(v["session_jwt"], "");
    assert_eq!(v["member_session"], serde_json::Value::Null);
    assert_eq!(v["intermediate_session_token"].as_str().unwrap().len(), 44);
    assert!(v["intermediate_session_token_expires_at"].is_string());
    assert_eq!(v["mfa_required"]["secondary_auth_initiated"], "sms_otp");
    assert_eq!(
        v["mfa_required"]["member_options"]["mfa_phone_number"],
        "+12025550123"
    );
    let sms = h.emu.last_email_to("+12025550123").expect("sms recorded");
    assert_eq!(sms.kind, MessageKind::SmsOtp);
    assert!(h.sessions_of(&org, &member).await.is_empty());

    // Passing the IST back keeps it (MFA still required) rather than issuing a session.
    let ist = v["intermediate_session_token"].as_str().unwrap();
    let again = h
        .ok(
            "/v1/b2b/passwords/authenticate",
            json!({ "organization_id": org, "email_address": "ada@secure.io", "password": STRONG, "intermediate_session_token": ist }),
        )
        .await;
    assert_eq!(again["intermediate_session_token"], ist);

    // Member-level enrollment triggers MFA too, without a phone: no SMS.
    let open = h.org("open").await;
    h.member_with(
        &open,
        json!({ "email_address": "bob@open.io", "mfa_enrolled": true }),
    )
    .await;
    h.set_password(&open, "bob@open.io", STRONG).await;
    let v = h.authenticate(&open, "bob@open.io", STRONG).await;
    assert_eq!(v["member_authenticated"], false);
    assert_eq!(
        v["mfa_required"]["secondary_auth_initiated"],
        serde_json::Value::Null
    );
    assert_eq!(v["mfa_required"]["member_options"], serde_json::Value::Null);
}

#[tokio::test]
async fn mfa_is_skipped_with_a_valid_session_and_policy_can_change() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let first = h.authenticate(&org, "ada@acme.com", STRONG).await;
    assert!(h.emu.set_organization_mfa_policy("acme", "REQUIRED_FOR_ALL"));
    let v = h.authenticate(&org, "ada@acme.com", STRONG).await;
    assert_eq!(v["member_authenticated"], false);
    let v = h
        .ok(
            "/v1/b2b/passwords/authenticate",
            json!({ "organization_id": org, "email_address": "ada@acme.com", "password": STRONG,
                    "session_jwt": first["session_jwt"] }),
        )
        .await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["session_token"], first["session_token"]);
}

#[tokio::test]
async fn restricted_auth_methods_refuse_passwords_except_breakglass() {
    let h = H::new().await;
    let org = h
        .org_with(json!({ "organization_name": "SSO only", "organization_slug": "sso-only", "auth_methods": "RESTRICTED", "allowed_auth_methods": ["sso"] }))
        .await;
    h.member(&org, "ada@sso.io").await;
    h.member_with(
        &org,
        json!({ "email_address": "root@sso.io", "is_breakglass": true }),
    )
    .await;
    h.set_password(&org, "ada@sso.io", STRONG).await;
    h.set_password(&org, "root@sso.io", STRONG).await;
    h.err(
        "/v1/b2b/passwords/authenticate",
        json!({ "organization_id": org, "email_address": "ada@sso.io", "password": STRONG }),
        403,
        "operation_restricted_by_organization_auth_methods",
    )
    .await;
    assert_eq!(
        h.authenticate(&org, "root@sso.io", STRONG).await["member_authenticated"],
        true
    );
}

#[tokio::test]
async fn email_reset_flow_outbox_single_use_and_revocation() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let s1 = h.authenticate(&org, "ada@acme.com", STRONG).await;
    h.authenticate(&org, "ada@acme.com", STRONG).await;
    assert_eq!(
        h.sessions_of(&org, &member).await.len(),
        3,
        "two logins plus the reset's own session"
    );

    let start = h
        .ok(
            "/v1/b2b/passwords/email/reset/start",
            json!({ "organization_id": org, "email_address": "ada@acme.com", "reset_password_redirect_url": "https://app.example/reset?x=1",
                    "login_redirect_url": "https://app.example/login", "reset_password_template_id": "tpl-1", "locale": "ptbr",
                    "reset_password_expiration_minutes": 15 }),
        )
        .await;
    assert_eq!(start["member_id"], member);
    assert!(
        start["member_email_id"]
            .as_str()
            .unwrap()
            .starts_with("member-email-test-")
    );
    let mail = h.emu.last_email_to("ADA@acme.com").unwrap();
    assert_eq!(mail.kind, MessageKind::PasswordReset);
    assert_eq!(
        mail.redirect_url.as_deref(),
        Some("https://app.example/reset?x=1")
    );
    assert_eq!(
        mail.login_redirect_url.as_deref(),
        Some("https://app.example/login")
    );
    assert_eq!(mail.template_id.as_deref(), Some("tpl-1"));
    assert_eq!(mail.locale.as_deref(), Some("ptbr"));
    let token = mail.token.clone().unwrap();
    assert!(
        mail.link
            .as_deref()
            .unwrap()
            .starts_with("https://app.example/reset?x=1&stytch_token_type=multi_tenant_passwords&token=")
    );
    assert!(mail.link.as_deref().unwrap().ends_with(&token));

    // Weak password: refused, token not consumed.
    h.err(
        "/v1/b2b/passwords/email/reset",
        json!({ "password_reset_token": token, "password": "password" }),
        400,
        "weak_password",
    )
    .await;
    let v = h
        .ok(
            "/v1/b2b/passwords/email/reset",
            json!({ "password_reset_token": token, "password": STRONG2 }),
        )
        .await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["member_email_id"], start["member_email_id"]);
    assert_eq!(v["member"]["email_address_verified"], true);
    // All earlier sessions are revoked; only the new one is left.
    let live = h.sessions_of(&org, &member).await;
    assert_eq!(live.len(), 1);
    assert_eq!(
        live[0]["member_session_id"],
        v["member_session"]["member_session_id"]
    );
    h.err(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_token": s1["session_token"] }),
        404,
        "session_not_found",
    )
    .await;
    // Single use.
    h.err(
        "/v1/b2b/passwords/email/reset",
        json!({ "password_reset_token": token, "password": STRONG }),
        401,
        "unable_to_auth_password_reset_token",
    )
    .await;
    // Old password gone, new one works.
    h.err(
        "/v1/b2b/passwords/authenticate",
        json!({ "organization_id": org, "email_address": "ada@acme.com", "password": STRONG }),
        401,
        "unauthorized_credentials",
    )
    .await;
    h.authenticate(&org, "ada@acme.com", STRONG2).await;
}

#[tokio::test]
async fn email_reset_keeps_own_passed_session_and_ignores_foreign_one() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    h.member(&org, "bob@acme.com").await;
    h.set_password(&org, "bob@acme.com", STRONG).await;
    let own = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let bobs = h.authenticate(&org, "bob@acme.com", STRONG).await;
    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com" }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    let v = h
        .ok("/v1/b2b/passwords/email/reset", json!({ "password_reset_token": token, "password": STRONG2, "session_token": own["session_token"] }))
        .await;
    assert_eq!(v["session_token"], own["session_token"]);
    assert_eq!(h.sessions_of(&org, &member).await.len(), 1);

    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com" }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    let v = h
        .ok("/v1/b2b/passwords/email/reset", json!({ "password_reset_token": token, "password": STRONG, "session_token": bobs["session_token"] }))
        .await;
    assert_ne!(
        v["session_token"], bobs["session_token"],
        "Bob's session is ignored"
    );
    assert_eq!(v["member_id"], member);
    // Bob's session is untouched.
    h.ok(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_token": bobs["session_token"] }),
    )
    .await;
}

#[tokio::test]
async fn email_reset_token_expires_with_the_clock() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com", "reset_password_expiration_minutes": 5 }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    h.emu.clock().advance(Duration::from_secs(5 * 60 + 1));
    h.err(
        "/v1/b2b/passwords/email/reset",
        json!({ "password_reset_token": token, "password": STRONG2 }),
        401,
        "unable_to_auth_password_reset_token",
    )
    .await;
    // Default lifetime is 30 minutes.
    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com" }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    h.emu.clock().advance(Duration::from_secs(29 * 60));
    h.ok(
        "/v1/b2b/passwords/email/reset",
        json!({ "password_reset_token": token, "password": STRONG2 }),
    )
    .await;
}

#[tokio::test]
async fn email_reset_start_errors() {
    let h = H::new().await;
    let org = h.org("acme").await;
    let s = "/v1/b2b/passwords/email/reset/start";
    h.err(
        s,
        json!({ "organization_id": org, "email_address": "ghost@acme.com" }),
        404,
        "member_not_found",
    )
    .await;
    h.err(
        s,
        json!({ "organization_id": "nope-org", "email_address": "ghost@acme.com" }),
        404,
        "organization_not_found",
    )
    .await;
    h.member(&org, "ada@acme.com").await;
    for m in [4, 10_081] {
        h.err(s, json!({ "organization_id": org, "email_address": "ada@acme.com", "reset_password_expiration_minutes": m }), 400, "invalid_expiration")
            .await;
    }
    h.err(
        "/v1/b2b/passwords/email/reset",
        json!({ "password_reset_token": "x".repeat(44), "password": STRONG }),
        401,
        "unable_to_auth_password_reset_token",
    )
    .await;

    let strict = H::with(Emulator::builder().default_reset_redirect_url(None)).await;
    let org = strict.org("acme").await;
    strict.member(&org, "ada@acme.com").await;
    strict
        .err(
            s,
            json!({ "organization_id": org, "email_address": "ada@acme.com" }),
            400,
            "no_password_reset_redirect_url",
        )
        .await;
}

#[tokio::test]
async fn email_reset_pkce() {
    let h = H::new().await;
    let (org, _) = h.org_member_password("acme", "ada@acme.com").await;
    let verifier = "a-verifier-of-some-decent-length-0123456789";
    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com", "code_challenge": pkce_challenge(verifier) }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    let r = "/v1/b2b/passwords/email/reset";
    h.err(
        r,
        json!({ "password_reset_token": token, "password": STRONG2 }),
        400,
        "pkce_expected_code_verifier",
    )
    .await;
    h.err(
        r,
        json!({ "password_reset_token": token, "password": STRONG2, "code_verifier": "wrong" }),
        400,
        "pkce_mismatch",
    )
    .await;
    h.ok(
        r,
        json!({ "password_reset_token": token, "password": STRONG2, "code_verifier": verifier }),
    )
    .await;

    h.ok(
        "/v1/b2b/passwords/email/reset/start",
        json!({ "organization_id": org, "email_address": "ada@acme.com" }),
    )
    .await;
    let token = h.emu.last_email_to("ada@acme.com").unwrap().token.unwrap();
    h.err(
        r,
        json!({ "password_reset_token": token, "password": STRONG, "code_verifier": verifier }),
        400,
        "pkce_did_not_expect_code_verifier",
    )
    .await;
}

#[tokio::test]
async fn session_reset_five_minute_rule_and_revocation() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    let other = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let current = h.authenticate(&org, "ada@acme.com", STRONG).await;
    let r = "/v1/b2b/passwords/session/reset";
    let v = h
        .ok(
            r,
            json!({ "organization_id": org, "password": STRONG2, "session_token": current["session_token"] }),
        )
        .await;
    assert_eq!(v["member_authenticated"], true);
    assert_eq!(v["session_token"], current["session_token"]);
    assert!(v["session_jwt"].as_str().unwrap().split('.').count() == 3);
    assert!(v.get("organization_id").is_none());
    let live = h.sessions_of(&org, &member).await;
    assert_eq!(live.len(), 1, "other sessions revoked");
    h.err(
        "/v1/b2b/sessions/authenticate",
        json!({ "session_token": other["session_token"] }),
        404,
        "session_not_found",
    )
    .await;
    h.authenticate(&org, "ada@acme.com", STRONG2).await;

    // Too old: the last factor is more than five minutes old.
    let fresh = h.authenticate(&org, "ada@acme.com", STRONG2).await;
    h.emu.clock().advance(Duration::from_secs(5 * 60 + 1));
    h.err(
        r,
        json!({ "organization_id": org, "password": STRONG, "session_jwt": fresh["session_jwt"] }),
        400,
        "session_too_old_to_reset_password",
    )
    .await;
    // Errors: no session, both, unknown session, weak password, org mismatch.
    h.err(
        r,
        json!({ "organization_id": org, "password": STRONG }),
        400,
        "no_session_arguments",
    )
    .await;
    h.err(r, json!({ "organization_id": org, "password": STRONG, "session_token": "x".repeat(44), "session_jwt": "a.b.c" }), 400, "too_many_session_arguments")
        .await;
    h.err(
        r,
        json!({ "organization_id": org, "password": STRONG, "session_token": "x".repeat(44) }),
        404,
        "session_not_found",
    )
    .await;
    h.err(
        r,
        json!({ "organization_id": org, "password": STRONG, "session_token": "short" }),
        400,
        "invalid_session_token",
    )
    .await;
    let recent = h.authenticate(&org, "ada@acme.com", STRONG2).await;
    h.err(
        r,
        json!({ "organization_id": org, "password": "password", "session_token": recent["session_token"] }),
        400,
        "weak_password",
    )
    .await;
    let other_org = h.org("other").await;
    h.err(
        r,
        json!({ "organization_id": other_org, "password": STRONG, "session_token": recent["session_token"] }),
        400,
        "session_organization_mismatch",
    )
    .await;
}

#[tokio::test]
async fn existing_password_reset() {
    let h = H::new().await;
    let (org, member) = h.org_member_password("acme", "ada@acme.com").await;
    h.authenticate(&org, "ada@acme.com", STRONG).await;
    let r = "/v1/b2b/passwords/existing_password/reset";
    let body = |existing: &str, new: &str| json!({ "organization_id": org, "email_address": "ada@acme.com", "existing_password": existing, "new_password": new });
    h.err(
        r,
        body("wrong-password-1", STRONG2),
        401,
        "unauthorized_credentials",
    )
    .await;
    h.err(r, body(STRONG, "12345678"), 400, "weak_password").await;
    let v = h.ok(r, body(STRONG, STRONG2)).await;
    assert_eq!(v["member_authenticated"], true);
    assert!(v.get("organization_id").is_none());
    let live = h.sessions_of(&org, &member).await;
    assert_eq!(live.len(), 1, "all older sessions revoked");
    assert_eq!(
        live[0]["member_session_id"],
        v["member_session"]["member_session_id"]
    );
    h.authenticate(&org, "ada@acme.com", STRONG2).await;
    h.err(
        r,
        json!({ "organization_id": org, "email_address": "ghost@acme.com", "existing_password": STRONG, "new_password": STRONG2 }),
        404,
        "member_not_found",
    )
    .await;
}

#[tokio::test]
async fn cross_org_only_endpoints_refuse_when_disabled() {
    let h = H::new().await;
    let org = h.org("acme").await;
    h.member(&org, "ada@acme.com").await;
    for (path, body) in [
        (
            "/v1/b2b/passwords/email/require_reset",
            json!({ "email_address": "ada@acme.com" }),
        ),
        (
            "/v1/b2b/passwords/discovery/authenticate",
            json!({ "email_address": "ada@acme.com", "password": STRONG }),
        ),
        (
            "/v1/b2b/passwords/discovery/email/reset/start",
            json!({ "email_address": "ada@acme.com" }),
        ),
        (
            "/v1/b2b/passwords/discovery/email/reset",
            json!({ "password_reset_token": "x".repeat(44), "password": STRONG }),
        ),
    ] {
        h.err(path, body, 400, "cross_org_passwords_not_enabled").await;
    }
}

//! Regression tests for defects found by trying to break the emulator: sessions without a
//! factor, password races, hostile work factors, clock overflow, secrets in `Debug`.

mod common;

use common::*;
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;
use stytch_emulator::Emulator;

const EXCHANGE: &str = "/v1/b2b/sessions/exchange";
const IST_EXCHANGE: &str = "/v1/b2b/discovery/intermediate_sessions/exchange";

#[tokio::test]
async fn an_intermediate_session_without_a_factor_never_becomes_a_session() {
    let h = H::new().await;
    let (a, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let b = h.org("beta").await;
    h.member(&b, "ada@corp.io").await;
    let s = h.authenticate(&a, "ada@corp.io", STRONG).await;
    // The password of org A does not transfer to B: primary_required, an IST with no factor.
    let v = h
        .ok(
            EXCHANGE,
            json!({ "organization_id": b, "session_token": s["session_token"] }),
        )
        .await;
    assert_eq!(v["member_authenticated"], false);
    // B allows every method (ALL_ALLOWED), and the list says so.
    let methods = v["primary_required"]["allowed_auth_methods"].as_array().unwrap();
    assert!(methods.contains(&json!("password")), "{v:#}");
    assert!(methods.contains(&json!("magic_link")), "{v:#}");
    let ist = v["intermediate_session_token"].clone();

    // The factor-less IST cannot be turned into a session through discovery either.
    let v = h
        .ok(
            IST_EXCHANGE,
            json!({ "intermediate_session_token": ist, "organization_id": b }),
        )
        .await;
    assert_eq!(v["member_authenticated"], false, "{v:#}");
    assert_eq!(v["session_token"], "");
    assert!(v["member_session"].is_null());
    assert!(v["primary_required"].is_object());

    // Completing the primary factor in B with that IST gives a session holding it.
    h.set_password(&b, "ada@corp.io", STRONG2).await;
    let v = h
        .ok(
            "/v1/b2b/passwords/authenticate",
            json!({ "organization_id": b, "email_address": "ada@corp.io", "password": STRONG2, "intermediate_session_token": ist }),
        )
        .await;
    assert_eq!(v["member_authenticated"], true);
    let factors = v["member_session"]["authentication_factors"].as_array().unwrap();
    assert!(!factors.is_empty());
}

#[tokio::test]
async fn primary_required_lists_the_restricted_methods() {
    let h = H::new().await;
    let (a, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let b = h
        .org_with(json!({
            "organization_name": "Beta",
            "organization_slug": "beta",
            "auth_methods": "RESTRICTED",
            "allowed_auth_methods": ["sso", "magic_link"],
        }))
        .await;
    h.member(&b, "ada@corp.io").await;
    let s = h.authenticate(&a, "ada@corp.io", STRONG).await;
    let v = h
        .ok(
            EXCHANGE,
            json!({ "organization_id": b, "session_token": s["session_token"] }),
        )
        .await;
    assert_eq!(
        v["primary_required"]["allowed_auth_methods"],
        json!(["sso", "magic_link"])
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn parallel_existing_password_resets_with_one_old_password_succeed_once() {
    let h = Arc::new(H::new().await);
    let (org, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let tasks: Vec<_> = (0..6)
        .map(|i| {
            let h = h.clone();
            let org = org.clone();
            tokio::spawn(async move {
                h.post(
                    "/v1/b2b/passwords/existing_password/reset",
                    json!({
                        "organization_id": org,
                        "email_address": "ada@corp.io",
                        "existing_password": STRONG,
                        "new_password": format!("{STRONG2}-{i}"),
                    }),
                )
                .await
            })
        })
        .collect();
    let mut ok = 0;
    for task in tasks {
        let (status, body) = task.await.unwrap();
        match status {
            200 => ok += 1,
            401 => assert_eq!(body["error_type"], "unauthorized_credentials"),
            other => panic!("unexpected {other}: {body:#}"),
        }
    }
    assert_eq!(ok, 1, "exactly one reset may use the old password");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_authenticate_racing_a_reset_leaves_no_old_password_session() {
    let h = Arc::new(H::new().await);
    let (org, _) = h.org_member_password("alpha", "ada@corp.io").await;
    let mut old = STRONG.to_owned();
    for trial in 0..12 {
        let new = format!("{STRONG2}-{trial}");
        h.ok(
            "/v1/b2b/passwords/email/reset/start",
            json!({ "organization_id": org, "email_address": "ada@corp.io" }),
        )
        .await;
        let token = h.emu.last_email_to("ada@corp.io").unwrap().token.unwrap();
        let login = {
            let (h, org, old) = (h.clone(), org.clone(), old.clone());
            tokio::spawn(async move {
                h.post(
                    "/v1/b2b/passwords/authenticate",
                    json!({ "organization_id": org, "email_address": "ada@corp.io", "password": old }),
                )
                .await
            })
        };
        let reset = {
            let (h, new) = (h.clone(), new.clone());
            tokio::spawn(async move {
                h.ok(
                    "/v1/b2b/passwords/email/reset",
                    json!({ "password_reset_token": token, "password": new }),
                )
                .await
            })
        };
        let (status, login) = login.await.unwrap();
        reset.await.unwrap();
        if status == 200 {
            // It won the race: the reset, which committed after it, revoked its session.
            let (status, v) = h
                .post(
                    "/v1/b2b/sessions/authenticate",
                    json!({ "session_token": login["session_token"] }),
                )
                .await;
            assert_eq!(
                status, 404,
                "trial {trial}: the old-password session is live: {v:#}"
            );
        } else {
            assert_eq!(status, 401, "trial {trial}: {login:#}");
        }
        old = new;
    }
}

/// Migrate with these fields; the answer must be 400 with `error_type`.
async fn refused(h: &H, org: &str, hash_type: &str, hash: &str, config: Value, error_type: &str) {
    let mut body = json!({
        "organization_id": org,
        "email_address": "ada@corp.io",
        "hash_type": hash_type,
        "hash": hash,
    });
    body.as_object_mut()
        .unwrap()
        .extend(config.as_object().unwrap().clone());
    let v = h.err("/v1/b2b/passwords/migrate", body, 400, error_type).await;
    assert!(v["error_message"].as_str().unwrap().contains("limit"), "{v:#}");
}

#[tokio::test]
async fn migrate_refuses_hostile_work_factors() {
    let h = H::new().await;
    let org = h.org("alpha").await;
    let b64_32 = "lE0OL8VHAhpSnMV5zqtQe596t0Yo0V3fRJtx64zXvFI=";
    let salt = "MDEyMzQ1Njc4OWFiY2RlZg==";
    refused(
        &h,
        &org,
        "bcrypt",
        "$2b$31$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
        json!({}),
        "invalid_bcrypt_hash",
    )
    .await;
    refused(
        &h,
        &org,
        "argon_2id",
        &"ab".repeat(32),
        json!({ "argon_2_config": { "salt": "saltsaltsalt", "iteration_amount": 2, "memory": 8 * 1024 * 1024, "threads": 1, "key_length": 32 } }),
        "invalid_argon_2_config",
    )
    .await;
    refused(
        &h,
        &org,
        "argon_2id",
        "$argon2id$v=19$m=8388608,t=2,p=1$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
        json!({}),
        "invalid_argon_2_config",
    )
    .await;
    refused(
        &h,
        &org,
        "pbkdf_2",
        b64_32,
        json!({ "pbkdf_2_config": { "salt": salt, "iteration_amount": 4_294_967_295u64, "key_length": 32 } }),
        "invalid_pbkdf_2_config",
    )
    .await;
    refused(
        &h,
        &org,
        "scrypt",
        b64_32,
        json!({ "scrypt_config": { "salt": salt, "n_parameter": 131072, "r_parameter": 1_048_576, "p_parameter": 1, "key_length": 32 } }),
        "invalid_scrypt_config",
    )
    .await;
    refused(
        &h,
        &org,
        "phpass",
        "$P$S9IQRaTwmfeRo7ud9Fh4E2PdI0S3r.L",
        json!({}),
        "invalid_phpass_hash_format",
    )
    .await;
}

#[tokio::test]
async fn the_clock_hook_is_bounded_and_never_breaks_handlers() {
    let h = H::new().await;
    let v = h
        .err(
            "/__emulator/clock/advance",
            json!({ "seconds": 10_000_000_000_000u64 }),
            400,
            "invalid_argument",
        )
        .await;
    assert!(v["error_message"].as_str().unwrap().contains("seconds"));
    // In process, an absurd advance saturates instead of overflowing.
    h.emu.clock().advance(Duration::MAX);
    assert_eq!(h.emu.clock().offset(), stytch_emulator::MAX_CLOCK_OFFSET);
    let (org, _) = h.org_member_password("alpha", "ada@corp.io").await;
    h.authenticate(&org, "ada@corp.io", STRONG).await;
    let (status, _) = h.get("/__emulator/clock").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn builder_debug_redacts_the_secret() {
    let builder = Emulator::builder().secret("secret-test-TOPSECRET-value");
    let debug = format!("{builder:?} {builder:#?}");
    assert!(!debug.contains("TOPSECRET"), "{debug}");
    let emulator = builder.start().await.unwrap();
    assert!(!format!("{emulator:?}").contains("TOPSECRET"));
    assert_eq!(emulator.secret(), "secret-test-TOPSECRET-value");
}

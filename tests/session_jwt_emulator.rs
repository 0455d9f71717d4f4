//! Session JWTs end to end: a password login against the emulator, the JWT verified locally
//! against the emulator's JWKS, key rotation, and the remote path giving the same result.

mod common;

use common::*;
use std::time::Duration;
use stytch_client::Client;
use stytch_client::b2b::sessions;
use stytch_client::jwt::{JwksConfig, JwtOptions, VerifiedBy, VerifiedSession};
use stytch_client::{ErrorKind, JwtReason};

/// A client for the emulator whose JWKS cache may refetch at once (the default cooldown is 30 s).
fn client(env: &Env) -> Client {
    Client::builder()
        .credentials(env.emu.project_id(), env.emu.secret())
        .base_url(env.emu.base_url())
        .jwks(JwksConfig::default().refetch_cooldown(Duration::ZERO))
        .build()
        .unwrap()
}

#[tokio::test]
async fn password_login_jwt_verifies_locally_and_after_rotation() {
    let env = Env::start().await;
    let client = client(&env);
    let org = env.org().await;
    let address = email("jwt-e2e");
    env.member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let login = env.login(&org.organization_id, &address, STRONG).await;
    let jwt = login.session_jwt.expose_secret().clone();
    let member_session = login.member_session.clone().expect("a full session");

    let local = client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(local.verified_by, VerifiedBy::Local);
    assert_eq!(local.member_id, login.member_id);
    assert_eq!(local.session.member_session_id, member_session.member_session_id);
    assert_eq!(local.session.started_at, member_session.started_at);
    assert_eq!(local.session.expires_at, member_session.expires_at);
    assert_eq!(local.organization.organization_id, org.organization_id);
    assert_eq!(local.organization.slug, org.organization_slug);
    assert_eq!(local.session.roles, member_session.roles);
    assert!(
        local
            .session
            .authentication_factors
            .iter()
            .any(|f| f.kind.as_str() == "password")
    );
    assert!(local.custom_claims.is_empty(), "{:?}", local.custom_claims);
    let old_kid = env.emu.current_signing_kid();
    assert_eq!(client.jwks_status().key_ids, std::slice::from_ref(&old_kid));
    assert_eq!(client.jwks_status().fetch_attempts, 1);

    // Rotation: the emulator signs with a new key and still serves the old one.
    let new_kid = env.emu.rotate_signing_key();
    assert_ne!(old_kid, new_kid);
    // Old JWTs keep verifying from the cache, without a fetch.
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(client.jwks_status().fetch_attempts, 1);
    // A JWT from the new key: one refetch, then local verification.
    let relogin = env.login(&org.organization_id, &address, STRONG).await;
    let new_jwt = relogin.session_jwt.expose_secret().clone();
    let verified = client
        .authenticate_session_jwt(&new_jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(verified.verified_by, VerifiedBy::Local);
    assert_eq!(verified.member_id, login.member_id);
    let status = client.jwks_status();
    assert_eq!(status.fetch_attempts, 2);
    assert!(
        status.key_ids.contains(&old_kid) && status.key_ids.contains(&new_kid),
        "{status:?}"
    );
    for _ in 0..10 {
        client
            .authenticate_session_jwt(&new_jwt, &JwtOptions::local_only())
            .await
            .unwrap();
        client
            .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
            .await
            .unwrap();
    }
    assert_eq!(client.jwks_status().fetch_attempts, 2);
}

/// The fields both paths know must agree, whichever producer they came from.
fn assert_same_session(local: &VerifiedSession, remote: &VerifiedSession) {
    assert_eq!(local.member_id, remote.member_id);
    assert_eq!(local.session.member_session_id, remote.session.member_session_id);
    assert_eq!(local.session.started_at, remote.session.started_at);
    assert_eq!(local.session.expires_at, remote.session.expires_at);
    assert_eq!(local.session.roles, remote.session.roles);
    let kinds = |s: &VerifiedSession| {
        s.session
            .authentication_factors
            .iter()
            .map(|f| f.kind.as_str().to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(kinds(local), kinds(remote));
    assert_eq!(local.organization, remote.organization);
    assert_eq!(local.custom_claims, remote.custom_claims);
}

#[tokio::test]
async fn local_and_remote_verification_give_the_same_result() {
    let env = Env::start().await;
    let client = client(&env);
    let org = env.org().await;
    let address = email("jwt-e2e-remote");
    env.member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let login = env.login(&org.organization_id, &address, STRONG).await;
    let jwt = login.session_jwt.expose_secret().clone();

    let local = client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    // max_token_age zero: always Stytch (here the emulator).
    let remote = client
        .authenticate_session_jwt(&jwt, &JwtOptions::new().max_token_age(Duration::ZERO))
        .await
        .unwrap();
    let VerifiedBy::Remote { session_jwt, .. } = &remote.verified_by else {
        panic!("expected the remote path");
    };
    assert_eq!(
        session_jwt.expose_secret().split('.').count(),
        3,
        "a fresh JWT comes back"
    );
    assert_same_session(&local, &remote);

    // A revoked session: its JWT still verifies locally until it expires (that is the point of
    // local verification); Stytch refuses it.
    env.client
        .send(sessions::Revoke::new().member_session_id(local.session.member_session_id.clone()))
        .await
        .unwrap();
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    let error = client
        .authenticate_session_jwt(&jwt, &JwtOptions::new().max_token_age(Duration::ZERO))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Api, "{error}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404), "{error}");

    // A forged signature never reaches the emulator: the error stays local.
    let (input, _) = jwt.rsplit_once('.').unwrap();
    let forged = format!("{input}.{}", "A".repeat(342));
    let error = client
        .authenticate_session_jwt(&forged, &JwtOptions::new())
        .await
        .unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::BadSignature));
}

/// Throughput against the emulator, for the "Session JWT verification" section of
/// BENCHMARKS.md: local verification versus the remote path, where the emulator looks the
/// session up and signs a fresh JWT as Stytch would. It prints figures and asserts none:
///
/// ```text
/// cargo test --release --test session_jwt_emulator -- --ignored --nocapture
/// ```
#[test]
#[ignore = "a benchmark: run it in release with --ignored --nocapture"]
fn throughput_local_versus_remote_through_the_emulator() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::time::Instant;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let env = Env::start().await;
        let client = client(&env);
        let org = env.org().await;
        let address = email("jwt-bench");
        env.member_with_password(&org.organization_id, &address, STRONG).await;
        let jwt: Arc<str> = env.login(&org.organization_id, &address, STRONG).await.session_jwt.expose_secret().as_str().into();
        let cases = [("local", JwtOptions::local_only()), ("remote (emulator)", JwtOptions::new().max_token_age(Duration::ZERO))];
        for (name, options) in cases {
            for tasks in [1usize, 64] {
                let stop = Arc::new(AtomicBool::new(false));
                let total = Arc::new(AtomicU64::new(0));
                let started = Instant::now();
                let handles: Vec<_> = (0..tasks)
                    .map(|_| {
                        let (client, jwt, options, stop, total) =
                            (client.clone(), jwt.clone(), options.clone(), stop.clone(), total.clone());
                        tokio::spawn(async move {
                            let mut count = 0u64;
                            while !stop.load(Ordering::Relaxed) {
                                client.authenticate_session_jwt(&jwt, &options).await.unwrap();
                                count += 1;
                                if count.is_multiple_of(32) {
                                    tokio::task::yield_now().await;
                                }
                            }
                            total.fetch_add(count, Ordering::Relaxed);
                        })
                    })
                    .collect();
                tokio::time::sleep(Duration::from_secs(2)).await;
                stop.store(true, Ordering::Relaxed);
                for handle in handles {
                    handle.await.unwrap();
                }
                let elapsed = started.elapsed();
                let count = total.load(Ordering::Relaxed);
                println!(
                    "{name:<18} {tasks:>2} task(s): {:>8.0} verifications/s, {:>8.1} µs mean latency ({count} in {elapsed:.2?})",
                    count as f64 / elapsed.as_secs_f64(),
                    elapsed.as_secs_f64() * 1e6 * tasks as f64 / count as f64,
                );
            }
        }
    });
}

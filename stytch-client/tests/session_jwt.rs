//! Session-JWT verification against a loopback JWKS server that counts its fetches.

mod jwt_support;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac as _};
use jwt_support::*;
use serde_json::json;
use std::error::Error as _;
use std::sync::Arc;
use std::time::{Duration, Instant};
use stytch_client::jwt::{JwksConfig, JwtOptions, VerifiedBy};
use stytch_client::{Error, ErrorKind, JwtReason};

fn reason(result: Result<stytch_client::jwt::VerifiedSession, Error>) -> JwtReason {
    let error = result.expect_err("verification must fail");
    assert_eq!(error.kind(), ErrorKind::Jwt, "{error:?}");
    error.jwt_reason().unwrap()
}

/// The whole `source()` chain as text.
fn chain(error: &Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(" <- ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

async fn wait_until(mut condition: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !condition() {
        assert!(Instant::now() < deadline, "condition not met within 10 s");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::test]
async fn valid_token_is_verified_locally_with_typed_claims() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let jwt = k1.sign(&claims());

    let session = client
        .authenticate_session_jwt(&jwt, &JwtOptions::new())
        .await
        .unwrap();
    assert_eq!(session.verified_by, VerifiedBy::Local);
    assert_eq!(
        session.member_id,
        "member-test-00000000-0000-4000-8000-000000000001"
    );
    assert_eq!(
        session.session.member_session_id,
        "member-session-test-00000000-0000-4000-8000-000000000001"
    );
    assert_eq!(
        session.session.started_at.to_rfc3339(),
        "2025-06-15T15:00:00+00:00"
    );
    assert_eq!(
        session.session.last_accessed_at.to_rfc3339(),
        "2025-06-15T15:06:30+00:00"
    );
    assert_eq!(
        session.session.expires_at.to_rfc3339(),
        "2099-06-16T15:00:00+00:00"
    );
    assert_eq!(session.session.roles, ["stytch_member", "editor"]);
    let factors = &session.session.authentication_factors;
    assert_eq!(
        (factors[0].kind.as_str(), factors[0].delivery_method.as_str()),
        ("password", "knowledge")
    );
    assert_eq!(
        factors[1].email_factor.as_ref().map(|f| f.email_address.as_str()),
        Some("ada@example.com")
    );
    assert_eq!(
        session.session.attributes.as_ref().unwrap().ip_address.as_deref(),
        Some("203.0.113.7")
    );
    assert_eq!(
        session.organization.organization_id,
        "organization-test-00000000-0000-4000-8000-000000000001"
    );
    assert_eq!(session.organization.slug, "acme");
    // Registered (iss, aud, sub, iat, nbf, exp, jti) and https://stytch.com/ claims are removed.
    assert_eq!(
        serde_json::Value::Object(session.custom_claims),
        json!({"plan": "pro", "seats": 12})
    );

    assert_eq!(server.jwks_fetches(), 1);
    assert_eq!(server.authenticate_calls(), 0);
    // The JWKS is fetched through the normal authenticated path.
    assert_eq!(
        server.jwks_paths(),
        [format!("/v1/b2b/sessions/jwks/{PROJECT_ID}")]
    );
    assert!(
        server.jwks_auth_headers()[0]
            .as_deref()
            .is_some_and(|h| h.starts_with("Basic "))
    );

    // A second verification uses the cache.
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(server.jwks_fetches(), 1);
    let status = client.jwks_status();
    assert_eq!(status.key_ids, ["jwk-test-1"]);
    assert_eq!(status.fetch_attempts, 1);
    assert!(status.last_error.is_none());
}

#[tokio::test]
async fn expired_token_is_refused() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let jwt = k1.sign(&claims_at(now() - 400)); // exp 100 s ago
    let error = client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::Expired));
    assert!(
        error
            .to_string()
            .starts_with("the session JWT has expired (exp was 10"),
        "{error}"
    );
    // Within the clock tolerance it passes.
    let tolerant = JwtOptions::local_only().clock_tolerance(Duration::from_secs(120));
    client.authenticate_session_jwt(&jwt, &tolerant).await.unwrap();
    assert_eq!(server.authenticate_calls(), 0);
}

#[tokio::test]
async fn not_yet_valid_token_is_refused() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let mut future = claims();
    future["nbf"] = json!(now() + 60);
    let jwt = k1.sign(&future);
    assert_eq!(
        reason(
            client
                .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
                .await
        ),
        JwtReason::NotYetValid
    );
    let tolerant = JwtOptions::local_only().clock_tolerance(Duration::from_secs(90));
    client.authenticate_session_jwt(&jwt, &tolerant).await.unwrap();

    // iat in the future too.
    let jwt = k1.sign(&claims_at(now() + 60));
    assert_eq!(
        reason(
            client
                .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
                .await
        ),
        JwtReason::NotYetValid
    );
}

#[tokio::test]
async fn wrong_audience_is_refused_without_fallback() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    for aud in [
        json!(["project-test-someone-else"]),
        json!("project-test-someone-else"),
        json!([]),
    ] {
        let mut claims = claims();
        claims["aud"] = aud;
        let jwt = k1.sign(&claims);
        // Even with the remote fallback on, a wrong audience is final.
        assert_eq!(
            reason(client.authenticate_session_jwt(&jwt, &JwtOptions::new()).await),
            JwtReason::WrongAudience
        );
    }
    // A plain string audience equal to the project id is fine.
    let mut claims = claims();
    claims["aud"] = json!(PROJECT_ID);
    client
        .authenticate_session_jwt(&k1.sign(&claims), &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(server.authenticate_calls(), 0);
}

#[tokio::test]
async fn wrong_issuer_is_refused_and_the_base_url_is_accepted() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    for iss in [
        "stytch.com/project-test-someone-else",
        "https://evil.example.com",
        "stytch.com/",
        "",
    ] {
        let mut claims = claims();
        claims["iss"] = json!(iss);
        let jwt = k1.sign(&claims);
        assert_eq!(
            reason(client.authenticate_session_jwt(&jwt, &JwtOptions::new()).await),
            JwtReason::WrongIssuer,
            "{iss}"
        );
    }
    // Custom domains: the issuer is the client's base URL.
    let mut claims = claims();
    claims["iss"] = json!(server.base_url);
    client
        .authenticate_session_jwt(&k1.sign(&claims), &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(server.authenticate_calls(), 0);
}

#[tokio::test]
async fn alg_none_is_refused_before_any_request() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    for alg in ["none", "None", "NONE"] {
        let input = signing_input(&json!({"alg": alg, "kid": k1.kid, "typ": "JWT"}), &claims());
        for jwt in [format!("{input}."), format!("{input}.{}", b64(b"x"))] {
            assert_eq!(
                reason(client.authenticate_session_jwt(&jwt, &JwtOptions::new()).await),
                JwtReason::UnsupportedAlgorithm
            );
        }
    }
    // No "alg" at all is malformed.
    let jwt = format!("{}.", signing_input(&json!({"kid": k1.kid}), &claims()));
    assert_eq!(
        reason(client.authenticate_session_jwt(&jwt, &JwtOptions::new()).await),
        JwtReason::Malformed
    );
    assert_eq!(server.jwks_fetches(), 0);
    assert_eq!(server.authenticate_calls(), 0);
}

#[tokio::test]
async fn hs256_signed_with_the_public_key_is_refused() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    client.refresh_jwks().await.unwrap(); // the key is in the cache
    let input = signing_input(&json!({"alg": "HS256", "kid": k1.kid, "typ": "JWT"}), &claims());
    // Every form of "the public key" an attacker might try as the HMAC secret.
    let secrets = [
        k1.public_pem().into_bytes(),
        k1.jwk().to_string().into_bytes(),
        k1.public.n().to_bytes_be(),
    ];
    for secret in secrets {
        let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&secret).unwrap();
        mac.update(input.as_bytes());
        let jwt = format!("{input}.{}", b64(&mac.finalize().into_bytes()));
        assert_eq!(
            reason(client.authenticate_session_jwt(&jwt, &JwtOptions::new()).await),
            JwtReason::UnsupportedAlgorithm
        );
    }
    // The same token relabelled RS256 fails the signature check.
    let relabelled = signing_input(&json!({"alg": "RS256", "kid": k1.kid, "typ": "JWT"}), &claims());
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(k1.public_pem().as_bytes()).unwrap();
    mac.update(relabelled.as_bytes());
    let jwt = format!("{relabelled}.{}", b64(&mac.finalize().into_bytes()));
    assert_eq!(
        reason(client.authenticate_session_jwt(&jwt, &JwtOptions::new()).await),
        JwtReason::BadSignature
    );
    assert_eq!(server.authenticate_calls(), 0);
}

use rsa::traits::PublicKeyParts as _;

#[tokio::test]
async fn tampered_payload_is_a_bad_signature_and_never_sent_to_stytch() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let jwt = k1.sign(&claims());
    let (head, rest) = jwt.split_once('.').unwrap();
    let (_, signature) = rest.split_once('.').unwrap();
    let mut forged = claims();
    forged["https://stytch.com/session"]["roles"] = json!(["stytch_admin"]);
    let tampered = format!("{head}.{}.{signature}", b64(forged.to_string().as_bytes()));

    let error = client
        .authenticate_session_jwt(&tampered, &JwtOptions::new())
        .await
        .unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::BadSignature));
    assert_eq!(error.to_string(), "the session JWT has an invalid signature");
    // Neither the token nor its signature shows in Display or Debug.
    for text in [format!("{error}"), format!("{error:?}"), chain(&error)] {
        assert!(!text.contains(signature) && !text.contains(head), "{text}");
    }
    // A signature from another key, or truncated, is also bad.
    let other = key(2).sign_with_header(&json!({"alg": "RS256", "kid": k1.kid, "typ": "JWT"}), &claims());
    assert_eq!(
        reason(client.authenticate_session_jwt(&other, &JwtOptions::new()).await),
        JwtReason::BadSignature
    );
    let (input, signature_b64) = jwt.rsplit_once('.').unwrap();
    let mut short = URL_SAFE_NO_PAD.decode(signature_b64).unwrap();
    short.pop();
    let truncated = format!("{input}.{}", b64(&short));
    assert_eq!(
        reason(
            client
                .authenticate_session_jwt(&truncated, &JwtOptions::new())
                .await
        ),
        JwtReason::BadSignature
    );
    assert_eq!(
        server.authenticate_calls(),
        0,
        "a bad signature must not reach Stytch"
    );
}

#[tokio::test]
async fn malformed_tokens_never_cause_requests() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let jwt = k1.sign(&claims());
    let cases = [
        String::new(),
        "a".repeat(70_000) + ".b.c",
        "a.b".to_owned(),
        format!("{jwt}.extra"),
        jwt.replacen('.', ".!", 1),
        format!("{}.{}", b64(b"not json"), jwt.split_once('.').unwrap().1),
        k1.sign_with_header(&json!({"alg": "RS256", "typ": "JWT"}), &claims()), // no kid
        k1.sign_with_header(
            &json!({"alg": "RS256", "kid": k1.kid, "crit": ["exp"]}),
            &claims(),
        ),
        k1.sign_with_header(
            &json!({"alg": "RS256", "kid": k1.kid, "typ": "at+jwt"}),
            &claims(),
        ),
    ];
    for jwt in &cases {
        assert_eq!(
            reason(client.authenticate_session_jwt(jwt, &JwtOptions::new()).await),
            JwtReason::Malformed,
            "{jwt}"
        );
    }
    assert_eq!((server.jwks_fetches(), server.authenticate_calls()), (0, 0));
}

#[tokio::test]
async fn unknown_kid_then_rotation_refetches_once_within_the_cooldown() {
    let (k1, k2) = (key(1), key(2));
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let cooldown = Duration::from_millis(300);
    let client = server.client(JwksConfig::default().refetch_cooldown(cooldown));
    client
        .authenticate_session_jwt(&k1.sign(&claims()), &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(server.jwks_fetches(), 1);

    // Stytch rotates: k2 signs, both are served.
    server.set_jwks(jwks(&[&k2, &k1]));
    let new_jwt = k2.sign(&claims());
    // Right after a fetch, an unknown kid is refused without a request, however often.
    for _ in 0..50 {
        let error = client
            .authenticate_session_jwt(&new_jwt, &JwtOptions::local_only())
            .await
            .unwrap_err();
        assert_eq!(error.jwt_reason(), Some(JwtReason::UnknownKey));
    }
    assert_eq!(
        server.jwks_fetches(),
        1,
        "unknown kids within the cooldown must not hammer the endpoint"
    );

    // After the cooldown, one refetch finds the new key.
    tokio::time::sleep(cooldown + Duration::from_millis(50)).await;
    let session = client
        .authenticate_session_jwt(&new_jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(session.verified_by, VerifiedBy::Local);
    assert_eq!(server.jwks_fetches(), 2);
    for _ in 0..20 {
        client
            .authenticate_session_jwt(&new_jwt, &JwtOptions::local_only())
            .await
            .unwrap();
        client
            .authenticate_session_jwt(&k1.sign(&claims()), &JwtOptions::local_only())
            .await
            .unwrap();
    }
    assert_eq!(server.jwks_fetches(), 2);
    assert_eq!(client.jwks_status().key_ids, ["jwk-test-2", "jwk-test-1"]);

    // A forged kid: one refetch after the cooldown, then silence.
    let forged = k1.sign_with_header(
        &json!({"alg": "RS256", "kid": "jwk-test-forged", "typ": "JWT"}),
        &claims(),
    );
    tokio::time::sleep(cooldown + Duration::from_millis(50)).await;
    let error = client
        .authenticate_session_jwt(&forged, &JwtOptions::local_only())
        .await
        .unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::UnknownKey));
    assert!(error.to_string().contains("even after a refetch"), "{error}");
    for _ in 0..50 {
        reason(
            client
                .authenticate_session_jwt(&forged, &JwtOptions::local_only())
                .await,
        );
    }
    assert_eq!(server.jwks_fetches(), 3);
}

#[tokio::test]
async fn unknown_kid_falls_back_to_stytch_when_enabled() {
    let (k1, k3) = (key(1), key(3));
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let jwt = k3.sign(&claims());
    let session = client
        .authenticate_session_jwt(&jwt, &JwtOptions::new())
        .await
        .unwrap();
    assert!(matches!(session.verified_by, VerifiedBy::Remote { .. }));
    assert_eq!((server.jwks_fetches(), server.authenticate_calls()), (1, 1));
}

#[tokio::test]
async fn too_old_for_max_token_age() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let jwt = k1.sign(&claims_at(now() - 120)); // still valid for 180 s
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    let strict = JwtOptions::local_only().max_token_age(Duration::from_secs(60));
    let error = client.authenticate_session_jwt(&jwt, &strict).await.unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::TooOld));
    assert!(error.to_string().contains("max_token_age is 60s"), "{error}");
    client
        .authenticate_session_jwt(
            &jwt,
            &JwtOptions::local_only().max_token_age(Duration::from_secs(180)),
        )
        .await
        .unwrap();

    // With the fallback on, Stytch decides; max_token_age zero always asks Stytch.
    let session = client
        .authenticate_session_jwt(&jwt, &JwtOptions::new().max_token_age(Duration::from_secs(60)))
        .await
        .unwrap();
    assert!(matches!(session.verified_by, VerifiedBy::Remote { .. }));
    let fresh = k1.sign(&claims());
    let session = client
        .authenticate_session_jwt(&fresh, &JwtOptions::new().max_token_age(Duration::ZERO))
        .await
        .unwrap();
    assert!(matches!(session.verified_by, VerifiedBy::Remote { .. }));
    assert_eq!(server.authenticate_calls(), 2);
}

#[tokio::test]
async fn jwks_down_keeps_serving_the_previous_keys_and_reports_why() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let ttl = Duration::from_millis(100);
    let client = server.client(JwksConfig::default().ttl(ttl).refetch_cooldown(Duration::ZERO));
    let jwt = k1.sign(&claims());
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(server.jwks_fetches(), 1);

    server.set_mode(JwksMode::Unavailable);
    tokio::time::sleep(ttl + Duration::from_millis(20)).await;
    // The keys are stale: this verification uses them and starts a background refresh.
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    wait_until(|| client.jwks_status().last_error.is_some()).await;
    let status = client.jwks_status();
    assert_eq!(status.key_ids, ["jwk-test-1"], "the previous keys stay");
    let cause = status.last_error.unwrap();
    assert_eq!(cause.status().map(|s| s.as_u16()), Some(503));
    assert!(
        cause.to_string().contains("/v1/b2b/sessions/jwks/{project_id}"),
        "{cause}"
    );
    assert!(cause.to_string().contains("service_unavailable"), "{cause}");
    // Still verifying with the old keys while the endpoint is down.
    for _ in 0..10 {
        client
            .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
            .await
            .unwrap();
    }
    // An explicit refresh reports the cause in its chain.
    let error = client.refresh_jwks().await.unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::KeysUnavailable));
    assert!(
        error
            .to_string()
            .ends_with("(the previously fetched keys stay in use)"),
        "{error}"
    );
    assert!(
        chain(&error).contains("503 service_unavailable"),
        "{}",
        chain(&error)
    );

    // Back up: the next refresh replaces the error.
    server.set_mode(JwksMode::Up);
    client.refresh_jwks().await.unwrap();
    assert!(client.jwks_status().last_error.is_none());
}

#[tokio::test]
async fn no_keys_yet_gives_a_clear_error_with_the_cause() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    server.set_mode(JwksMode::Unavailable);
    let client = server.client(JwksConfig::default());
    let jwt = k1.sign(&claims());
    let error = client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::KeysUnavailable));
    let text = chain(&error);
    assert!(
        text.starts_with(
            "the session JWT cannot be verified: the JWKS could not be fetched (no keys have been fetched yet) <- "
        ),
        "{text}"
    );
    assert!(
        text.contains("GET /v1/b2b/sessions/jwks/{project_id}: 503 service_unavailable"),
        "{text}"
    );
    // Within the cooldown the same error comes back without another request.
    let again = client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap_err();
    assert_eq!(again.jwt_reason(), Some(JwtReason::KeysUnavailable));
    assert!(chain(&again).contains("503"));
    assert_eq!(server.jwks_fetches(), 1);

    // Nothing listening at all: the cause is a connection error.
    let closed = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = closed.local_addr().unwrap();
    drop(closed);
    let client = stytch_client::Client::builder()
        .credentials(PROJECT_ID, "secret-test-x")
        .base_url(format!("http://{address}"))
        .build()
        .unwrap();
    let error = client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap_err();
    assert_eq!(error.jwt_reason(), Some(JwtReason::KeysUnavailable));
    let source = error.source().unwrap().to_string();
    assert!(source.contains("could not connect"), "{}", chain(&error));
}

#[tokio::test]
async fn a_hanging_jwks_endpoint_is_cut_off_by_the_fetch_timeout() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    server.set_mode(JwksMode::Hang);
    let client = server.client(JwksConfig::default().fetch_timeout(Duration::from_millis(200)));
    let started = Instant::now();
    let error = client
        .authenticate_session_jwt(&k1.sign(&claims()), &JwtOptions::local_only())
        .await
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(error.jwt_reason(), Some(JwtReason::KeysUnavailable));
    assert!(client.jwks_status().last_error.unwrap().is_timeout());
}

#[test]
fn ten_thousand_verifications_across_64_tasks_fetch_the_jwks_once() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(4)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let k1 = key(1);
        let server = StytchStandIn::start(jwks(&[&k1])).await;
        let client = server.client(JwksConfig::default());
        let jwt: Arc<str> = k1.sign(&claims()).into();
        let start = Arc::new(tokio::sync::Barrier::new(64));
        let tasks: Vec<_> = (0..64)
            .map(|task| {
                let (client, jwt, start) = (client.clone(), jwt.clone(), start.clone());
                // 10,000 in all: 16 tasks do 157, 48 do 156.
                let count = if task < 16 { 157 } else { 156 };
                tokio::spawn(async move {
                    start.wait().await; // every task misses the empty cache at once
                    for _ in 0..count {
                        let session = client
                            .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
                            .await
                            .unwrap();
                        assert_eq!(session.verified_by, VerifiedBy::Local);
                    }
                    count
                })
            })
            .collect();
        let mut total = 0;
        for task in tasks {
            total += task.await.unwrap();
        }
        assert_eq!(total, 10_000);
        assert_eq!(server.jwks_fetches(), 1, "single flight: exactly one JWKS fetch");
        assert_eq!(server.authenticate_calls(), 0);
    });
}

#[tokio::test]
async fn remote_fallback_for_an_expired_token_but_not_for_a_bad_signature() {
    let k1 = key(1);
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let client = server.client(JwksConfig::default());
    let expired = k1.sign(&claims_at(now() - 400));

    let session = client
        .authenticate_session_jwt(&expired, &JwtOptions::new())
        .await
        .unwrap();
    assert_eq!(server.authenticate_calls(), 1);
    assert_eq!(server.authenticate_bodies(), [json!({"session_jwt": expired})]);
    // The same result shape, from Stytch's member_session.
    assert_eq!(
        session.member_id,
        "member-test-00000000-0000-4000-8000-000000000001"
    );
    assert_eq!(
        session.session.member_session_id,
        "member-session-test-00000000-0000-4000-8000-000000000001"
    );
    assert_eq!(session.session.roles, ["stytch_member", "editor"]);
    assert_eq!(
        session.session.authentication_factors[0].kind.as_str(),
        "password"
    );
    assert_eq!(session.organization.slug, "acme");
    assert_eq!(
        serde_json::Value::Object(session.custom_claims.clone()),
        json!({"plan": "pro", "seats": 12})
    );
    let VerifiedBy::Remote {
        session_jwt,
        request_id,
    } = &session.verified_by
    else {
        panic!("expected a remote verification");
    };
    assert_eq!(session_jwt.expose_secret(), REFRESHED_JWT);
    assert_eq!(request_id, "request-id-test-remote");
    // The fresh JWT never prints.
    assert!(!format!("{session:?}").contains(REFRESHED_JWT));

    // Local only: the expiry is final.
    assert_eq!(
        reason(
            client
                .authenticate_session_jwt(&expired, &JwtOptions::local_only())
                .await
        ),
        JwtReason::Expired
    );
    // A bad signature is never sent, fallback or not.
    let (input, _) = expired.rsplit_once('.').unwrap();
    let forged = format!("{input}.{}", b64(&[7u8; 256]));
    assert_eq!(
        reason(client.authenticate_session_jwt(&forged, &JwtOptions::new()).await),
        JwtReason::BadSignature
    );
    assert_eq!(server.authenticate_calls(), 1);
}

#[tokio::test]
async fn a_seeded_cache_needs_no_fetch_until_an_unknown_kid() {
    let (k1, k2) = (key(1), key(2));
    let server = StytchStandIn::start(jwks(&[&k2, &k1])).await;
    let seed = JwksConfig::default()
        .seed_json(&jwks(&[&k1]).to_string())
        .unwrap();
    let client = server.client(seed);
    for _ in 0..5 {
        client
            .authenticate_session_jwt(&k1.sign(&claims()), &JwtOptions::local_only())
            .await
            .unwrap();
    }
    assert_eq!(server.jwks_fetches(), 0);
    // A kid missing from the seed is fetched at once (no fetch happened yet, so no cooldown).
    client
        .authenticate_session_jwt(&k2.sign(&claims()), &JwtOptions::local_only())
        .await
        .unwrap();
    assert_eq!(server.jwks_fetches(), 1);

    let bad = JwksConfig::default()
        .seed_json(r#"{"keys":[{"kty":"EC","kid":"x"}]}"#)
        .unwrap_err();
    assert_eq!(bad.kind(), ErrorKind::Config);
    assert!(
        bad.to_string().contains("no") && bad.to_string().contains("RS256"),
        "{bad}"
    );
}

#[tokio::test]
async fn expired_ttl_refreshes_in_the_background_once() {
    let (k1, k2) = (key(1), key(2));
    let server = StytchStandIn::start(jwks(&[&k1])).await;
    let ttl = Duration::from_millis(100);
    let client = server.client(JwksConfig::default().ttl(ttl).refetch_cooldown(Duration::ZERO));
    let jwt = k1.sign(&claims());
    client
        .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
        .await
        .unwrap();
    server.set_jwks(jwks(&[&k2, &k1]));
    tokio::time::sleep(ttl + Duration::from_millis(20)).await;
    // Many stale reads at once: one background refresh.
    let verifications: Vec<_> = (0..32)
        .map(|_| {
            let (client, jwt) = (client.clone(), jwt.clone());
            tokio::spawn(async move {
                client
                    .authenticate_session_jwt(&jwt, &JwtOptions::local_only())
                    .await
            })
        })
        .collect();
    for v in verifications {
        v.await.unwrap().unwrap();
    }
    wait_until(|| client.jwks_status().key_ids.len() == 2).await;
    assert_eq!(server.jwks_fetches(), 2);
    assert!(client.jwks_status().age.unwrap() < ttl);
}

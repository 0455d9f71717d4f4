//! The eight sessions endpoints through the typed catalog: get, authenticate, revoke, exchange,
//! exchange_access_token, attest, migrate and get_jwks, with their documented errors.

mod common;

use common::*;
use std::time::Duration;
use stytch_client::b2b::models::{
    AuthenticationFactorDeliveryMethod, AuthenticationFactorType, AuthorizationCheck,
};
use stytch_client::b2b::models::{MemberId, MemberSessionId, OrganizationId};
use stytch_client::b2b::organizations::members;
use stytch_client::b2b::{passwords, sessions};
use stytch_client::{Authorization, Client};

#[tokio::test]
async fn get_lists_the_members_live_sessions() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("sessions-get");
    let first = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let second = env.login(&org.organization_id, &address, STRONG).await;

    let listed = env
        .client
        .send(sessions::Get::new(&org.organization_id, &first.member_id))
        .await
        .unwrap();
    let ids: Vec<_> = listed
        .member_sessions
        .iter()
        .map(|s| s.member_session_id.as_str())
        .collect();
    let expected: Vec<_> = [&first.member_session, &second.member_session]
        .iter()
        .map(|s| s.as_ref().unwrap().member_session_id.as_str())
        .collect();
    assert_eq!(ids, expected, "oldest first");
    assert!(
        listed
            .member_sessions
            .iter()
            .all(|s| s.member_id == first.member_id)
    );

    // Expired sessions drop out (default length: 60 minutes).
    env.emu.clock().advance(Duration::from_secs(61 * 60));
    let later = env
        .client
        .send(sessions::Get::new(&org.organization_id, &first.member_id))
        .await
        .unwrap();
    assert!(later.member_sessions.is_empty());

    expect_api_error(
        env.client
            .send(sessions::Get::new(
                &org.organization_id,
                MemberId::new("member-test-00000000-0000-4000-8000-000000000000"),
            ))
            .await,
        404,
        "member_not_found",
    );
}

#[tokio::test]
async fn authenticate_by_token_and_by_jwt_and_extend() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("sessions-auth");
    let login = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let session = login.member_session.clone().unwrap();

    let by_token = env
        .client
        .send(sessions::Authenticate::new().session_token(login.session_token.clone()))
        .await
        .unwrap();
    assert_eq!(
        by_token.member_session.member_session_id,
        session.member_session_id
    );
    assert_eq!(
        by_token.member_session.expires_at, session.expires_at,
        "not extended when omitted"
    );
    assert_eq!(by_token.session_token, login.session_token);
    assert_eq!(by_token.session_jwt.expose_secret().split('.').count(), 3);
    assert_eq!(by_token.member.member_id, login.member_id);
    assert_eq!(by_token.organization.organization_id, org.organization_id);
    assert!(by_token.verdict.is_none());

    let by_jwt = env
        .client
        .send(
            sessions::Authenticate::new()
                .session_jwt(login.session_jwt.clone())
                .session_duration_minutes(600),
        )
        .await
        .unwrap();
    assert_eq!(by_jwt.member_session.member_session_id, session.member_session_id);
    assert_eq!(
        by_jwt.session_token, login.session_token,
        "the JWT names the same session"
    );
    assert!(by_jwt.member_session.expires_at > session.expires_at, "extended");

    // An expired JWT of a live session still authenticates (and is refreshed).
    env.emu.clock().advance(Duration::from_secs(6 * 60));
    let refreshed = env
        .client
        .send(sessions::Authenticate::new().session_jwt(login.session_jwt.clone()))
        .await
        .unwrap();
    assert_ne!(refreshed.session_jwt, login.session_jwt);
}

#[tokio::test]
async fn authenticate_errors() {
    let env = Env::start().await;
    let org = env.org().await;
    let login = env
        .member_with_password(&org.organization_id, &email("auth-errors"), STRONG)
        .await;
    expect_api_error(
        env.client
            .send(
                sessions::Authenticate::new()
                    .session_token(login.session_token.clone())
                    .session_jwt(login.session_jwt.clone()),
            )
            .await,
        400,
        "too_many_session_arguments",
    );
    expect_api_error(
        env.client.send(sessions::Authenticate::new()).await,
        400,
        "no_session_arguments",
    );
    for minutes in [4, 527_041] {
        expect_api_error(
            env.client
                .send(
                    sessions::Authenticate::new()
                        .session_token(login.session_token.clone())
                        .session_duration_minutes(minutes),
                )
                .await,
            400,
            "invalid_session_duration_minutes",
        );
    }
    expect_api_error(
        env.client
            .send(sessions::Authenticate::new().session_token("not a token!"))
            .await,
        400,
        "invalid_session_token",
    );
    expect_api_error(
        env.client
            .send(sessions::Authenticate::new().session_jwt("not-a-jwt"))
            .await,
        401,
        "unable_to_parse_session_jwt",
    );
    env.emu.clock().advance(Duration::from_secs(61 * 60));
    expect_api_error(
        env.client
            .send(sessions::Authenticate::new().session_token(login.session_token.clone()))
            .await,
        404,
        "session_not_found",
    );
}

#[tokio::test]
async fn authenticate_with_an_authorization_check() {
    // `documents` is a resource of the project's RBAC policy, and admins may read it.
    let env =
        Env::with(stytch_emulator::Emulator::builder().grant("stytch_admin", "documents", "read")).await;
    let org = env.org().await;
    let other = env.org().await;
    let admin_email = email("admin");
    env.client
        .send(
            members::Create::new(&org.organization_id, admin_email.as_str())
                .roles(vec!["stytch_admin".into()]),
        )
        .await
        .unwrap();
    env.client
        .send(passwords::email::ResetStart::new(
            &org.organization_id,
            admin_email.as_str(),
        ))
        .await
        .unwrap();
    let admin = env
        .client
        .send(passwords::email::Reset::new(
            env.emailed_token(&admin_email),
            STRONG,
        ))
        .await
        .unwrap();
    assert!(admin.member.is_admin);

    let checked = env
        .client
        .send(
            sessions::Authenticate::new()
                .session_token(admin.session_token.clone())
                .authorization_check(AuthorizationCheck::new(&org.organization_id, "documents", "read")),
        )
        .await
        .unwrap();
    let verdict = checked.verdict.expect("a verdict");
    assert!(verdict.authorized);
    assert_eq!(verdict.granting_roles, ["stytch_admin"]);

    expect_api_error(
        env.client
            .send(
                sessions::Authenticate::new()
                    .session_token(admin.session_token.clone())
                    .authorization_check(AuthorizationCheck::new(
                        &other.organization_id,
                        "documents",
                        "read",
                    )),
            )
            .await,
        403,
        "session_authorization_tenancy_error",
    );

    let plain = env
        .member_with_password(&org.organization_id, &email("plain"), STRONG)
        .await;
    expect_api_error(
        env.client
            .send(
                sessions::Authenticate::new()
                    .session_token(plain.session_token.clone())
                    .authorization_check(AuthorizationCheck::new(
                        &org.organization_id,
                        "documents",
                        "delete",
                    )),
            )
            .await,
        403,
        "session_authorization_error",
    );
}

#[tokio::test]
async fn revoke_by_id_token_and_member_with_authorization() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("revoke");
    let a = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let b = env.login(&org.organization_id, &address, STRONG).await;
    let c = env.login(&org.organization_id, &address, STRONG).await;
    let d = env.login(&org.organization_id, &address, STRONG).await;

    // By id, acting with the member's own session (the RBAC headers).
    let revoked = env
        .client
        .send(
            sessions::Revoke::new()
                .member_session_id(MemberSessionId::new(
                    a.member_session.as_ref().unwrap().member_session_id.as_str(),
                ))
                .authorization(Authorization::session_token(b.session_token.clone())),
        )
        .await
        .unwrap();
    assert_eq!(revoked.status_code, 200);
    assert!(revoked.request_id.starts_with("request-id-test-"));
    let alive = |token| {
        env.client
            .send(sessions::Authenticate::new().session_token(token))
    };
    expect_api_error(alive(a.session_token.clone()).await, 404, "session_not_found");
    alive(b.session_token.clone()).await.unwrap();

    // By token.
    env.client
        .send(
            sessions::Revoke::new()
                .session_token(b.session_token.clone())
                .authorization(Authorization::session_jwt(c.session_jwt.clone())),
        )
        .await
        .unwrap();
    expect_api_error(alive(b.session_token.clone()).await, 404, "session_not_found");

    // Every session of the member.
    env.client
        .send(sessions::Revoke::new().member_id(&a.member_id))
        .await
        .unwrap();
    for token in [c.session_token, d.session_token] {
        expect_api_error(alive(token).await, 404, "session_not_found");
    }

    expect_api_error(
        env.client.send(sessions::Revoke::new()).await,
        400,
        "no_session_arguments",
    );
    expect_api_error(
        env.client
            .send(sessions::Revoke::new().member_session_id(MemberSessionId::new("member-session-test-none")))
            .await,
        404,
        "session_not_found",
    );
}

#[tokio::test]
async fn exchange_into_another_organization() {
    // Cross-org passwords: the password factor carries over.
    let env = Env::cross_org().await;
    let (a, b) = (env.org().await, env.org().await);
    let address = email("exchange");
    let login = env
        .member_with_password(&a.organization_id, &address, STRONG)
        .await;
    let in_b = env
        .client
        .send(members::Create::new(&b.organization_id, address.as_str()))
        .await
        .unwrap();
    let exchanged = env
        .client
        .send(
            sessions::Exchange::new(&b.organization_id)
                .session_token(login.session_token.clone())
                .session_duration_minutes(20),
        )
        .await
        .unwrap();
    assert!(exchanged.member_authenticated);
    assert_eq!(exchanged.member_id, in_b.member_id);
    assert_eq!(exchanged.organization.organization_id, b.organization_id);
    let session = exchanged.member_session.expect("a session in b");
    assert_eq!(session.organization_id, b.organization_id);
    assert_eq!((session.expires_at - session.started_at).num_minutes(), 20);
    assert!(!exchanged.session_token.expose_secret().is_empty());
    assert!(exchanged.intermediate_session_token.expose_secret().is_empty());

    expect_api_error(
        env.client
            .send(
                sessions::Exchange::new(OrganizationId::new(
                    "organization-test-00000000-0000-4000-8000-000000000000",
                ))
                .session_token(login.session_token.clone()),
            )
            .await,
        404,
        "organization_not_found",
    );
}

#[tokio::test]
async fn exchange_without_cross_org_passwords_needs_a_primary_factor() {
    let env = Env::start().await;
    let (a, b) = (env.org().await, env.org().await);
    let address = email("exchange-primary");
    let login = env
        .member_with_password(&a.organization_id, &address, STRONG)
        .await;
    env.client
        .send(members::Create::new(&b.organization_id, address.as_str()))
        .await
        .unwrap();
    let exchanged = env
        .client
        .send(sessions::Exchange::new(&b.organization_id).session_jwt(login.session_jwt.clone()))
        .await
        .unwrap();
    assert!(!exchanged.member_authenticated);
    assert!(exchanged.member_session.is_none());
    assert!(exchanged.session_token.expose_secret().is_empty());
    assert!(!exchanged.intermediate_session_token.expose_secret().is_empty());
    assert!(exchanged.intermediate_session_token_expires_at.is_some());
    // The member has no factor that transfers (password factors only do with cross-org
    // passwords); the organization restricts no method, so every method is listed.
    let primary = exchanged.primary_required.expect("primary_required");
    assert!(
        primary.allowed_auth_methods.iter().any(|m| m == "password"),
        "{primary:?}"
    );
}

#[tokio::test]
async fn exchange_access_token_from_a_connected_app() {
    let env = Env::start().await;
    let org = env.org().await;
    let login = env
        .member_with_password(&org.organization_id, &email("connected"), STRONG)
        .await;
    let access_token = env
        .emu
        .issue_access_token(login.session_token.expose_secret(), "connected-app-test-1")
        .expect("a live session");
    let exchanged = env
        .client
        .send(sessions::ExchangeAccessToken::new(access_token.as_str()).session_duration_minutes(15))
        .await
        .unwrap();
    assert_eq!(exchanged.member_id, login.member_id);
    assert_eq!(exchanged.member.member_id, login.member_id);
    assert!(!exchanged.session_token.expose_secret().is_empty());
    assert_ne!(exchanged.session_token, login.session_token, "a new session");
    let session = exchanged.member_session.expect("a session");
    let factor = &session.authentication_factors[0];
    assert_eq!(
        factor.delivery_method,
        AuthenticationFactorDeliveryMethod::OAuthAccessTokenExchange
    );
    assert_eq!(
        factor
            .oauth_access_token_exchange_factor
            .as_ref()
            .map(|f| f.client_id.as_str()),
        Some("connected-app-test-1")
    );

    expect_api_error(
        env.client
            .send(sessions::ExchangeAccessToken::new("access-token-test-unknown"))
            .await,
        401,
        "invalid_access_token",
    );
    env.emu.clock().advance(Duration::from_secs(61 * 60));
    expect_api_error(
        env.client
            .send(sessions::ExchangeAccessToken::new(access_token))
            .await,
        401,
        "invalid_access_token",
    );
}

#[tokio::test]
async fn attest_a_trusted_auth_token() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("attest");
    let created = env
        .client
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();
    env.emu
        .register_trusted_auth_token("trusted-auth-profile-test-1", "trusted-token-1", &address);
    let attested = env
        .client
        .send(
            sessions::Attest::new("trusted-auth-profile-test-1", "trusted-token-1")
                .organization_id(&org.organization_id),
        )
        .await
        .unwrap();
    assert_eq!(attested.member_id, created.member_id);
    assert_eq!(attested.member_session.member_id, created.member_id);
    assert_eq!(attested.member_session.organization_id, org.organization_id);
    assert!(!attested.session_token.expose_secret().is_empty());
    assert!(!attested.session_jwt.expose_secret().is_empty());
    let factor = &attested.member_session.authentication_factors[0];
    assert_eq!(factor.kind, AuthenticationFactorType::TrustedAuthToken);
    assert!(factor.trusted_auth_token_factor.is_some());

    expect_api_error(
        env.client
            .send(
                sessions::Attest::new("trusted-auth-profile-test-1", "forged-token")
                    .organization_id(&org.organization_id),
            )
            .await,
        401,
        "invalid_trusted_auth_token",
    );
}

#[tokio::test]
async fn migrate_an_external_session() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("imported");
    let created = env
        .client
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();
    env.emu.register_external_session("auth0-session-abc", &address);
    let migrated = env
        .client
        .send(sessions::Migrate::new(&org.organization_id, "auth0-session-abc").session_duration_minutes(90))
        .await
        .unwrap();
    assert_eq!(migrated.member_id, created.member_id);
    assert_eq!(migrated.member.email_address, address);
    let session = migrated.member_session.expect("a session");
    assert_eq!((session.expires_at - session.started_at).num_minutes(), 90);
    assert_eq!(
        session.authentication_factors[0].kind,
        AuthenticationFactorType::Imported
    );
    // The new session is a real one.
    env.client
        .send(sessions::Authenticate::new().session_token(migrated.session_token))
        .await
        .unwrap();

    expect_api_error(
        env.client
            .send(sessions::Migrate::new(&org.organization_id, "unknown-external"))
            .await,
        401,
        "unable_to_auth_external_session",
    );
}

#[tokio::test]
async fn get_jwks_serves_the_signing_keys_without_credentials() {
    let env = Env::start().await;
    let jwks = env
        .client
        .send(sessions::GetJwks::new(env.emu.project_id()))
        .await
        .unwrap();
    assert_eq!(jwks.keys.len(), 1);
    let key = &jwks.keys[0];
    assert_eq!(key.kid, env.emu.current_signing_kid());
    assert_eq!(
        (key.kty.as_str(), key.alg.as_str(), key.key_use.as_str()),
        ("RSA", "RS256", "sig")
    );
    assert_eq!(key.key_ops, ["verify"]);
    assert!(!key.n.is_empty() && !key.e.is_empty());
    assert!(!key.x5t_s256.is_empty(), "x5tS256 decodes");

    // After a rotation the old key is still served next to the new one.
    let new_kid = env.emu.rotate_signing_key();
    let rotated = env
        .client
        .send(sessions::GetJwks::new(env.emu.project_id()))
        .await
        .unwrap();
    let kids: Vec<_> = rotated.keys.iter().map(|k| k.kid.as_str()).collect();
    assert!(
        kids.contains(&new_kid.as_str()) && kids.contains(&key.kid.as_str()),
        "{kids:?}"
    );

    // The JWKS needs no credentials: a client with a wrong secret still gets it.
    let stranger = Client::builder()
        .credentials(env.emu.project_id(), "wrong-secret")
        .base_url(env.emu.base_url())
        .build()
        .unwrap();
    let public = stranger
        .send(sessions::GetJwks::new(env.emu.project_id()))
        .await
        .unwrap();
    assert_eq!(public.keys.len(), 2);

    expect_api_error(
        env.client
            .send(sessions::GetJwks::new("project-test-someone-else"))
            .await,
        404,
        "project_not_found",
    );
}

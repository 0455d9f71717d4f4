//! The errors of the password reset flows, through the typed catalog: weak passwords, expired
//! and used reset tokens (on the emulator's clock), PKCE, sessions too old to reset with, a
//! wrong existing password.

mod common;

use common::*;
use std::time::Duration;
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::organizations::members;
use stytch_client::b2b::passwords;

/// A member of a new organization, and a reset token emailed to them.
async fn reset_token(
    env: &Env,
    start: impl FnOnce(OrganizationId, String) -> passwords::email::ResetStart,
) -> String {
    let org = env.org().await;
    let address = email("reset-error");
    env.client
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();
    env.client
        .send(start(org.organization_id, address.clone()))
        .await
        .unwrap();
    env.emailed_token(&address)
}

fn plain(org: OrganizationId, address: String) -> passwords::email::ResetStart {
    passwords::email::ResetStart::new(org, address)
}

#[tokio::test]
async fn weak_password_on_reset_leaves_the_token_usable() {
    let env = Env::start().await;
    let token = reset_token(&env, plain).await;
    for weak in [WEAK, "qwerty12"] {
        let error = expect_api_error(
            env.client.send(passwords::email::Reset::new(&token, weak)).await,
            400,
            "weak_password",
        );
        assert!(!error.is_retryable());
    }
    env.client
        .send(passwords::email::Reset::new(&token, STRONG))
        .await
        .expect("a refused password does not consume the token");
}

#[tokio::test]
async fn reset_token_expires_on_the_emulator_clock() {
    let env = Env::start().await;
    // Default lifetime: 30 minutes.
    let token = reset_token(&env, plain).await;
    env.emu.clock().advance(Duration::from_secs(29 * 60));
    let short = reset_token(&env, |o, a| plain(o, a).reset_password_expiration_minutes(5)).await;
    env.emu.clock().advance(Duration::from_secs(2 * 60));
    expect_api_error(
        env.client
            .send(passwords::email::Reset::new(&token, STRONG))
            .await,
        401,
        "unable_to_auth_password_reset_token",
    );
    // The 5-minute token, two minutes old, still works.
    env.client
        .send(passwords::email::Reset::new(&short, STRONG))
        .await
        .unwrap();
}

#[tokio::test]
async fn reset_token_is_single_use() {
    let env = Env::start().await;
    let token = reset_token(&env, plain).await;
    env.client
        .send(passwords::email::Reset::new(&token, STRONG))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(passwords::email::Reset::new(&token, STRONG2))
            .await,
        401,
        "unable_to_auth_password_reset_token",
    );
    expect_api_error(
        env.client
            .send(passwords::email::Reset::new("not-a-token-we-issued", STRONG2))
            .await,
        401,
        "unable_to_auth_password_reset_token",
    );
}

#[tokio::test]
async fn reset_expiration_out_of_range_is_refused() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("expiration");
    env.client
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();
    for minutes in [4, 10_081] {
        expect_api_error(
            env.client
                .send(
                    passwords::email::ResetStart::new(&org.organization_id, address.as_str())
                        .reset_password_expiration_minutes(minutes),
                )
                .await,
            400,
            "invalid_expiration",
        );
    }
}

#[tokio::test]
async fn pkce_mismatch_missing_and_unexpected_verifier() {
    let env = Env::start().await;
    let with_challenge = reset_token(&env, |o, a| plain(o, a).code_challenge(PKCE_CHALLENGE)).await;
    expect_api_error(
        env.client
            .send(passwords::email::Reset::new(&with_challenge, STRONG).code_verifier("some-other-verifier"))
            .await,
        400,
        "pkce_mismatch",
    );
    expect_api_error(
        env.client
            .send(passwords::email::Reset::new(&with_challenge, STRONG))
            .await,
        400,
        "pkce_expected_code_verifier",
    );
    // The failed attempts did not consume the token.
    env.client
        .send(passwords::email::Reset::new(&with_challenge, STRONG).code_verifier(PKCE_VERIFIER))
        .await
        .unwrap();

    let without = reset_token(&env, plain).await;
    expect_api_error(
        env.client
            .send(passwords::email::Reset::new(&without, STRONG).code_verifier(PKCE_VERIFIER))
            .await,
        400,
        "pkce_did_not_expect_code_verifier",
    );
}

#[tokio::test]
async fn session_too_old_for_session_reset() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("too-old");
    let reset = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    env.emu.clock().advance(Duration::from_secs(5 * 60 + 1));
    expect_api_error(
        env.client
            .send(
                passwords::sessions::Reset::new(&org.organization_id, STRONG2)
                    .session_token(reset.session_token.clone()),
            )
            .await,
        400,
        "session_too_old_to_reset_password",
    );
    // A fresh login adds a recent factor to a new session, which may reset.
    let fresh = env.login(&org.organization_id, &address, STRONG).await;
    env.client
        .send(
            passwords::sessions::Reset::new(&org.organization_id, STRONG2).session_token(fresh.session_token),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn session_reset_needs_a_live_session_and_a_strong_password() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("session-reset-errors");
    let reset = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    expect_api_error(
        env.client
            .send(
                passwords::sessions::Reset::new(&org.organization_id, WEAK)
                    .session_token(reset.session_token.clone()),
            )
            .await,
        400,
        "weak_password",
    );
    expect_api_error(
        env.client
            .send(
                passwords::sessions::Reset::new(&org.organization_id, STRONG2)
                    .session_token(reset.session_token.clone())
                    .session_jwt(reset.session_jwt.clone()),
            )
            .await,
        400,
        "too_many_session_arguments",
    );
    expect_api_error(
        env.client
            .send(passwords::sessions::Reset::new(&org.organization_id, STRONG2))
            .await,
        400,
        "no_session_arguments",
    );
}

#[tokio::test]
async fn existing_password_reset_errors() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("existing-errors");
    env.member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let org_id = &org.organization_id;
    expect_api_error(
        env.client
            .send(passwords::existing_password::Reset::new(
                org_id,
                address.as_str(),
                STRONG2,
                STRONG3,
            ))
            .await,
        401,
        "unauthorized_credentials",
    );
    expect_api_error(
        env.client
            .send(passwords::existing_password::Reset::new(
                org_id,
                address.as_str(),
                STRONG,
                WEAK,
            ))
            .await,
        400,
        "weak_password",
    );
    // Neither failure changed the password.
    env.login(org_id, &address, STRONG).await;
}

#[tokio::test]
async fn both_session_token_and_jwt_on_email_reset() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("both");
    let first = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    env.client
        .send(passwords::email::ResetStart::new(
            &org.organization_id,
            address.as_str(),
        ))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(
                passwords::email::Reset::new(env.emailed_token(&address), STRONG2)
                    .session_token(first.session_token.clone())
                    .session_jwt(first.session_jwt.clone()),
            )
            .await,
        400,
        "too_many_session_arguments",
    );
}

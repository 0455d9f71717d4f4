//! The organization-scoped password endpoints through the typed catalog, happy paths:
//! strength_check, migrate, authenticate, email reset start / reset / require_reset, session
//! reset and existing-password reset. (Discovery passwords: flows_discovery.rs; errors:
//! flows_resets.rs and flows_errors.rs.)

mod common;

use common::*;
use stytch_client::Authorization;
use stytch_client::b2b::models::{
    AuthenticationFactorDeliveryMethod, AuthenticationFactorType, HashType, MemberSession,
};
use stytch_client::b2b::organizations::members;
use stytch_client::b2b::{passwords, sessions};
use stytch_emulator::Emulator;

/// A full session for `member_id` in `org_id`, with a password factor.
#[track_caller]
fn assert_password_session(session: &Option<MemberSession>, org_id: &str, member_id: &str) -> MemberSession {
    let session = session.clone().expect("a member_session");
    assert!(session.member_session_id.starts_with("member-session-test-"));
    assert_eq!(session.member_id, member_id);
    assert_eq!(session.organization_id, org_id);
    assert!(!session.organization_slug.is_empty());
    assert!(
        session.roles.iter().any(|r| r == "stytch_member"),
        "{:?}",
        session.roles
    );
    assert!(session.expires_at > session.started_at);
    let factor = session
        .authentication_factors
        .iter()
        .find(|f| f.kind == AuthenticationFactorType::Password)
        .expect("a password factor");
    assert_eq!(
        factor.delivery_method,
        AuthenticationFactorDeliveryMethod::Knowledge
    );
    assert!(factor.last_authenticated_at.is_some());
    session
}

#[tokio::test]
async fn strength_check_scores_and_explains() {
    let env = Env::start().await;
    let address = email("strength");
    let weak = env
        .client
        .send(passwords::StrengthCheck::new("qwerty12").email_address(&address))
        .await
        .unwrap();
    assert!(!weak.valid_password);
    assert!(weak.score < 3, "score {}", weak.score);
    assert_eq!(weak.strength_policy, "zxcvbn");
    assert!(weak.breach_detection_on_create);
    let feedback = weak
        .zxcvbn_feedback
        .as_ref()
        .expect("zxcvbn feedback for a weak password");
    assert!(
        !feedback.warning.is_empty() || !feedback.suggestions.is_empty(),
        "{feedback:?}"
    );
    assert!(weak.luds_feedback.is_none() || weak.strength_policy == "luds");

    let strong = env
        .client
        .send(passwords::StrengthCheck::new(STRONG).email_address(&address))
        .await
        .unwrap();
    assert!(strong.valid_password);
    assert!(strong.score >= 3, "score {}", strong.score);
    assert!(!strong.breached_password);

    // A breached password is reported as such when an email is given.
    let breached = env
        .client
        .send(passwords::StrengthCheck::new(WEAK).email_address(&address))
        .await
        .unwrap();
    assert!(breached.breached_password);
    assert!(!breached.valid_password);
}

#[tokio::test]
async fn strength_check_under_luds_reports_missing_classes_and_length() {
    let env = Env::with(Emulator::builder().luds(12, 4)).await;
    let short = env
        .client
        .send(passwords::StrengthCheck::new("abcDEF12"))
        .await
        .unwrap();
    assert_eq!(short.strength_policy, "luds");
    assert!(!short.valid_password);
    let luds = short.luds_feedback.expect("LUDS feedback");
    assert!(luds.has_lower_case && luds.has_upper_case && luds.has_digit);
    assert!(!luds.has_symbol);
    assert_eq!(luds.missing_complexity, 1);
    assert_eq!(luds.missing_characters, 4);

    let ok = env
        .client
        .send(passwords::StrengthCheck::new("abcDEF12!?xyz"))
        .await
        .unwrap();
    assert!(ok.valid_password);
    let luds = ok.luds_feedback.expect("LUDS feedback");
    assert_eq!((luds.missing_complexity, luds.missing_characters), (0, 0));
}

#[tokio::test]
async fn migrate_a_bcrypt_hash_then_log_in_with_it() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("migrated");
    let migrated = env
        .client
        .send(
            passwords::Migrate::new(
                &org.organization_id,
                &address,
                LEGACY_BCRYPT_HASH,
                HashType::Bcrypt,
            )
            .name("Ada Lovelace")
            .trusted_metadata(serde_json::json!({"plan": "gold"}).as_object().unwrap().clone()),
        )
        .await
        .unwrap();
    assert!(migrated.member_created);
    assert!(migrated.member_id.starts_with("member-test-"));
    assert_eq!(migrated.member.member_id, migrated.member_id);
    assert_eq!(migrated.member.name, "Ada Lovelace");
    assert_eq!(migrated.member.email_address, address);
    assert!(
        migrated.member.email_address_verified,
        "migrate marks the email verified"
    );
    assert!(
        migrated
            .member
            .member_password_id
            .starts_with("member-password-test-"),
        "{}",
        migrated.member.member_password_id
    );
    assert_eq!(migrated.organization.organization_id, org.organization_id);

    let login = env.login(&org.organization_id, &address, MIGRATED_PASSWORD).await;
    assert!(login.member_authenticated);
    assert_eq!(login.member_id, migrated.member_id);
    assert_password_session(&login.member_session, &org.organization_id, &migrated.member_id);

    // Migrating onto the existing member does not create another one.
    let again = env
        .client
        .send(passwords::Migrate::new(
            &org.organization_id,
            &address,
            LEGACY_BCRYPT_HASH,
            HashType::Bcrypt,
        ))
        .await
        .unwrap();
    assert!(!again.member_created);
    assert_eq!(again.member_id, migrated.member_id);
}

#[tokio::test]
async fn authenticate_issues_a_full_session() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("login");
    let first = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;

    let login = env
        .client
        .send(
            passwords::Authenticate::new(&org.organization_id, address.as_str(), STRONG)
                .session_duration_minutes(120)
                .session_custom_claims(serde_json::json!({"tier": "pro"}).as_object().unwrap().clone()),
        )
        .await
        .unwrap();
    assert!(login.member_authenticated);
    assert_eq!(login.member_id, first.member_id);
    assert_eq!(login.organization_id, org.organization_id);
    assert_eq!(login.member.status, "active");
    assert!(!login.member.member_password_id.is_empty());
    assert!(!login.session_token.expose_secret().is_empty());
    assert_eq!(login.session_jwt.expose_secret().split('.').count(), 3, "a JWT");
    assert!(login.intermediate_session_token.expose_secret().is_empty());
    assert!(login.intermediate_session_token_expires_at.is_none());
    assert!(login.mfa_required.is_none());
    assert!(login.primary_required.is_none());
    let session = assert_password_session(&login.member_session, &org.organization_id, &login.member_id);
    assert_eq!((session.expires_at - session.started_at).num_minutes(), 120);
    assert_eq!(
        session.custom_claims.as_ref().and_then(|c| c.get("tier")),
        Some(&serde_json::json!("pro"))
    );
    assert_ne!(login.session_token, first.session_token, "a new session");

    // Passing the session back extends it instead of starting another.
    let extended = env
        .client
        .send(
            passwords::Authenticate::new(&org.organization_id, address.as_str(), STRONG)
                .session_token(login.session_token.clone()),
        )
        .await
        .unwrap();
    let again = extended.member_session.expect("session");
    assert_eq!(again.member_session_id, session.member_session_id);
    assert_eq!(extended.session_token, login.session_token);
}

#[tokio::test]
async fn email_reset_start_then_reset() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("reset");
    let created = env
        .client
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();

    let started = env
        .client
        .send(
            passwords::email::ResetStart::new(&org.organization_id, address.as_str())
                .reset_password_redirect_url("https://app.example/reset")
                .reset_password_expiration_minutes(15),
        )
        .await
        .unwrap();
    assert_eq!(started.member_id, created.member_id);
    assert!(
        started.member_email_id.starts_with("member-email-test-"),
        "{}",
        started.member_email_id
    );
    assert_eq!(started.member.member_id, created.member_id);
    let message = env.emu.last_email_to(&address).expect("an email");
    assert_eq!(message.redirect_url.as_deref(), Some("https://app.example/reset"));
    let token = message.token.expect("a token");

    let reset = env
        .client
        .send(passwords::email::Reset::new(token, STRONG).session_duration_minutes(30))
        .await
        .unwrap();
    assert!(reset.member_authenticated);
    assert_eq!(reset.member_id, created.member_id);
    assert_eq!(reset.member_email_id, started.member_email_id);
    assert_eq!(reset.organization_id, org.organization_id);
    assert!(
        reset.member.email_address_verified,
        "a reset by email verifies the address"
    );
    assert!(!reset.member.member_password_id.is_empty());
    let session = assert_password_session(&reset.member_session, &org.organization_id, &created.member_id);
    assert_eq!((session.expires_at - session.started_at).num_minutes(), 30);

    // The new password works; a second reset revokes the first reset's session.
    env.login(&org.organization_id, &address, STRONG).await;
    env.client
        .send(passwords::email::ResetStart::new(
            &org.organization_id,
            address.as_str(),
        ))
        .await
        .unwrap();
    env.client
        .send(passwords::email::Reset::new(env.emailed_token(&address), STRONG2))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(sessions::Authenticate::new().session_token(reset.session_token.clone()))
            .await,
        404,
        "session_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(
                &org.organization_id,
                address.as_str(),
                STRONG,
            ))
            .await,
        401,
        "unauthorized_credentials",
    );
}

#[tokio::test]
async fn email_reset_with_pkce() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("pkce");
    env.client
        .send(members::Create::new(&org.organization_id, address.as_str()))
        .await
        .unwrap();
    env.client
        .send(
            passwords::email::ResetStart::new(&org.organization_id, address.as_str())
                .code_challenge(PKCE_CHALLENGE),
        )
        .await
        .unwrap();
    let reset = env
        .client
        .send(passwords::email::Reset::new(env.emailed_token(&address), STRONG).code_verifier(PKCE_VERIFIER))
        .await
        .unwrap();
    assert!(reset.member_authenticated);
}

#[tokio::test]
async fn session_reset_keeps_the_session_used_and_revokes_the_others() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("session-reset");
    let first = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let fresh = env.login(&org.organization_id, &address, STRONG).await;

    let reset = env
        .client
        .send(
            passwords::sessions::Reset::new(&org.organization_id, STRONG2)
                .session_token(fresh.session_token.clone()),
        )
        .await
        .unwrap();
    assert!(reset.member_authenticated);
    assert_eq!(reset.member_id, first.member_id);
    assert_eq!(reset.member.member_id, first.member_id);
    assert_eq!(reset.organization.organization_id, org.organization_id);
    assert_eq!(
        reset.session_token, fresh.session_token,
        "the session used is kept"
    );
    assert!(!reset.session_jwt.expose_secret().is_empty());
    assert!(reset.intermediate_session_token.expose_secret().is_empty());
    assert!(reset.mfa_required.is_none());
    let session = assert_password_session(&reset.member_session, &org.organization_id, &first.member_id);
    assert_eq!(
        Some(&session.member_session_id),
        fresh.member_session.as_ref().map(|s| &s.member_session_id)
    );

    // The other session is gone, the used one lives, and only the new password works.
    expect_api_error(
        env.client
            .send(sessions::Authenticate::new().session_token(first.session_token.clone()))
            .await,
        404,
        "session_not_found",
    );
    env.client
        .send(sessions::Authenticate::new().session_token(fresh.session_token.clone()))
        .await
        .unwrap();
    env.login(&org.organization_id, &address, STRONG2).await;

    // A JWT works as the session input too.
    let by_jwt = env
        .client
        .send(passwords::sessions::Reset::new(&org.organization_id, STRONG3).session_jwt(reset.session_jwt))
        .await
        .unwrap();
    assert_eq!(by_jwt.member_id, first.member_id);
}

#[tokio::test]
async fn existing_password_reset_revokes_every_session() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("existing");
    let first = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;

    let reset = env
        .client
        .send(
            passwords::existing_password::Reset::new(&org.organization_id, address.as_str(), STRONG, STRONG2)
                .session_duration_minutes(45),
        )
        .await
        .unwrap();
    assert!(reset.member_authenticated);
    assert_eq!(reset.member_id, first.member_id);
    assert_eq!(reset.organization.organization_id, org.organization_id);
    assert!(!reset.session_token.expose_secret().is_empty());
    assert!(!reset.session_jwt.expose_secret().is_empty());
    let session = assert_password_session(&reset.member_session, &org.organization_id, &first.member_id);
    assert_eq!((session.expires_at - session.started_at).num_minutes(), 45);

    expect_api_error(
        env.client
            .send(sessions::Authenticate::new().session_token(first.session_token.clone()))
            .await,
        404,
        "session_not_found",
    );
    env.login(&org.organization_id, &address, STRONG2).await;
}

#[tokio::test]
async fn require_reset_with_authorization_deletes_a_sole_password() {
    let env = Env::cross_org().await;
    let org = env.org().await;
    let address = email("require");
    let admin = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;

    let required = env
        .client
        .send(
            passwords::email::RequireReset::new(address.as_str())
                .organization_id(&org.organization_id)
                .authorization(Authorization::session_token(admin.session_token.clone())),
        )
        .await
        .unwrap();
    assert_eq!(required.member_id.as_deref(), Some(admin.member_id.as_str()));
    assert_eq!(
        required.member.as_ref().map(|m| m.email_address.as_str()),
        Some(address.as_str())
    );
    assert_eq!(
        required.organization.as_ref().map(|o| o.organization_id.as_str()),
        Some(org.organization_id.as_str())
    );
    // One active member uses the email: the password is deleted.
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(
                &org.organization_id,
                address.as_str(),
                STRONG,
            ))
            .await,
        404,
        "member_password_not_found",
    );
}

#[tokio::test]
async fn require_reset_flags_a_shared_password_until_it_is_reset() {
    let env = Env::cross_org().await;
    let (org_a, org_b) = (env.org().await, env.org().await);
    let address = email("shared");
    let a = env
        .member_with_password(&org_a.organization_id, &address, STRONG)
        .await;
    env.client
        .send(members::Create::new(&org_b.organization_id, address.as_str()))
        .await
        .unwrap();
    // Cross-org passwords: the one password works in both organizations.
    env.login(&org_b.organization_id, &address, STRONG).await;

    let required = env
        .client
        .send(
            passwords::email::RequireReset::new(address.as_str())
                .member_id(&a.member_id)
                .authorization(Authorization::session_jwt(a.session_jwt.clone())),
        )
        .await
        .unwrap();
    assert_eq!(required.member_id.as_deref(), Some(a.member_id.as_str()));
    for org in [&org_a, &org_b] {
        expect_api_error(
            env.client
                .send(passwords::Authenticate::new(
                    &org.organization_id,
                    address.as_str(),
                    STRONG,
                ))
                .await,
            400,
            "member_reset_password",
        );
    }
    // A reset clears the flag.
    env.client
        .send(passwords::email::ResetStart::new(
            &org_a.organization_id,
            address.as_str(),
        ))
        .await
        .unwrap();
    env.client
        .send(passwords::email::Reset::new(env.emailed_token(&address), STRONG2))
        .await
        .unwrap();
    env.login(&org_b.organization_id, &address, STRONG2).await;
}

//! Documented errors of the login flows through the typed catalog: bad credentials, wrong
//! password, unknown organization or member, session arguments, breached passwords, MFA
//! required (and how the flow continues).

mod common;

use common::*;
use stytch_client::b2b::discovery::{intermediate_sessions, organizations as discovery_orgs};
use stytch_client::b2b::models::HashType;
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::organizations::{self, members};
use stytch_client::b2b::{passwords, sessions};
use stytch_client::{Client, ErrorKind};
use stytch_emulator::Emulator;

const NO_SUCH_ORG: &str = "organization-test-00000000-0000-4000-8000-000000000000";

#[tokio::test]
async fn bad_credentials_are_refused_everywhere() {
    let env = Env::start().await;
    let org = env.org().await;
    let stranger = Client::builder()
        .credentials(env.emu.project_id(), "wrong-secret")
        .base_url(env.emu.base_url())
        .build()
        .unwrap();
    let error = expect_api_error(
        stranger.send(organizations::Create::new("Nope")).await,
        401,
        "unauthorized_credentials",
    );
    assert_eq!(error.kind(), ErrorKind::Api);
    assert!(!error.is_retryable());
    assert_eq!(
        error.endpoint().map(|(m, p)| (m.as_str(), p)),
        Some(("POST", "/v1/b2b/organizations"))
    );
    expect_api_error(
        stranger.send(organizations::Get::new(&org.organization_id)).await,
        401,
        "unauthorized_credentials",
    );
    expect_api_error(
        stranger.send(passwords::StrengthCheck::new(STRONG)).await,
        401,
        "unauthorized_credentials",
    );
    expect_api_error(
        stranger
            .send(passwords::Authenticate::new(
                &org.organization_id,
                email("x").as_str(),
                STRONG,
            ))
            .await,
        401,
        "unauthorized_credentials",
    );
    // Another project's id with the right secret is refused too.
    let other_project = Client::builder()
        .credentials(
            "project-test-00000000-0000-4000-8000-000000000000",
            env.emu.secret(),
        )
        .base_url(env.emu.base_url())
        .build()
        .unwrap();
    expect_api_error(
        other_project
            .send(organizations::Get::new(&org.organization_id))
            .await,
        401,
        "unauthorized_credentials",
    );
}

#[tokio::test]
async fn wrong_password_unknown_org_unknown_member() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("wrong");
    env.member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let org_id = &org.organization_id;
    let error = expect_api_error(
        env.client
            .send(passwords::Authenticate::new(org_id, address.as_str(), STRONG2))
            .await,
        401,
        "unauthorized_credentials",
    );
    let shown = error.to_string();
    assert!(
        shown.contains("401") && shown.contains("unauthorized_credentials"),
        "{shown}"
    );
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(
                OrganizationId::new(NO_SUCH_ORG),
                address.as_str(),
                STRONG,
            ))
            .await,
        404,
        "organization_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(
                org_id,
                email("stranger").as_str(),
                STRONG,
            ))
            .await,
        404,
        "member_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::email::ResetStart::new(
                org_id,
                email("stranger").as_str(),
            ))
            .await,
        404,
        "member_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::email::ResetStart::new(
                OrganizationId::new(NO_SUCH_ORG),
                address.as_str(),
            ))
            .await,
        404,
        "organization_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::Migrate::new(
                OrganizationId::new(NO_SUCH_ORG),
                address.as_str(),
                LEGACY_BCRYPT_HASH,
                HashType::Bcrypt,
            ))
            .await,
        404,
        "organization_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::existing_password::Reset::new(
                OrganizationId::new(NO_SUCH_ORG),
                address.as_str(),
                STRONG,
                STRONG2,
            ))
            .await,
        404,
        "organization_not_found",
    );
    // A member without a password.
    let bare = email("bare");
    env.client
        .send(members::Create::new(org_id, bare.as_str()))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(org_id, bare.as_str(), STRONG))
            .await,
        404,
        "member_password_not_found",
    );
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(org_id, "not-an-email", STRONG))
            .await,
        400,
        "invalid_email",
    );
}

#[tokio::test]
async fn session_arguments_on_password_authenticate() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("args");
    let first = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    let org_id = &org.organization_id;
    expect_api_error(
        env.client
            .send(
                passwords::Authenticate::new(org_id, address.as_str(), STRONG)
                    .session_token(first.session_token.clone())
                    .session_jwt(first.session_jwt.clone()),
            )
            .await,
        400,
        "too_many_session_arguments",
    );
    for minutes in [0, 4, 527_041] {
        expect_api_error(
            env.client
                .send(
                    passwords::Authenticate::new(org_id, address.as_str(), STRONG)
                        .session_duration_minutes(minutes),
                )
                .await,
            400,
            "invalid_session_duration_minutes",
        );
    }
    for minutes in [5, 527_040] {
        let login = env
            .client
            .send(
                passwords::Authenticate::new(org_id, address.as_str(), STRONG)
                    .session_duration_minutes(minutes),
            )
            .await
            .unwrap();
        let session = login.member_session.unwrap();
        assert_eq!(
            (session.expires_at - session.started_at).num_minutes(),
            i64::from(minutes)
        );
    }
}

#[tokio::test]
async fn breached_password_must_be_reset_at_login() {
    let env = Env::with(Emulator::builder().breached_password(MIGRATED_PASSWORD)).await;
    let org = env.org().await;
    let address = email("breached");
    env.client
        .send(passwords::Migrate::new(
            &org.organization_id,
            address.as_str(),
            LEGACY_BCRYPT_HASH,
            HashType::Bcrypt,
        ))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(
                &org.organization_id,
                address.as_str(),
                MIGRATED_PASSWORD,
            ))
            .await,
        400,
        "member_reset_password",
    );
    // A wrong password is still just wrong.
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
async fn mfa_required_returns_an_intermediate_session() {
    let env = Env::start().await;
    let org = env
        .org_with(organizations::Create::new("MFA Inc.").mfa_policy("REQUIRED_FOR_ALL"))
        .await;
    let org_id = &org.organization_id;
    let other = env.org().await;
    let address = email("mfa");
    let created = env
        .client
        .send(members::Create::new(org_id, address.as_str()).mfa_phone_number("+15005550006"))
        .await
        .unwrap();
    env.client
        .send(passwords::email::ResetStart::new(org_id, address.as_str()))
        .await
        .unwrap();
    let reset = env
        .client
        .send(passwords::email::Reset::new(env.emailed_token(&address), STRONG))
        .await
        .unwrap();
    assert!(!reset.member_authenticated, "the reset itself stops at MFA");

    let login = env
        .client
        .send(passwords::Authenticate::new(org_id, address.as_str(), STRONG).session_duration_minutes(30))
        .await
        .unwrap();
    assert!(!login.member_authenticated);
    assert_eq!(login.member_id, created.member_id);
    assert!(login.member_session.is_none());
    assert!(login.session_token.expose_secret().is_empty());
    assert!(login.session_jwt.expose_secret().is_empty());
    let ist = login.intermediate_session_token.clone();
    assert!(!ist.expose_secret().is_empty());
    assert!(login.intermediate_session_token_expires_at.is_some());
    let mfa = login.mfa_required.as_ref().expect("mfa_required");
    assert_eq!(mfa.secondary_auth_initiated.as_deref(), Some("sms_otp"));
    let options = mfa.member_options.as_ref().expect("member_options");
    assert_eq!(options.mfa_phone_number, "+15005550006");
    assert!(login.primary_required.is_none());
    // The SMS OTP Stytch would have sent.
    assert!(
        env.emu
            .last_email_to("+15005550006")
            .and_then(|m| m.token)
            .is_some()
    );

    // The organization-bound IST: still MFA in its own organization, refused elsewhere, and
    // not a discovery token.
    let exchanged = env
        .client
        .send(intermediate_sessions::Exchange::new(org_id, ist.clone()))
        .await
        .unwrap();
    assert!(!exchanged.member_authenticated);
    assert!(exchanged.mfa_required.is_some());
    assert_eq!(exchanged.intermediate_session_token, ist);
    expect_api_error(
        env.client
            .send(intermediate_sessions::Exchange::new(
                &other.organization_id,
                ist.clone(),
            ))
            .await,
        400,
        "invalid_intermediate_session_token_for_organization",
    );
    expect_api_error(
        env.client
            .send(discovery_orgs::Create::new(ist.clone()).organization_name("Escape Inc."))
            .await,
        400,
        "invalid_intermediate_session_token_for_discovery",
    );
    let listed = env
        .client
        .send(discovery_orgs::List::new().intermediate_session_token(ist.clone()))
        .await
        .unwrap();
    assert_eq!(listed.organization_id_hint.as_ref(), Some(org_id));

    // Authenticating again with the IST keeps returning it.
    let again = env
        .client
        .send(
            passwords::Authenticate::new(org_id, address.as_str(), STRONG)
                .intermediate_session_token(ist.clone()),
        )
        .await
        .unwrap();
    assert_eq!(again.intermediate_session_token, ist);
}

#[tokio::test]
async fn mfa_is_skipped_with_a_live_session_and_the_ist_completes_once_mfa_is_lifted() {
    let env = Env::start().await;
    let org = env.org().await;
    let org_id = &org.organization_id;
    let address = email("mfa-continue");
    let before = env.member_with_password(org_id, &address, STRONG).await;
    assert!(before.member_authenticated);

    assert!(env.emu.set_organization_mfa_policy(org_id, "REQUIRED_FOR_ALL"));
    let login = env.login(org_id, &address, STRONG).await;
    assert!(!login.member_authenticated);
    let ist = login.intermediate_session_token;
    let mfa = login.mfa_required.expect("mfa_required");
    assert_eq!(mfa.secondary_auth_initiated, None, "no phone, no SMS");

    // Documented continuation: a live session of the member skips the MFA step.
    let with_session = env
        .client
        .send(
            passwords::Authenticate::new(org_id, address.as_str(), STRONG)
                .session_token(before.session_token.clone()),
        )
        .await
        .unwrap();
    assert!(with_session.member_authenticated);
    assert_eq!(with_session.session_token, before.session_token);

    // Once the organization no longer requires MFA, the IST exchanges into a session carrying
    // the password factor it recorded.
    assert!(env.emu.set_organization_mfa_policy(org_id, "OPTIONAL"));
    let exchanged = env
        .client
        .send(intermediate_sessions::Exchange::new(org_id, ist.clone()))
        .await
        .unwrap();
    assert!(exchanged.member_authenticated);
    let session = exchanged.member_session.expect("a session");
    assert_eq!(session.member_id, before.member_id);
    assert!(
        session
            .authentication_factors
            .iter()
            .any(|f| f.kind == stytch_client::b2b::models::AuthenticationFactorType::Password)
    );
    env.client
        .send(sessions::Authenticate::new().session_token(exchanged.session_token))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(intermediate_sessions::Exchange::new(org_id, ist))
            .await,
        404,
        "intermediate_session_not_found",
    );
}

#[tokio::test]
async fn restricted_auth_methods_refuse_passwords() {
    let env = Env::start().await;
    let org = env
        .org_with(
            organizations::Create::new("Magic Links Only")
                .auth_methods("RESTRICTED")
                .allowed_auth_methods(vec!["magic_link".to_owned()]),
        )
        .await;
    let address = email("restricted");
    env.client
        .send(passwords::Migrate::new(
            &org.organization_id,
            address.as_str(),
            LEGACY_BCRYPT_HASH,
            HashType::Bcrypt,
        ))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(passwords::Authenticate::new(
                &org.organization_id,
                address.as_str(),
                MIGRATED_PASSWORD,
            ))
            .await,
        403,
        "operation_restricted_by_organization_auth_methods",
    );
}

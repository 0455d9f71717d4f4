//! Magic links, email and SMS passcodes, TOTP, recovery codes and the MFA engine through the
//! typed catalog: every product's happy path, wrong / expired / reused codes and tokens, PKCE,
//! and a `REQUIRED_FOR_ALL` organization's member logging in with each second factor.

mod common;

use common::*;
use std::time::Duration;
use stytch_client::b2b::models::{AuthenticationFactor, Organization, OrganizationId};
use stytch_client::b2b::organizations::{self, members};
use stytch_client::b2b::{discovery, magic_links, otps, passwords, recovery_codes, totps};
use stytch_client::jwt::JwtOptions;
use stytch_emulator::{MessageKind, OutboxMessage};
use totp_rs::{Algorithm, TOTP};

/// `type/delivery_method` of each factor, in order.
fn factor_names(factors: &[AuthenticationFactor]) -> Vec<String> {
    factors
        .iter()
        .map(|f| format!("{}/{}", f.kind.as_str(), f.delivery_method.as_str()))
        .collect()
}

/// The newest message to `to`.
fn last_to(env: &Env, to: &str) -> OutboxMessage {
    env.emu
        .last_email_to(to)
        .unwrap_or_else(|| panic!("nothing sent to {to}"))
}

/// An organization whose members join by email on example.com.
async fn jit_org(env: &Env) -> Organization {
    env.org_with(
        organizations::Create::new("Passwordless Inc.")
            .email_jit_provisioning("RESTRICTED")
            .email_allowed_domains(vec!["example.com".to_owned()]),
    )
    .await
}

/// An organization that requires MFA from every member.
async fn mfa_org(env: &Env) -> Organization {
    env.org_with(organizations::Create::new("MFA Inc.").mfa_policy("REQUIRED_FOR_ALL"))
        .await
}

/// The current TOTP code for a base32 secret at the emulator's time, as an authenticator app
/// computes it.
fn totp_code(env: &Env, secret: &str) -> String {
    let bytes = totp_rs::Secret::Encoded(secret.to_owned()).to_bytes().unwrap();
    let totp = TOTP::new_unchecked(Algorithm::SHA1, 6, 0, 30, bytes);
    totp.generate(env.emu.clock().now().timestamp() as u64)
}

/// A member of a REQUIRED_FOR_ALL organization with a password; returns (org, member email) and
/// the intermediate session token of a password login.
async fn mfa_member(env: &Env, phone: Option<&str>) -> (OrganizationId, String) {
    let org = mfa_org(env).await;
    let address = email("mfa");
    let mut create = members::Create::new(&org.organization_id, &address);
    if let Some(p) = phone {
        create = create.mfa_phone_number(p);
    }
    env.client.send(create).await.unwrap();
    env.client
        .send(passwords::email::ResetStart::new(&org.organization_id, &address))
        .await
        .unwrap();
    let token = env.emailed_token(&address);
    let reset = env
        .client
        .send(passwords::email::Reset::new(token, STRONG))
        .await
        .unwrap();
    assert!(!reset.member_authenticated, "MFA is required before any session");
    (org.organization_id, address)
}

#[tokio::test]
async fn magic_link_signup_then_login_with_pkce() {
    let env = Env::start().await;
    let org = jit_org(&env).await;
    let address = email("ml");
    let sent = env
        .client
        .send(
            magic_links::email::LoginOrSignup::new(&org.organization_id, &address)
                .signup_redirect_url("https://app.example/signup")
                .pkce_code_challenge(PKCE_CHALLENGE),
        )
        .await
        .unwrap();
    assert!(sent.member_created);
    assert_eq!(sent.member.status, "pending");
    let mail = last_to(&env, &address);
    assert_eq!(mail.kind, MessageKind::MagicLinkSignup);
    let token = mail.token.clone().unwrap();
    assert_eq!(
        mail.link.as_deref(),
        Some(
            format!("https://app.example/signup?stytch_token_type=multi_tenant_magic_links&token={token}")
                .as_str()
        )
    );

    // PKCE: the verifier is required, and must match.
    expect_api_error(
        env.client
            .send(magic_links::Authenticate::new(token.clone()))
            .await,
        400,
        "pkce_expected_code_verifier",
    );
    expect_api_error(
        env.client
            .send(magic_links::Authenticate::new(token.clone()).pkce_code_verifier("not-the-verifier"))
            .await,
        400,
        "pkce_mismatch",
    );
    let login = env
        .client
        .send(magic_links::Authenticate::new(token.clone()).pkce_code_verifier(PKCE_VERIFIER))
        .await
        .unwrap();
    assert!(login.member_authenticated);
    assert_eq!(login.member.status, "active");
    assert!(login.member.email_address_verified);
    let session = login.member_session.unwrap();
    assert_eq!(
        factor_names(&session.authentication_factors),
        ["magic_link/email"]
    );
    let email_factor = session.authentication_factors[0].email_factor.as_ref().unwrap();
    assert_eq!(email_factor.email_address, address);
    assert!(login.method_id.starts_with("member-email-test-"));
    assert_eq!(login.method_id, email_factor.email_id);

    // One use only; unknown tokens are not found.
    expect_api_error(
        env.client
            .send(magic_links::Authenticate::new(token).pkce_code_verifier(PKCE_VERIFIER))
            .await,
        401,
        "unable_to_auth_magic_link",
    );
    expect_api_error(
        env.client
            .send(magic_links::Authenticate::new(
                "DOYoip3rvIMMW5lgItikFK-Ak1CfMsgjuiCyI7uuU94=",
            ))
            .await,
        404,
        "magic_link_not_found",
    );

    // The active member now gets a login link, which expires after its lifetime.
    let again = env
        .client
        .send(
            magic_links::email::LoginOrSignup::new(&org.organization_id, &address)
                .login_expiration_minutes(5),
        )
        .await
        .unwrap();
    assert!(!again.member_created);
    let mail = last_to(&env, &address);
    assert_eq!(mail.kind, MessageKind::MagicLinkLogin);
    env.emu.clock().advance(Duration::from_secs(5 * 60 + 1));
    expect_api_error(
        env.client
            .send(magic_links::Authenticate::new(mail.token.unwrap()))
            .await,
        401,
        "unable_to_auth_magic_link",
    );
}

#[tokio::test]
async fn magic_link_signup_follows_the_jit_rules() {
    let env = Env::start().await;
    let closed = env.org().await;
    expect_api_error(
        env.client
            .send(magic_links::email::LoginOrSignup::new(
                &closed.organization_id,
                email("nojit"),
            ))
            .await,
        403,
        "email_jit_provisioning_not_allowed",
    );
    let org = jit_org(&env).await;
    expect_api_error(
        env.client
            .send(magic_links::email::LoginOrSignup::new(
                &org.organization_id,
                "ada@elsewhere.org",
            ))
            .await,
        400,
        "invalid_email_for_jit_provisioning",
    );
    // An existing member is never subject to JIT.
    let address = email("member");
    env.client
        .send(members::Create::new(&closed.organization_id, &address))
        .await
        .unwrap();
    let sent = env
        .client
        .send(magic_links::email::LoginOrSignup::new(
            &closed.organization_id,
            &address,
        ))
        .await
        .unwrap();
    assert!(!sent.member_created);
}

#[tokio::test]
async fn invite_creates_an_invited_member_with_a_one_week_link() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("invitee");
    let invited = env
        .client
        .send(
            magic_links::email::Invite::new(&org.organization_id, &address)
                .name("Grace Hopper")
                .roles(vec!["editor".to_owned()]),
        )
        .await
        .unwrap();
    assert_eq!(invited.member.status, "invited");
    assert_eq!(invited.member.name, "Grace Hopper");
    let mail = last_to(&env, &address);
    assert_eq!(mail.kind, MessageKind::MagicLinkInvite);
    let week = mail.expires_at.unwrap() - mail.sent_at;
    assert_eq!(week.num_minutes(), 7 * 24 * 60);

    // Six days later the invite still works, and makes the member active.
    env.emu.clock().advance(Duration::from_secs(6 * 24 * 3600));
    let accepted = env
        .client
        .send(magic_links::Authenticate::new(mail.token.unwrap()))
        .await
        .unwrap();
    assert!(accepted.member_authenticated);
    assert_eq!(accepted.member.status, "active");

    // An active member cannot be invited again; an organization without invites refuses.
    expect_api_error(
        env.client
            .send(magic_links::email::Invite::new(&org.organization_id, &address))
            .await,
        400,
        "duplicate_member_email",
    );
    let no_invites = env
        .org_with(organizations::Create::new("Closed Inc.").email_invites("NOT_ALLOWED"))
        .await;
    expect_api_error(
        env.client
            .send(magic_links::email::Invite::new(
                &no_invites.organization_id,
                email("x"),
            ))
            .await,
        400,
        "invalid_email_for_invites",
    );
}

#[tokio::test]
async fn discovery_magic_link_finds_organizations_and_logs_in() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("disc");
    env.client
        .send(members::Create::new(&org.organization_id, &address))
        .await
        .unwrap();
    env.client
        .send(magic_links::email::discovery::Send::new(&address).pkce_code_challenge(PKCE_CHALLENGE))
        .await
        .unwrap();
    let mail = last_to(&env, &address);
    assert_eq!(mail.kind, MessageKind::DiscoveryMagicLink);
    assert!(mail.link.unwrap().contains("stytch_token_type=discovery&token="));
    let token = mail.token.unwrap();
    // A discovery token is not an organization login token.
    expect_api_error(
        env.client
            .send(magic_links::Authenticate::new(token.clone()))
            .await,
        401,
        "unable_to_auth_magic_link",
    );
    expect_api_error(
        env.client
            .send(magic_links::discovery::Authenticate::new(token.clone()))
            .await,
        400,
        "pkce_expected_code_verifier",
    );
    let found = env
        .client
        .send(magic_links::discovery::Authenticate::new(token).pkce_code_verifier(PKCE_VERIFIER))
        .await
        .unwrap();
    assert_eq!(found.email_address, address);
    assert_eq!(found.discovered_organizations.len(), 1);
    assert!(found.discovered_organizations[0].member_authenticated);

    let exchanged = env
        .client
        .send(discovery::intermediate_sessions::Exchange::new(
            &org.organization_id,
            found.intermediate_session_token,
        ))
        .await
        .unwrap();
    assert!(exchanged.member_authenticated);
    let session = exchanged.member_session.unwrap();
    assert_eq!(
        factor_names(&session.authentication_factors),
        ["magic_link/email"]
    );
}

#[tokio::test]
async fn email_otp_login_only_the_newest_code_works() {
    let env = Env::start().await;
    let org = jit_org(&env).await;
    let address = email("otp");
    let sent = env
        .client
        .send(otps::email::LoginOrSignup::new(&org.organization_id, &address))
        .await
        .unwrap();
    assert!(sent.member_created);
    let first = last_to(&env, &address);
    assert_eq!(first.kind, MessageKind::EmailOtp);
    let first = first.token.unwrap();
    assert!(first.len() == 6 && first.bytes().all(|b| b.is_ascii_digit()));
    env.client
        .send(otps::email::LoginOrSignup::new(&org.organization_id, &address))
        .await
        .unwrap();
    let second = env.emailed_token(&address);
    let auth = |code: &str| otps::email::Authenticate::new(&org.organization_id, &address, code.to_owned());

    if first != second {
        expect_api_error(
            env.client.send(auth(&first)).await,
            401,
            "unable_to_auth_otp_code",
        );
    }
    let wrong = if second == "000000" { "111111" } else { "000000" };
    expect_api_error(env.client.send(auth(wrong)).await, 401, "unable_to_auth_otp_code");
    expect_api_error(env.client.send(auth("12ab")).await, 400, "invalid_code");
    let login = env.client.send(auth(&second)).await.unwrap();
    assert!(login.member_authenticated);
    assert_eq!(login.member.status, "active");
    let factors = &login.member_session.unwrap().authentication_factors;
    assert_eq!(factor_names(factors), ["otp/email"]);
    // Used once.
    expect_api_error(
        env.client.send(auth(&second)).await,
        401,
        "unable_to_auth_otp_code",
    );

    // Codes expire after ten minutes.
    env.client
        .send(otps::email::LoginOrSignup::new(&org.organization_id, &address))
        .await
        .unwrap();
    let third = env.emailed_token(&address);
    env.emu.clock().advance(Duration::from_secs(10 * 60 + 1));
    expect_api_error(
        env.client.send(auth(&third)).await,
        401,
        "unable_to_auth_otp_code",
    );
}

#[tokio::test]
async fn email_otp_discovery_returns_an_intermediate_session() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("otp-disc");
    env.client
        .send(members::Create::new(&org.organization_id, &address))
        .await
        .unwrap();
    expect_api_error(
        env.client
            .send(otps::email::discovery::Authenticate::new(&address, "123456"))
            .await,
        404,
        "otp_code_not_found",
    );
    env.client
        .send(otps::email::discovery::Send::new(&address))
        .await
        .unwrap();
    let mail = last_to(&env, &address);
    assert_eq!(mail.kind, MessageKind::DiscoveryEmailOtp);
    let found = env
        .client
        .send(otps::email::discovery::Authenticate::new(
            &address,
            mail.token.unwrap(),
        ))
        .await
        .unwrap();
    assert_eq!(found.discovered_organizations.len(), 1);
    assert!(!found.intermediate_session_token.expose_secret().is_empty());
}

#[tokio::test]
async fn required_mfa_completed_by_sms_otp() {
    let env = Env::start().await;
    let phone = "+12025550123";
    let (org_id, address) = mfa_member(&env, Some(phone)).await;
    env.emu.clear_outbox();
    let login = env.login(&org_id, &address, STRONG).await;
    assert!(!login.member_authenticated);
    assert!(login.member_session.is_none());
    let mfa = login.mfa_required.unwrap();
    assert_eq!(mfa.secondary_auth_initiated.as_deref(), Some("sms_otp"));
    assert_eq!(mfa.member_options.unwrap().mfa_phone_number, phone);
    let ist = login.intermediate_session_token.clone();
    let sms = env.emu.last_sms_to(phone).expect("the SMS was sent at once");
    let code = sms.token.unwrap();
    let member_id = login.member_id.clone();
    let auth = |code: &str| otps::sms::Authenticate::new(&org_id, &member_id, code.to_owned());

    // Exactly one of IST / session token / session JWT.
    expect_api_error(env.client.send(auth(&code)).await, 400, "no_session_arguments");
    expect_api_error(
        env.client
            .send(
                auth(&code)
                    .intermediate_session_token(ist.clone())
                    .session_token("x".repeat(44)),
            )
            .await,
        400,
        "too_many_session_arguments",
    );
    let wrong = if code == "000000" { "111111" } else { "000000" };
    expect_api_error(
        env.client
            .send(auth(wrong).intermediate_session_token(ist.clone()))
            .await,
        401,
        "unable_to_auth_otp_code",
    );
    let done = env
        .client
        .send(auth(&code).intermediate_session_token(ist.clone()))
        .await
        .unwrap();
    let session = done.member_session.unwrap();
    assert_eq!(
        factor_names(&session.authentication_factors),
        ["password/knowledge", "otp/sms"]
    );
    assert_eq!(
        session.authentication_factors[1]
            .phone_number_factor
            .as_ref()
            .unwrap()
            .phone_number,
        phone
    );
    assert!(done.member.mfa_enrolled && done.member.mfa_phone_number_verified);
    assert_eq!(done.member.default_mfa_method, "sms_otp");
    // The JWT carries both factors too.
    let verified = env
        .client
        .authenticate_session_jwt(done.session_jwt.expose_secret(), &JwtOptions::new())
        .await
        .unwrap();
    assert_eq!(
        factor_names(&verified.session.authentication_factors),
        ["password/knowledge", "otp/sms"]
    );
    // The intermediate session was consumed, and the code spent.
    expect_api_error(
        env.client.send(auth(&code).intermediate_session_token(ist)).await,
        404,
        "intermediate_session_not_found",
    );

    // A re-send replaces the code; codes live two minutes.
    let login = env.login(&org_id, &address, STRONG).await;
    let ist = login.intermediate_session_token;
    let old = env.emu.last_sms_to(phone).unwrap().token.unwrap();
    env.client
        .send(otps::sms::Send::new(&org_id, &member_id).intermediate_session_token(ist.clone()))
        .await
        .unwrap();
    let new = env.emu.last_sms_to(phone).unwrap().token.unwrap();
    if old != new {
        expect_api_error(
            env.client
                .send(auth(&old).intermediate_session_token(ist.clone()))
                .await,
            401,
            "unable_to_auth_otp_code",
        );
    }
    env.emu.clock().advance(Duration::from_secs(121));
    expect_api_error(
        env.client.send(auth(&new).intermediate_session_token(ist)).await,
        401,
        "unable_to_auth_otp_code",
    );
}

#[tokio::test]
async fn required_mfa_completed_by_totp_then_recovery_code() {
    let env = Env::start().await;
    let (org_id, address) = mfa_member(&env, None).await;
    let login = env.login(&org_id, &address, STRONG).await;
    let mfa = login.mfa_required.clone().unwrap();
    assert_eq!(mfa.secondary_auth_initiated, None, "no phone, no SMS");
    let member_id = login.member_id.clone();
    let ist = login.intermediate_session_token.clone();

    // Enrol: create a registration with the intermediate session, confirm with a code.
    let created = env
        .client
        .send(totps::Create::new(&org_id, &member_id).intermediate_session_token(ist.clone()))
        .await
        .unwrap();
    let secret = created.secret.expose_secret().clone();
    assert_eq!(secret.len(), 32);
    assert_eq!(created.recovery_codes.len(), 10);
    assert!(created.qr_code.expose_secret().starts_with("data:image/"));
    let auth = |code: String| totps::Authenticate::new(&org_id, &member_id, code);
    let code = totp_code(&env, &secret);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    expect_api_error(
        env.client
            .send(auth(wrong.to_owned()).intermediate_session_token(ist.clone()))
            .await,
        401,
        "unable_to_authenticate_totp",
    );
    let done = env
        .client
        .send(auth(code.clone()).intermediate_session_token(ist))
        .await
        .unwrap();
    let session = done.member_session.unwrap();
    assert_eq!(
        factor_names(&session.authentication_factors),
        ["password/knowledge", "totp/authenticator_app"]
    );
    assert_eq!(
        done.member.totp_registration_id.as_str(),
        created.totp_registration_id.as_str()
    );
    assert_eq!(done.member.default_mfa_method, "totp");
    // A code is good once, even as a step-up on the new session.
    expect_api_error(
        env.client
            .send(auth(code).session_token(done.session_token.clone()))
            .await,
        401,
        "totp_code_already_authenticated",
    );
    expect_api_error(
        env.client
            .send(totps::Create::new(&org_id, &member_id).session_token(done.session_token))
            .await,
        400,
        "active_totp_exists",
    );

    // The next login offers TOTP; thirty seconds later a new code completes it.
    let login = env.login(&org_id, &address, STRONG).await;
    let options = login.mfa_required.unwrap().member_options.unwrap();
    assert_eq!(
        options.totp_registration_id.as_str(),
        created.totp_registration_id.as_str()
    );
    env.emu.clock().advance(Duration::from_secs(30));
    env.client
        .send(auth(totp_code(&env, &secret)).intermediate_session_token(login.intermediate_session_token))
        .await
        .unwrap();

    // Lost the phone: a recovery code completes MFA instead, once.
    let codes = env
        .client
        .send(recovery_codes::Get::new(&org_id, &member_id))
        .await
        .unwrap()
        .recovery_codes;
    assert_eq!(codes.len(), 10);
    let login = env.login(&org_id, &address, STRONG).await;
    let ist = login.intermediate_session_token;
    let recover = |code: &str| recovery_codes::Recover::new(&org_id, &member_id, code.to_owned());
    let first = codes[0].expose_secret();
    expect_api_error(
        env.client
            .send(recover("123456").intermediate_session_token(ist.clone()))
            .await,
        400,
        "totp_code_used_as_recovery_code",
    );
    let recovered = env
        .client
        .send(recover(first).intermediate_session_token(ist.clone()))
        .await
        .unwrap();
    assert_eq!(recovered.recovery_codes_remaining, 9);
    assert_eq!(
        factor_names(&recovered.member_session.unwrap().authentication_factors),
        ["password/knowledge", "recovery_codes/recovery_code"]
    );
    let login = env.login(&org_id, &address, STRONG).await;
    let ist = login.intermediate_session_token;
    expect_api_error(
        env.client
            .send(recover(first).intermediate_session_token(ist.clone()))
            .await,
        401,
        "unable_to_authenticate_recovery_code",
    );

    // Rotating replaces the whole set.
    let rotated = env
        .client
        .send(recovery_codes::Rotate::new(&org_id, &member_id))
        .await
        .unwrap();
    assert_eq!(rotated.recovery_codes.len(), 10);
    let second = codes[1].expose_secret();
    expect_api_error(
        env.client
            .send(recover(second).intermediate_session_token(ist.clone()))
            .await,
        401,
        "unable_to_authenticate_recovery_code",
    );
    let fresh = rotated.recovery_codes[0].expose_secret();
    env.client
        .send(recover(fresh).intermediate_session_token(ist))
        .await
        .unwrap();
}

#[tokio::test]
async fn magic_link_login_with_required_mfa_is_completed_by_sms() {
    let env = Env::start().await;
    let org = mfa_org(&env).await;
    let address = email("ml-mfa");
    let phone = "+12025550188";
    env.client
        .send(members::Create::new(&org.organization_id, &address).mfa_phone_number(phone))
        .await
        .unwrap();
    env.client
        .send(magic_links::email::LoginOrSignup::new(
            &org.organization_id,
            &address,
        ))
        .await
        .unwrap();
    let login = env
        .client
        .send(magic_links::Authenticate::new(env.emailed_token(&address)))
        .await
        .unwrap();
    assert!(!login.member_authenticated);
    assert!(login.session_token.expose_secret().is_empty());
    assert_eq!(
        login.mfa_required.unwrap().secondary_auth_initiated.as_deref(),
        Some("sms_otp")
    );
    let code = env.emu.last_sms_to(phone).unwrap().token.unwrap();
    let done = env
        .client
        .send(
            otps::sms::Authenticate::new(&org.organization_id, &login.member_id, code)
                .intermediate_session_token(login.intermediate_session_token),
        )
        .await
        .unwrap();
    assert_eq!(
        factor_names(&done.member_session.unwrap().authentication_factors),
        ["magic_link/email", "otp/sms"]
    );
}

#[tokio::test]
async fn totp_migrate_imports_a_secret_and_optional_mfa_enrolment() {
    let env = Env::start().await;
    let org = env.org().await;
    let address = email("migrate");
    let login = env
        .member_with_password(&org.organization_id, &address, STRONG)
        .await;
    assert!(login.member_authenticated, "MFA is optional here");
    let secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    let migrated = env
        .client
        .send(totps::Migrate::new(
            &org.organization_id,
            &login.member_id,
            secret,
            vec!["abcd-efgh-2345".into()],
        ))
        .await
        .unwrap();
    assert_eq!(migrated.recovery_codes.len(), 1);
    // A step-up on the session with the imported secret, enrolling the member in MFA.
    let stepped = env
        .client
        .send(
            totps::Authenticate::new(&org.organization_id, &login.member_id, totp_code(&env, secret))
                .session_token(login.session_token)
                .set_mfa_enrollment(stytch_client::b2b::models::SetMfaEnrollment::Enroll),
        )
        .await
        .unwrap();
    assert!(stepped.member.mfa_enrolled);
    assert_eq!(
        factor_names(&stepped.member_session.unwrap().authentication_factors),
        ["password/knowledge", "totp/authenticator_app"]
    );
    // Enrolled: the next password login asks for the second factor.
    let next = env.login(&org.organization_id, &address, STRONG).await;
    assert!(!next.member_authenticated);
    assert!(next.mfa_required.is_some());
}

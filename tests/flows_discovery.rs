//! Cross-organization passwords and discovery through the typed catalog: discovery
//! authenticate, discovery email reset start / reset, discovered organizations, organizations
//! list and create, and intermediate session exchange, with their errors.

mod common;

use common::*;
use std::time::Duration;
use stytch_client::b2b::discovery::{intermediate_sessions, organizations as discovery_orgs};
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::models::{DiscoveredOrganization, HashType};
use stytch_client::b2b::organizations::{self, members};
use stytch_client::b2b::{passwords, sessions};

/// Three organizations for one email: a member of `a` (with the password), a member of `b`,
/// and `c` which the email's domain may join.
struct World {
    env: Env,
    email: String,
    a: OrganizationId,
    b: OrganizationId,
    c: OrganizationId,
    member_a: passwords::email::ResetResponse,
}

async fn world() -> World {
    let env = Env::cross_org().await;
    let a = env.org().await.organization_id;
    let b = env.org().await.organization_id;
    let c = env
        .org_with(
            organizations::Create::new("Joinable Inc.")
                .email_jit_provisioning("RESTRICTED")
                .email_allowed_domains(vec!["example.com".to_owned()]),
        )
        .await
        .organization_id;
    // Someone with a verified email on the domain vouches for it (anti-phishing rule).
    env.client
        .send(passwords::Migrate::new(
            &c,
            email("voucher"),
            LEGACY_BCRYPT_HASH,
            HashType::Bcrypt,
        ))
        .await
        .unwrap();
    let address = email("discoverer");
    let member_a = env.member_with_password(&a, &address, STRONG).await;
    env.client
        .send(members::Create::new(&b, address.as_str()))
        .await
        .unwrap();
    World {
        env,
        email: address,
        a,
        b,
        c,
        member_a,
    }
}

/// (organization id, membership type, member_authenticated) of each discovered organization.
fn summary(found: &[DiscoveredOrganization]) -> Vec<(OrganizationId, String, bool)> {
    found
        .iter()
        .map(|d| {
            (
                d.organization
                    .as_ref()
                    .expect("organization")
                    .organization_id
                    .clone(),
                d.membership.as_ref().expect("membership").kind.clone(),
                d.member_authenticated,
            )
        })
        .collect()
}

#[tokio::test]
async fn discovery_authenticate_lists_every_reachable_organization() {
    let w = world().await;
    let found = w
        .env
        .client
        .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG))
        .await
        .unwrap();
    assert_eq!(found.email_address, w.email);
    assert!(!found.intermediate_session_token.expose_secret().is_empty());
    let expires = found.intermediate_session_token_expires_at.expect("IST expiry");
    let now = w.env.emu.clock().now();
    assert!(expires > now && (expires - now).num_minutes() <= 10);
    assert_eq!(
        summary(&found.discovered_organizations),
        [
            (w.a.clone(), "active_member".into(), true),
            (w.b.clone(), "active_member".into(), true),
            (w.c.clone(), "eligible_to_join_by_email_domain".into(), false),
        ]
    );
    let a = &found.discovered_organizations[0];
    let member = a
        .membership
        .as_ref()
        .and_then(|m| m.member.as_ref())
        .expect("the membership's member");
    assert_eq!(member.member_id, w.member_a.member_id);
    assert!(a.mfa_required.is_none() && a.primary_required.is_none());
    let c = &found.discovered_organizations[2];
    let details = c
        .membership
        .as_ref()
        .and_then(|m| m.details.as_ref())
        .expect("details");
    assert_eq!(details.get("domain"), Some(&serde_json::json!("example.com")));

    // Listing with the IST gives the same organizations and does not consume it.
    for _ in 0..2 {
        let listed = w
            .env
            .client
            .send(
                discovery_orgs::List::new()
                    .intermediate_session_token(found.intermediate_session_token.clone()),
            )
            .await
            .unwrap();
        assert_eq!(listed.email_address, w.email);
        assert_eq!(
            listed.organization_id_hint, None,
            "a discovery IST is bound to no organization"
        );
        assert_eq!(
            summary(&listed.discovered_organizations),
            summary(&found.discovered_organizations)
        );
    }

    // With a session, only actual memberships are listed.
    let listed = w
        .env
        .client
        .send(discovery_orgs::List::new().session_token(w.member_a.session_token.clone()))
        .await
        .unwrap();
    let ids: Vec<_> = summary(&listed.discovered_organizations)
        .into_iter()
        .map(|(id, _, _)| id)
        .collect();
    assert_eq!(ids, [w.a.clone(), w.b.clone()]);
}

#[tokio::test]
async fn exchange_the_intermediate_session_into_an_organization() {
    let w = world().await;
    let found = w
        .env
        .client
        .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG))
        .await
        .unwrap();
    let exchanged = w
        .env
        .client
        .send(
            intermediate_sessions::Exchange::new(&w.b, found.intermediate_session_token.clone())
                .session_duration_minutes(90),
        )
        .await
        .unwrap();
    assert!(exchanged.member_authenticated);
    assert_eq!(exchanged.organization.organization_id, w.b);
    assert_eq!(exchanged.member.email_address, w.email);
    assert!(exchanged.mfa_required.is_none() && exchanged.primary_required.is_none());
    assert!(exchanged.intermediate_session_token.expose_secret().is_empty());
    let session = exchanged.member_session.expect("a session");
    assert_eq!(session.organization_id, w.b);
    assert_eq!(session.member_id, exchanged.member_id);
    assert_eq!((session.expires_at - session.started_at).num_minutes(), 90);
    w.env
        .client
        .send(sessions::Authenticate::new().session_jwt(exchanged.session_jwt))
        .await
        .unwrap();

    // The IST was consumed.
    expect_api_error(
        w.env
            .client
            .send(intermediate_sessions::Exchange::new(
                &w.a,
                found.intermediate_session_token,
            ))
            .await,
        404,
        "intermediate_session_not_found",
    );

    // Joining by email domain provisions a member.
    let again = w
        .env
        .client
        .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG))
        .await
        .unwrap();
    let joined = w
        .env
        .client
        .send(intermediate_sessions::Exchange::new(
            &w.c,
            again.intermediate_session_token,
        ))
        .await
        .unwrap();
    assert!(joined.member_authenticated);
    assert_eq!(joined.organization.organization_id, w.c);
    assert!(joined.member_id.starts_with("member-test-"));
    assert_eq!(joined.member.status, "active");
}

#[tokio::test]
async fn create_an_organization_from_discovery() {
    let w = world().await;
    let found = w
        .env
        .client
        .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG))
        .await
        .unwrap();
    let slug = unique("discovered");
    let created = w
        .env
        .client
        .send(
            discovery_orgs::Create::new(found.intermediate_session_token.clone())
                .organization_name("Discovered Ltd.")
                .organization_slug(&slug)
                .session_duration_minutes(30),
        )
        .await
        .unwrap();
    assert!(created.member_authenticated);
    assert_eq!(created.organization.organization_name, "Discovered Ltd.");
    assert_eq!(created.organization.organization_slug, slug);
    assert_eq!(created.member.email_address, w.email);
    assert!(created.member.is_admin);
    assert!(created.member.roles.iter().any(|r| r.role_id == "stytch_admin"));
    let session = created.member_session.expect("a session");
    assert_eq!(session.organization_id, created.organization.organization_id);
    assert!(!created.session_token.expose_secret().is_empty());

    let fetched = w
        .env
        .client
        .send(organizations::Get::new(&created.organization.organization_id))
        .await
        .unwrap();
    assert_eq!(fetched.organization, created.organization);
    // The IST was consumed.
    expect_api_error(
        w.env
            .client
            .send(discovery_orgs::Create::new(found.intermediate_session_token).organization_name("Twice"))
            .await,
        404,
        "intermediate_session_not_found",
    );
}

#[tokio::test]
async fn discovery_email_reset_with_pkce() {
    let w = world().await;
    let started = w
        .env
        .client
        .send(
            passwords::discovery::email::ResetStart::new(w.email.as_str())
                .pkce_code_challenge(PKCE_CHALLENGE)
                .discovery_redirect_url("https://app.example/discovery"),
        )
        .await
        .unwrap();
    assert_eq!(started.status_code, 200);
    let token = w.env.emailed_token(&w.email);
    expect_api_error(
        w.env
            .client
            .send(
                passwords::discovery::email::Reset::new(&token, STRONG2).pkce_code_verifier("wrong-verifier"),
            )
            .await,
        400,
        "pkce_mismatch",
    );
    expect_api_error(
        w.env
            .client
            .send(passwords::discovery::email::Reset::new(&token, WEAK).pkce_code_verifier(PKCE_VERIFIER))
            .await,
        400,
        "weak_password",
    );
    let reset = w
        .env
        .client
        .send(passwords::discovery::email::Reset::new(&token, STRONG2).pkce_code_verifier(PKCE_VERIFIER))
        .await
        .unwrap();
    assert_eq!(reset.email_address, w.email);
    assert!(!reset.intermediate_session_token.expose_secret().is_empty());
    assert!(reset.intermediate_session_token_expires_at.is_some());
    assert_eq!(reset.discovered_organizations.len(), 3);

    // The new password works everywhere; the old one and the old sessions are gone.
    w.env
        .client
        .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG2))
        .await
        .unwrap();
    w.env.login(&w.b, &w.email, STRONG2).await;
    expect_api_error(
        w.env
            .client
            .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG))
            .await,
        401,
        "unauthorized_credentials",
    );
    expect_api_error(
        w.env
            .client
            .send(sessions::Authenticate::new().session_token(w.member_a.session_token.clone()))
            .await,
        404,
        "session_not_found",
    );
    // Single use.
    expect_api_error(
        w.env
            .client
            .send(passwords::discovery::email::Reset::new(&token, STRONG3).pkce_code_verifier(PKCE_VERIFIER))
            .await,
        401,
        "unable_to_auth_password_reset_token",
    );
}

#[tokio::test]
async fn discovery_reset_start_for_an_unknown_email_sends_nothing() {
    let env = Env::cross_org().await;
    let nobody = email("nobody");
    env.client
        .send(passwords::discovery::email::ResetStart::new(nobody.as_str()))
        .await
        .unwrap();
    assert!(env.emu.last_email_to(&nobody).is_none());
}

#[tokio::test]
async fn discovery_errors() {
    let w = world().await;
    let client = &w.env.client;
    expect_api_error(
        client
            .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG2))
            .await,
        401,
        "unauthorized_credentials",
    );
    let found = client
        .send(passwords::discovery::Authenticate::new(w.email.as_str(), STRONG))
        .await
        .unwrap();
    expect_api_error(
        client
            .send(
                discovery_orgs::List::new()
                    .intermediate_session_token(found.intermediate_session_token.clone())
                    .session_token(w.member_a.session_token.clone()),
            )
            .await,
        400,
        "too_many_session_arguments",
    );
    expect_api_error(
        client.send(discovery_orgs::List::new()).await,
        400,
        "no_session_arguments",
    );
    expect_api_error(
        client
            .send(discovery_orgs::List::new().intermediate_session_token("not a token!"))
            .await,
        400,
        "invalid_session_token",
    );
    expect_api_error(
        client
            .send(intermediate_sessions::Exchange::new(
                OrganizationId::new("organization-test-00000000-0000-4000-8000-000000000000"),
                found.intermediate_session_token.clone(),
            ))
            .await,
        404,
        "organization_not_found",
    );
    expect_api_error(
        client
            .send(
                intermediate_sessions::Exchange::new(&w.a, found.intermediate_session_token.clone())
                    .session_duration_minutes(527_041),
            )
            .await,
        400,
        "invalid_session_duration_minutes",
    );
    // Intermediate sessions last ten minutes.
    w.env.emu.clock().advance(Duration::from_secs(10 * 60 + 1));
    expect_api_error(
        client
            .send(
                discovery_orgs::List::new()
                    .intermediate_session_token(found.intermediate_session_token.clone()),
            )
            .await,
        404,
        "intermediate_session_not_found",
    );
    expect_api_error(
        client
            .send(intermediate_sessions::Exchange::new(
                &w.a,
                found.intermediate_session_token,
            ))
            .await,
        404,
        "intermediate_session_not_found",
    );
}

#[tokio::test]
async fn cross_org_endpoints_need_cross_org_passwords() {
    let env = Env::start().await;
    let address = email("no-cross-org");
    expect_api_error(
        env.client
            .send(passwords::discovery::Authenticate::new(address.as_str(), STRONG))
            .await,
        400,
        "cross_org_passwords_not_enabled",
    );
    expect_api_error(
        env.client
            .send(passwords::discovery::email::ResetStart::new(address.as_str()))
            .await,
        400,
        "cross_org_passwords_not_enabled",
    );
    expect_api_error(
        env.client
            .send(passwords::discovery::email::Reset::new("token", STRONG))
            .await,
        400,
        "cross_org_passwords_not_enabled",
    );
    expect_api_error(
        env.client
            .send(passwords::email::RequireReset::new(address.as_str()))
            .await,
        400,
        "cross_org_passwords_not_enabled",
    );
}

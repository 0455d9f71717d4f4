//! The registry of catalog endpoints: one row per endpoint. Adding an endpoint is one row here
//! plus its fixture `tests/catalog/<module path>/<type_name_in_snake_case>.json`.
//!
//! A row is the endpoint's path under `stytch_client::b2b`, the arguments of `new` (required
//! fields only), then every setter with a value (the all-options request), then optionally the
//! response's `Secret` fields to check decode unaltered, and `;`:
//!
//! ```text
//! passwords::Authenticate(org(), "ada@acme.com", "password-SECRET-v1")
//!     .session_duration_minutes(60)
//!     .telemetry_id("telemetry-id-value")
//!     => secrets(session_token, session_jwt);
//! ```
//!
//! Secret values carry `SECRET` (the runner checks that no `Debug` shows it), ids are the
//! fixtures' ids ([`org`], [`member`], [`member_session`]).

use super::{Case, build, decode_both, object};
use serde_json::json;
use stytch_client::Secret;
use stytch_client::b2b::models::{
    Argon2Config, AuthorizationCheck, ConnectedAppId, ConnectedAppsAllowedType, EmailImplicitRoleAssignment,
    ExchangeLocale, HashType, Md5Config, MemberId, MemberSessionId, OrganizationId, PasswordsLocale,
    Pbkdf2Config, ScryptConfig, Sha1Config, Sha512Config,
};
use stytch_client::b2b::models::{
    CertificateId, ConnectionId, ConnectionImplicitRoleAssignment, EmailId, GroupImplicitRoleAssignment,
    MemberFilter, MemberPasswordId, MemberSearchQuery, MemberStatus, MfaMethod, OrgPolicy,
    OrganizationFilter, OrganizationSearchQuery, PolicyRole, PolicyRolePermission, PrivateKeyId,
    SamlConnectionImplicitRoleAssignment, SamlGroupImplicitRoleAssignment, ScimGroupId,
    ScimGroupImplicitRoleAssignment, ScimIdentityProvider, SetMfaEnrollment, SsoIdentityProvider,
    StartEmailUpdateDeliveryMethod,
};
use stytch_client::b2b::models::{IdpPrompt, IdpResponseType, TokenTypeHint};
use stytch_client::b2b::{discovery, organizations, passwords, sessions};
use stytch_client::b2b::{
    idp, impersonation, magic_links, oauth, otps, rbac, recovery_codes, scim, sso, totps,
};
use stytch_client::{Authorization, Endpoint};

/// The organization id the request fixtures use.
pub fn org() -> OrganizationId {
    OrganizationId::new("organization-test-07971b06")
}

/// The member id the request fixtures use.
pub fn member() -> MemberId {
    MemberId::new("member-test-32fc5024")
}

/// The member session id the request fixtures use.
pub fn member_session() -> MemberSessionId {
    MemberSessionId::new("member-session-test-e1ac0a43")
}

/// The `Authorization` header option every endpoint that takes one is tested with.
pub fn member_auth() -> Authorization {
    Authorization::session_token("mst-SECRET-auth").with_session_jwt("jwt-SECRET-auth")
}

/// Custom claims with an explicit `null` (which deletes that claim).
pub fn claims() -> stytch_client::b2b::models::JsonObject {
    object(json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}))
}

macro_rules! catalog {
    (@all [] $build:expr) => { None };
    (@all [$($setter:ident)+] $build:expr) => { Some($build) };
    ($(
        $($seg:ident)::+ ( $($arg:expr),* $(,)? )
            $( . $setter:ident ( $($value:expr),* $(,)? ) )*
            $( => secrets( $($secret:ident),+ $(,)? ) )?
        ;
    )*) => {
        /// Every catalog endpoint.
        pub static CASES: &[Case] = &[$(
            Case {
                rust_path: concat!("b2b" $(, "::", stringify!($seg))+),
                method: <$($seg)::+ as Endpoint>::METHOD,
                template: <$($seg)::+ as Endpoint>::PATH_TEMPLATE,
                response_type: || std::any::type_name::<<$($seg)::+ as Endpoint>::Response>(),
                required: || build($($seg)::+::new($($arg),*)),
                all_options: catalog!(@all [$($setter)*] || build($($seg)::+::new($($arg),*) $(.$setter($($value),*))*)),
                decode: decode_both::<<$($seg)::+ as Endpoint>::Response>,
                secrets: |_bytes| {
                    #[allow(dead_code)]
                    type Response = <$($seg)::+ as Endpoint>::Response;
                    #[allow(unused_mut)]
                    let mut exposed = Vec::new();
                    $(
                        let response: Response = serde_json::from_slice(_bytes).expect("decodes");
                        $( exposed.push((stringify!($secret), response.$secret.expose_secret().clone())); )+
                    )?
                    exposed
                },
            },
        )*];
    };
}

catalog! {
    passwords::StrengthCheck("password-SECRET-v1")
        .email_address("ada@acme.com");
    passwords::Migrate(org(), "ada@acme.com", "hash-SECRET-v1", HashType::Argon2id)
        .md_5_config(Md5Config::new("pre-md_5_config", ""))
        .argon_2_config(Argon2Config::new("73616c74", 3, 65536, 4, 32))
        .sha_1_config(Sha1Config::new("pre-sha_1_config", ""))
        .sha_512_config(Sha512Config::new("pre-sha_512_config", ""))
        .scrypt_config(ScryptConfig::new("c2FsdA==", 32768, 8, 1, 32))
        .pbkdf_2_config(Pbkdf2Config::new("c2FsdA==", 100000, 32, "sha256"))
        .name("name-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .untrusted_metadata(object(json!({"untrusted_metadata": {"plan": "pro"}})))
        .roles(vec!["roles-1".to_owned()])
        .preserve_existing_sessions(true)
        .mfa_phone_number("mfa-phone-number-value")
        .set_phone_number_verified(true)
        .external_id("external-id-value");
    passwords::Authenticate(org(), "ada@acme.com", "password-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .session_custom_claims(claims())
        .locale(PasswordsLocale::PtBr)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    passwords::email::ResetStart(org(), "ada@acme.com")
        .reset_password_redirect_url("reset-password-redirect-url-value")
        .reset_password_expiration_minutes(45)
        .code_challenge("code-challenge-value")
        .login_redirect_url("login-redirect-url-value")
        .locale(PasswordsLocale::PtBr)
        .reset_password_template_id("reset-password-template-id-value")
        .verify_email_template_id("verify-email-template-id-value");
    passwords::email::Reset("password-reset-token-SECRET-v1", "password-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .code_verifier("code-verifier-SECRET-v1")
        .session_custom_claims(claims())
        .locale(PasswordsLocale::PtBr)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    passwords::email::RequireReset("ada@acme.com")
        .organization_id(org())
        .member_id(member())
        .authorization(member_auth());
    passwords::sessions::Reset(org(), "password-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .locale(PasswordsLocale::PtBr)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    passwords::existing_password::Reset(
        org(),
        "ada@acme.com",
        "existing-password-SECRET-v1",
        "new-password-SECRET-v1",
    )
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .session_custom_claims(claims())
        .locale(PasswordsLocale::PtBr)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    passwords::discovery::Authenticate("ada@acme.com", "password-SECRET-v1")
        => secrets(intermediate_session_token);
    passwords::discovery::email::ResetStart("ada@acme.com")
        .reset_password_redirect_url("reset-password-redirect-url-value")
        .discovery_redirect_url("discovery-redirect-url-value")
        .reset_password_template_id("reset-password-template-id-value")
        .reset_password_expiration_minutes(45)
        .pkce_code_challenge("pkce-code-challenge-value")
        .locale(PasswordsLocale::from_wire("it"))
        .verify_email_template_id("verify-email-template-id-value");
    passwords::discovery::email::Reset("password-reset-token-SECRET-v1", "password-SECRET-v1")
        .pkce_code_verifier("pkce-code-verifier-SECRET-v1")
        => secrets(intermediate_session_token);

    organizations::Create("Acme Inc.")
        .organization_slug("acme")
        .organization_logo_url("organization-logo-url-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .organization_external_id("organization-external-id-value")
        .sso_jit_provisioning("sso-jit-provisioning-value")
        .email_allowed_domains(vec!["email-allowed-domains-1".to_owned()])
        .email_jit_provisioning("email-jit-provisioning-value")
        .email_invites("email-invites-value")
        .auth_methods("auth-methods-value")
        .allowed_auth_methods(vec!["allowed-auth-methods-1".to_owned()])
        .mfa_policy("mfa-policy-value")
        .rbac_email_implicit_role_assignments(vec![EmailImplicitRoleAssignment::new("acme.com", "stytch_admin")])
        .mfa_methods("mfa-methods-value")
        .allowed_mfa_methods(vec!["allowed-mfa-methods-1".to_owned()])
        .oauth_tenant_jit_provisioning("oauth-tenant-jit-provisioning-value")
        .allowed_oauth_tenants(object(json!({"allowed_oauth_tenants": {"plan": "pro"}})))
        .claimed_email_domains(vec!["claimed-email-domains-1".to_owned()])
        .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_first_party_connected_apps(vec![ConnectedAppId::new("allowed-first-party-connected-apps-1")])
        .third_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_third_party_connected_apps(vec![ConnectedAppId::new("allowed-third-party-connected-apps-1")]);
    organizations::Get(org());
    organizations::members::Create(org(), "ada@acme.com")
        .name("name-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .untrusted_metadata(object(json!({"untrusted_metadata": {"plan": "pro"}})))
        .create_member_as_pending(true)
        .is_breakglass(true)
        .mfa_phone_number("mfa-phone-number-value")
        .mfa_enrolled(true)
        .roles(vec!["roles-1".to_owned()])
        .external_id("external-id-value")
        .authorization(member_auth());
    organizations::members::Get(org())
        .member_id(member())
        .email_address("ada@acme.com");

    sessions::Get(org(), member());
    sessions::Authenticate()
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .session_custom_claims(claims())
        .authorization_check(AuthorizationCheck::new(org(), "documents", "read"))
        => secrets(session_token, session_jwt);
    sessions::Revoke()
        .member_session_id(member_session())
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .member_id(member())
        .authorization(member_auth());
    sessions::Exchange(org())
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .locale(ExchangeLocale::ZhHans)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    sessions::ExchangeAccessToken("access-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt);
    sessions::Attest("token-profile-test-1", "token-SECRET-v1")
        .organization_id(org())
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt);
    sessions::Migrate(org(), "session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        => secrets(session_token, session_jwt);
    sessions::GetJwks("project-test-00000000-0000-0000-0000-000000000000");

    discovery::intermediate_sessions::Exchange(org(), "intermediate-session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .locale(ExchangeLocale::ZhHans)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    discovery::organizations::List()
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1");
    discovery::organizations::Create("intermediate-session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .organization_name("Acme Inc.")
        .organization_slug("acme")
        .organization_external_id("organization-external-id-value")
        .organization_logo_url("organization-logo-url-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .sso_jit_provisioning("sso-jit-provisioning-value")
        .email_allowed_domains(vec!["email-allowed-domains-1".to_owned()])
        .email_jit_provisioning("email-jit-provisioning-value")
        .email_invites("email-invites-value")
        .auth_methods("auth-methods-value")
        .allowed_auth_methods(vec!["allowed-auth-methods-1".to_owned()])
        .mfa_policy("mfa-policy-value")
        .rbac_email_implicit_role_assignments(vec![EmailImplicitRoleAssignment::new("acme.com", "stytch_admin")])
        .mfa_methods("mfa-methods-value")
        .allowed_mfa_methods(vec!["allowed-mfa-methods-1".to_owned()])
        .oauth_tenant_jit_provisioning("oauth-tenant-jit-provisioning-value")
        .allowed_oauth_tenants(object(json!({"allowed_oauth_tenants": {"plan": "pro"}})))
        .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_first_party_connected_apps(vec![ConnectedAppId::new("allowed-first-party-connected-apps-1")])
        .third_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_third_party_connected_apps(vec![ConnectedAppId::new("allowed-third-party-connected-apps-1")])
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    organizations::Update(org())
        .organization_name("Acme Inc.")
        .organization_slug("acme")
        .organization_logo_url("organization-logo-url-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .organization_external_id("organization-external-id-value")
        .sso_default_connection_id(ConnectionId::new("saml-connection-test-1"))
        .sso_jit_provisioning("sso-jit-provisioning-value")
        .sso_jit_provisioning_allowed_connections(vec![ConnectionId::new("saml-connection-test-1")])
        .email_allowed_domains(vec!["email-allowed-domains-1".to_owned()])
        .email_jit_provisioning("email-jit-provisioning-value")
        .email_invites("email-invites-value")
        .auth_methods("auth-methods-value")
        .allowed_auth_methods(vec!["allowed-auth-methods-1".to_owned()])
        .mfa_policy("mfa-policy-value")
        .rbac_email_implicit_role_assignments(vec![EmailImplicitRoleAssignment::new("acme.com", "stytch_admin")])
        .mfa_methods("mfa-methods-value")
        .allowed_mfa_methods(vec!["allowed-mfa-methods-1".to_owned()])
        .oauth_tenant_jit_provisioning("oauth-tenant-jit-provisioning-value")
        .allowed_oauth_tenants(object(json!({"allowed_oauth_tenants": {"plan": "pro"}})))
        .claimed_email_domains(vec!["claimed-email-domains-1".to_owned()])
        .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_first_party_connected_apps(vec![ConnectedAppId::new("allowed-first-party-connected-apps-1")])
        .third_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_third_party_connected_apps(vec![ConnectedAppId::new("allowed-third-party-connected-apps-1")])
        .authorization(member_auth());
    organizations::Delete(org())
        .authorization(member_auth());
    organizations::Search()
        .cursor("cursor-value")
        .limit(50)
        .query(OrganizationSearchQuery::and([
            OrganizationFilter::organization_ids([org()]),
            OrganizationFilter::organization_slugs(["acme", "globex"]),
            OrganizationFilter::organization_name_fuzzy("acm"),
            OrganizationFilter::has_active_sso_connection(true),
            OrganizationFilter::sso_connection_id(ConnectionId::new("saml-connection-test-1")),
            OrganizationFilter::custom("future_filter", json!({"any": ["json"]})),
        ]));
    organizations::Metrics(org());
    organizations::ConnectedApps(org())
        .authorization(member_auth());
    organizations::GetConnectedApp(org(), ConnectedAppId::new("connected-app-test-9d2e41c7"))
        .authorization(member_auth());
    organizations::DeleteExternalId(org())
        .authorization(member_auth());
    organizations::members::Update(org(), member())
        .name("name-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .untrusted_metadata(object(json!({"untrusted_metadata": {"plan": "pro"}})))
        .is_breakglass(true)
        .mfa_phone_number("mfa-phone-number-value")
        .mfa_enrolled(true)
        .roles(vec!["roles-1".to_owned()])
        .preserve_existing_sessions(true)
        .default_mfa_method(MfaMethod::Totp)
        .email_address("ada@acme.com")
        .external_id("external-id-value")
        .unlink_email(true)
        .authorization(member_auth());
    organizations::members::Delete(org(), member())
        .authorization(member_auth());
    organizations::members::Reactivate(org(), member())
        .authorization(member_auth());
    organizations::members::DeleteMfaPhoneNumber(org(), member())
        .authorization(member_auth());
    organizations::members::DeleteTotp(org(), member())
        .authorization(member_auth());
    organizations::members::Search(vec![org()])
        .cursor("cursor-value")
        .limit(50)
        .query(MemberSearchQuery::and([
            MemberFilter::member_ids([member()]),
            MemberFilter::member_email_fuzzy("acme.com"),
            MemberFilter::statuses([MemberStatus::Active, MemberStatus::Invited]),
            MemberFilter::member_is_breakglass(false),
            MemberFilter::custom("totp_exists", json!(true)),
        ]))
        .authorization(member_auth());
    organizations::members::DeletePassword(org(), MemberPasswordId::new("member-password-test-5a8d2f1e"))
        .authorization(member_auth());
    organizations::members::DangerouslyGet(member())
        .include_deleted(true);
    organizations::members::OidcProviders(org(), member())
        .include_refresh_token(true);
    organizations::members::UnlinkRetiredEmail(org(), member())
        .email_id(EmailId::new("member-email-test-9f8e7d6c"))
        .email_address("ada@acme.com")
        .authorization(member_auth());
    organizations::members::StartEmailUpdate(org(), member(), "ada@acme.com")
        .login_redirect_url("login-redirect-url-value")
        .locale(PasswordsLocale::PtBr)
        .login_template_id("login-template-id-value")
        .delivery_method(StartEmailUpdateDeliveryMethod::EmailOtp)
        .authorization(member_auth());
    organizations::members::GetConnectedApps(org(), member())
        .authorization(member_auth());
    organizations::members::DeleteExternalId(org(), member())
        .authorization(member_auth());
    organizations::members::oauth_providers::Google(org(), member())
        .include_refresh_token(true)
        => secrets(id_token);
    organizations::members::oauth_providers::Microsoft(org(), member())
        .include_refresh_token(true)
        => secrets(access_token, id_token);
    organizations::members::oauth_providers::Slack(org(), member());
    organizations::members::oauth_providers::Hubspot(org(), member())
        .include_refresh_token(true);
    organizations::members::oauth_providers::Github(org(), member())
        .include_refresh_token(true);
    organizations::members::connected_apps::Revoke(org(), member(), ConnectedAppId::new("connected-app-test-9d2e41c7"))
        .authorization(member_auth());
    magic_links::Authenticate("magic-links-token-SECRET-v1")
        .pkce_code_verifier("pkce-code-verifier-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .locale(PasswordsLocale::PtBr)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    magic_links::email::LoginOrSignup(org(), "ada@acme.com")
        .login_redirect_url("login-redirect-url-value")
        .signup_redirect_url("signup-redirect-url-value")
        .pkce_code_challenge("pkce-code-challenge-value")
        .login_template_id("login-template-id-value")
        .signup_template_id("signup-template-id-value")
        .locale(PasswordsLocale::PtBr)
        .login_expiration_minutes(45)
        .signup_expiration_minutes(90);
    magic_links::email::Invite(org(), "ada@acme.com")
        .invite_redirect_url("invite-redirect-url-value")
        .invited_by_member_id(member())
        .name("name-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .untrusted_metadata(object(json!({"untrusted_metadata": {"plan": "pro"}})))
        .invite_template_id("invite-template-id-value")
        .locale(PasswordsLocale::Fr)
        .roles(vec!["roles-1".to_owned()])
        .invite_expiration_minutes(10080)
        .authorization(member_auth());
    magic_links::email::discovery::Send("ada@acme.com")
        .discovery_redirect_url("discovery-redirect-url-value")
        .pkce_code_challenge("pkce-code-challenge-value")
        .login_template_id("login-template-id-value")
        .locale(PasswordsLocale::Es)
        .discovery_expiration_minutes(45);
    magic_links::discovery::Authenticate("discovery-magic-links-token-SECRET-v1")
        .pkce_code_verifier("pkce-code-verifier-SECRET-v1")
        => secrets(intermediate_session_token);

    otps::sms::Send(org(), member())
        .mfa_phone_number("+12025550123")
        .locale(ExchangeLocale::DeDe)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1");
    otps::sms::Authenticate(org(), member(), "code-SECRET-v1")
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .set_mfa_enrollment(SetMfaEnrollment::Enroll)
        .set_default_mfa(true)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt);
    otps::email::LoginOrSignup(org(), "ada@acme.com")
        .login_template_id("login-template-id-value")
        .signup_template_id("signup-template-id-value")
        .locale(PasswordsLocale::PtBr)
        .login_expiration_minutes(5)
        .signup_expiration_minutes(15);
    otps::email::Authenticate(org(), "ada@acme.com", "code-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .locale(PasswordsLocale::En)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    otps::email::discovery::Send("ada@acme.com")
        .login_template_id("login-template-id-value")
        .locale(PasswordsLocale::Fr)
        .discovery_expiration_minutes(15);
    otps::email::discovery::Authenticate("ada@acme.com", "code-SECRET-v1")
        => secrets(intermediate_session_token);

    totps::Create(org(), member())
        .expiration_minutes(30)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        => secrets(secret, qr_code);
    totps::Authenticate(org(), member(), "code-SECRET-v1")
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .set_mfa_enrollment(SetMfaEnrollment::Unenroll)
        .set_default_mfa(true)
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt);
    totps::Migrate(
        org(),
        member(),
        "totp-secret-SECRET-v1",
        vec![Secret::from("recovery-code-SECRET-1"), Secret::from("recovery-code-SECRET-2")],
    );

    recovery_codes::Recover(org(), member(), "recovery-code-SECRET-v1")
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt);
    recovery_codes::Get(org(), member());
    recovery_codes::Rotate(org(), member());

    impersonation::Authenticate("impersonation-token-SECRET-v1")
        => secrets(session_token, session_jwt, intermediate_session_token);

    oauth::Authenticate("oauth-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .session_custom_claims(claims())
        .pkce_code_verifier("pkce-code-verifier-SECRET-v1")
        .locale(ExchangeLocale::Ja)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    oauth::discovery::Authenticate("discovery-oauth-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .session_custom_claims(claims())
        .pkce_code_verifier("pkce-code-verifier-SECRET-v1")
        => secrets(intermediate_session_token);
    sso::GetConnections(org())
        .authorization(member_auth());
    sso::DeleteConnection(org(), ConnectionId::new("saml-connection-test-51861cbc"))
        .authorization(member_auth());
    sso::Authenticate("sso-token-SECRET-v1")
        .pkce_code_verifier("pkce-code-verifier-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(claims())
        .locale(ExchangeLocale::ZhHans)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .telemetry_id("telemetry-id-value")
        => secrets(session_token, session_jwt, intermediate_session_token);
    sso::oidc::CreateConnection(org())
        .display_name("display-name-value")
        .identity_provider(SsoIdentityProvider::MicrosoftEntra)
        .authorization(member_auth());
    sso::oidc::UpdateConnection(org(), ConnectionId::new("oidc-connection-test-3b3c2a1e"))
        .display_name("display-name-value")
        .client_id("client-id-value")
        .client_secret("client-secret-SECRET-v1")
        .issuer("issuer-value")
        .authorization_url("authorization-url-value")
        .token_url("token-url-value")
        .userinfo_url("userinfo-url-value")
        .jwks_url("jwks-url-value")
        .identity_provider(SsoIdentityProvider::GoogleWorkspace)
        .custom_scopes("custom-scopes-value")
        .attribute_mapping(object(json!({"attribute_mapping": {"plan": "pro"}})))
        .authorization(member_auth());
    sso::saml::CreateConnection(org())
        .display_name("display-name-value")
        .identity_provider(SsoIdentityProvider::Okta)
        .authorization(member_auth());
    sso::saml::UpdateConnection(org(), ConnectionId::new("saml-connection-test-51861cbc"))
        .idp_entity_id("idp-entity-id-value")
        .display_name("display-name-value")
        .attribute_mapping(object(json!({"attribute_mapping": {"plan": "pro"}})))
        .x509_certificate("x509-certificate-value")
        .idp_sso_url("idp-sso-url-value")
        .saml_connection_implicit_role_assignments(vec![SamlConnectionImplicitRoleAssignment::new("stytch_member")])
        .saml_group_implicit_role_assignments(vec![SamlGroupImplicitRoleAssignment::new("stytch_admin", "admins")])
        .alternative_audience_uri("alternative-audience-uri-value")
        .identity_provider(SsoIdentityProvider::Okta)
        .signing_private_key("signing-private-key-SECRET-v1")
        .nameid_format("nameid-format-value")
        .alternative_acs_url("alternative-acs-url-value")
        .idp_initiated_auth_disabled(true)
        .saml_encryption_private_key("saml-encryption-private-key-SECRET-v1")
        .allow_gateway_callback(true)
        .authorization(member_auth());
    sso::saml::UpdateByUrl(
        org(),
        ConnectionId::new("saml-connection-test-51861cbc"),
        "https://idp.example.com/metadata",
    )
        .authorization(member_auth());
    sso::saml::DeleteVerificationCertificate(
        org(),
        ConnectionId::new("saml-connection-test-51861cbc"),
        CertificateId::new("saml-verification-key-test-5ccbc642"),
    )
        .authorization(member_auth());
    sso::saml::DeleteEncryptionPrivateKey(
        org(),
        ConnectionId::new("saml-connection-test-51861cbc"),
        PrivateKeyId::new("saml-encryption-private-key-test-1a2b3c4d"),
    )
        .authorization(member_auth());
    sso::external::CreateConnection(
        org(),
        OrganizationId::new("organization-test-4a5b6c7d"),
        ConnectionId::new("saml-connection-test-51861cbc"),
    )
        .display_name("display-name-value")
        .connection_implicit_role_assignments(vec![SamlConnectionImplicitRoleAssignment::new("stytch_member")])
        .group_implicit_role_assignments(vec![SamlGroupImplicitRoleAssignment::new("stytch_admin", "admins")])
        .authorization(member_auth());
    sso::external::UpdateConnection(org(), ConnectionId::new("external-connection-test-6f1d2c3b"))
        .display_name("display-name-value")
        .external_connection_implicit_role_assignments(vec![ConnectionImplicitRoleAssignment::new("stytch_member")])
        .external_group_implicit_role_assignments(vec![GroupImplicitRoleAssignment::new("stytch_admin", "admins")])
        .authorization(member_auth());

    scim::connection::Create(org())
        .display_name("display-name-value")
        .identity_provider(ScimIdentityProvider::MicrosoftEntra)
        .authorization(member_auth());
    scim::connection::Update(org(), ConnectionId::new("scim-connection-test-7e8f9a0b"))
        .display_name("display-name-value")
        .identity_provider(ScimIdentityProvider::Okta)
        .scim_group_implicit_role_assignments(vec![ScimGroupImplicitRoleAssignment::new(
            "stytch_admin",
            ScimGroupId::new("00g1a2b3c4"),
            "Admins",
        )])
        .authorization(member_auth());
    scim::connection::Delete(org(), ConnectionId::new("scim-connection-test-7e8f9a0b"))
        .authorization(member_auth());
    scim::connection::Get(org())
        .authorization(member_auth());
    scim::connection::GetGroups(org(), ConnectionId::new("scim-connection-test-7e8f9a0b"))
        .cursor("cursor-value")
        .limit(50)
        .authorization(member_auth());
    scim::connection::RotateStart(org(), ConnectionId::new("scim-connection-test-7e8f9a0b"))
        .authorization(member_auth());
    scim::connection::RotateComplete(org(), ConnectionId::new("scim-connection-test-7e8f9a0b"))
        .authorization(member_auth());
    scim::connection::RotateCancel(org(), ConnectionId::new("scim-connection-test-7e8f9a0b"))
        .authorization(member_auth());

    rbac::Policy();
    rbac::organizations::GetOrgPolicy(org());
    rbac::organizations::SetOrgPolicy(
        org(),
        OrgPolicy::new(vec![PolicyRole::new(
            "reader",
            "Reads documents",
            vec![PolicyRolePermission::new("documents", vec!["read".to_owned()])],
        )]),
    );

    idp::oauth::AuthorizeStart(
        ConnectedAppId::new("connected-app-test-d731954d"),
        "https://app.example.com/callback",
        IdpResponseType::Code,
        vec!["openid".to_owned(), "read:documents".to_owned()],
    )
        .organization_id(org())
        .member_id(member())
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .prompt(IdpPrompt::Consent);
    idp::oauth::Authorize(
        ConnectedAppId::new("connected-app-test-d731954d"),
        true,
        vec!["openid".to_owned(), "read:documents".to_owned()],
        "https://app.example.com/callback",
        IdpResponseType::Code,
    )
        .organization_id(org())
        .member_id(member())
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .prompt(IdpPrompt::Consent)
        .state("state-value")
        .nonce("nonce-value")
        .code_challenge("code-challenge-value")
        .resources(vec!["https://api.example.com".to_owned()])
        => secrets(redirect_uri);
    idp::IntrospectTokenNetwork(
        "project-test-00000000-0000-0000-0000-000000000000",
        ConnectedAppId::new("connected-app-test-d731954d"),
        "access-token-SECRET-v1",
    )
        .client_secret("client-secret-SECRET-v1")
        .token_type_hint(TokenTypeHint::AccessToken);
}

//! The endpoints password flows need (organizations, members, sessions, discovery): for every
//! endpoint, the exact wire request from required fields only and with every option set,
//! decoding of a full and a minimal response, and redaction of secrets in `Debug`.

mod catalog_common;

use catalog_common::*;
use serde_json::json;
use stytch_client::Authorization;
use stytch_client::b2b::models::{
    AuthorizationCheck, ConnectedAppsAllowedType, EmailImplicitRoleAssignment, ExchangeLocale,
};
use stytch_client::b2b::{discovery, organizations, sessions};

const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

#[test]
fn organizations_create_required_only() {
    let request = organizations::Create::new("Acme Inc.");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/organizations",
        json!({"organization_name": "Acme Inc."}),
        &[],
    );
}

#[test]
fn organizations_create_all_options() {
    let request = organizations::Create::new("Acme Inc.")
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
        .rbac_email_implicit_role_assignments(vec![EmailImplicitRoleAssignment::new(
            "acme.com",
            "stytch_admin",
        )])
        .mfa_methods("mfa-methods-value")
        .allowed_mfa_methods(vec!["allowed-mfa-methods-1".to_owned()])
        .oauth_tenant_jit_provisioning("oauth-tenant-jit-provisioning-value")
        .allowed_oauth_tenants(object(json!({"allowed_oauth_tenants": {"plan": "pro"}})))
        .claimed_email_domains(vec!["claimed-email-domains-1".to_owned()])
        .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_first_party_connected_apps(vec!["allowed-first-party-connected-apps-1".to_owned()])
        .third_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_third_party_connected_apps(vec!["allowed-third-party-connected-apps-1".to_owned()]);
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/organizations",
        json!({
            "organization_name": "Acme Inc.",
            "organization_slug": "acme",
            "organization_logo_url": "organization-logo-url-value",
            "trusted_metadata": {"trusted_metadata": {"plan": "pro"}},
            "organization_external_id": "organization-external-id-value",
            "sso_jit_provisioning": "sso-jit-provisioning-value",
            "email_allowed_domains": ["email-allowed-domains-1"],
            "email_jit_provisioning": "email-jit-provisioning-value",
            "email_invites": "email-invites-value",
            "auth_methods": "auth-methods-value",
            "allowed_auth_methods": ["allowed-auth-methods-1"],
            "mfa_policy": "mfa-policy-value",
            "rbac_email_implicit_role_assignments": [{"domain": "acme.com", "role_id": "stytch_admin"}],
            "mfa_methods": "mfa-methods-value",
            "allowed_mfa_methods": ["allowed-mfa-methods-1"],
            "oauth_tenant_jit_provisioning": "oauth-tenant-jit-provisioning-value",
            "allowed_oauth_tenants": {"allowed_oauth_tenants": {"plan": "pro"}},
            "claimed_email_domains": ["claimed-email-domains-1"],
            "first_party_connected_apps_allowed_type": "RESTRICTED",
            "allowed_first_party_connected_apps": ["allowed-first-party-connected-apps-1"],
            "third_party_connected_apps_allowed_type": "RESTRICTED",
            "allowed_third_party_connected_apps": ["allowed-third-party-connected-apps-1"]
        }),
        &[],
    );
}

#[test]
fn organizations_create_decodes_full_response() {
    let response: organizations::CreateResponse = decode("organizations_create.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn organizations_create_decodes_minimal_response() {
    let response: organizations::CreateResponse = decode("organizations_create.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn organizations_get_required_only() {
    let request = organizations::Get::new("organization-test-07971b06");
    assert_redacted(&request);
    wire(&request).assert_get("/v1/b2b/organizations/organization-test-07971b06", None);
}

#[test]
fn organizations_get_decodes_full_response() {
    let response: organizations::GetResponse = decode("organizations_get.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn organizations_get_decodes_minimal_response() {
    let response: organizations::GetResponse = decode("organizations_get.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn organizations_members_create_required_only() {
    let request = organizations::members::Create::new("organization-test-07971b06", "ada@acme.com");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/organizations/organization-test-07971b06/members",
        json!({"email_address": "ada@acme.com"}),
        &[],
    );
}

#[test]
fn organizations_members_create_all_options() {
    let request = organizations::members::Create::new("organization-test-07971b06", "ada@acme.com")
        .name("name-value")
        .trusted_metadata(object(json!({"trusted_metadata": {"plan": "pro"}})))
        .untrusted_metadata(object(json!({"untrusted_metadata": {"plan": "pro"}})))
        .create_member_as_pending(true)
        .is_breakglass(true)
        .mfa_phone_number("mfa-phone-number-value")
        .mfa_enrolled(true)
        .roles(vec!["roles-1".to_owned()])
        .external_id("external-id-value")
        .authorization(Authorization::session_token("mst-SECRET-auth").with_session_jwt("jwt-SECRET-auth"));
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/organizations/organization-test-07971b06/members",
        json!({
            "email_address": "ada@acme.com",
            "name": "name-value",
            "trusted_metadata": {"trusted_metadata": {"plan": "pro"}},
            "untrusted_metadata": {"untrusted_metadata": {"plan": "pro"}},
            "create_member_as_pending": true,
            "is_breakglass": true,
            "mfa_phone_number": "mfa-phone-number-value",
            "mfa_enrolled": true,
            "roles": ["roles-1"],
            "external_id": "external-id-value"
        }),
        &[
            ("x-stytch-member-session", "mst-SECRET-auth"),
            ("x-stytch-member-sessionjwt", "jwt-SECRET-auth"),
        ],
    );
}

#[test]
fn organizations_members_create_decodes_full_response() {
    let response: organizations::members::CreateResponse = decode("organizations_members_create.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn organizations_members_create_decodes_minimal_response() {
    let response: organizations::members::CreateResponse = decode("organizations_members_create.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn organizations_members_get_required_only() {
    let request = organizations::members::Get::new("organization-test-07971b06");
    assert_redacted(&request);
    wire(&request).assert_get("/v1/b2b/organizations/organization-test-07971b06/member", None);
}

#[test]
fn organizations_members_get_all_options() {
    let request = organizations::members::Get::new("organization-test-07971b06")
        .member_id("member-test-32fc5024")
        .email_address("ada@acme.com");
    assert_redacted(&request);
    wire(&request).assert_get(
        "/v1/b2b/organizations/organization-test-07971b06/member",
        Some("member_id=member-test-32fc5024&email_address=ada%40acme.com"),
    );
}

#[test]
fn organizations_members_get_decodes_full_response() {
    let response: organizations::members::GetResponse = decode("organizations_members_get.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn organizations_members_get_decodes_minimal_response() {
    let response: organizations::members::GetResponse = decode("organizations_members_get.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn sessions_get_required_only() {
    let request = sessions::Get::new("organization-test-07971b06", "member-test-32fc5024");
    assert_redacted(&request);
    wire(&request).assert_get(
        "/v1/b2b/sessions",
        Some("organization_id=organization-test-07971b06&member_id=member-test-32fc5024"),
    );
}

#[test]
fn sessions_get_decodes_full_response() {
    let response: sessions::GetResponse = decode("sessions_get.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn sessions_get_decodes_minimal_response() {
    let response: sessions::GetResponse = decode("sessions_get.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn sessions_authenticate_required_only() {
    let request = sessions::Authenticate::new();
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/sessions/authenticate", json!({}), &[]);
}

#[test]
fn sessions_authenticate_all_options() {
    let request = sessions::Authenticate::new()
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
        .authorization_check(AuthorizationCheck::new(
            "organization-test-07971b06",
            "documents",
            "read",
        ));
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/authenticate",
        json!({
            "session_token": "session-token-SECRET-v1",
            "session_duration_minutes": 60,
            "session_jwt": "session-jwt-SECRET-v1",
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "authorization_check": {"organization_id": "organization-test-07971b06", "resource_id": "documents", "action": "read"}
        }),
        &[],
    );
}

#[test]
fn sessions_authenticate_decodes_full_response() {
    let response: sessions::AuthenticateResponse = decode("sessions_authenticate.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_eq!(
        response.session_token.expose_secret(),
        "mst_SECRET_session_token_Ab3dEf"
    );
    assert_eq!(
        response.session_jwt.expose_secret(),
        "eyJhbGciOiJSUzI1NiJ9.SECRET_jwt.c2ln"
    );
}

#[test]
fn sessions_authenticate_decodes_minimal_response() {
    let response: sessions::AuthenticateResponse = decode("sessions_authenticate.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.verdict.is_none());
}

#[test]
fn sessions_revoke_required_only() {
    let request = sessions::Revoke::new();
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/sessions/revoke", json!({}), &[]);
}

#[test]
fn sessions_revoke_all_options() {
    let request = sessions::Revoke::new()
        .member_session_id("member-session-test-e1ac0a43")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .member_id("member-test-32fc5024")
        .authorization(Authorization::session_token("mst-SECRET-auth").with_session_jwt("jwt-SECRET-auth"));
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/revoke",
        json!({
            "member_session_id": "member-session-test-e1ac0a43",
            "session_token": "session-token-SECRET-v1",
            "session_jwt": "session-jwt-SECRET-v1",
            "member_id": "member-test-32fc5024"
        }),
        &[
            ("x-stytch-member-session", "mst-SECRET-auth"),
            ("x-stytch-member-sessionjwt", "jwt-SECRET-auth"),
        ],
    );
}

#[test]
fn sessions_revoke_decodes_full_response() {
    let response: sessions::RevokeResponse = decode("sessions_revoke.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn sessions_revoke_decodes_minimal_response() {
    let response: sessions::RevokeResponse = decode("sessions_revoke.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn sessions_exchange_required_only() {
    let request = sessions::Exchange::new("organization-test-07971b06");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/exchange",
        json!({"organization_id": "organization-test-07971b06"}),
        &[],
    );
}

#[test]
fn sessions_exchange_all_options() {
    let request = sessions::Exchange::new("organization-test-07971b06")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
        .locale(ExchangeLocale::ZhHans)
        .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/exchange",
        json!({
            "organization_id": "organization-test-07971b06",
            "session_token": "session-token-SECRET-v1",
            "session_jwt": "session-jwt-SECRET-v1",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "locale": "zh-Hans",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn sessions_exchange_decodes_full_response() {
    let response: sessions::ExchangeResponse = decode("sessions_exchange.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_session_secrets(
        &response.session_token,
        &response.session_jwt,
        &response.intermediate_session_token,
    );
}

#[test]
fn sessions_exchange_decodes_minimal_response() {
    let response: sessions::ExchangeResponse = decode("sessions_exchange.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.primary_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn sessions_exchange_access_token_required_only() {
    let request = sessions::ExchangeAccessToken::new("access-token-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/exchange_access_token",
        json!({"access_token": "access-token-SECRET-v1"}),
        &[],
    );
}

#[test]
fn sessions_exchange_access_token_all_options() {
    let request = sessions::ExchangeAccessToken::new("access-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
        .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/exchange_access_token",
        json!({
            "access_token": "access-token-SECRET-v1",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn sessions_exchange_access_token_decodes_full_response() {
    let response: sessions::ExchangeAccessTokenResponse = decode("sessions_exchange_access_token.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_eq!(
        response.session_token.expose_secret(),
        "mst_SECRET_session_token_Ab3dEf"
    );
    assert_eq!(
        response.session_jwt.expose_secret(),
        "eyJhbGciOiJSUzI1NiJ9.SECRET_jwt.c2ln"
    );
}

#[test]
fn sessions_exchange_access_token_decodes_minimal_response() {
    let response: sessions::ExchangeAccessTokenResponse = decode("sessions_exchange_access_token.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.member_device.is_none());
}

#[test]
fn sessions_attest_required_only() {
    let request = sessions::Attest::new("token-profile-test-1", "token-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/attest",
        json!({"profile_id": "token-profile-test-1", "token": "token-SECRET-v1"}),
        &[],
    );
}

#[test]
fn sessions_attest_all_options() {
    let request = sessions::Attest::new("token-profile-test-1", "token-SECRET-v1")
        .organization_id("organization-test-07971b06")
        .session_duration_minutes(60)
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/attest",
        json!({
            "profile_id": "token-profile-test-1",
            "token": "token-SECRET-v1",
            "organization_id": "organization-test-07971b06",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "session_token": "session-token-SECRET-v1",
            "session_jwt": "session-jwt-SECRET-v1",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn sessions_attest_decodes_full_response() {
    let response: sessions::AttestResponse = decode("sessions_attest.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_eq!(
        response.session_token.expose_secret(),
        "mst_SECRET_session_token_Ab3dEf"
    );
    assert_eq!(
        response.session_jwt.expose_secret(),
        "eyJhbGciOiJSUzI1NiJ9.SECRET_jwt.c2ln"
    );
}

#[test]
fn sessions_attest_decodes_minimal_response() {
    let response: sessions::AttestResponse = decode("sessions_attest.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_device.is_none());
}

#[test]
fn sessions_migrate_required_only() {
    let request = sessions::Migrate::new("session-token-SECRET-v1", "organization-test-07971b06");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/migrate",
        json!({"session_token": "session-token-SECRET-v1", "organization_id": "organization-test-07971b06"}),
        &[],
    );
}

#[test]
fn sessions_migrate_all_options() {
    let request = sessions::Migrate::new("session-token-SECRET-v1", "organization-test-07971b06")
        .session_duration_minutes(60)
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ));
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/sessions/migrate",
        json!({
            "session_token": "session-token-SECRET-v1",
            "organization_id": "organization-test-07971b06",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null}
        }),
        &[],
    );
}

#[test]
fn sessions_migrate_decodes_full_response() {
    let response: sessions::MigrateResponse = decode("sessions_migrate.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_eq!(
        response.session_token.expose_secret(),
        "mst_SECRET_session_token_Ab3dEf"
    );
    assert_eq!(
        response.session_jwt.expose_secret(),
        "eyJhbGciOiJSUzI1NiJ9.SECRET_jwt.c2ln"
    );
}

#[test]
fn sessions_migrate_decodes_minimal_response() {
    let response: sessions::MigrateResponse = decode("sessions_migrate.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
}

#[test]
fn sessions_get_jwks_required_only() {
    let request = sessions::GetJwks::new("project-test-00000000-0000-0000-0000-000000000000");
    assert_redacted(&request);
    wire(&request).assert_get(
        "/v1/b2b/sessions/jwks/project-test-00000000-0000-0000-0000-000000000000",
        None,
    );
}

#[test]
fn sessions_get_jwks_decodes_full_response() {
    let response: sessions::GetJwksResponse = decode("sessions_get_jwks.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn sessions_get_jwks_decodes_minimal_response() {
    let response: sessions::GetJwksResponse = decode("sessions_get_jwks.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn discovery_intermediate_sessions_exchange_required_only() {
    let request = discovery::intermediate_sessions::Exchange::new(
        "intermediate-session-token-SECRET-v1",
        "organization-test-07971b06",
    );
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/discovery/intermediate_sessions/exchange", json!({"intermediate_session_token": "intermediate-session-token-SECRET-v1", "organization_id": "organization-test-07971b06"}), &[]);
}

#[test]
fn discovery_intermediate_sessions_exchange_all_options() {
    let request = discovery::intermediate_sessions::Exchange::new(
        "intermediate-session-token-SECRET-v1",
        "organization-test-07971b06",
    )
    .session_duration_minutes(60)
    .session_custom_claims(object(
        json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
    ))
    .locale(ExchangeLocale::ZhHans)
    .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/discovery/intermediate_sessions/exchange",
        json!({
            "intermediate_session_token": "intermediate-session-token-SECRET-v1",
            "organization_id": "organization-test-07971b06",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "locale": "zh-Hans",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn discovery_intermediate_sessions_exchange_decodes_full_response() {
    let response: discovery::intermediate_sessions::ExchangeResponse =
        decode("discovery_intermediate_sessions_exchange.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_session_secrets(
        &response.session_token,
        &response.session_jwt,
        &response.intermediate_session_token,
    );
}

#[test]
fn discovery_intermediate_sessions_exchange_decodes_minimal_response() {
    let response: discovery::intermediate_sessions::ExchangeResponse =
        decode("discovery_intermediate_sessions_exchange.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.primary_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn discovery_organizations_list_required_only() {
    let request = discovery::organizations::List::new();
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/discovery/organizations", json!({}), &[]);
}

#[test]
fn discovery_organizations_list_all_options() {
    let request = discovery::organizations::List::new()
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/discovery/organizations",
        json!({
            "intermediate_session_token": "intermediate-session-token-SECRET-v1",
            "session_token": "session-token-SECRET-v1",
            "session_jwt": "session-jwt-SECRET-v1"
        }),
        &[],
    );
}

#[test]
fn discovery_organizations_list_decodes_full_response() {
    let response: discovery::organizations::ListResponse = decode("discovery_organizations_list.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn discovery_organizations_list_decodes_minimal_response() {
    let response: discovery::organizations::ListResponse = decode("discovery_organizations_list.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.organization_id_hint.is_none());
}

#[test]
fn discovery_organizations_create_required_only() {
    let request = discovery::organizations::Create::new("intermediate-session-token-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/discovery/organizations/create",
        json!({"intermediate_session_token": "intermediate-session-token-SECRET-v1"}),
        &[],
    );
}

#[test]
fn discovery_organizations_create_all_options() {
    let request = discovery::organizations::Create::new("intermediate-session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
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
        .rbac_email_implicit_role_assignments(vec![EmailImplicitRoleAssignment::new(
            "acme.com",
            "stytch_admin",
        )])
        .mfa_methods("mfa-methods-value")
        .allowed_mfa_methods(vec!["allowed-mfa-methods-1".to_owned()])
        .oauth_tenant_jit_provisioning("oauth-tenant-jit-provisioning-value")
        .allowed_oauth_tenants(object(json!({"allowed_oauth_tenants": {"plan": "pro"}})))
        .first_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_first_party_connected_apps(vec!["allowed-first-party-connected-apps-1".to_owned()])
        .third_party_connected_apps_allowed_type(ConnectedAppsAllowedType::Restricted)
        .allowed_third_party_connected_apps(vec!["allowed-third-party-connected-apps-1".to_owned()])
        .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/discovery/organizations/create",
        json!({
            "intermediate_session_token": "intermediate-session-token-SECRET-v1",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "organization_name": "Acme Inc.",
            "organization_slug": "acme",
            "organization_external_id": "organization-external-id-value",
            "organization_logo_url": "organization-logo-url-value",
            "trusted_metadata": {"trusted_metadata": {"plan": "pro"}},
            "sso_jit_provisioning": "sso-jit-provisioning-value",
            "email_allowed_domains": ["email-allowed-domains-1"],
            "email_jit_provisioning": "email-jit-provisioning-value",
            "email_invites": "email-invites-value",
            "auth_methods": "auth-methods-value",
            "allowed_auth_methods": ["allowed-auth-methods-1"],
            "mfa_policy": "mfa-policy-value",
            "rbac_email_implicit_role_assignments": [{"domain": "acme.com", "role_id": "stytch_admin"}],
            "mfa_methods": "mfa-methods-value",
            "allowed_mfa_methods": ["allowed-mfa-methods-1"],
            "oauth_tenant_jit_provisioning": "oauth-tenant-jit-provisioning-value",
            "allowed_oauth_tenants": {"allowed_oauth_tenants": {"plan": "pro"}},
            "first_party_connected_apps_allowed_type": "RESTRICTED",
            "allowed_first_party_connected_apps": ["allowed-first-party-connected-apps-1"],
            "third_party_connected_apps_allowed_type": "RESTRICTED",
            "allowed_third_party_connected_apps": ["allowed-third-party-connected-apps-1"],
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn discovery_organizations_create_decodes_full_response() {
    let response: discovery::organizations::CreateResponse = decode("discovery_organizations_create.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_session_secrets(
        &response.session_token,
        &response.session_jwt,
        &response.intermediate_session_token,
    );
}

#[test]
fn discovery_organizations_create_decodes_minimal_response() {
    let response: discovery::organizations::CreateResponse = decode("discovery_organizations_create.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.primary_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}
// ---- Paths, queries and lenient decoding ----------------------------------------------------------

#[test]
fn path_captures_are_encoded_as_one_segment() {
    let request = organizations::members::Get::new("org/with space?#").email_address("a+b@acme.com");
    wire(&request).assert_get(
        "/v1/b2b/organizations/org%2Fwith%20space%3F%23/member",
        Some("email_address=a%2Bb%40acme.com"),
    );
    let error =
        stytch_client::Client::http_request(client(), organizations::Get::new(""), &Default::default())
            .unwrap_err();
    assert!(error.is_invalid_request(), "{error}");
}

#[test]
fn exchange_locales_keep_their_case() {
    for (locale, wire_value) in [
        (ExchangeLocale::PtBr, "pt-br"),
        (ExchangeLocale::DeDe, "de-DE"),
        (ExchangeLocale::CaEs, "ca-ES"),
        (ExchangeLocale::from("sv-SE"), "sv-SE"),
    ] {
        let body = wire(sessions::Exchange::new("organization-test-07971b06").locale(locale))
            .body
            .expect("body");
        assert_eq!(body["locale"], json!(wire_value));
    }
}

#[test]
fn member_get_by_member_id_only() {
    let request =
        organizations::members::Get::new("organization-test-07971b06").member_id("member-test-32fc5024");
    wire(&request).assert_get(
        "/v1/b2b/organizations/organization-test-07971b06/member",
        Some("member_id=member-test-32fc5024"),
    );
}

#[test]
fn discovered_organizations_decode_unknown_membership_and_extra_fields() {
    let mut response = fixture("discovery_organizations_list.full");
    response["discovered_organizations"][0]["membership"]["type"] = json!("eligible_to_join_by_magic");
    response["discovered_organizations"][0]["brand_new"] = json!({"x": 1});
    response["organization_id_hint"] = json!(null);
    let decoded: discovery::organizations::ListResponse = serde_json::from_value(response).unwrap();
    let membership = decoded.discovered_organizations[0]
        .membership
        .as_ref()
        .expect("membership");
    assert_eq!(membership.kind, "eligible_to_join_by_magic");
    assert_eq!(decoded.organization_id_hint, None);
}

#[test]
fn jwks_keys_decode_with_their_wire_names() {
    let response: sessions::GetJwksResponse = decode("sessions_get_jwks.full");
    let key = &response.keys[0];
    assert_eq!(key.key_use, "sig");
    assert_eq!(key.x5t_s256, "dGh1bWJwcmludA");
    assert_eq!(key.alg, "RS256");
}

#[test]
fn request_models_serialize_their_wire_values() {
    assert_eq!(ConnectedAppsAllowedType::AllAllowed.to_string(), "ALL_ALLOWED");
    assert_eq!(
        ConnectedAppsAllowedType::from("NOT_ALLOWED"),
        ConnectedAppsAllowedType::NotAllowed
    );
    let check = AuthorizationCheck::new("org", "documents", "write");
    assert_eq!(
        serde_json::to_value(&check).unwrap(),
        json!({"organization_id": "org", "resource_id": "documents", "action": "write"})
    );
    assert_eq!(
        serde_json::to_value(EmailImplicitRoleAssignment::new("acme.com", "admin")).unwrap(),
        json!({"domain": "acme.com", "role_id": "admin"})
    );
}

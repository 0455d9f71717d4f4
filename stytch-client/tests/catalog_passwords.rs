//! The B2B Passwords catalog: for every endpoint, the exact wire request from required fields
//! only and with every option set, decoding of a full and a minimal response, and redaction of
//! secrets in `Debug`. Plus the open enums, locales and lenient decoding the models promise.

mod catalog_common;

use catalog_common::*;
use serde_json::json;
use stytch_client::Authorization;
use stytch_client::b2b::models::{
    Argon2Config, AuthenticationFactorDeliveryMethod, AuthenticationFactorType, HashType, Md5Config,
    PasswordsLocale, Pbkdf2Config, ScryptConfig, Sha1Config, Sha512Config,
};
use stytch_client::b2b::passwords;

const REQUEST_ID: &str = "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141";

#[test]
fn strength_check_required_only() {
    let request = passwords::StrengthCheck::new("password-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/strength_check",
        json!({"password": "password-SECRET-v1"}),
        &[],
    );
}

#[test]
fn strength_check_all_options() {
    let request = passwords::StrengthCheck::new("password-SECRET-v1").email_address("ada@acme.com");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/strength_check",
        json!({
            "password": "password-SECRET-v1",
            "email_address": "ada@acme.com"
        }),
        &[],
    );
}

#[test]
fn strength_check_decodes_full_response() {
    let response: passwords::StrengthCheckResponse = decode("strength_check.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn strength_check_decodes_minimal_response() {
    let response: passwords::StrengthCheckResponse = decode("strength_check.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.luds_feedback.is_none());
    assert!(response.zxcvbn_feedback.is_none());
}

#[test]
fn migrate_required_only() {
    let request = passwords::Migrate::new(
        "ada@acme.com",
        "hash-SECRET-v1",
        HashType::Argon2id,
        "organization-test-07971b06",
    );
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/passwords/migrate", json!({"email_address": "ada@acme.com", "hash": "hash-SECRET-v1", "hash_type": "argon_2id", "organization_id": "organization-test-07971b06"}), &[]);
}

#[test]
fn migrate_all_options() {
    let request = passwords::Migrate::new(
        "ada@acme.com",
        "hash-SECRET-v1",
        HashType::Argon2id,
        "organization-test-07971b06",
    )
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
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/migrate",
        json!({
            "email_address": "ada@acme.com",
            "hash": "hash-SECRET-v1",
            "hash_type": "argon_2id",
            "organization_id": "organization-test-07971b06",
            "md_5_config": {"prepend_salt": "pre-md_5_config", "append_salt": ""},
            "argon_2_config": {"salt": "73616c74", "iteration_amount": 3, "memory": 65536, "threads": 4, "key_length": 32},
            "sha_1_config": {"prepend_salt": "pre-sha_1_config", "append_salt": ""},
            "sha_512_config": {"prepend_salt": "pre-sha_512_config", "append_salt": ""},
            "scrypt_config": {"salt": "c2FsdA==", "n_parameter": 32768, "r_parameter": 8, "p_parameter": 1, "key_length": 32},
            "pbkdf_2_config": {"salt": "c2FsdA==", "iteration_amount": 100000, "key_length": 32, "algorithm": "sha256"},
            "name": "name-value",
            "trusted_metadata": {"trusted_metadata": {"plan": "pro"}},
            "untrusted_metadata": {"untrusted_metadata": {"plan": "pro"}},
            "roles": ["roles-1"],
            "preserve_existing_sessions": true,
            "mfa_phone_number": "mfa-phone-number-value",
            "set_phone_number_verified": true,
            "external_id": "external-id-value"
        }),
        &[],
    );
}

#[test]
fn migrate_decodes_full_response() {
    let response: passwords::MigrateResponse = decode("migrate.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn migrate_decodes_minimal_response() {
    let response: passwords::MigrateResponse = decode("migrate.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn authenticate_required_only() {
    let request =
        passwords::Authenticate::new("organization-test-07971b06", "ada@acme.com", "password-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/passwords/authenticate", json!({"organization_id": "organization-test-07971b06", "email_address": "ada@acme.com", "password": "password-SECRET-v1"}), &[]);
}

#[test]
fn authenticate_all_options() {
    let request =
        passwords::Authenticate::new("organization-test-07971b06", "ada@acme.com", "password-SECRET-v1")
            .session_token("session-token-SECRET-v1")
            .session_duration_minutes(60)
            .session_jwt("session-jwt-SECRET-v1")
            .session_custom_claims(object(
                json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
            ))
            .locale(PasswordsLocale::PtBr)
            .intermediate_session_token("intermediate-session-token-SECRET-v1")
            .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/authenticate",
        json!({
            "organization_id": "organization-test-07971b06",
            "email_address": "ada@acme.com",
            "password": "password-SECRET-v1",
            "session_token": "session-token-SECRET-v1",
            "session_duration_minutes": 60,
            "session_jwt": "session-jwt-SECRET-v1",
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "locale": "pt-br",
            "intermediate_session_token": "intermediate-session-token-SECRET-v1",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn authenticate_decodes_full_response() {
    let response: passwords::AuthenticateResponse = decode("authenticate.full");
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
fn authenticate_decodes_minimal_response() {
    let response: passwords::AuthenticateResponse = decode("authenticate.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.primary_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn email_reset_start_required_only() {
    let request = passwords::email::ResetStart::new("organization-test-07971b06", "ada@acme.com");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/reset/start",
        json!({"organization_id": "organization-test-07971b06", "email_address": "ada@acme.com"}),
        &[],
    );
}

#[test]
fn email_reset_start_all_options() {
    let request = passwords::email::ResetStart::new("organization-test-07971b06", "ada@acme.com")
        .reset_password_redirect_url("reset-password-redirect-url-value")
        .reset_password_expiration_minutes(45)
        .code_challenge("code-challenge-value")
        .login_redirect_url("login-redirect-url-value")
        .locale(PasswordsLocale::PtBr)
        .reset_password_template_id("reset-password-template-id-value")
        .verify_email_template_id("verify-email-template-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/reset/start",
        json!({
            "organization_id": "organization-test-07971b06",
            "email_address": "ada@acme.com",
            "reset_password_redirect_url": "reset-password-redirect-url-value",
            "reset_password_expiration_minutes": 45,
            "code_challenge": "code-challenge-value",
            "login_redirect_url": "login-redirect-url-value",
            "locale": "pt-br",
            "reset_password_template_id": "reset-password-template-id-value",
            "verify_email_template_id": "verify-email-template-id-value"
        }),
        &[],
    );
}

#[test]
fn email_reset_start_decodes_full_response() {
    let response: passwords::email::ResetStartResponse = decode("email_reset_start.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn email_reset_start_decodes_minimal_response() {
    let response: passwords::email::ResetStartResponse = decode("email_reset_start.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn email_reset_required_only() {
    let request = passwords::email::Reset::new("password-reset-token-SECRET-v1", "password-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/reset",
        json!({"password_reset_token": "password-reset-token-SECRET-v1", "password": "password-SECRET-v1"}),
        &[],
    );
}

#[test]
fn email_reset_all_options() {
    let request = passwords::email::Reset::new("password-reset-token-SECRET-v1", "password-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_duration_minutes(60)
        .session_jwt("session-jwt-SECRET-v1")
        .code_verifier("code-verifier-SECRET-v1")
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
        .locale(PasswordsLocale::PtBr)
        .intermediate_session_token("intermediate-session-token-SECRET-v1")
        .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/reset",
        json!({
            "password_reset_token": "password-reset-token-SECRET-v1",
            "password": "password-SECRET-v1",
            "session_token": "session-token-SECRET-v1",
            "session_duration_minutes": 60,
            "session_jwt": "session-jwt-SECRET-v1",
            "code_verifier": "code-verifier-SECRET-v1",
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "locale": "pt-br",
            "intermediate_session_token": "intermediate-session-token-SECRET-v1",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn email_reset_decodes_full_response() {
    let response: passwords::email::ResetResponse = decode("email_reset.full");
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
fn email_reset_decodes_minimal_response() {
    let response: passwords::email::ResetResponse = decode("email_reset.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.primary_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn email_require_reset_required_only() {
    let request = passwords::email::RequireReset::new("ada@acme.com");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/require_reset",
        json!({"email_address": "ada@acme.com"}),
        &[],
    );
}

#[test]
fn email_require_reset_all_options() {
    let request = passwords::email::RequireReset::new("ada@acme.com")
        .organization_id("organization-test-07971b06")
        .member_id("member-test-32fc5024")
        .authorization(Authorization::session_token("mst-SECRET-auth").with_session_jwt("jwt-SECRET-auth"));
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/require_reset",
        json!({
            "email_address": "ada@acme.com",
            "organization_id": "organization-test-07971b06",
            "member_id": "member-test-32fc5024"
        }),
        &[
            ("x-stytch-member-session", "mst-SECRET-auth"),
            ("x-stytch-member-sessionjwt", "jwt-SECRET-auth"),
        ],
    );
}

#[test]
fn email_require_reset_decodes_full_response() {
    let response: passwords::email::RequireResetResponse = decode("email_require_reset.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn email_require_reset_decodes_minimal_response() {
    let response: passwords::email::RequireResetResponse = decode("email_require_reset.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_id.is_none());
    assert!(response.member.is_none());
    assert!(response.organization.is_none());
}

#[test]
fn sessions_reset_required_only() {
    let request = passwords::sessions::Reset::new("organization-test-07971b06", "password-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/session/reset",
        json!({"organization_id": "organization-test-07971b06", "password": "password-SECRET-v1"}),
        &[],
    );
}

#[test]
fn sessions_reset_all_options() {
    let request = passwords::sessions::Reset::new("organization-test-07971b06", "password-SECRET-v1")
        .session_token("session-token-SECRET-v1")
        .session_jwt("session-jwt-SECRET-v1")
        .session_duration_minutes(60)
        .session_custom_claims(object(
            json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
        ))
        .locale(PasswordsLocale::PtBr)
        .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/session/reset",
        json!({
            "organization_id": "organization-test-07971b06",
            "password": "password-SECRET-v1",
            "session_token": "session-token-SECRET-v1",
            "session_jwt": "session-jwt-SECRET-v1",
            "session_duration_minutes": 60,
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "locale": "pt-br",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn sessions_reset_decodes_full_response() {
    let response: passwords::sessions::ResetResponse = decode("sessions_reset.full");
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
fn sessions_reset_decodes_minimal_response() {
    let response: passwords::sessions::ResetResponse = decode("sessions_reset.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn existing_password_reset_required_only() {
    let request = passwords::existing_password::Reset::new(
        "ada@acme.com",
        "existing-password-SECRET-v1",
        "new-password-SECRET-v1",
        "organization-test-07971b06",
    );
    assert_redacted(&request);
    wire(&request).assert_post("/v1/b2b/passwords/existing_password/reset", json!({"email_address": "ada@acme.com", "existing_password": "existing-password-SECRET-v1", "new_password": "new-password-SECRET-v1", "organization_id": "organization-test-07971b06"}), &[]);
}

#[test]
fn existing_password_reset_all_options() {
    let request = passwords::existing_password::Reset::new(
        "ada@acme.com",
        "existing-password-SECRET-v1",
        "new-password-SECRET-v1",
        "organization-test-07971b06",
    )
    .session_token("session-token-SECRET-v1")
    .session_duration_minutes(60)
    .session_jwt("session-jwt-SECRET-v1")
    .session_custom_claims(object(
        json!({"session_custom_claims": {"plan": "pro"}, "deleted": null}),
    ))
    .locale(PasswordsLocale::PtBr)
    .telemetry_id("telemetry-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/existing_password/reset",
        json!({
            "email_address": "ada@acme.com",
            "existing_password": "existing-password-SECRET-v1",
            "new_password": "new-password-SECRET-v1",
            "organization_id": "organization-test-07971b06",
            "session_token": "session-token-SECRET-v1",
            "session_duration_minutes": 60,
            "session_jwt": "session-jwt-SECRET-v1",
            "session_custom_claims": {"session_custom_claims": {"plan": "pro"}, "deleted": null},
            "locale": "pt-br",
            "telemetry_id": "telemetry-id-value"
        }),
        &[],
    );
}

#[test]
fn existing_password_reset_decodes_full_response() {
    let response: passwords::existing_password::ResetResponse = decode("existing_password_reset.full");
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
fn existing_password_reset_decodes_minimal_response() {
    let response: passwords::existing_password::ResetResponse = decode("existing_password_reset.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.member_session.is_none());
    assert!(response.mfa_required.is_none());
    assert!(response.primary_required.is_none());
    assert!(response.member_device.is_none());
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn discovery_authenticate_required_only() {
    let request = passwords::discovery::Authenticate::new("ada@acme.com", "password-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/discovery/authenticate",
        json!({"email_address": "ada@acme.com", "password": "password-SECRET-v1"}),
        &[],
    );
}

#[test]
fn discovery_authenticate_decodes_full_response() {
    let response: passwords::discovery::AuthenticateResponse = decode("discovery_authenticate.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_eq!(
        response.intermediate_session_token.expose_secret(),
        "ist_SECRET_intermediate_9xYz"
    );
}

#[test]
fn discovery_authenticate_decodes_minimal_response() {
    let response: passwords::discovery::AuthenticateResponse = decode("discovery_authenticate.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.intermediate_session_token_expires_at.is_none());
}

#[test]
fn discovery_email_reset_start_required_only() {
    let request = passwords::discovery::email::ResetStart::new("ada@acme.com");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/discovery/email/reset/start",
        json!({"email_address": "ada@acme.com"}),
        &[],
    );
}

#[test]
fn discovery_email_reset_start_all_options() {
    let request = passwords::discovery::email::ResetStart::new("ada@acme.com")
        .reset_password_redirect_url("reset-password-redirect-url-value")
        .discovery_redirect_url("discovery-redirect-url-value")
        .reset_password_template_id("reset-password-template-id-value")
        .reset_password_expiration_minutes(45)
        .pkce_code_challenge("pkce-code-challenge-value")
        .locale(PasswordsLocale::from("it"))
        .verify_email_template_id("verify-email-template-id-value");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/discovery/email/reset/start",
        json!({
            "email_address": "ada@acme.com",
            "reset_password_redirect_url": "reset-password-redirect-url-value",
            "discovery_redirect_url": "discovery-redirect-url-value",
            "reset_password_template_id": "reset-password-template-id-value",
            "reset_password_expiration_minutes": 45,
            "pkce_code_challenge": "pkce-code-challenge-value",
            "locale": "it",
            "verify_email_template_id": "verify-email-template-id-value"
        }),
        &[],
    );
}

#[test]
fn discovery_email_reset_start_decodes_full_response() {
    let response: passwords::discovery::email::ResetStartResponse =
        decode("discovery_email_reset_start.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
}

#[test]
fn discovery_email_reset_start_decodes_minimal_response() {
    let response: passwords::discovery::email::ResetStartResponse =
        decode("discovery_email_reset_start.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
}

#[test]
fn discovery_email_reset_required_only() {
    let request =
        passwords::discovery::email::Reset::new("password-reset-token-SECRET-v1", "password-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/discovery/email/reset",
        json!({"password_reset_token": "password-reset-token-SECRET-v1", "password": "password-SECRET-v1"}),
        &[],
    );
}

#[test]
fn discovery_email_reset_all_options() {
    let request =
        passwords::discovery::email::Reset::new("password-reset-token-SECRET-v1", "password-SECRET-v1")
            .pkce_code_verifier("pkce-code-verifier-SECRET-v1");
    assert_redacted(&request);
    wire(&request).assert_post(
        "/v1/b2b/passwords/discovery/email/reset",
        json!({
            "password_reset_token": "password-reset-token-SECRET-v1",
            "password": "password-SECRET-v1",
            "pkce_code_verifier": "pkce-code-verifier-SECRET-v1"
        }),
        &[],
    );
}

#[test]
fn discovery_email_reset_decodes_full_response() {
    let response: passwords::discovery::email::ResetResponse = decode("discovery_email_reset.full");
    assert_fully_populated(&response);
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert_eq!(response.status_code, 200);
    assert_eq!(
        response.intermediate_session_token.expose_secret(),
        "ist_SECRET_intermediate_9xYz"
    );
}

#[test]
fn discovery_email_reset_decodes_minimal_response() {
    let response: passwords::discovery::email::ResetResponse = decode("discovery_email_reset.minimal");
    assert_redacted(&response);
    assert_eq!(response.request_id, REQUEST_ID);
    assert!(response.intermediate_session_token_expires_at.is_none());
}
// ---- Open enums, locales and lenient decoding -------------------------------------------------

#[test]
fn locales_serialize_as_the_api_expects_and_accept_any_tag() {
    let body = |locale: PasswordsLocale| {
        wire(passwords::email::ResetStart::new("organization-test-07971b06", "ada@acme.com").locale(locale))
            .body
            .expect("body")["locale"]
            .clone()
    };
    assert_eq!(body(PasswordsLocale::PtBr), json!("pt-br"));
    assert_eq!(body(PasswordsLocale::En), json!("en"));
    assert_eq!(body(PasswordsLocale::from("de-DE")), json!("de-DE"));
    assert_eq!(PasswordsLocale::from("pt-br"), PasswordsLocale::PtBr);
    assert_eq!(
        PasswordsLocale::from("ptbr"),
        PasswordsLocale::Other("ptbr".to_owned())
    );
    assert_eq!(PasswordsLocale::Other("ja".to_owned()).to_string(), "ja");
}

#[test]
fn string_enums_round_trip_known_and_unknown_values() {
    for known in [
        "bcrypt",
        "md_5",
        "argon_2i",
        "argon_2id",
        "sha_1",
        "sha_512",
        "scrypt",
        "phpass",
        "pbkdf_2",
    ] {
        let parsed: HashType = serde_json::from_value(json!(known)).unwrap();
        assert!(
            !matches!(parsed, HashType::Other(_)),
            "{known} is a known hash type"
        );
        assert_eq!(parsed.as_str(), known);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), json!(known));
    }
    let unknown: HashType = serde_json::from_value(json!("yescrypt")).unwrap();
    assert_eq!(unknown, HashType::Other("yescrypt".to_owned()));
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("yescrypt"));
    assert_eq!(HashType::from("md_5"), HashType::Md5);
    assert_eq!(HashType::from(String::from("pbkdf_2")), HashType::Pbkdf2);
    assert!(serde_json::from_value::<HashType>(json!(3)).is_err());
}

#[test]
fn unknown_enum_values_and_unknown_fields_decode() {
    let mut response = fixture("authenticate.full");
    response["a_field_from_the_future"] = json!({"nested": [1, 2, 3]});
    response["member"]["another_new_field"] = json!(true);
    let factor = &mut response["member_session"]["authentication_factors"][0];
    factor["type"] = json!("quantum_entanglement");
    factor["delivery_method"] = json!("carrier_pigeon");
    factor["carrier_pigeon_factor"] = json!({"pigeon_id": "p-1"});

    let decoded: passwords::AuthenticateResponse = serde_json::from_value(response).unwrap();
    let session = decoded.member_session.expect("member_session");
    let factor = &session.authentication_factors[0];
    assert_eq!(
        factor.kind,
        AuthenticationFactorType::Other("quantum_entanglement".to_owned())
    );
    assert_eq!(
        factor.delivery_method,
        AuthenticationFactorDeliveryMethod::Other("carrier_pigeon".to_owned())
    );
    assert_eq!(factor.kind.as_str(), "quantum_entanglement");
}

#[test]
fn documented_empty_values_decode_when_absent_or_null() {
    // The official crate fails on these; Stytch documents them as "" / [] / false when empty.
    let mut response = fixture("authenticate.minimal");
    response["session_token"] = json!(null);
    response["session_jwt"] = json!(null);
    response
        .as_object_mut()
        .unwrap()
        .remove("intermediate_session_token");
    response["member"]["name"] = json!(null);
    response["member"]["mfa_phone_number"] = json!(null);
    response["member"].as_object_mut().unwrap().remove("roles");
    response["organization"]["organization_logo_url"] = json!(null);

    let decoded: passwords::AuthenticateResponse = serde_json::from_value(response).unwrap();
    assert_eq!(decoded.session_token.expose_secret(), "");
    assert_eq!(decoded.session_jwt.expose_secret(), "");
    assert_eq!(decoded.intermediate_session_token.expose_secret(), "");
    assert_eq!(decoded.member.name, "");
    assert_eq!(decoded.member.mfa_phone_number, "");
    assert!(decoded.member.roles.is_empty());
    assert_eq!(decoded.organization.organization_logo_url, "");
}

#[test]
fn identifiers_stay_strict() {
    let mut response = fixture("authenticate.minimal");
    response["member_id"] = json!(null);
    assert!(serde_json::from_value::<passwords::AuthenticateResponse>(response).is_err());
    let mut response = fixture("authenticate.minimal");
    response["member_session"] = fixture("models/MemberSession.minimal");
    response["member_session"]["expires_at"] = json!("not a date");
    assert!(serde_json::from_value::<passwords::AuthenticateResponse>(response).is_err());
}

#[test]
fn timestamps_decode_as_utc_date_times() {
    let response: passwords::AuthenticateResponse = decode("authenticate.full");
    let expires = response
        .intermediate_session_token_expires_at
        .expect("expires_at");
    assert_eq!(expires.to_rfc3339(), "2026-11-22T16:00:00+00:00");
    let session = response.member_session.expect("member_session");
    assert_eq!(session.started_at, expires);
}

#[test]
fn secret_request_fields_accept_str_and_string() {
    let from_str = passwords::Authenticate::new("org", "ada@acme.com", "pw-SECRET");
    let from_string = passwords::Authenticate::new(
        "org".to_owned(),
        "ada@acme.com".to_owned(),
        "pw-SECRET".to_owned(),
    )
    .session_token(String::from("tok-SECRET"));
    assert_eq!(from_str.password.expose_secret(), "pw-SECRET");
    assert_eq!(
        from_string
            .session_token
            .as_ref()
            .map(|s| s.expose_secret().as_str()),
        Some("tok-SECRET")
    );
    assert_redacted(&from_string);
    assert!(format!("{from_string:?}").contains("***"));
}

#[test]
fn hash_configs_serialize_every_field() {
    assert_eq!(
        serde_json::to_value(Md5Config::new("a", "b")).unwrap(),
        json!({"prepend_salt": "a", "append_salt": "b"})
    );
    assert_eq!(
        serde_json::to_value(Sha1Config::new("", "")).unwrap(),
        json!({"prepend_salt": "", "append_salt": ""})
    );
    assert_eq!(
        serde_json::to_value(Sha512Config::new("x", "")).unwrap()["prepend_salt"],
        json!("x")
    );
    assert_eq!(
        serde_json::to_value(Pbkdf2Config::new("s", 1, 2, "sha512")).unwrap(),
        json!({"salt": "s", "iteration_amount": 1, "key_length": 2, "algorithm": "sha512"})
    );
    assert_eq!(
        serde_json::to_value(ScryptConfig::new("s", 16384, 8, 1, 64)).unwrap(),
        json!({"salt": "s", "n_parameter": 16384, "r_parameter": 8, "p_parameter": 1, "key_length": 64})
    );
    assert_eq!(
        serde_json::to_value(Argon2Config::new("s", 2, 19456, 1, 32)).unwrap(),
        json!({"salt": "s", "iteration_amount": 2, "memory": 19456, "threads": 1, "key_length": 32})
    );
}

#[test]
fn require_reset_sends_no_member_headers_without_authorization() {
    let request = passwords::email::RequireReset::new("ada@acme.com")
        .authorization(Authorization::session_token("").with_session_jwt(""));
    // Empty values add no header, exactly like the official SDKs.
    wire(&request).assert_post(
        "/v1/b2b/passwords/email/require_reset",
        json!({"email_address": "ada@acme.com"}),
        &[],
    );
}

//! What the catalog's models promise beyond one endpoint's fixture: typed ids, open enums built
//! only explicitly, locales, required identity fields and lenient other fields, models built in
//! tests with `Default`, and the few request shapes the fixtures cannot show (empty header
//! options, path encoding, setter ergonomics).

mod catalog_common;
mod support;

use catalog_common::table::{member, org};
use catalog_common::{Wire, model, response, wire};
use serde_json::json;
use stytch_client::b2b::models::{
    Argon2Config, AuthenticationFactorDeliveryMethod, AuthenticationFactorType, AuthorizationCheck,
    ConnectedAppsAllowedType, EmailImplicitRoleAssignment, ExchangeLocale, HashType, Md5Config, Member,
    MemberId, MemberSession, OrganizationId, PasswordsLocale, Pbkdf2Config, ScryptConfig, Sha1Config,
    Sha512Config,
};
use stytch_client::b2b::{discovery, organizations, passwords, sessions};
use stytch_client::{Authorization, Client};

fn body_of(request: Wire) -> serde_json::Value {
    request.body.expect("body")
}

// ---- Typed ids ---------------------------------------------------------------------------------

#[test]
fn ids_are_transparent_strings_built_explicitly() {
    let id = OrganizationId::new("organization-test-1");
    assert_eq!(serde_json::to_value(&id).unwrap(), json!("organization-test-1"));
    assert_eq!(
        serde_json::from_value::<OrganizationId>(json!("organization-test-1")).unwrap(),
        id
    );
    assert!(serde_json::from_value::<OrganizationId>(json!(null)).is_err());
    assert_eq!(id.to_string(), "organization-test-1");
    assert_eq!(id.as_str(), "organization-test-1");
    assert_eq!(id, "organization-test-1");
    assert_eq!(OrganizationId::default().as_str(), "");
    let mut by_id = std::collections::HashMap::new();
    by_id.insert(id.clone(), 1);
    assert_eq!(by_id.get("organization-test-1"), Some(&1));
    assert_eq!(id.clone().into_string(), "organization-test-1");
}

#[test]
fn requests_take_ids_from_responses_by_reference() {
    let response: organizations::members::GetResponse =
        catalog_common::decode(&response("organizations/members/get", "full"));
    let request = sessions::Get::new(&response.member.organization_id, &response.member_id);
    assert_eq!(request.organization_id, response.member.organization_id);
    let request = organizations::Get::new(&response.member.organization_id);
    assert_eq!(
        wire(request).path,
        "/v1/b2b/organizations/organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931"
    );
}

// ---- Open enums and locales --------------------------------------------------------------------

#[test]
fn locales_serialize_as_the_api_expects_and_accept_any_tag() {
    let body = |locale: PasswordsLocale| {
        body_of(wire(
            passwords::email::ResetStart::new(org(), "ada@acme.com").locale(locale),
        ))["locale"]
            .clone()
    };
    assert_eq!(body(PasswordsLocale::PtBr), json!("pt-br"));
    assert_eq!(body(PasswordsLocale::En), json!("en"));
    assert_eq!(body(PasswordsLocale::from_wire("de-DE")), json!("de-DE"));
    assert_eq!(PasswordsLocale::from_wire("pt-br"), PasswordsLocale::PtBr);
    assert_eq!(
        PasswordsLocale::from_wire("ptbr"),
        PasswordsLocale::Other("ptbr".to_owned())
    );
    assert_eq!(PasswordsLocale::Other("ja".to_owned()).to_string(), "ja");
}

#[test]
fn exchange_locales_keep_their_case() {
    for (locale, wire_value) in [
        (ExchangeLocale::PtBr, "pt-br"),
        (ExchangeLocale::DeDe, "de-DE"),
        (ExchangeLocale::CaEs, "ca-ES"),
        (ExchangeLocale::from_wire("sv-SE"), "sv-SE"),
    ] {
        let body = body_of(wire(sessions::Exchange::new(org()).locale(locale)));
        assert_eq!(body["locale"], json!(wire_value));
    }
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
        assert_eq!(HashType::from_wire(known), parsed);
        assert_eq!(serde_json::to_value(&parsed).unwrap(), json!(known));
    }
    let unknown: HashType = serde_json::from_value(json!("yescrypt")).unwrap();
    assert_eq!(unknown, HashType::Other("yescrypt".to_owned()));
    assert_eq!(HashType::from_wire("yescrypt"), unknown);
    assert_eq!(serde_json::to_value(&unknown).unwrap(), json!("yescrypt"));
    assert_eq!(HashType::from_wire("md_5"), HashType::Md5);
    assert_eq!(HashType::default(), HashType::Other(String::new()));
    assert!(serde_json::from_value::<HashType>(json!(3)).is_err());
}

#[test]
fn unknown_enum_values_and_unknown_fields_decode() {
    let mut response = response("passwords/authenticate", "full");
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
fn discovered_organizations_decode_unknown_membership_and_extra_fields() {
    let mut response = response("discovery/organizations/list", "full");
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

// ---- Required identity fields, lenient others --------------------------------------------------

#[test]
fn documented_empty_values_decode_when_absent_or_null() {
    // The official crate fails on these; Stytch documents them as "" / [] / false when empty.
    let mut response = response("passwords/authenticate", "minimal");
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
fn identifiers_and_timestamps_stay_strict() {
    let mut response = response("passwords/authenticate", "minimal");
    response["member_id"] = json!(null);
    assert!(serde_json::from_value::<passwords::AuthenticateResponse>(response).is_err());
    let mut response = catalog_common::response("passwords/authenticate", "minimal");
    response["member_session"] = model("MemberSession.minimal");
    response["member_session"]["expires_at"] = json!("not a date");
    assert!(serde_json::from_value::<passwords::AuthenticateResponse>(response).is_err());
}

/// A server answering every request with `body`.
async fn client_answering(body: String) -> (support::Server, Client) {
    let server = support::Server::start(move |_| support::Reply::json(200, &body)).await;
    let client = Client::builder()
        .credentials("project-test-1", "secret-test-1")
        .base_url(&server.base_url)
        .build()
        .unwrap();
    (server, client)
}

#[tokio::test]
async fn a_member_without_an_email_address_fails_naming_the_path() {
    for (case, email) in [("absent", None), ("null", Some(json!(null)))] {
        let mut response = response("organizations/members/get", "minimal");
        let fields = response["member"].as_object_mut().unwrap();
        match email {
            None => drop(fields.remove("email_address")),
            Some(value) => drop(fields.insert("email_address".into(), value)),
        }
        let (_server, client) = client_answering(response.to_string()).await;
        let error = client
            .send(organizations::members::Get::new(org()).member_id(member()))
            .await
            .expect_err("an email address may not be invented");
        assert!(error.is_decode(), "{case}: {error:?}");
        let text = error.to_string();
        assert!(text.contains("`member.email_address`"), "{case}: {text}");
    }
}

// ---- Models built in tests ---------------------------------------------------------------------

#[test]
fn responses_and_models_are_built_with_default() {
    let response = passwords::AuthenticateResponse {
        member_id: MemberId::new("member-test-1"),
        member: Member {
            member_id: MemberId::new("member-test-1"),
            email_address: "ada@example.com".into(),
            ..Default::default()
        },
        member_session: Some(MemberSession {
            member_id: MemberId::new("member-test-1"),
            ..Default::default()
        }),
        member_authenticated: true,
        status_code: 200,
        ..Default::default()
    };
    assert_eq!(response.member.email_address, "ada@example.com");
    assert!(response.member_authenticated);
    assert_eq!(response.session_token.expose_secret(), "");
}

// ---- Requests the fixtures cannot show ---------------------------------------------------------

#[test]
fn timestamps_decode_as_utc_date_times() {
    let response: passwords::AuthenticateResponse =
        catalog_common::decode(&response("passwords/authenticate", "full"));
    let expires = response
        .intermediate_session_token_expires_at
        .expect("expires_at");
    assert_eq!(expires.to_rfc3339(), "2026-11-22T16:00:00+00:00");
    let session = response.member_session.expect("member_session");
    assert_eq!(session.started_at, expires);
}

#[test]
fn secret_request_fields_accept_str_and_string() {
    let from_str = passwords::Authenticate::new(org(), "ada@acme.com", "pw-SECRET");
    let from_string = passwords::Authenticate::new(org(), "ada@acme.com".to_owned(), "pw-SECRET".to_owned())
        .session_token(String::from("tok-SECRET"));
    assert_eq!(from_str.password.expose_secret(), "pw-SECRET");
    assert_eq!(
        from_string
            .session_token
            .as_ref()
            .map(|s| s.expose_secret().as_str()),
        Some("tok-SECRET")
    );
    catalog_common::assert_redacted(&from_string);
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
fn request_models_serialize_their_wire_values() {
    assert_eq!(ConnectedAppsAllowedType::AllAllowed.to_string(), "ALL_ALLOWED");
    assert_eq!(
        ConnectedAppsAllowedType::from_wire("NOT_ALLOWED"),
        ConnectedAppsAllowedType::NotAllowed
    );
    let check = AuthorizationCheck::new(OrganizationId::new("org"), "documents", "write");
    assert_eq!(
        serde_json::to_value(&check).unwrap(),
        json!({"organization_id": "org", "resource_id": "documents", "action": "write"})
    );
    assert_eq!(
        serde_json::to_value(EmailImplicitRoleAssignment::new("acme.com", "admin")).unwrap(),
        json!({"domain": "acme.com", "role_id": "admin"})
    );
}

#[test]
fn require_reset_sends_no_member_headers_without_authorization() {
    let request = passwords::email::RequireReset::new("ada@acme.com")
        .authorization(Authorization::session_token("").with_session_jwt(""));
    // Empty values add no header, exactly like the official SDKs.
    wire(&request).assert_matches(
        "POST",
        "/v1/b2b/passwords/email/require_reset",
        &json!({"body": {"email_address": "ada@acme.com"}}),
    );
}

#[test]
fn path_captures_are_encoded_as_one_segment() {
    let request = organizations::members::Get::new(OrganizationId::new("org/with space?#"))
        .email_address("a+b@acme.com");
    wire(&request).assert_matches(
        "GET",
        "/v1/b2b/organizations/org%2Fwith%20space%3F%23/member",
        &json!({"query": "email_address=a%2Bb%40acme.com"}),
    );
    let error = Client::http_request(
        catalog_common::client(),
        organizations::Get::new(OrganizationId::default()),
        &Default::default(),
    )
    .unwrap_err();
    assert!(error.is_invalid_request(), "{error}");
}

#[test]
fn member_get_by_member_id_only() {
    let request = organizations::members::Get::new(org()).member_id(member());
    wire(&request).assert_matches(
        "GET",
        "/v1/b2b/organizations/organization-test-07971b06/member",
        &json!({"query": "member_id=member-test-32fc5024"}),
    );
}

#[test]
fn jwks_keys_decode_with_their_wire_names() {
    let response: sessions::GetJwksResponse = catalog_common::decode(&response("sessions/get_jwks", "full"));
    let key = &response.keys[0];
    assert_eq!(key.key_use, "sig");
    assert_eq!(key.x5t_s256, "dGh1bWJwcmludA");
    assert_eq!(key.alg, "RS256");
}

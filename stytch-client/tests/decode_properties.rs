//! Property tests: arbitrary bytes, and valid responses mutated byte-wise or structurally,
//! decoded into every response type of the catalog never panic.

mod catalog_common;

use proptest::prelude::*;
use serde::de::DeserializeOwned;
use serde_json::Value;
use stytch_client::b2b::{discovery, organizations, passwords, sessions};

/// Decodes with both paths the client uses (fast, then path-tracking); true when both succeed.
type Decoder = fn(&[u8]) -> bool;

fn decoder<T: DeserializeOwned>() -> Decoder {
    |bytes| {
        let fast = serde_json::from_slice::<T>(bytes).is_ok();
        let tracked =
            serde_path_to_error::deserialize::<_, T>(&mut serde_json::Deserializer::from_slice(bytes))
                .is_ok();
        fast && tracked
    }
}

/// Every response type with the fixture of a realistic full response.
fn cases() -> Vec<(&'static str, Decoder)> {
    vec![
        (
            "strength_check.full",
            decoder::<passwords::StrengthCheckResponse>(),
        ),
        ("migrate.full", decoder::<passwords::MigrateResponse>()),
        ("authenticate.full", decoder::<passwords::AuthenticateResponse>()),
        (
            "email_reset_start.full",
            decoder::<passwords::email::ResetStartResponse>(),
        ),
        ("email_reset.full", decoder::<passwords::email::ResetResponse>()),
        (
            "email_require_reset.full",
            decoder::<passwords::email::RequireResetResponse>(),
        ),
        (
            "sessions_reset.full",
            decoder::<passwords::sessions::ResetResponse>(),
        ),
        (
            "existing_password_reset.full",
            decoder::<passwords::existing_password::ResetResponse>(),
        ),
        (
            "discovery_authenticate.full",
            decoder::<passwords::discovery::AuthenticateResponse>(),
        ),
        (
            "discovery_email_reset_start.full",
            decoder::<passwords::discovery::email::ResetStartResponse>(),
        ),
        (
            "discovery_email_reset.full",
            decoder::<passwords::discovery::email::ResetResponse>(),
        ),
        (
            "organizations_create.full",
            decoder::<organizations::CreateResponse>(),
        ),
        ("organizations_get.full", decoder::<organizations::GetResponse>()),
        (
            "organizations_members_create.full",
            decoder::<organizations::members::CreateResponse>(),
        ),
        (
            "organizations_members_get.full",
            decoder::<organizations::members::GetResponse>(),
        ),
        ("sessions_get.full", decoder::<sessions::GetResponse>()),
        (
            "sessions_authenticate.full",
            decoder::<sessions::AuthenticateResponse>(),
        ),
        ("sessions_revoke.full", decoder::<sessions::RevokeResponse>()),
        ("sessions_exchange.full", decoder::<sessions::ExchangeResponse>()),
        (
            "sessions_exchange_access_token.full",
            decoder::<sessions::ExchangeAccessTokenResponse>(),
        ),
        ("sessions_attest.full", decoder::<sessions::AttestResponse>()),
        ("sessions_migrate.full", decoder::<sessions::MigrateResponse>()),
        ("sessions_get_jwks.full", decoder::<sessions::GetJwksResponse>()),
        (
            "discovery_intermediate_sessions_exchange.full",
            decoder::<discovery::intermediate_sessions::ExchangeResponse>(),
        ),
        (
            "discovery_organizations_list.full",
            decoder::<discovery::organizations::ListResponse>(),
        ),
        (
            "discovery_organizations_create.full",
            decoder::<discovery::organizations::CreateResponse>(),
        ),
    ]
}

/// The fixtures, loaded once.
fn fixtures() -> &'static Vec<(Value, Vec<u8>, Decoder)> {
    static FIXTURES: std::sync::OnceLock<Vec<(Value, Vec<u8>, Decoder)>> = std::sync::OnceLock::new();
    FIXTURES.get_or_init(|| {
        cases()
            .into_iter()
            .map(|(name, decode)| {
                let value = catalog_common::fixture(name);
                let bytes = serde_json::to_vec(&value).unwrap();
                (value, bytes, decode)
            })
            .collect()
    })
}

/// Every JSON pointer inside `value`.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| pointers(v, format!("{at}/{k}"), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, v)| pointers(v, format!("{at}/{i}"), out)),
        _ => {}
    }
    out.push(at);
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::String),
        Just(Value::String("2025-13-45T99:99:99Z".into())),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(".{0,8}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

#[test]
fn every_fixture_decodes_unmutated() {
    for (name, decode) in cases() {
        let bytes = serde_json::to_vec(&catalog_common::fixture(name)).unwrap();
        assert!(decode(&bytes), "{name} must decode before it is mutated");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for (_, _, decode) in fixtures() {
            decode(&bytes);
        }
    }

    #[test]
    fn byte_mutations_never_panic(which in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), byte in any::<u8>(), cut in any::<bool>()) {
        let (_, original, decode) = which.get(fixtures());
        let mut bytes = original.clone();
        let position = at.index(bytes.len());
        if cut {
            bytes.truncate(position);
        } else {
            bytes[position] = byte;
        }
        decode(&bytes);
    }

    #[test]
    fn structural_mutations_never_panic(which in any::<prop::sample::Index>(), at in any::<prop::sample::Index>(), replacement in any_json()) {
        let (value, _, decode) = which.get(fixtures());
        let mut all = Vec::new();
        pointers(value, String::new(), &mut all);
        let pointer = at.get(&all);
        let mut mutated = value.clone();
        if pointer.is_empty() {
            mutated = replacement;
        } else if let Some(slot) = mutated.pointer_mut(pointer) {
            *slot = replacement;
        }
        decode(&serde_json::to_vec(&mutated).unwrap());
    }
}

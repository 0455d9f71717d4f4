//! Property tests: arbitrary bytes, and valid responses mutated byte-wise or structurally,
//! decoded into every response type of the catalog never panic.

mod catalog_common;

use catalog_common::Decoder;
use catalog_common::table::CASES;
use proptest::prelude::*;
use serde_json::Value;

/// Every response type of the catalog with its fixture of a realistic full response, loaded once.
fn fixtures() -> &'static Vec<(Value, Vec<u8>, Decoder)> {
    static FIXTURES: std::sync::OnceLock<Vec<(Value, Vec<u8>, Decoder)>> = std::sync::OnceLock::new();
    FIXTURES.get_or_init(|| {
        CASES
            .iter()
            .map(|case| {
                let value = case.fixture()["response"]["full"].clone();
                let bytes = serde_json::to_vec(&value).unwrap();
                (value, bytes, case.decode)
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
    for (case, (_, bytes, decode)) in CASES.iter().zip(fixtures()) {
        if let Err(e) = decode(bytes) {
            panic!("{} must decode before it is mutated: {e}", case.rust_path);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for (_, _, decode) in fixtures() {
            let _ = decode(&bytes);
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
        let _ = decode(&bytes);
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
        let _ = decode(&serde_json::to_vec(&mutated).unwrap());
    }
}

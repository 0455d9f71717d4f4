//! Response decoding: `serde_json::from_slice` of a realistic, fully populated response into
//! each Passwords response type and the supporting organization, member, session and discovery
//! types, reported as bytes per second.
//!
//! Run: `cargo bench -p stytch-client --bench decode_responses`.
//!
//! The bodies are the catalog tests' full responses (`response.full` of
//! `tests/catalog/<endpoint>.json`), with their `"$Type.full"` placeholders expanded from
//! `tests/catalog/models/` at start-up by textual
//! substitution (so keys keep the order the fixtures give them, as a server would send them)
//! and whitespace outside strings removed (Stytch sends compact JSON). Each measured iteration
//! decodes and drops one value, as a caller would. Times are the benchmarking thread's CPU time
//! (`common::ThreadCpuTime`), so throughput is bytes per CPU-second.
//!
//! Reference points sit next to the typed `passwords/authenticate` decode: the same bytes into
//! `serde_json::Value` (what an untyped hand-written client does) and into
//! `serde::de::IgnoredAny` (the JSON parser's floor: validate and skip, build nothing); the typed
//! decode through `serde_path_to_error` (what the client's error path re-runs to name the failing
//! field); and the typed decode after one up-front `std::str::from_utf8` of the whole body with
//! `serde_json::from_str` (which then skips per-string UTF-8 checks).

mod common;

use common::ThreadCpuTime;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::de::{DeserializeOwned, IgnoredAny};
use std::hint::black_box;
use stytch_client::b2b::{discovery, organizations, passwords, sessions};

/// The full response of `tests/catalog/<endpoint>.json` (its `"full": {...}` object, taken as
/// text) with every `"$Type.variant"` placeholder replaced by the (recursively expanded) text of
/// `tests/catalog/models/Type.variant.json`, minified.
fn fixture(endpoint: &str) -> Vec<u8> {
    let text = read(&format!("{endpoint}.json"));
    let start = text
        .find("\"full\":")
        .unwrap_or_else(|| panic!("{endpoint}: no full response"))
        + 7;
    let start = start + text[start..].find('{').expect("an object");
    let mut depth = 0;
    let (mut in_string, mut escaped) = (false, false);
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' if in_string => escaped = true,
            '"' => in_string = !in_string,
            '{' if !in_string => depth += 1,
            '}' if !in_string => {
                depth -= 1;
                if depth == 0 {
                    end = start + i + 1;
                    break;
                }
            }
            _ => {}
        }
    }
    minify(&expand(&text[start..end])).into_bytes()
}

fn read(relative: &str) -> String {
    let path = format!("{}/tests/catalog/{relative}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn expand(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("\"$") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after.find('"').expect("unterminated placeholder");
        out.push_str(&expand(&read(&format!("models/{}.json", &after[..end]))));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Drops whitespace outside JSON strings.
fn minify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

fn decode<T: DeserializeOwned>(c: &mut Criterion<ThreadCpuTime>, group: &str) {
    let body = fixture(group);
    // The fixture must decode (and be valid JSON) before it is worth timing.
    serde_json::from_slice::<T>(&body).unwrap_or_else(|e| panic!("{group}: {e}"));
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("typed", |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(&body)).unwrap())
    });
    g.finish();
}

fn references(c: &mut Criterion<ThreadCpuTime>) {
    let body = fixture("passwords/authenticate");
    let mut g = c.benchmark_group("passwords/authenticate");
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("typed", |b| {
        b.iter(|| serde_json::from_slice::<passwords::AuthenticateResponse>(black_box(&body)).unwrap())
    });
    g.bench_function("typed_from_str_after_utf8_check", |b| {
        b.iter(|| {
            let text = std::str::from_utf8(black_box(&body)).unwrap();
            serde_json::from_str::<passwords::AuthenticateResponse>(text).unwrap()
        })
    });
    g.bench_function("typed_path_to_error", |b| {
        b.iter(|| {
            let de = &mut serde_json::Deserializer::from_slice(black_box(&body));
            serde_path_to_error::deserialize::<_, passwords::AuthenticateResponse>(de).unwrap()
        })
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&body)).unwrap())
    });
    g.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&body)).unwrap())
    });
    g.finish();
}

fn passwords_responses(c: &mut Criterion<ThreadCpuTime>) {
    decode::<passwords::StrengthCheckResponse>(c, "passwords/strength_check");
    decode::<passwords::MigrateResponse>(c, "passwords/migrate");
    // passwords/authenticate is in `references`, next to its baselines.
    decode::<passwords::email::ResetStartResponse>(c, "passwords/email/reset_start");
    decode::<passwords::email::ResetResponse>(c, "passwords/email/reset");
    decode::<passwords::email::RequireResetResponse>(c, "passwords/email/require_reset");
    decode::<passwords::sessions::ResetResponse>(c, "passwords/sessions/reset");
    decode::<passwords::existing_password::ResetResponse>(c, "passwords/existing_password/reset");
    decode::<passwords::discovery::AuthenticateResponse>(c, "passwords/discovery/authenticate");
    decode::<passwords::discovery::email::ResetStartResponse>(c, "passwords/discovery/email/reset_start");
    decode::<passwords::discovery::email::ResetResponse>(c, "passwords/discovery/email/reset");
}

fn supporting_responses(c: &mut Criterion<ThreadCpuTime>) {
    decode::<organizations::CreateResponse>(c, "organizations/create");
    decode::<organizations::GetResponse>(c, "organizations/get");
    decode::<organizations::members::CreateResponse>(c, "organizations/members/create");
    decode::<organizations::members::GetResponse>(c, "organizations/members/get");
    decode::<sessions::AuthenticateResponse>(c, "sessions/authenticate");
    decode::<sessions::GetResponse>(c, "sessions/get");
    decode::<sessions::ExchangeResponse>(c, "sessions/exchange");
    decode::<sessions::GetJwksResponse>(c, "sessions/get_jwks");
    decode::<discovery::intermediate_sessions::ExchangeResponse>(
        c,
        "discovery/intermediate_sessions/exchange",
    );
    decode::<discovery::organizations::ListResponse>(c, "discovery/organizations/list");
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = references, passwords_responses, supporting_responses
}
criterion_main!(benches);

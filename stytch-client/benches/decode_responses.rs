//! Response decoding: `serde_json::from_slice` of a realistic, fully populated response into
//! each Passwords response type and the supporting organization, member, session and discovery
//! types, reported as bytes per second.
//!
//! Run: `cargo bench -p stytch-client --bench decode_responses`.
//!
//! The bodies are the catalog tests' full fixtures (`tests/fixtures/*.full.json`), with their
//! `"$Type.full"` placeholders expanded from `tests/fixtures/models/` at start-up by textual
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

/// Loads `tests/fixtures/<name>.json` with every `"$Type.variant"` placeholder replaced by the
/// (recursively expanded) text of `tests/fixtures/models/Type.variant.json`, minified.
fn fixture(name: &str) -> Vec<u8> {
    minify(&expand(&format!("{name}.json"))).into_bytes()
}

fn expand(relative: &str) -> String {
    let path = format!("{}/tests/fixtures/{relative}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(start) = rest.find("\"$") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        let end = after
            .find('"')
            .unwrap_or_else(|| panic!("{path}: unterminated placeholder"));
        out.push_str(&expand(&format!("models/{}.json", &after[..end])));
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

fn decode<T: DeserializeOwned>(c: &mut Criterion<ThreadCpuTime>, group: &str, fixture_name: &str) {
    let body = fixture(fixture_name);
    // The fixture must decode (and be valid JSON) before it is worth timing.
    serde_json::from_slice::<T>(&body).unwrap_or_else(|e| panic!("{fixture_name}: {e}"));
    let mut g = c.benchmark_group(group);
    g.throughput(Throughput::Bytes(body.len() as u64));
    g.bench_function("typed", |b| {
        b.iter(|| serde_json::from_slice::<T>(black_box(&body)).unwrap())
    });
    g.finish();
}

fn references(c: &mut Criterion<ThreadCpuTime>) {
    let body = fixture("authenticate.full");
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
    decode::<passwords::StrengthCheckResponse>(c, "passwords/strength_check", "strength_check.full");
    decode::<passwords::MigrateResponse>(c, "passwords/migrate", "migrate.full");
    // passwords/authenticate is in `references`, next to its baselines.
    decode::<passwords::email::ResetStartResponse>(
        c,
        "passwords/email/reset_start",
        "email_reset_start.full",
    );
    decode::<passwords::email::ResetResponse>(c, "passwords/email/reset", "email_reset.full");
    decode::<passwords::email::RequireResetResponse>(
        c,
        "passwords/email/require_reset",
        "email_require_reset.full",
    );
    decode::<passwords::sessions::ResetResponse>(c, "passwords/sessions/reset", "sessions_reset.full");
    decode::<passwords::existing_password::ResetResponse>(
        c,
        "passwords/existing_password/reset",
        "existing_password_reset.full",
    );
    decode::<passwords::discovery::AuthenticateResponse>(
        c,
        "passwords/discovery/authenticate",
        "discovery_authenticate.full",
    );
    decode::<passwords::discovery::email::ResetStartResponse>(
        c,
        "passwords/discovery/email/reset_start",
        "discovery_email_reset_start.full",
    );
    decode::<passwords::discovery::email::ResetResponse>(
        c,
        "passwords/discovery/email/reset",
        "discovery_email_reset.full",
    );
}

fn supporting_responses(c: &mut Criterion<ThreadCpuTime>) {
    decode::<organizations::CreateResponse>(c, "organizations/create", "organizations_create.full");
    decode::<organizations::GetResponse>(c, "organizations/get", "organizations_get.full");
    decode::<organizations::members::CreateResponse>(
        c,
        "organizations/members/create",
        "organizations_members_create.full",
    );
    decode::<organizations::members::GetResponse>(
        c,
        "organizations/members/get",
        "organizations_members_get.full",
    );
    decode::<sessions::AuthenticateResponse>(c, "sessions/authenticate", "sessions_authenticate.full");
    decode::<sessions::GetResponse>(c, "sessions/get", "sessions_get.full");
    decode::<sessions::ExchangeResponse>(c, "sessions/exchange", "sessions_exchange.full");
    decode::<sessions::GetJwksResponse>(c, "sessions/get_jwks", "sessions_get_jwks.full");
    decode::<discovery::intermediate_sessions::ExchangeResponse>(
        c,
        "discovery/intermediate_sessions/exchange",
        "discovery_intermediate_sessions_exchange.full",
    );
    decode::<discovery::organizations::ListResponse>(
        c,
        "discovery/organizations/list",
        "discovery_organizations_list.full",
    );
}

criterion_group! {
    name = benches;
    config = common::config();
    targets = references, passwords_responses, supporting_responses
}
criterion_main!(benches);

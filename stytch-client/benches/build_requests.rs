//! Request building: each B2B Passwords endpoint through its `#[endpoint]`-generated
//! [`Endpoint`] impl (`ours`) next to what a careful reqwest user would write by hand
//! (`hand_written`: a `#[derive(Serialize)]` struct of borrowed fields with
//! `skip_serializing_if`, `serde_json::to_vec`, `push_str` for the path, the same headers).
//!
//! Run: `cargo bench -p stytch-client --bench build_requests`.
//!
//! Both sides produce the request's path (into a new `String`), its endpoint-specific headers
//! (into a new `http::HeaderMap`) and its JSON body bytes; before any timing, `assert_same`
//! checks once per endpoint that they are byte-for-byte identical. The headers every request
//! carries (auth, accept, content type, user agent) are added by the client's `send`, not by the
//! endpoint, and are measured by the loopback benchmark (`examples/loopback_bench.rs`).
//!
//! What is timed, and why it is the same work on both sides: the application holds its inputs as
//! owned values (`String`s from a form, a `serde_json::Map` of custom claims). Criterion's
//! `iter_batched` hands each iteration a fresh copy of those inputs, made outside the timing.
//! `ours` *moves* them into the endpoint struct (`Authenticate::new(..).session_duration_minutes(..)`,
//! no copy) and builds; `hand_written` *borrows* them into its `&str` struct and builds. Both
//! construct their request struct inside the timed closure, and both return their inputs (inside
//! the endpoint struct, or as is) so that dropping them is outside the timing too.
//!
//! Times are the benchmarking thread's CPU time (`common::ThreadCpuTime`), which other processes
//! on a shared machine do not inflate. Timings remain noisy there; the heap allocations of one build (counted by a global
//! allocator that is switched on only for that one call, before timing starts) are not, and
//! are printed once per endpoint as `allocs: ours N (B bytes), hand_written M (C bytes)`.

mod common;

use common::ThreadCpuTime;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use http::{HeaderMap, HeaderName, HeaderValue};
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use stytch_client::b2b::models::{HashType, JsonObject, PasswordsLocale, Pbkdf2Config};
use stytch_client::b2b::models::{MemberId, OrganizationId};
use stytch_client::b2b::passwords;
use stytch_client::{Authorization, Endpoint};

/// Counts allocations while `COUNTING` is on; a relaxed load otherwise.
struct CountingAlloc;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static ALLOC_BYTES: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged.
unsafe impl GlobalAlloc for CountingAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            ALLOCS.fetch_add(1, Relaxed);
            ALLOC_BYTES.fetch_add(layout.size(), Relaxed);
        }
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `alloc` or `realloc` above, i.e. from the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.load(Relaxed) {
            ALLOCS.fetch_add(1, Relaxed);
            ALLOC_BYTES.fetch_add(new_size, Relaxed);
        }
        // SAFETY: as for `dealloc`, and the caller upholds `realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAlloc = CountingAlloc;

/// Runs `f` once, returning its output and the (allocations, bytes) it made.
fn counted<T>(f: impl FnOnce() -> T) -> (T, usize, usize) {
    ALLOCS.store(0, Relaxed);
    ALLOC_BYTES.store(0, Relaxed);
    COUNTING.store(true, Relaxed);
    let out = black_box(f());
    COUNTING.store(false, Relaxed);
    (out, ALLOCS.load(Relaxed), ALLOC_BYTES.load(Relaxed))
}

/// One built request: what both sides produce.
#[derive(Debug)]
struct Built {
    path: String,
    headers: HeaderMap,
    body: Vec<u8>,
}

fn build_ours<E: Endpoint>(endpoint: &E) -> Built {
    let mut path = String::new();
    endpoint.write_path(&mut path).unwrap();
    let mut headers = HeaderMap::new();
    endpoint.headers(&mut headers).unwrap();
    let body = endpoint.body().unwrap().unwrap();
    Built { path, headers, body }
}

fn assert_same(name: &str, ours: &Built, hand: &Built) {
    assert_eq!(ours.path, hand.path, "{name}: path");
    assert_eq!(ours.headers, hand.headers, "{name}: headers");
    for (key, value) in &ours.headers {
        assert_eq!(
            value.is_sensitive(),
            hand.headers[key].is_sensitive(),
            "{name}: {key} sensitivity"
        );
    }
    assert_eq!(
        String::from_utf8_lossy(&ours.body),
        String::from_utf8_lossy(&hand.body),
        "{name}: body"
    );
}

/// Checks both sides once, then times them side by side in one group.
fn compare<I: Clone, E>(
    c: &mut Criterion<ThreadCpuTime>,
    name: &str,
    inputs: I,
    ours: impl Fn(I) -> (E, Built),
    hand: impl Fn(&I) -> Built,
) {
    let ours_inputs = inputs.clone();
    let ((_, ours_built), ours_allocs, ours_bytes) = counted(|| ours(ours_inputs));
    let (hand_built, hand_allocs, hand_bytes) = counted(|| hand(&inputs));
    assert_same(name, &ours_built, &hand_built);
    println!(
        "{name}: allocs: ours {ours_allocs} ({ours_bytes} bytes), hand_written {hand_allocs} ({hand_bytes} bytes); body {} bytes; endpoint struct {} bytes",
        ours_built.body.len(),
        std::mem::size_of::<E>()
    );

    let mut group = c.benchmark_group(name);
    group.bench_function("ours", |b| {
        b.iter_batched(|| inputs.clone(), |i| ours(black_box(i)), BatchSize::SmallInput)
    });
    group.bench_function("hand_written", |b| {
        b.iter_batched(
            || inputs.clone(),
            |i| {
                let built = hand(black_box(&i));
                (i, built)
            },
            BatchSize::SmallInput,
        )
    });
    group.finish();
}

// ---------------------------------------------------------------------------------------------
// Shared inputs and hand-written helpers.

const ORG: &str = "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931";
const MEMBER: &str = "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f";
const EMAIL: &str = "ada.lovelace@acme-analytical-engines.com";
const PASSWORD: &str = "correct horse battery staple 1843!";
const NEW_PASSWORD: &str = "a new and even longer passphrase, 1852";
const SESSION_TOKEN: &str = "mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q";
const SESSION_JWT: &str = "eyJhbGciOiJSUzI1NiIsImtpZCI6Imp3ay10ZXN0LTEyMyIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtZW1iZXItdGVzdC0zMmZjNTAyNCIsImV4cCI6MTc2MzgyNzIwMH0.c2lnbmF0dXJlLW9mLXRoZS1qd3QtYnktc3R5dGNo";
const RESET_TOKEN: &str = "Ila1xGVc3nEt0b6J1ixt_VyzpaFJ3XYnqjLN6Zt-Lo0=";
const TELEMETRY_ID: &str = "026ac93b-8fdf-4ef6-b3b0-6c3d56bbb1d5";
const RESET_URL: &str = "https://app.example.com/auth/reset-password";
const LOGIN_URL: &str = "https://app.example.com/auth/login";
const DISCOVERY_URL: &str = "https://app.example.com/auth/discovery";
const CODE_CHALLENGE: &str = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const CODE_VERIFIER: &str = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

/// Custom claims with a nested object, as an app adding tenant data to the session would.
fn custom_claims() -> JsonObject {
    match json!({
        "plan": "enterprise",
        "tenant": {"region": "eu-west-1", "tier": 3, "features": ["sso", "scim", "audit_log"]},
        "support_pin": 4711
    }) {
        Value::Object(map) => map,
        _ => unreachable!(),
    }
}

fn is_none<T>(value: &Option<T>) -> bool {
    value.is_none()
}

/// A sensitive header, as a careful user marks it.
fn insert_sensitive(headers: &mut HeaderMap, name: &'static str, value: &str) {
    let mut value = HeaderValue::from_str(value).unwrap();
    value.set_sensitive(true);
    headers.insert(HeaderName::from_static(name), value);
}

fn hand_built(path: &str, headers: HeaderMap, body: &impl Serialize) -> Built {
    let mut out = String::new();
    out.push_str(path);
    Built {
        path: out,
        headers,
        body: serde_json::to_vec(body).unwrap(),
    }
}

// ---------------------------------------------------------------------------------------------
// The endpoints. Each has its inputs, `ours` (moving them into the endpoint) and `hand` (borrowing
// them into a serde struct whose field order matches the endpoint's declaration).

/// Email and password, as a login form gives them. (Each endpoint's inputs hold exactly the
/// fields it sends, so `ours` moves all of them and drops nothing inside the timing.)
#[derive(Clone)]
struct Credentials {
    email_address: String,
    password: String,
}

fn credentials() -> Credentials {
    Credentials {
        email_address: EMAIL.into(),
        password: PASSWORD.into(),
    }
}

fn strength_check(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Serialize)]
    struct Body<'a> {
        password: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        email_address: Option<&'a str>,
    }
    compare(
        c,
        "passwords/strength_check",
        credentials(),
        |i| {
            let e = passwords::StrengthCheck::new(i.password).email_address(i.email_address);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                password: &i.password,
                email_address: Some(&i.email_address),
            };
            hand_built("/v1/b2b/passwords/strength_check", HeaderMap::new(), &body)
        },
    );
}

fn migrate(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        email_address: String,
        hash: String,
        organization_id: String,
        salt: String,
        name: String,
        trusted_metadata: JsonObject,
        untrusted_metadata: JsonObject,
        roles: Vec<String>,
        external_id: String,
    }
    #[derive(Serialize)]
    struct Pbkdf2<'a> {
        salt: &'a str,
        iteration_amount: u32,
        key_length: u32,
        algorithm: &'a str,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        email_address: &'a str,
        hash: &'a str,
        hash_type: &'a str,
        organization_id: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        pbkdf_2_config: Option<Pbkdf2<'a>>,
        #[serde(skip_serializing_if = "is_none")]
        name: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        trusted_metadata: Option<&'a Map<String, Value>>,
        #[serde(skip_serializing_if = "is_none")]
        untrusted_metadata: Option<&'a Map<String, Value>>,
        #[serde(skip_serializing_if = "is_none")]
        roles: Option<&'a [String]>,
        #[serde(skip_serializing_if = "is_none")]
        preserve_existing_sessions: Option<bool>,
        #[serde(skip_serializing_if = "is_none")]
        external_id: Option<&'a str>,
    }
    let object = |value: Value| match value {
        Value::Object(map) => map,
        _ => unreachable!(),
    };
    let inputs = Inputs {
        email_address: EMAIL.into(),
        hash: "Xk2Yq1w4ZkA6pP7cB9hW0n3T5mLrV8sDfGjH2eKzQ1o=".into(),
        organization_id: ORG.into(),
        salt: "c2FsdHktc2FsdC1mb3ItcGJrZGYy".into(),
        name: "Ada Lovelace".into(),
        trusted_metadata: object(json!({"billing_id": "cus_9s6XKzkNRiz8i3", "seats": 25})),
        untrusted_metadata: object(json!({"theme": "dark", "onboarding": {"step": 3, "done": false}})),
        roles: vec!["stytch_member".into(), "analyst".into()],
        external_id: "legacy-user-000184".into(),
    };
    compare(
        c,
        "passwords/migrate",
        inputs,
        |i| {
            let e = passwords::Migrate::new(
                OrganizationId::new(i.organization_id),
                i.email_address,
                i.hash,
                HashType::Pbkdf2,
            )
            .pbkdf_2_config(Pbkdf2Config::new(i.salt, 600_000, 32, "sha256"))
            .name(i.name)
            .trusted_metadata(i.trusted_metadata)
            .untrusted_metadata(i.untrusted_metadata)
            .roles(i.roles)
            .preserve_existing_sessions(false)
            .external_id(i.external_id);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                email_address: &i.email_address,
                hash: &i.hash,
                hash_type: "pbkdf_2",
                organization_id: &i.organization_id,
                pbkdf_2_config: Some(Pbkdf2 {
                    salt: &i.salt,
                    iteration_amount: 600_000,
                    key_length: 32,
                    algorithm: "sha256",
                }),
                name: Some(&i.name),
                trusted_metadata: Some(&i.trusted_metadata),
                untrusted_metadata: Some(&i.untrusted_metadata),
                roles: Some(&i.roles),
                preserve_existing_sessions: Some(false),
                external_id: Some(&i.external_id),
            };
            hand_built("/v1/b2b/passwords/migrate", HeaderMap::new(), &body)
        },
    );
}

fn authenticate(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Serialize)]
    struct Body<'a> {
        organization_id: &'a str,
        email_address: &'a str,
        password: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        session_duration_minutes: Option<u32>,
        #[serde(skip_serializing_if = "is_none")]
        session_custom_claims: Option<&'a Map<String, Value>>,
        #[serde(skip_serializing_if = "is_none")]
        locale: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        telemetry_id: Option<&'a str>,
    }
    #[derive(Clone)]
    struct Inputs {
        organization_id: String,
        credentials: Credentials,
        custom_claims: JsonObject,
        telemetry_id: String,
    }
    let inputs = Inputs {
        organization_id: ORG.into(),
        credentials: credentials(),
        custom_claims: custom_claims(),
        telemetry_id: TELEMETRY_ID.into(),
    };
    compare(
        c,
        "passwords/authenticate",
        inputs,
        |i| {
            let l = i.credentials;
            let e = passwords::Authenticate::new(
                OrganizationId::new(i.organization_id),
                l.email_address,
                l.password,
            )
            .session_duration_minutes(60)
            .session_custom_claims(i.custom_claims)
            .locale(PasswordsLocale::En)
            .telemetry_id(i.telemetry_id);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let l = &i.credentials;
            let body = Body {
                organization_id: &i.organization_id,
                email_address: &l.email_address,
                password: &l.password,
                session_duration_minutes: Some(60),
                session_custom_claims: Some(&i.custom_claims),
                locale: Some("en"),
                telemetry_id: Some(&i.telemetry_id),
            };
            hand_built("/v1/b2b/passwords/authenticate", HeaderMap::new(), &body)
        },
    );
}

fn email_reset_start(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        organization_id: String,
        email_address: String,
        reset_password_redirect_url: String,
        login_redirect_url: String,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        organization_id: &'a str,
        email_address: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        reset_password_redirect_url: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        reset_password_expiration_minutes: Option<u32>,
        #[serde(skip_serializing_if = "is_none")]
        login_redirect_url: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        locale: Option<&'a str>,
    }
    let inputs = Inputs {
        organization_id: ORG.into(),
        email_address: EMAIL.into(),
        reset_password_redirect_url: RESET_URL.into(),
        login_redirect_url: LOGIN_URL.into(),
    };
    compare(
        c,
        "passwords/email/reset_start",
        inputs,
        |i| {
            let e =
                passwords::email::ResetStart::new(OrganizationId::new(i.organization_id), i.email_address)
                    .reset_password_redirect_url(i.reset_password_redirect_url)
                    .reset_password_expiration_minutes(30)
                    .login_redirect_url(i.login_redirect_url)
                    .locale(PasswordsLocale::PtBr);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                organization_id: &i.organization_id,
                email_address: &i.email_address,
                reset_password_redirect_url: Some(&i.reset_password_redirect_url),
                reset_password_expiration_minutes: Some(30),
                login_redirect_url: Some(&i.login_redirect_url),
                locale: Some("pt-br"),
            };
            hand_built("/v1/b2b/passwords/email/reset/start", HeaderMap::new(), &body)
        },
    );
}

fn email_reset(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        password_reset_token: String,
        password: String,
        code_verifier: String,
        custom_claims: JsonObject,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        password_reset_token: &'a str,
        password: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        session_duration_minutes: Option<u32>,
        #[serde(skip_serializing_if = "is_none")]
        code_verifier: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        session_custom_claims: Option<&'a Map<String, Value>>,
    }
    let inputs = Inputs {
        password_reset_token: RESET_TOKEN.into(),
        password: NEW_PASSWORD.into(),
        code_verifier: CODE_VERIFIER.into(),
        custom_claims: custom_claims(),
    };
    compare(
        c,
        "passwords/email/reset",
        inputs,
        |i| {
            let e = passwords::email::Reset::new(i.password_reset_token, i.password)
                .session_duration_minutes(60)
                .code_verifier(i.code_verifier)
                .session_custom_claims(i.custom_claims);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                password_reset_token: &i.password_reset_token,
                password: &i.password,
                session_duration_minutes: Some(60),
                code_verifier: Some(&i.code_verifier),
                session_custom_claims: Some(&i.custom_claims),
            };
            hand_built("/v1/b2b/passwords/email/reset", HeaderMap::new(), &body)
        },
    );
}

fn email_require_reset(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        email_address: String,
        organization_id: String,
        member_id: String,
        admin_session_jwt: String,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        email_address: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        organization_id: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        member_id: Option<&'a str>,
    }
    let inputs = Inputs {
        email_address: EMAIL.into(),
        organization_id: ORG.into(),
        member_id: MEMBER.into(),
        admin_session_jwt: SESSION_JWT.into(),
    };
    compare(
        c,
        "passwords/email/require_reset",
        inputs,
        |i| {
            let e = passwords::email::RequireReset::new(i.email_address)
                .organization_id(OrganizationId::new(i.organization_id))
                .member_id(MemberId::new(i.member_id))
                .authorization(Authorization::session_jwt(i.admin_session_jwt));
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                email_address: &i.email_address,
                organization_id: Some(&i.organization_id),
                member_id: Some(&i.member_id),
            };
            let mut headers = HeaderMap::new();
            insert_sensitive(&mut headers, "x-stytch-member-sessionjwt", &i.admin_session_jwt);
            hand_built("/v1/b2b/passwords/email/require_reset", headers, &body)
        },
    );
}

fn sessions_reset(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        organization_id: String,
        password: String,
        session_token: String,
        custom_claims: JsonObject,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        organization_id: &'a str,
        password: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        session_token: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        session_duration_minutes: Option<u32>,
        #[serde(skip_serializing_if = "is_none")]
        session_custom_claims: Option<&'a Map<String, Value>>,
    }
    let inputs = Inputs {
        organization_id: ORG.into(),
        password: NEW_PASSWORD.into(),
        session_token: SESSION_TOKEN.into(),
        custom_claims: custom_claims(),
    };
    compare(
        c,
        "passwords/sessions/reset",
        inputs,
        |i| {
            let e = passwords::sessions::Reset::new(OrganizationId::new(i.organization_id), i.password)
                .session_token(i.session_token)
                .session_duration_minutes(60)
                .session_custom_claims(i.custom_claims);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                organization_id: &i.organization_id,
                password: &i.password,
                session_token: Some(&i.session_token),
                session_duration_minutes: Some(60),
                session_custom_claims: Some(&i.custom_claims),
            };
            hand_built("/v1/b2b/passwords/session/reset", HeaderMap::new(), &body)
        },
    );
}

fn existing_password_reset(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        email_address: String,
        existing_password: String,
        new_password: String,
        organization_id: String,
        custom_claims: JsonObject,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        email_address: &'a str,
        existing_password: &'a str,
        new_password: &'a str,
        organization_id: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        session_duration_minutes: Option<u32>,
        #[serde(skip_serializing_if = "is_none")]
        session_custom_claims: Option<&'a Map<String, Value>>,
    }
    let inputs = Inputs {
        email_address: EMAIL.into(),
        existing_password: PASSWORD.into(),
        new_password: NEW_PASSWORD.into(),
        organization_id: ORG.into(),
        custom_claims: custom_claims(),
    };
    compare(
        c,
        "passwords/existing_password/reset",
        inputs,
        |i| {
            let e = passwords::existing_password::Reset::new(
                OrganizationId::new(i.organization_id),
                i.email_address,
                i.existing_password,
                i.new_password,
            )
            .session_duration_minutes(60)
            .session_custom_claims(i.custom_claims);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                email_address: &i.email_address,
                existing_password: &i.existing_password,
                new_password: &i.new_password,
                organization_id: &i.organization_id,
                session_duration_minutes: Some(60),
                session_custom_claims: Some(&i.custom_claims),
            };
            hand_built(
                "/v1/b2b/passwords/existing_password/reset",
                HeaderMap::new(),
                &body,
            )
        },
    );
}

fn discovery_authenticate(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Serialize)]
    struct Body<'a> {
        email_address: &'a str,
        password: &'a str,
    }
    compare(
        c,
        "passwords/discovery/authenticate",
        credentials(),
        |i| {
            let e = passwords::discovery::Authenticate::new(i.email_address, i.password);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                email_address: &i.email_address,
                password: &i.password,
            };
            hand_built(
                "/v1/b2b/passwords/discovery/authenticate",
                HeaderMap::new(),
                &body,
            )
        },
    );
}

fn discovery_email_reset_start(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        email_address: String,
        reset_password_redirect_url: String,
        discovery_redirect_url: String,
        pkce_code_challenge: String,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        email_address: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        reset_password_redirect_url: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        discovery_redirect_url: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        reset_password_expiration_minutes: Option<u32>,
        #[serde(skip_serializing_if = "is_none")]
        pkce_code_challenge: Option<&'a str>,
        #[serde(skip_serializing_if = "is_none")]
        locale: Option<&'a str>,
    }
    let inputs = Inputs {
        email_address: EMAIL.into(),
        reset_password_redirect_url: RESET_URL.into(),
        discovery_redirect_url: DISCOVERY_URL.into(),
        pkce_code_challenge: CODE_CHALLENGE.into(),
    };
    compare(
        c,
        "passwords/discovery/email/reset_start",
        inputs,
        |i| {
            let e = passwords::discovery::email::ResetStart::new(i.email_address)
                .reset_password_redirect_url(i.reset_password_redirect_url)
                .discovery_redirect_url(i.discovery_redirect_url)
                .reset_password_expiration_minutes(30)
                .pkce_code_challenge(i.pkce_code_challenge)
                .locale(PasswordsLocale::Es);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                email_address: &i.email_address,
                reset_password_redirect_url: Some(&i.reset_password_redirect_url),
                discovery_redirect_url: Some(&i.discovery_redirect_url),
                reset_password_expiration_minutes: Some(30),
                pkce_code_challenge: Some(&i.pkce_code_challenge),
                locale: Some("es"),
            };
            hand_built(
                "/v1/b2b/passwords/discovery/email/reset/start",
                HeaderMap::new(),
                &body,
            )
        },
    );
}

fn discovery_email_reset(c: &mut Criterion<ThreadCpuTime>) {
    #[derive(Clone)]
    struct Inputs {
        password_reset_token: String,
        password: String,
        pkce_code_verifier: String,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        password_reset_token: &'a str,
        password: &'a str,
        #[serde(skip_serializing_if = "is_none")]
        pkce_code_verifier: Option<&'a str>,
    }
    let inputs = Inputs {
        password_reset_token: RESET_TOKEN.into(),
        password: NEW_PASSWORD.into(),
        pkce_code_verifier: CODE_VERIFIER.into(),
    };
    compare(
        c,
        "passwords/discovery/email/reset",
        inputs,
        |i| {
            let e = passwords::discovery::email::Reset::new(i.password_reset_token, i.password)
                .pkce_code_verifier(i.pkce_code_verifier);
            let built = build_ours(&e);
            (e, built)
        },
        |i| {
            let body = Body {
                password_reset_token: &i.password_reset_token,
                password: &i.password,
                pkce_code_verifier: Some(&i.pkce_code_verifier),
            };
            hand_built("/v1/b2b/passwords/discovery/email/reset", HeaderMap::new(), &body)
        },
    );
}

criterion_group! {
    name = benches;
    config = common::config();
    targets =
        strength_check,
        migrate,
        authenticate,
        email_reset_start,
        email_reset,
        email_require_reset,
        sessions_reset,
        existing_password_reset,
        discovery_authenticate,
        discovery_email_reset_start,
        discovery_email_reset
}
criterion_main!(benches);

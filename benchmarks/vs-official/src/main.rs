//! Side by side on loopback: this crate's `Client::send`, a hand-written reqwest client decoding
//! the same types, and the official `stytch` 11.1.0 crate, all sending
//! `passwords.authenticate` with a 60-minute session to the same canned-response server.
//!
//! ```sh
//! cargo run --release --manifest-path benchmarks/vs-official/Cargo.toml
//! cargo run --release --manifest-path benchmarks/vs-official/Cargo.toml -- --requests 5000 --rounds 1
//! ```
//!
//! The server runs in a child process (its CPU is not counted) on 127.0.0.1 and answers every
//! request with the same realistic 11 KB response, which all three clients decode fully into
//! their own typed response. For concurrency 1 and 64, the three clients are measured in
//! interleaved rounds (the order rotates each round) on one 2-worker tokio runtime, and the
//! median of the rounds is printed: requests per second, client CPU per request (user + sys of
//! this process, /proc/self/stat), heap allocations per request (a counting global allocator) and
//! peak RSS during the measurement (VmHWM after resetting it), then the ratios.
//!
//! The official crate reaches plain `http://127.0.0.1:PORT` through its own public constructor
//! `stytch::client::Client::new_with_base_url(project_id, secret, Url, Vertical::B2B)`, wrapped
//! by `stytch::b2b::client::Client::new_with_http_client`: no patch, no proxy.

#[path = "../../../stytch-client/examples/loopback/mod.rs"]
mod loopback;

use loopback::{
    Figures, HandWritten, PROJECT_ID, RESPONSE_BODY, SECRET, flag, inputs, measure, our_client, spawn_server,
};
use std::sync::Arc;
use stytch_client::Client;
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::passwords::Authenticate;

/// The three clients, in the order rows are printed.
const SIDES: [&str; 3] = ["stytch-client", "hand-written", "official 11.1.0"];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!(
            "vs-official: stytch-client vs the official stytch 11.1.0 crate vs hand-written reqwest\n\n\
             USAGE: cargo run --release --manifest-path benchmarks/vs-official/Cargo.toml [-- OPTIONS]\n\n  \
             --requests N   requests per measurement (default 20000)\n  \
             --rounds N     rounds; medians are reported (default 3)\n  \
             --only SIDE    measure one side only (ours, hand, official), e.g. under a profiler\n  \
             --concurrency C  one concurrency instead of 1 and 64\n  \
             --body lean    a 3.7 KB response (one factor, no SSO/OAuth/SCIM/MFA details)\n                  \
             instead of the fully populated 11 KB one\n  \
             -h, --help     this text"
        );
        return;
    }
    let lean = match args
        .iter()
        .position(|a| a == "--body")
        .and_then(|i| args.get(i + 1))
    {
        None => false,
        Some(name) if name == "full" => false,
        Some(name) if name == "lean" => true,
        Some(other) => panic!("--body takes full or lean, not {other:?}"),
    };
    let body = if lean {
        lean_body()
    } else {
        RESPONSE_BODY.to_owned()
    };
    if args.iter().any(|a| a == "--serve") {
        loopback::serve(&body);
        return;
    }
    let requests = flag(&args, "--requests").unwrap_or(20_000);
    let rounds = flag(&args, "--rounds").unwrap_or(3).max(1);
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .map(|name| match name.as_str() {
            "ours" => 0,
            "hand" => 1,
            "official" => 2,
            other => panic!("--only takes ours, hand or official, not {other:?}"),
        });
    let concurrencies = match flag(&args, "--concurrency") {
        Some(c) => vec![c.max(1)],
        None => vec![1, 64],
    };

    let (mut server, base_url) = spawn_server(if lean { &["--body", "lean"] } else { &[] });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let ours = our_client(&base_url);
    let hand = HandWritten::new(&base_url);
    let official = Arc::new(official_client(&base_url));

    // Equal work: every side decodes the whole canned response into its own typed model.
    runtime.block_on(async {
        call_ours(&ours, 0)
            .await
            .expect("stytch-client decodes the canned response");
        hand.authenticate(inputs(0))
            .await
            .expect("hand-written decodes the canned response");
        call_official(&official, 0)
            .await
            .expect("the official crate decodes the canned response");
    });

    println!(
        "vs-official benchmark: {requests} requests per measurement, {rounds} round(s), median reported"
    );
    println!(
        "response body: {} bytes; client worker threads: {}; load average (1 min) at start: {}",
        body.len(),
        runtime.metrics().num_workers(),
        loopback::load_average()
    );
    for concurrency in concurrencies {
        let mut runs: [Vec<Figures>; 3] = Default::default();
        for round in 0..rounds {
            // Interleaved, in an order that rotates each round, so drift in the machine's load
            // and any position effect fall on all three alike.
            for k in 0..3 {
                let side = (round + k) % 3;
                if only.is_some_and(|only| only != side) {
                    continue;
                }
                let figures = runtime.block_on(match side {
                    0 => {
                        let ours = ours.clone();
                        Box::pin(measure(requests, concurrency, move |i| {
                            let ours = ours.clone();
                            async move { call_ours(&ours, i).await }
                        })) as std::pin::Pin<Box<dyn Future<Output = Figures>>>
                    }
                    1 => {
                        let hand = hand.clone();
                        Box::pin(measure(requests, concurrency, move |i| {
                            let hand = hand.clone();
                            async move { hand.authenticate(inputs(i)).await.map(check_ours) }
                        }))
                    }
                    _ => {
                        let official = official.clone();
                        Box::pin(measure(requests, concurrency, move |i| {
                            let official = official.clone();
                            async move { call_official(&official, i).await }
                        }))
                    }
                });
                runs[side].push(figures);
            }
        }
        if let Some(side) = only {
            let f = Figures::median(&runs[side]);
            println!("\nconcurrency {concurrency}: {} {f:?}", SIDES[side]);
            continue;
        }
        let [ours, hand, official] = runs.map(|r| Figures::median(&r));
        println!(
            "\nconcurrency {concurrency} (load average now: {})",
            loopback::load_average()
        );
        println!(
            "  {:<16} {:>10} {:>12} {:>12} {:>15}",
            "", "req/s", "CPU µs/req", "allocs/req", "peak RSS MiB"
        );
        for (name, f) in SIDES.iter().zip([ours, hand, official]) {
            println!(
                "  {:<16} {:>10.0} {:>12.1} {:>12.1} {:>15.1}",
                name,
                f.rps,
                f.cpu_us,
                f.allocs,
                f.peak_rss_kib / 1024.0
            );
        }
        for (name, other) in [("official", official), ("hand", hand)] {
            println!(
                "  ratio ours/{name}: CPU {:.3}x, allocations {:.3}x, throughput {:.3}x, peak RSS {:.3}x",
                ours.cpu_us / other.cpu_us,
                ours.allocs / other.allocs,
                ours.rps / other.rps,
                ours.peak_rss_kib / other.peak_rss_kib
            );
        }
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// The full response thinned to what a typical member's password login returns: one password
/// factor with its email, no SSO / OAuth / SCIM registrations, no MFA or device details.
fn lean_body() -> String {
    use serde_json::{Value, json};
    let mut body: Value = serde_json::from_str(RESPONSE_BODY).expect("the fixture is JSON");
    let factors = &mut body["member_session"]["authentication_factors"];
    let first = factors[0].as_object().expect("a factor").clone();
    let kept = [
        "type",
        "delivery_method",
        "last_authenticated_at",
        "created_at",
        "updated_at",
        "email_factor",
    ];
    *factors = json!([first
        .into_iter()
        .filter(|(k, _)| kept.contains(&k.as_str()))
        .collect::<serde_json::Map<_, _>>()]);
    let member = body["member"].as_object_mut().expect("a member");
    member.remove("scim_registration");
    for list in [
        "sso_registrations",
        "oauth_registrations",
        "retired_email_addresses",
    ] {
        member.insert(list.to_owned(), json!([]));
    }
    body["organization"]
        .as_object_mut()
        .expect("an organization")
        .remove("scim_active_connection");
    for absent in ["mfa_required", "primary_required", "member_device"] {
        body[absent] = Value::Null;
    }
    body.to_string()
}

/// This crate: the endpoint struct through `Client::send`.
async fn call_ours(client: &Client, i: usize) -> Result<(), String> {
    let (organization_id, email_address, password) = inputs(i);
    client
        .send(
            Authenticate::new(OrganizationId::new(organization_id), email_address, password)
                .session_duration_minutes(60),
        )
        .await
        .map(check_ours)
        .map_err(|e| e.to_string())
}

fn check_ours(response: stytch_client::b2b::passwords::AuthenticateResponse) {
    assert_eq!(response.status_code, 200);
}

/// The official crate's B2B client, pointed at the loopback server through its public API.
fn official_client(base_url: &str) -> stytch::b2b::client::Client {
    let base_url = reqwest::Url::parse(base_url).expect("a valid base URL");
    let http = stytch::client::Client::new_with_base_url(
        PROJECT_ID,
        SECRET,
        base_url,
        stytch::client::Vertical::B2B,
    )
    .expect("the official client builds");
    stytch::b2b::client::Client::new_with_http_client(http.clone(), http)
}

/// The official crate: `passwords.authenticate` with the same inputs.
async fn call_official(client: &stytch::b2b::client::Client, i: usize) -> Result<(), String> {
    let (organization_id, email_address, password) = inputs(i);
    let response = client
        .passwords
        .authenticate(stytch::b2b::passwords::AuthenticateRequest {
            organization_id,
            email_address,
            password,
            session_duration_minutes: Some(60),
            ..Default::default()
        })
        .await
        .map_err(|e| e.to_string())?;
    assert_eq!(response.status_code, 200);
    Ok(())
}

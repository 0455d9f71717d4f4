//! Loopback benchmark: `Client::send` versus the same call written by hand with reqwest.
//!
//! ```sh
//! cargo run --release -p stytch-client --example loopback_bench            # 3 rounds, medians
//! cargo run --release -p stytch-client --example loopback_bench -- --requests 5000 --rounds 1
//! ```
//!
//! A canned-response HTTP/1.1 server runs in a child process (so its CPU is not counted), on
//! 127.0.0.1, answering every request with a realistic 11 KB `passwords/authenticate` response.
//! Both clients send the same headers and the same JSON body bytes through one shared
//! `reqwest::Client` configuration and decode into the same `AuthenticateResponse`, so the
//! difference is this crate's plumbing alone. For concurrency 1 and 64 it prints requests per
//! second, client CPU per request (user + sys, from /proc/self/stat) and heap allocations per
//! request (a counting global allocator), then the ratios ours / hand-written.
//!
//! The server, the hand-written client and the counters live in `loopback/mod.rs`, shared with
//! the side-by-side benchmark against the official crate (`benchmarks/vs-official`).

#[path = "loopback/mod.rs"]
mod loopback;

use loopback::{Figures, HandWritten, RESPONSE_BODY, flag, inputs, measure, our_client, spawn_server};
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::passwords::Authenticate;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!(
            "loopback_bench: Client::send vs a hand-written reqwest client on loopback\n\n\
             USAGE: cargo run --release -p stytch-client --example loopback_bench [-- OPTIONS]\n\n  \
             --requests N   requests per measurement (default 20000)\n  \
             --rounds N     rounds; medians are reported (default 3)\n  \
             -h, --help     this text"
        );
        return;
    }
    if args.iter().any(|a| a == "--serve") {
        loopback::serve(RESPONSE_BODY);
        return;
    }
    let requests = flag(&args, "--requests").unwrap_or(20_000);
    let rounds = flag(&args, "--rounds").unwrap_or(3);

    let (mut server, base_url) = spawn_server(&[]);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let ours = our_client(&base_url);
    let hand = HandWritten::new(&base_url);

    println!("loopback benchmark: {requests} requests per measurement, {rounds} round(s), median reported");
    println!(
        "response body: {} bytes; client threads: {}",
        RESPONSE_BODY.len(),
        runtime.metrics().num_workers()
    );
    for concurrency in [1usize, 64] {
        let mut ours_runs = Vec::new();
        let mut hand_runs = Vec::new();
        for _ in 0..rounds {
            // Interleaved, so drift in the machine's load affects both sides alike.
            hand_runs.push(runtime.block_on(measure(requests, concurrency, {
                let hand = hand.clone();
                move |i| {
                    let hand = hand.clone();
                    async move { hand.authenticate(inputs(i)).await.map(check) }
                }
            })));
            ours_runs.push(runtime.block_on(measure(requests, concurrency, {
                let ours = ours.clone();
                move |i| {
                    let ours = ours.clone();
                    async move {
                        let (organization_id, email_address, password) = inputs(i);
                        ours.send(
                            Authenticate::new(OrganizationId::new(organization_id), email_address, password)
                                .session_duration_minutes(60),
                        )
                        .await
                        .map(check)
                        .map_err(|e| e.to_string())
                    }
                }
            })));
        }
        let ours = Figures::median(&ours_runs);
        let hand = Figures::median(&hand_runs);
        println!("\nconcurrency {concurrency}");
        println!(
            "  {:<14} {:>12} {:>16} {:>14}",
            "", "req/s", "CPU µs/req", "allocs/req"
        );
        println!(
            "  {:<14} {:>12.0} {:>16.1} {:>14.1}",
            "stytch-client", ours.rps, ours.cpu_us, ours.allocs
        );
        println!(
            "  {:<14} {:>12.0} {:>16.1} {:>14.1}",
            "hand-written", hand.rps, hand.cpu_us, hand.allocs
        );
        println!(
            "  ratio ours/hand: throughput {:.3}x, CPU {:.3}x, allocations {:.3}x",
            ours.rps / hand.rps,
            ours.cpu_us / hand.cpu_us,
            ours.allocs / hand.allocs
        );
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// Both sides decode into the same type; a 200 answer is the success they report.
fn check(response: stytch_client::b2b::passwords::AuthenticateResponse) {
    assert_eq!(response.status_code, 200);
}

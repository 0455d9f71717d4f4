//! Emulator `passwords/authenticate` latency (p50/p99) and throughput through `stytch_client`.
//!
//! Run in release: `cargo bench -p stytch-emulator --bench authenticate`
//! (`-- --requests N --concurrency C` to change the load).

use serde_json::Value;
use std::time::{Duration, Instant};
use stytch_client::endpoint;
use stytch_emulator::Emulator;

#[endpoint(POST, "/v1/b2b/organizations", response = Value)]
struct CreateOrganization {
    organization_name: String,
    organization_slug: String,
}

#[endpoint(POST, "/v1/b2b/passwords/migrate", response = Value)]
struct Migrate {
    organization_id: String,
    email_address: String,
    hash: String,
    hash_type: String,
}

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = Value)]
struct Authenticate {
    organization_id: String,
    email_address: String,
    #[endpoint(sensitive)]
    password: String,
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if std::env::args().any(|a| a == "-h" || a == "--help") {
        println!(
            "authenticate: emulator passwords/authenticate latency and throughput\n\n\
             USAGE: cargo bench -p stytch-emulator --bench authenticate [-- OPTIONS]\n\n  \
             --requests N      requests (default 2000)\n  \
             --concurrency C   requests in flight (default 8)\n  \
             -h, --help        this text"
        );
        return;
    }
    let requests = arg("--requests", 2000);
    let concurrency = arg("--concurrency", 8).max(1);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async move {
        let emu = Emulator::start().await.expect("emulator");
        let client = emu.client();
        let org = client
            .send(CreateOrganization::new("Bench", "bench"))
            .await
            .unwrap();
        let org_id = org["organization"]["organization_id"]
            .as_str()
            .unwrap()
            .to_owned();
        // A bcrypt import, upgraded to the emulator's own argon2id at the first login.
        client
            .send(Migrate::new(
                org_id.clone(),
                "bench@example.com",
                "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
                "bcrypt",
            ))
            .await
            .unwrap();
        let call = || Authenticate::new(org_id.clone(), "bench@example.com", "U*U");
        for _ in 0..50 {
            client.send(call()).await.unwrap();
        }

        // Sequential: latency.
        let mut latencies = Vec::with_capacity(requests);
        let start = Instant::now();
        for _ in 0..requests {
            let t = Instant::now();
            let r = client.send(call()).await.unwrap();
            latencies.push(t.elapsed());
            assert_eq!(r["member_authenticated"], true);
        }
        let sequential = start.elapsed();
        latencies.sort();

        // Concurrent: throughput.
        let start = Instant::now();
        let per_task = requests / concurrency;
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let (client, org_id) = (client.clone(), org_id.clone());
            tasks.push(tokio::spawn(async move {
                for _ in 0..per_task {
                    client
                        .send(Authenticate::new(org_id.clone(), "bench@example.com", "U*U"))
                        .await
                        .unwrap();
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let concurrent = start.elapsed();

        println!("emulator passwords/authenticate through stytch_client ({requests} requests)");
        println!(
            "  sequential: p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms  {:.0} req/s",
            percentile(&latencies, 0.50).as_secs_f64() * 1e3,
            percentile(&latencies, 0.99).as_secs_f64() * 1e3,
            latencies.last().unwrap().as_secs_f64() * 1e3,
            requests as f64 / sequential.as_secs_f64()
        );
        println!(
            "  concurrency {concurrency}: {:.0} req/s",
            (per_task * concurrency) as f64 / concurrent.as_secs_f64()
        );
    });
}

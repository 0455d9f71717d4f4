//! Emulator `passwords/authenticate` latency (p50/p99) and throughput through `stytch_client`.
//!
//! Run in release: `cargo bench -p stytch-emulator --bench authenticate`
//! (`-- --requests N --concurrency C` to change the load).
//!
//! Client and emulator share one process and one multi-thread runtime (one worker per core), so
//! the CPU per request printed is both sides together. Every call verifies the password (the
//! emulator's fast hash), creates a session and signs an RS256 session JWT with an RSA-2048 key;
//! the bench also times that signature alone, with the emulator's own key and ring, because it
//! bounds the throughput: one signature per request, `cores / signature time` requests per second
//! at most.

#[path = "../../stytch-client/benches/common/thread_cpu.rs"]
mod thread_cpu;

use serde_json::Value;
use std::time::{Duration, Instant};
use stytch_client::endpoint;
use stytch_emulator::Emulator;
use thread_cpu::thread_cpu;

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

/// User + system CPU time of this process (Linux, clock ticks of 10 ms).
fn process_cpu() -> Duration {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return Duration::ZERO;
    };
    let after_name = &stat[stat.rfind(')').map_or(0, |i| i + 2)..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<u64>().ok()).unwrap_or(0);
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

/// CPU time of one RSA-2048 PKCS#1 v1.5 SHA-256 signature of a session-JWT-sized input, with the
/// emulator's first embedded key, on this thread.
fn rsa_sign_time() -> Duration {
    use base64::Engine as _;
    use ring::signature::{RSA_PKCS1_SHA256, RsaKeyPair};
    let pem = include_str!("../src/keys/test_key_1.pem");
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
    let key = RsaKeyPair::from_der(&der).unwrap();
    let rng = ring::rand::SystemRandom::new();
    let input = [b'x'; 900];
    let mut signature = vec![0; key.public().modulus_len()];
    let rounds = 500;
    let before = thread_cpu();
    for _ in 0..rounds {
        key.sign(&RSA_PKCS1_SHA256, &rng, &input, &mut signature).unwrap();
    }
    (thread_cpu() - before) / rounds
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

        // Concurrent: throughput, latency under load, and CPU per request.
        let cpu_before = process_cpu();
        let start = Instant::now();
        let per_task = requests / concurrency;
        let mut tasks = Vec::new();
        for _ in 0..concurrency {
            let (client, org_id) = (client.clone(), org_id.clone());
            tasks.push(tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(per_task);
                for _ in 0..per_task {
                    let t = Instant::now();
                    client
                        .send(Authenticate::new(org_id.clone(), "bench@example.com", "U*U"))
                        .await
                        .unwrap();
                    latencies.push(t.elapsed());
                }
                latencies
            }));
        }
        let mut loaded = Vec::with_capacity(requests);
        for t in tasks {
            loaded.extend(t.await.unwrap());
        }
        let concurrent = start.elapsed();
        let cpu = process_cpu() - cpu_before;
        loaded.sort();

        println!("emulator passwords/authenticate through stytch_client ({requests} requests)");
        println!(
            "  sequential: p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms  {:.0} req/s",
            percentile(&latencies, 0.50).as_secs_f64() * 1e3,
            percentile(&latencies, 0.99).as_secs_f64() * 1e3,
            latencies.last().unwrap().as_secs_f64() * 1e3,
            requests as f64 / sequential.as_secs_f64()
        );
        let done = loaded.len() as f64;
        println!(
            "  concurrency {concurrency}: p50 {:.2} ms  p99 {:.2} ms  max {:.2} ms  {:.0} req/s  CPU {:.0} µs/req (client + emulator)",
            percentile(&loaded, 0.50).as_secs_f64() * 1e3,
            percentile(&loaded, 0.99).as_secs_f64() * 1e3,
            loaded.last().unwrap().as_secs_f64() * 1e3,
            done / concurrent.as_secs_f64(),
            cpu.as_secs_f64() * 1e6 / done
        );
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        let sign = rsa_sign_time();
        println!(
            "  RSA-2048 signature alone: {:.0} µs; with one per request, {cores} core(s) allow at most {:.0} req/s",
            sign.as_secs_f64() * 1e6,
            cores as f64 / sign.as_secs_f64()
        );
        let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
        println!("  load average: {}", load.split_whitespace().take(3).collect::<Vec<_>>().join(" "));
    });
}

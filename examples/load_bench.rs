//! Loopback load benchmark: one `stytch_client::Client`, many concurrent requests against the
//! embedded emulator, reporting throughput, latency percentiles and peak memory.
//!
//! ```sh
//! cargo run --release --example load_bench                 # 20,000 requests, concurrency 256
//! cargo run --release --example load_bench -- 50000 64     # requests, concurrency
//! ```
//!
//! It creates 1,000 organizations, then sends `organizations::Get` for them round-robin; every
//! answer is checked against the organization it asked for, and any error aborts the run. The
//! figures include the emulator's own work, which runs in the same process on the same runtime
//! (two worker threads), so they are a floor for the client, not a measure of Stytch.

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::organizations;
use stytch_emulator::Emulator;

const ORGANIZATIONS: usize = 1_000;

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Open sockets of this process (client and emulator ends of each connection, plus the
/// emulator's listener).
fn open_sockets() -> Option<usize> {
    let entries = std::fs::read_dir("/proc/self/fd").ok()?;
    let sockets = entries
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter(|target| target.to_string_lossy().starts_with("socket:"))
        .count();
    Some(sockets)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

const USAGE: &str = "\
load_bench: one Client, many requests at high concurrency against the embedded emulator

USAGE: cargo run --release --example load_bench [-- [REQUESTS [CONCURRENCY]]]

  REQUESTS      total requests (default 20000)
  CONCURRENCY   requests in flight (default 256)
  -h, --help    this text";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return ExitCode::SUCCESS;
    }
    let number = |i: usize, default: usize| match args.get(i) {
        None => Some(default),
        Some(a) => a.parse().ok(),
    };
    let (Some(requests), Some(concurrency), true) = (number(0, 20_000), number(1, 256), args.len() <= 2)
    else {
        eprintln!("load_bench: bad arguments {args:?}\n\n{USAGE}");
        return ExitCode::from(2);
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    match runtime.block_on(bench(requests, concurrency)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("load_bench failed: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn bench(requests: usize, concurrency: usize) -> Result<(), Box<dyn std::error::Error>> {
    let emulator = Emulator::start().await?;
    let client = emulator.client();

    let mut ids = Vec::with_capacity(ORGANIZATIONS);
    for i in 0..ORGANIZATIONS {
        let created = client
            .send(
                organizations::Create::new(format!("Bench Org {i}"))
                    .organization_slug(format!("bench-org-{i}")),
            )
            .await?;
        ids.push(created.organization.organization_id);
    }
    let ids = Arc::new(ids);
    let rss_before = peak_rss_kib();

    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..concurrency {
        let (client, ids, next) = (client.clone(), ids.clone(), next.clone());
        workers.spawn(async move {
            let mut latencies = Vec::new();
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= requests {
                    break;
                }
                let id = &ids[i % ids.len()];
                let sent = Instant::now();
                let got = client
                    .send(organizations::Get::new(OrganizationId::new(id.as_str())))
                    .await?;
                latencies.push(sent.elapsed());
                if &got.organization.organization_id != id {
                    return Err(format!(
                        "request {i}: asked for {id}, got {}",
                        got.organization.organization_id
                    )
                    .into());
                }
            }
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(latencies)
        });
    }
    let mut latencies = Vec::with_capacity(requests);
    while let Some(joined) = workers.join_next().await {
        latencies.extend(joined?.map_err(|e| e.to_string())?);
    }
    let elapsed = started.elapsed();
    latencies.sort_unstable();
    assert_eq!(latencies.len(), requests);

    println!("load_bench: organizations::Get against the embedded emulator, one Client");
    println!("  requests        {requests}");
    println!("  concurrency     {concurrency}");
    println!("  errors          0");
    println!("  elapsed         {:.2} s", elapsed.as_secs_f64());
    println!(
        "  throughput      {:.0} requests/s",
        requests as f64 / elapsed.as_secs_f64()
    );
    println!(
        "  latency p50     {:.2} ms",
        percentile(&latencies, 50.0).as_secs_f64() * 1e3
    );
    println!(
        "  latency p99     {:.2} ms",
        percentile(&latencies, 99.0).as_secs_f64() * 1e3
    );
    println!(
        "  latency max     {:.2} ms",
        latencies[latencies.len() - 1].as_secs_f64() * 1e3
    );
    match (rss_before, peak_rss_kib()) {
        (Some(before), Some(peak)) => println!(
            "  peak RSS        {:.1} MiB (VmHWM; {:.1} MiB before the timed run)",
            peak as f64 / 1024.0,
            before as f64 / 1024.0
        ),
        _ => println!("  peak RSS        unavailable (no /proc/self/status)"),
    }
    if let Some(sockets) = open_sockets() {
        // Each loopback connection holds two sockets here; one more is the listener.
        println!(
            "  connections     {} pooled by the client",
            sockets.saturating_sub(1) / 2
        );
    }
    drop(client);
    emulator.shutdown().await;
    Ok(())
}

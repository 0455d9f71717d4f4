//! Session-JWT verification throughput: local (cached JWKS) versus remote (Stytch's
//! `sessions/authenticate`, here a loopback stand-in on 127.0.0.1), on one task of a
//! current-thread runtime and on 64 tasks of a multi-thread runtime.
//!
//! ```text
//! cargo run --release -p stytch-client --example jwt_bench [seconds per case, default 3]
//! ```

#[path = "../tests/jwt_support/mod.rs"]
mod jwt_support;

use jwt_support::{StytchStandIn, claims, jwks, key};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};
use stytch_client::Client;
use stytch_client::jwt::{JwksConfig, JwtOptions, VerifiedBy};

const TASKS: usize = 64;

fn main() {
    let arg = std::env::args().nth(1);
    if arg.as_deref().is_some_and(|a| a == "-h" || a == "--help") {
        println!(
            "jwt_bench: local session-JWT verification throughput\n\n\
             USAGE: cargo run --release -p stytch-client --example jwt_bench [-- SECONDS]\n\n  \
             SECONDS      measuring time per case (default 3)\n  \
             -h, --help   this text"
        );
        return;
    }
    let Some(seconds) = arg.map_or(Some(3.0), |s| s.parse::<f64>().ok()) else {
        eprintln!("jwt_bench: SECONDS must be a number (see --help)");
        std::process::exit(2);
    };
    let run_for = Duration::from_secs_f64(seconds);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("session JWT verification, RS256 / RSA-2048; {cores} cores; {seconds} s per case\n");

    let key = key(1);
    let jwt: Arc<str> = key.sign(&claims()).into();
    let local = JwtOptions::local_only();
    // max_token_age zero skips local verification: every call goes to the stand-in.
    let remote = JwtOptions::new().max_token_age(Duration::ZERO);

    // Raw signature check, the floor under the local path.
    {
        use rsa::signature::Verifier as _;
        let (input, signature) = jwt.rsplit_once('.').unwrap();
        let signature =
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, signature).unwrap();
        let signature = rsa::pkcs1v15::Signature::try_from(signature.as_slice()).unwrap();
        let verifying = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(key.public.clone());
        let cpu = cpu_time();
        let (count, elapsed) = timed(run_for, || {
            verifying.verify(input.as_bytes(), &signature).unwrap()
        });
        report(
            "raw rsa::pkcs1v15 verify (no parsing, one thread)",
            count,
            elapsed,
            cpu_time() - cpu,
        );
    }

    // The same check with ring, the RSA code the local path uses: the floor it is measured
    // against ("near the RSA limit").
    {
        use rsa::traits::PublicKeyParts as _;
        let (input, signature) = jwt.rsplit_once('.').unwrap();
        let signature =
            base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, signature).unwrap();
        let components = ring::signature::RsaPublicKeyComponents {
            n: key.public.n().to_bytes_be(),
            e: key.public.e().to_bytes_be(),
        };
        let cpu = cpu_time();
        let (count, elapsed) = timed(run_for, || {
            components
                .verify(
                    &ring::signature::RSA_PKCS1_2048_8192_SHA256,
                    input.as_bytes(),
                    &signature,
                )
                .unwrap()
        });
        report(
            "raw ring RSA-2048 verify (no parsing, one thread)",
            count,
            elapsed,
            cpu_time() - cpu,
        );
    }

    let current_thread = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let multi_thread = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();

    for (name, options, expect_local) in [("local", &local, true), ("remote", &remote, false)] {
        let runs = if expect_local {
            run_for
        } else {
            run_for.min(Duration::from_secs(2))
        };
        // One task, current-thread runtime (the stand-in shares that thread in the remote case).
        current_thread.block_on(async {
            let server = StytchStandIn::start(jwks(&[&key])).await;
            let client = server.client(JwksConfig::default());
            check(&client, &jwt, options, expect_local).await;
            let cpu = cpu_time();
            let started = Instant::now();
            let mut count = 0u64;
            while started.elapsed() < runs {
                for _ in 0..64 {
                    client.authenticate_session_jwt(&jwt, options).await.unwrap();
                }
                count += 64;
            }
            report(
                &format!("{name}: 1 task, current-thread runtime"),
                count,
                started.elapsed(),
                cpu_time() - cpu,
            );
            assert_eq!(server.jwks_fetches(), usize::from(expect_local));
        });
        // 64 tasks, multi-thread runtime (one worker per core).
        multi_thread.block_on(async {
            let server = StytchStandIn::start(jwks(&[&key])).await;
            let client = server.client(JwksConfig::default());
            check(&client, &jwt, options, expect_local).await;
            let stop = Arc::new(AtomicBool::new(false));
            let total = Arc::new(AtomicU64::new(0));
            let cpu = cpu_time();
            let started = Instant::now();
            let tasks: Vec<_> = (0..TASKS)
                .map(|_| {
                    let (client, jwt, stop, total) =
                        (client.clone(), jwt.clone(), stop.clone(), total.clone());
                    let options = options.clone();
                    tokio::spawn(async move {
                        let mut count = 0;
                        while !stop.load(Ordering::Relaxed) {
                            client.authenticate_session_jwt(&jwt, &options).await.unwrap();
                            count += 1;
                            // The local path never waits, so let the runtime's timer run.
                            if count % 32 == 0 {
                                tokio::task::yield_now().await;
                            }
                        }
                        total.fetch_add(count, Ordering::Relaxed);
                    })
                })
                .collect();
            tokio::time::sleep(runs).await;
            stop.store(true, Ordering::Relaxed);
            for task in tasks {
                task.await.unwrap();
            }
            report(
                &format!("{name}: {TASKS} tasks, multi-thread runtime ({cores} workers)"),
                total.load(Ordering::Relaxed),
                started.elapsed(),
                cpu_time() - cpu,
            );
            assert_eq!(server.jwks_fetches(), usize::from(expect_local));
        });
    }
}

async fn check(client: &Client, jwt: &str, options: &JwtOptions, expect_local: bool) {
    let session = client.authenticate_session_jwt(jwt, options).await.unwrap();
    assert_eq!(matches!(session.verified_by, VerifiedBy::Local), expect_local);
}

fn timed(run_for: Duration, mut f: impl FnMut()) -> (u64, Duration) {
    let started = Instant::now();
    let mut count = 0u64;
    while started.elapsed() < run_for {
        for _ in 0..64 {
            f();
        }
        count += 64;
    }
    (count, started.elapsed())
}

/// CPU time used by the whole process so far (every thread), from Linux's schedstat; zero
/// elsewhere. On a shared machine it tells what the code costs, whatever else is running.
fn cpu_time() -> Duration {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return Duration::ZERO;
    };
    let nanos: u64 = tasks
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok())
        .filter_map(|stat| stat.split_whitespace().next()?.parse::<u64>().ok())
        .sum();
    Duration::from_nanos(nanos)
}

fn report(name: &str, count: u64, elapsed: Duration, cpu: Duration) {
    let per_second = count as f64 / elapsed.as_secs_f64();
    let per_cpu_second = count as f64 / cpu.as_secs_f64().max(1e-9);
    let cpu_micros = cpu.as_secs_f64() * 1e6 / count as f64;
    let cores_used = cpu.as_secs_f64() / elapsed.as_secs_f64();
    println!(
        "{name:<58} {per_second:>7.0}/s wall {per_cpu_second:>7.0}/CPU-s {cpu_micros:>6.1} µs CPU each, {cores_used:.2} cores busy ({count} in {elapsed:.2?})"
    );
}

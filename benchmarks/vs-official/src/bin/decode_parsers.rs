//! Decoding the canned `passwords/authenticate` response into `stytch_client`'s typed model with
//! serde_json and with two SIMD JSON parsers that offer a serde interface, to decide whether a
//! faster parser pays for itself.
//!
//! ```sh
//! cargo run --release --manifest-path benchmarks/vs-official/Cargo.toml --bin decode_parsers
//! ```
//!
//! CPU time of this thread (`CLOCK_THREAD_CPUTIME_ID`) per decode, median of 7 batches.

#[path = "../../../../stytch-client/benches/common/thread_cpu.rs"]
mod thread_cpu;

use stytch_client::b2b::passwords::AuthenticateResponse;
use thread_cpu::thread_cpu;

const BODY: &str = include_str!("../../../../stytch-client/benches/fixtures/authenticate_response.json");

fn time<T>(iterations: u32, mut decode: impl FnMut() -> T) -> f64 {
    let mut batches: Vec<f64> = (0..7)
        .map(|_| {
            let start = thread_cpu();
            for _ in 0..iterations {
                std::hint::black_box(decode());
            }
            (thread_cpu() - start).as_secs_f64() * 1e6 / f64::from(iterations)
        })
        .collect();
    batches.sort_by(f64::total_cmp);
    batches[3]
}

/// Checks the decode succeeded into the full model.
fn typed<E: std::fmt::Debug>(result: Result<AuthenticateResponse, E>) -> AuthenticateResponse {
    let response = result.unwrap();
    assert_eq!(response.status_code, 200);
    response
}

fn main() {
    let body = BODY.as_bytes();
    let iterations = 2000;
    println!(
        "decode {} bytes into stytch_client AuthenticateResponse (µs per decode, thread CPU)",
        body.len()
    );
    let rows: Vec<(&str, f64)> = vec![
        (
            "serde_json::from_slice",
            time(iterations, || typed(serde_json::from_slice(body))),
        ),
        (
            "str::from_utf8 + serde_json::from_str",
            time(iterations, || {
                typed(serde_json::from_str(std::str::from_utf8(body).unwrap()))
            }),
        ),
        (
            "sonic_rs::from_slice",
            time(iterations, || typed(sonic_rs::from_slice(body))),
        ),
        (
            "simd_json::serde::from_slice (on a copy)",
            time(iterations, || {
                let mut copy = body.to_vec();
                typed(simd_json::serde::from_slice(&mut copy))
            }),
        ),
        (
            "serde_json IgnoredAny (parse only, no values)",
            time(iterations, || {
                serde_json::from_slice::<serde::de::IgnoredAny>(body).unwrap()
            }),
        ),
        (
            "sonic_rs IgnoredAny (parse only, no values)",
            time(iterations, || {
                sonic_rs::from_slice::<serde::de::IgnoredAny>(body).unwrap()
            }),
        ),
    ];
    let base = rows[0].1;
    for (name, us) in rows {
        println!("  {name:<48} {us:>8.2} µs  {:>5.2}x", us / base);
    }
}

//! `stytch-emulator`: serves the Stytch B2B emulator on a port and prints its credentials.

use std::io::Write as _;
use std::net::{IpAddr, SocketAddr};
use stytch_emulator::{Emulator, HashingCost};

const HELP: &str = "\
stytch-emulator: an in-memory Stytch B2B API

USAGE: stytch-emulator [--port N] [options]

  --port N                  port to listen on (default 0: any free port)
  --host ADDR               address to bind (default 127.0.0.1)
  --project-id ID           project id to accept (default: generated)
  --secret SECRET           secret to accept (default: generated)
  --cross-org-passwords     enable cross-organization passwords and the discovery endpoints
  --luds LEN:CLASSES        LUDS strength policy (e.g. 8:3) instead of zxcvbn
  --no-breach-detection     do not refuse breached passwords
  --realistic-hashing       argon2id with m=19MiB,t=2 instead of fast test parameters
  --log LEVEL               log level on stderr: off, error, warn, info (default), debug, trace;
                            info logs one line per request (method, path template, status,
                            latency, request_id; never bodies, headers or query strings)

Prints STYTCH_BASE_URL=, STYTCH_PROJECT_ID=, STYTCH_SECRET= and STYTCH_EMULATOR_READY=1 lines on
stdout, then serves until killed.";

fn fail(message: &str) -> ! {
    eprintln!("stytch-emulator: {message}\n\n{HELP}");
    std::process::exit(2)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mut port: u16 = 0;
    let mut host: IpAddr = [127, 0, 0, 1].into();
    let mut builder = Emulator::builder();
    let mut log = Some(tracing::Level::INFO);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .unwrap_or_else(|| fail(&format!("{name} needs a value")))
        };
        match arg.as_str() {
            "--port" => {
                port = value("--port")
                    .parse()
                    .unwrap_or_else(|_| fail("--port must be a number 0-65535"))
            }
            "--host" => {
                host = value("--host")
                    .parse()
                    .unwrap_or_else(|_| fail("--host must be an IP address"))
            }
            "--project-id" => builder = builder.project_id(value("--project-id")),
            "--secret" => builder = builder.secret(value("--secret")),
            "--cross-org-passwords" => builder = builder.cross_org_passwords(true),
            "--no-breach-detection" => {
                builder = builder
                    .breach_detection(false)
                    .breach_detection_on_authentication(false)
            }
            "--log" => {
                log = match value("--log").to_ascii_lowercase().as_str() {
                    "off" => None,
                    level => Some(
                        level
                            .parse()
                            .unwrap_or_else(|_| fail("--log takes off, error, warn, info, debug or trace")),
                    ),
                }
            }
            "--realistic-hashing" => builder = builder.hashing_cost(HashingCost::Realistic),
            "--luds" => {
                let v = value("--luds");
                let (len, classes) = v
                    .split_once(':')
                    .unwrap_or_else(|| fail("--luds takes LEN:CLASSES"));
                let len: u32 = len
                    .parse()
                    .ok()
                    .filter(|l| (8..=32).contains(l))
                    .unwrap_or_else(|| fail("LUDS length must be 8-32"));
                let classes: u32 = classes
                    .parse()
                    .ok()
                    .filter(|c| (1..=4).contains(c))
                    .unwrap_or_else(|| fail("LUDS classes must be 1-4"));
                builder = builder.luds(len, classes);
            }
            "-h" | "--help" => {
                println!("{HELP}");
                return;
            }
            other => fail(&format!("unknown argument {other:?}")),
        }
    }
    if let Some(level) = log {
        tracing_subscriber::fmt()
            .with_max_level(level)
            .with_writer(std::io::stderr)
            .with_target(false)
            .init();
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    runtime.block_on(async move {
        let emulator = builder
            .start_on(SocketAddr::new(host, port))
            .await
            .unwrap_or_else(|e| fail(&format!("cannot listen on {host}:{port}: {e}")));
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "STYTCH_BASE_URL={}", emulator.base_url());
        let _ = writeln!(out, "STYTCH_PROJECT_ID={}", emulator.project_id());
        let _ = writeln!(out, "STYTCH_SECRET={}", emulator.secret());
        let _ = writeln!(out, "STYTCH_EMULATOR_READY=1");
        let _ = out.flush();
        drop(out);
        tokio::select! {
            _ = emulator.serve_forever() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    });
}

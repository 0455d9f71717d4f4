//! The emulator as a user's test double, measured in a default debug build: the median wall time
//! of the calls a user's tests make most, each through `stytch_client` against an in-process
//! emulator.
//!
//! `cargo run --manifest-path benchmarks/downstream/Cargo.toml [-- --rounds N]`

use serde_json::Value;
use std::future::Future;
use std::time::{Duration, Instant};
use stytch_client::{Client, Secret, endpoint};
use stytch_emulator::Emulator;

const STRONG: &str = "violet-Kettle-sunrise-47-Orbit!";

#[endpoint(POST, "/v1/b2b/organizations", response = Value)]
struct CreateOrganization {
    organization_name: String,
    organization_slug: String,
}

#[endpoint(POST, "/v1/b2b/organizations/{organization_id}/members", response = Value)]
struct CreateMember {
    organization_id: String,
    email_address: String,
}

#[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = Value)]
struct GetOrganization {
    organization_id: String,
}

#[endpoint(POST, "/v1/b2b/passwords/migrate", response = Value)]
struct Migrate {
    organization_id: String,
    email_address: String,
    hash: Secret<String>,
    hash_type: String,
}

#[endpoint(POST, "/v1/b2b/passwords/authenticate", response = Value)]
struct Authenticate {
    organization_id: String,
    email_address: String,
    password: Secret<String>,
}

#[endpoint(POST, "/v1/b2b/passwords/strength_check", response = Value)]
struct StrengthCheck {
    password: Secret<String>,
}

#[endpoint(POST, "/v1/b2b/passwords/email/reset/start", response = Value)]
struct ResetStart {
    organization_id: String,
    email_address: String,
}

#[endpoint(POST, "/v1/b2b/passwords/email/reset", response = Value)]
struct Reset {
    password_reset_token: Secret<String>,
    password: Secret<String>,
}

fn usage() -> ! {
    println!(
        "downstream-bench: median latency of emulator calls in a default debug build\n\n\
         USAGE: cargo run --manifest-path benchmarks/downstream/Cargo.toml [-- --rounds N]\n\n\
         --rounds N   measured calls per operation (default 50)\n\
         -h, --help   this text"
    );
    std::process::exit(0)
}

fn rounds() -> usize {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        usage();
    }
    match args.iter().position(|a| a == "--rounds") {
        Some(i) => args.get(i + 1).and_then(|v| v.parse().ok()).unwrap_or_else(|| usage()),
        None if args.is_empty() => 50,
        None => usage(),
    }
}

/// Times `op` `rounds` times after one warm-up call and prints min / median / max.
async fn measure<F, Fut>(name: &str, rounds: usize, mut op: F)
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = ()>,
{
    op(usize::MAX).await;
    let mut times: Vec<Duration> = Vec::with_capacity(rounds);
    for i in 0..rounds {
        let start = Instant::now();
        op(i).await;
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name:<44} min {:>7.2} ms   median {:>7.2} ms   max {:>7.2} ms",
        ms(times[0]),
        ms(times[times.len() / 2]),
        ms(times[times.len() - 1])
    );
}

async fn org_with_password(client: &Client, emulator: &Emulator, slug: &str) -> String {
    let org = client
        .send(CreateOrganization::new("Bench", slug))
        .await
        .expect("organization");
    let org = org["organization"]["organization_id"].as_str().unwrap().to_owned();
    client
        .send(CreateMember::new(org.as_str(), "ada@example.com"))
        .await
        .expect("member");
    client
        .send(ResetStart::new(org.as_str(), "ada@example.com"))
        .await
        .expect("reset start");
    let token = emulator
        .last_email_to("ada@example.com")
        .and_then(|m| m.token)
        .expect("reset token");
    client
        .send(Reset::new(token, STRONG))
        .await
        .expect("reset");
    org
}

#[tokio::main]
async fn main() {
    let rounds = rounds();
    println!(
        "profile: {}; {rounds} measured calls each\n",
        if cfg!(debug_assertions) { "debug (default test profile)" } else { "release" }
    );
    let start = Instant::now();
    let emulator = Emulator::start().await.expect("emulator");
    println!("{:<44} {:>7.2} ms", "Emulator::start", start.elapsed().as_secs_f64() * 1e3);
    let client = emulator.client();

    let org = org_with_password(&client, &emulator, "bench").await;
    measure("organizations/get (no hashing: the floor)", rounds, |_| {
        let client = client.clone();
        let org = org.clone();
        async move {
            client.send(GetOrganization::new(org)).await.expect("get");
        }
    })
    .await;
    measure("passwords/authenticate (password set by a reset)", rounds, |_| {
        let client = client.clone();
        let org = org.clone();
        async move {
            client
                .send(Authenticate::new(org, "ada@example.com", STRONG))
                .await
                .expect("authenticate");
        }
    })
    .await;

    measure("passwords/strength_check (strong password)", rounds, |_| {
        let client = client.clone();
        async move {
            let v = client.send(StrengthCheck::new(STRONG)).await.expect("strength");
            assert_eq!(v["valid_password"], true);
        }
    })
    .await;
    measure("passwords/strength_check (weak password)", rounds, |_| {
        let client = client.clone();
        async move {
            let v = client.send(StrengthCheck::new("password1")).await.expect("strength");
            assert_eq!(v["valid_password"], false);
        }
    })
    .await;

    // A migrated bcrypt hash (cost 5) is verified with bcrypt once, then re-hashed natively.
    let bcrypt = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW";
    measure("migrate bcrypt + first authenticate (bcrypt)", rounds.min(10), |i| {
        let client = client.clone();
        let org = org.clone();
        async move {
            let email = format!("migrated-{i}@example.com");
            client
                .send(Migrate::new(org.as_str(), email.as_str(), bcrypt, "bcrypt"))
                .await
                .expect("migrate");
            client
                .send(Authenticate::new(org, email, "U*U"))
                .await
                .expect("authenticate migrated");
        }
    })
    .await;
}

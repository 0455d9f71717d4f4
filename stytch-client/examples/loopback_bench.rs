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

use serde::Serialize;
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::passwords::{Authenticate, AuthenticateResponse};
use stytch_client::{Client, RetryPolicy};

const RESPONSE_BODY: &str = include_str!("../benches/fixtures/authenticate_response.json");
const PROJECT_ID: &str = "project-test-00000000-0000-0000-0000-000000000000";
const SECRET: &str = "secret-test-bench";

/// Counts every allocation so the benchmark can report allocations per request.
struct CountingAllocator;

static ALLOCATIONS: AtomicU64 = AtomicU64::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

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
        serve();
        return;
    }
    let requests = flag(&args, "--requests").unwrap_or(20_000);
    let rounds = flag(&args, "--rounds").unwrap_or(3);

    let (mut server, base_url) = spawn_server();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let ours = Client::builder()
        .credentials(PROJECT_ID, SECRET)
        .base_url(&base_url)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
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
                    async move { hand.authenticate(inputs(i)).await }
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

/// Per-request inputs as a service would have them: owned strings from its own request.
fn inputs(i: usize) -> (String, String, String) {
    (
        "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931".to_owned(),
        format!("member{}@example.com", i % 1000),
        "correct horse battery staple".to_owned(),
    )
}

/// The same call written by hand, the way a careful user of reqwest would.
#[derive(Clone)]
struct HandWritten {
    http: reqwest::Client,
    url: Arc<str>,
    authorization: reqwest::header::HeaderValue,
    user_agent: reqwest::header::HeaderValue,
}

#[derive(Serialize)]
struct HandAuthenticate<'a> {
    organization_id: &'a str,
    email_address: &'a str,
    password: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    session_duration_minutes: Option<u32>,
}

impl HandWritten {
    fn new(base_url: &str) -> Self {
        use base64::Engine as _;
        let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{PROJECT_ID}:{SECRET}"));
        let mut authorization =
            reqwest::header::HeaderValue::from_str(&format!("Basic {credentials}")).unwrap();
        authorization.set_sensitive(true);
        Self {
            http: reqwest::Client::builder()
                .connect_timeout(Duration::from_secs(10))
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            url: format!("{base_url}/v1/b2b/passwords/authenticate").into(),
            authorization,
            user_agent: reqwest::header::HeaderValue::from_static("stytch-rs/0.1.0"),
        }
    }

    async fn authenticate(
        &self,
        (organization_id, email_address, password): (String, String, String),
    ) -> Result<AuthenticateResponse, String> {
        use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue, USER_AGENT};
        let body = serde_json::to_vec(&HandAuthenticate {
            organization_id: &organization_id,
            email_address: &email_address,
            password: &password,
            session_duration_minutes: Some(60),
        })
        .map_err(|e| e.to_string())?;
        let response = self
            .http
            .post(&*self.url)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, self.user_agent.clone())
            .header(AUTHORIZATION, self.authorization.clone())
            .timeout(Duration::from_secs(30))
            .body(body)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| e.to_string())?;
        if !status.is_success() {
            return Err(format!("status {status}"));
        }
        serde_json::from_slice(&bytes).map_err(|e| e.to_string())
    }
}

/// One measurement's results.
#[derive(Clone, Copy)]
struct Figures {
    rps: f64,
    cpu_us: f64,
    allocs: f64,
}

impl Figures {
    fn median(runs: &[Figures]) -> Figures {
        let pick = |f: fn(&Figures) -> f64| {
            let mut values: Vec<f64> = runs.iter().map(f).collect();
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        Figures {
            rps: pick(|f| f.rps),
            cpu_us: pick(|f| f.cpu_us),
            allocs: pick(|f| f.allocs),
        }
    }
}

/// Runs `requests` calls of `call` spread over `concurrency` tasks, after a warm-up.
async fn measure<F, Fut>(requests: usize, concurrency: usize, call: F) -> Figures
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<AuthenticateResponse, String>> + Send,
{
    run(requests / 10, concurrency, call.clone()).await;
    let cpu_before = process_cpu();
    let allocs_before = ALLOCATIONS.load(Ordering::Relaxed);
    let started = Instant::now();
    run(requests, concurrency, call).await;
    let wall = started.elapsed();
    let cpu = process_cpu() - cpu_before;
    let allocs = ALLOCATIONS.load(Ordering::Relaxed) - allocs_before;
    Figures {
        rps: requests as f64 / wall.as_secs_f64(),
        cpu_us: cpu.as_secs_f64() * 1e6 / requests as f64,
        allocs: allocs as f64 / requests as f64,
    }
}

async fn run<F, Fut>(requests: usize, concurrency: usize, call: F)
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<AuthenticateResponse, String>> + Send,
{
    let per_task = requests / concurrency;
    let tasks: Vec<_> = (0..concurrency)
        .map(|task| {
            let call = call.clone();
            tokio::spawn(async move {
                for i in 0..per_task {
                    let response = call(task * per_task + i).await.expect("request succeeds");
                    assert_eq!(response.status_code, 200);
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}

/// User + system CPU time of this process, from /proc/self/stat (clock ticks of 10 ms).
fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat (Linux)");
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of stat(5) are utime and stime; after the name they are at 11 and 12.
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 10)
}

fn flag(args: &[String], name: &str) -> Option<usize> {
    let position = args.iter().position(|a| a == name)?;
    args.get(position + 1)?.parse().ok()
}

/// Starts this binary again with `--serve` and reads the port it prints.
fn spawn_server() -> (Child, String) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("--serve")
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn the canned server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, format!("http://{}", line.trim()))
}

/// The canned server: HTTP/1.1 keep-alive, one thread per connection, same answer to all.
fn serve() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    println!("{}", listener.local_addr().unwrap());
    std::io::stdout().flush().unwrap();
    let response = Arc::new(
        format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{RESPONSE_BODY}",
            RESPONSE_BODY.len()
        )
        .into_bytes(),
    );
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let response = response.clone();
        std::thread::spawn(move || {
            let _ = answer_all(stream, &response);
        });
    }
}

fn answer_all(stream: TcpStream, response: &[u8]) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut writer = stream.try_clone()?;
    let mut reader = BufReader::new(stream);
    loop {
        let mut content_length = 0usize;
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line)? == 0 {
                return Ok(());
            }
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                content_length = value.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; content_length];
        reader.read_exact(&mut body)?;
        writer.write_all(response)?;
    }
}

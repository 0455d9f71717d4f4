//! What the loopback benchmarks share: the canned-response server (run in a child process), the
//! hand-written reqwest client, the counters (CPU, allocations, peak RSS) and the measurement
//! loop.
//!
//! Included with `#[path]` by `stytch-client/examples/loopback_bench.rs` and by the separate
//! crate `benchmarks/vs-official`, so both measure the same server, inputs and baseline.
//! A binary that includes it must answer `--serve` by calling [`serve`] (see [`spawn_server`]).

#![allow(dead_code)] // each including binary uses a different part

use serde::Serialize;
use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use stytch_client::b2b::passwords::AuthenticateResponse;

/// The realistic `passwords/authenticate` answer every request gets (11,323 bytes).
pub const RESPONSE_BODY: &str = include_str!("../../benches/fixtures/authenticate_response.json");
/// A test project id (the canned server checks nothing).
pub const PROJECT_ID: &str = "project-test-00000000-0000-0000-0000-000000000000";
/// A test secret.
pub const SECRET: &str = "secret-test-bench";

/// Counts every allocation so the benchmark can report allocations per request.
pub struct CountingAllocator;

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

/// Per-request inputs as a service would have them: owned strings from its own request.
pub fn inputs(i: usize) -> (String, String, String) {
    (
        "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931".to_owned(),
        format!("member{}@example.com", i % 1000),
        "correct horse battery staple".to_owned(),
    )
}

/// This crate's `Client` for the canned server at `base_url`, without retries, so that every
/// measured request is sent exactly once.
pub fn our_client(base_url: &str) -> stytch_client::Client {
    stytch_client::Client::builder()
        .credentials(PROJECT_ID, SECRET)
        .base_url(base_url)
        .retry(stytch_client::RetryPolicy::none())
        .build()
        .unwrap()
}

/// The same call written by hand, the way a careful user of reqwest would.
#[derive(Clone)]
pub struct HandWritten {
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
    /// A client for the canned server at `base_url`, built like `stytch_client::Client`'s
    /// default transport.
    pub fn new(base_url: &str) -> Self {
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

    /// `passwords/authenticate` with a 60-minute session, decoded into this crate's type.
    pub async fn authenticate(
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
#[derive(Clone, Copy, Debug)]
pub struct Figures {
    /// Requests per wall-clock second.
    pub rps: f64,
    /// Client CPU (user + sys of the whole process) per request, µs.
    pub cpu_us: f64,
    /// Heap allocations (and reallocations) per request.
    pub allocs: f64,
    /// Peak resident set size during the measurement, KiB (the high-water mark is reset first).
    pub peak_rss_kib: f64,
}

impl Figures {
    /// The median of each figure over several rounds.
    pub fn median(runs: &[Figures]) -> Figures {
        let pick = |f: fn(&Figures) -> f64| {
            let mut values: Vec<f64> = runs.iter().map(f).collect();
            values.sort_by(f64::total_cmp);
            values[values.len() / 2]
        };
        Figures {
            rps: pick(|f| f.rps),
            cpu_us: pick(|f| f.cpu_us),
            allocs: pick(|f| f.allocs),
            peak_rss_kib: pick(|f| f.peak_rss_kib),
        }
    }
}

/// Runs `requests` calls of `call` spread over `concurrency` tasks, after a 10% warm-up.
///
/// `call(i)` must send request number `i`, decode its response, check it and drop it.
pub async fn measure<F, Fut>(requests: usize, concurrency: usize, call: F) -> Figures
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    run(requests / 10, concurrency, call.clone()).await;
    reset_peak_rss();
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
        peak_rss_kib: peak_rss_kib().unwrap_or(f64::NAN),
    }
}

async fn run<F, Fut>(requests: usize, concurrency: usize, call: F)
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = Result<(), String>> + Send,
{
    let per_task = requests / concurrency;
    let tasks: Vec<_> = (0..concurrency)
        .map(|task| {
            let call = call.clone();
            tokio::spawn(async move {
                for i in 0..per_task {
                    call(task * per_task + i).await.expect("request succeeds");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}

/// User + system CPU time of this process, from /proc/self/stat (clock ticks of 10 ms).
pub fn process_cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat (Linux)");
    let after_name = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    // Fields 14 and 15 of stat(5) are utime and stime; after the name they are at 11 and 12.
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    Duration::from_millis(ticks * 10)
}

/// Resets the process's peak-RSS high-water mark to its current RSS (Linux ≥ 4.0).
pub fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The process's peak RSS (`VmHWM`) in KiB.
pub fn peak_rss_kib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// The 1-minute load average, for the record.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// The value after `name` on the command line, as a number.
pub fn flag(args: &[String], name: &str) -> Option<usize> {
    let position = args.iter().position(|a| a == name)?;
    args.get(position + 1)?.parse().ok()
}

/// Starts this binary again with `--serve` (and `extra_args`) and reads the port it prints;
/// returns the child and the server's base URL (`http://127.0.0.1:PORT`).
pub fn spawn_server(extra_args: &[&str]) -> (Child, String) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("--serve")
        .args(extra_args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn the canned server");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    (child, format!("http://{}", line.trim()))
}

/// The canned server: HTTP/1.1 keep-alive, one thread per connection, the same 200 answer
/// (`body`) to every request. Prints its address on stdout, then serves until killed.
pub fn serve(body: &str) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    println!("{}", listener.local_addr().unwrap());
    std::io::stdout().flush().unwrap();
    let response = Arc::new(
        format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
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

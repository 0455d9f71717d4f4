//! Load (issue 5, item 6): one `Client`, 2,000 requests at concurrency 256 against the emulator,
//! every response matched to its own request, zero errors, and no file descriptor left open
//! once the client and the emulator are gone. (Figures: `cargo run --release --example
//! load_bench`.)

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use stytch_client::Client;
use stytch_client::b2b::models::OrganizationId;
use stytch_client::b2b::organizations;
use stytch_emulator::Emulator;

const REQUESTS: usize = 2_000;
const CONCURRENCY: usize = 256;

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd")
        .expect("/proc/self/fd is readable")
        .count()
}

/// Runs `call(i)` for every `i` in `0..REQUESTS` on `CONCURRENCY` tasks sharing one counter, so
/// exactly `CONCURRENCY` requests are in flight until the work runs out.
async fn run<F, Fut>(call: F)
where
    F: Fn(usize) -> Fut + Clone + Send + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..CONCURRENCY {
        let (next, call) = (next.clone(), call.clone());
        workers.spawn(async move {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= REQUESTS {
                    break;
                }
                call(i).await;
            }
        });
    }
    while let Some(joined) = workers.join_next().await {
        joined.expect("worker did not panic");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_requests_at_256_concurrency_on_one_client() {
    let fds_before = open_fds();
    let started = Instant::now();
    let emulator = Emulator::start().await.expect("emulator starts");
    let client: Client = emulator.client();

    // Phase 1: create 2,000 organizations; each answer names its own organization.
    let ids: Arc<Vec<std::sync::OnceLock<OrganizationId>>> =
        Arc::new((0..REQUESTS).map(|_| Default::default()).collect());
    {
        let (client, ids) = (client.clone(), ids.clone());
        run(move |i| {
            let (client, ids) = (client.clone(), ids.clone());
            async move {
                let name = format!("Load Org {i}");
                let slug = format!("load-org-{i}");
                let created = client
                    .send(organizations::Create::new(name.as_str()).organization_slug(slug.as_str()))
                    .await
                    .unwrap_or_else(|e| panic!("create {i}: {e}"));
                assert_eq!(created.organization.organization_name, name);
                assert_eq!(created.organization.organization_slug, slug);
                ids[i].set(created.organization.organization_id).unwrap();
            }
        })
        .await;
    }
    let after_create = open_fds();
    let ids: Vec<OrganizationId> = ids
        .iter()
        .map(|id| id.get().expect("every create answered").clone())
        .collect();
    let distinct: std::collections::HashSet<_> = ids.iter().collect();
    assert_eq!(distinct.len(), REQUESTS);

    // Phase 2: fetch each of them; each answer carries the organization asked for.
    let ids = Arc::new(ids);
    let fetched = Arc::new(AtomicUsize::new(0));
    {
        let (client, ids, fetched) = (client.clone(), ids.clone(), fetched.clone());
        run(move |i| {
            let (client, ids, fetched) = (client.clone(), ids.clone(), fetched.clone());
            async move {
                let got = client
                    .send(organizations::Get::new(&ids[i]))
                    .await
                    .unwrap_or_else(|e| panic!("get {i}: {e}"));
                assert_eq!(got.organization.organization_id, ids[i]);
                assert_eq!(got.organization.organization_slug, format!("load-org-{i}"));
                assert_eq!(got.organization.organization_name, format!("Load Org {i}"));
                fetched.fetch_add(1, Ordering::Relaxed);
            }
        })
        .await;
    }
    assert_eq!(fetched.load(Ordering::Relaxed), REQUESTS);
    let during = open_fds();
    assert!(during > fds_before, "connections were pooled ({during} fds)");
    eprintln!(
        "{} requests in {:?}; {} fds open before, {} after the creates, {} after the gets",
        2 * REQUESTS,
        started.elapsed(),
        fds_before,
        after_create,
        during,
    );

    // Drop every client handle (the emulator holds one), then stop the server.
    drop(client);
    emulator.shutdown().await;
    let deadline = Instant::now() + Duration::from_secs(5);
    let mut now_open = open_fds();
    while now_open > fds_before && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        now_open = open_fds();
    }
    assert!(
        now_open <= fds_before,
        "{now_open} file descriptors open after shutdown, {fds_before} before"
    );
}

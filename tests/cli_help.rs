//! Every example and benchmark binary answers `--help` with its usage, at once, instead of
//! running. (`cargo test` builds the examples next to this test binary.)

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test binary path");
    let path = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/<profile>/deps")
        .join("examples")
        .join(name);
    assert!(
        path.exists(),
        "{} is not built: run the whole suite with `cargo test --workspace`",
        path.display()
    );
    path
}

#[test]
fn every_example_answers_help() {
    for name in [
        "quickstart",
        "custom_endpoint",
        "load_bench",
        "loopback_bench",
        "jwt_bench",
    ] {
        let mut child = Command::new(example(name))
            .arg("--help")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A binary that ignored --help would start its benchmark (tens of seconds).
        let started = Instant::now();
        while child.try_wait().unwrap().is_none() {
            if started.elapsed() > Duration::from_secs(30) {
                child.kill().unwrap();
                panic!("{name} --help did not return: it ran instead");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let out = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name} --help: {out:?}");
        assert!(stdout.contains("USAGE"), "{name} --help printed: {stdout}");
    }
}

#[test]
fn the_quickstart_refuses_a_live_project_before_any_request() {
    let out = Command::new(example("quickstart"))
        .env(
            "STYTCH_PROJECT_ID",
            "project-live-00000000-0000-0000-0000-000000000000",
        )
        .env("STYTCH_SECRET", "secret-live-not-used")
        .env_remove("STYTCH_BASE_URL")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("live project") && stderr.contains("--allow-live"),
        "{stderr}"
    );
    assert!(!stderr.contains("secret-live-not-used"));
    assert!(String::from_utf8_lossy(&out.stdout).is_empty(), "nothing ran");
}

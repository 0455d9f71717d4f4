//! The `stytch-emulator` binary: spawn it, read its credentials, authenticate through it.

use serde_json::{Value, json};
use std::process::Stdio;
use tokio::io::{AsyncBufReadExt, BufReader};

#[stytch_client::endpoint(POST, "/v1/b2b/organizations", response = Value)]
struct CreateOrganization {
    organization_name: String,
    organization_slug: String,
}

#[stytch_client::endpoint(POST, "/v1/b2b/passwords/migrate", response = Value)]
struct Migrate {
    organization_id: String,
    email_address: String,
    hash: String,
    hash_type: String,
}

#[stytch_client::endpoint(POST, "/v1/b2b/passwords/authenticate", response = Value)]
struct Authenticate {
    organization_id: String,
    email_address: String,
    #[endpoint(sensitive)]
    password: String,
}

#[tokio::test]
async fn binary_prints_credentials_and_serves() {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_stytch-emulator"))
        .args(["--port", "0", "--project-id", "project-test-binary"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("binary starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut vars = std::collections::HashMap::new();
    let read = async {
        while let Some(line) = lines.next_line().await.unwrap() {
            if line == "STYTCH_EMULATOR_READY=1" {
                break;
            }
            let (k, v) = line.split_once('=').expect("KEY=value lines");
            vars.insert(k.to_owned(), v.to_owned());
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(30), read)
        .await
        .expect("credentials printed in time");
    assert_eq!(vars["STYTCH_PROJECT_ID"], "project-test-binary");
    assert!(vars["STYTCH_BASE_URL"].starts_with("http://127.0.0.1:"));

    let client = stytch_client::Client::builder()
        .credentials(&vars["STYTCH_PROJECT_ID"], vars["STYTCH_SECRET"].clone())
        .base_url(&vars["STYTCH_BASE_URL"])
        .build()
        .unwrap();
    let org = client
        .send(CreateOrganization::new("Binary", "binary"))
        .await
        .unwrap();
    let org_id = org["organization"]["organization_id"]
        .as_str()
        .unwrap()
        .to_owned();
    client
        .send(Migrate::new(
            org_id.clone(),
            "ada@binary.dev",
            "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW",
            "bcrypt",
        ))
        .await
        .unwrap();
    let auth = client
        .send(Authenticate::new(org_id.clone(), "ada@binary.dev", "U*U"))
        .await
        .unwrap();
    assert_eq!(auth["member_authenticated"], json!(true));
    assert_eq!(auth["session_token"].as_str().unwrap().len(), 44);
    let err = client
        .send(Authenticate::new(org_id, "ada@binary.dev", "wrong"))
        .await
        .unwrap_err();
    assert_eq!(err.api_error().unwrap().error_type, "unauthorized_credentials");

    // One log line per request on stderr: method, path template, status, request_id; no
    // password, hash, secret or token.
    child.kill().await.unwrap();
    let mut log = String::new();
    tokio::io::AsyncReadExt::read_to_string(&mut child.stderr.take().unwrap(), &mut log)
        .await
        .unwrap();
    let lines: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("path=/v1/b2b/passwords/authenticate"))
        .collect();
    assert_eq!(lines.len(), 2, "{log}");
    assert!(
        lines[0].contains("method=POST") && lines[0].contains("status=200"),
        "{log}"
    );
    assert!(lines[1].contains("status=401"), "{log}");
    assert!(
        lines.iter().all(|l| l.contains("request_id=request-id-test-")),
        "{log}"
    );
    assert!(log.contains("path=/v1/b2b/organizations "), "{log}");
    for secret in [
        "U*U",
        "$2a$05$",
        &vars["STYTCH_SECRET"],
        auth["session_token"].as_str().unwrap(),
    ] {
        assert!(!log.contains(secret), "{secret} in the log: {log}");
    }
}

#[test]
fn binary_refuses_an_unknown_log_level() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stytch-emulator"))
        .args(["--log", "loud"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--log takes"));
}

#[test]
fn binary_rejects_bad_arguments() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stytch-emulator"))
        .args(["--port", "nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--port"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stytch-emulator"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("STYTCH_BASE_URL"));
}

//! Session-JWT test helpers: embedded RSA keys (pre-generated with `openssl genrsa 2048`), a
//! token signer, and a loopback Stytch stand-in (127.0.0.1 only) that serves the JWKS and
//! `POST /v1/b2b/sessions/authenticate`, counting each. Shared by `tests/session_jwt.rs` and
//! `examples/jwt_bench.rs`.

#![allow(dead_code)]

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rsa::pkcs1::{DecodeRsaPrivateKey as _, EncodeRsaPublicKey as _};
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding as _, Signer as _};
use rsa::traits::PublicKeyParts as _;
use rsa::{RsaPrivateKey, RsaPublicKey};
use serde_json::{Value, json};
use sha2::Sha256;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};
use stytch_client::Client;
use stytch_client::jwt::JwksConfig;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

pub const PROJECT_ID: &str = "project-test-11111111-2222-4333-8444-555555555555";

const PEMS: [&str; 3] = [
    include_str!("keys/key_1.pem"),
    include_str!("keys/key_2.pem"),
    include_str!("keys/key_3.pem"),
];

/// One of the embedded signing keys, with its `kid` and public JWK.
pub struct TestKey {
    pub kid: String,
    signing: SigningKey<Sha256>,
    pub public: RsaPublicKey,
}

/// Embedded key `i` (1..=3), with kid `jwk-test-{i}`.
pub fn key(i: usize) -> TestKey {
    let private = RsaPrivateKey::from_pkcs1_pem(PEMS[i - 1]).expect("embedded key parses");
    TestKey {
        kid: format!("jwk-test-{i}"),
        public: RsaPublicKey::from(&private),
        signing: SigningKey::new(private),
    }
}

impl TestKey {
    /// The key as Stytch serves it in its JWKS.
    pub fn jwk(&self) -> Value {
        json!({
            "kty": "RSA", "use": "sig", "key_ops": ["verify"], "alg": "RS256", "kid": self.kid,
            "x5c": [], "x5tS256": "",
            "n": URL_SAFE_NO_PAD.encode(self.public.n().to_bytes_be()),
            "e": URL_SAFE_NO_PAD.encode(self.public.e().to_bytes_be()),
        })
    }

    /// The public key as PKCS#1 PEM text (what an HS256 key-confusion attack uses as secret).
    pub fn public_pem(&self) -> String {
        self.public.to_pkcs1_pem(rsa::pkcs8::LineEnding::LF).unwrap()
    }

    /// A compact RS256 JWS of `claims` with the standard header.
    pub fn sign(&self, claims: &Value) -> String {
        self.sign_with_header(&json!({"alg": "RS256", "kid": self.kid, "typ": "JWT"}), claims)
    }

    /// A compact JWS with any header, RS256-signed by this key.
    pub fn sign_with_header(&self, header: &Value, claims: &Value) -> String {
        let input = signing_input(header, claims);
        let signature = self.signing.sign(input.as_bytes());
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
    }
}

/// `base64url(header).base64url(claims)`.
pub fn signing_input(header: &Value, claims: &Value) -> String {
    format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string())
    )
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A JWKS document holding these keys.
pub fn jwks(keys: &[&TestKey]) -> Value {
    json!({
        "keys": keys.iter().map(|k| k.jwk()).collect::<Vec<_>>(),
        "request_id": "request-id-test-jwks",
        "status_code": 200,
    })
}

pub fn now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Claims as Stytch issues them, issued at `iat` (epoch seconds) and valid for 300 s.
pub fn claims_at(iat: i64) -> Value {
    json!({
        "iss": format!("stytch.com/{PROJECT_ID}"),
        "aud": [PROJECT_ID],
        "sub": "member-test-00000000-0000-4000-8000-000000000001",
        "iat": iat,
        "nbf": iat,
        "exp": iat + 300,
        "jti": "jwt-jti-1",
        "https://stytch.com/session": {
            "id": "member-session-test-00000000-0000-4000-8000-000000000001",
            "started_at": "2025-06-15T15:00:00Z",
            "last_accessed_at": "2025-06-15T15:06:30Z",
            "expires_at": "2099-06-16T15:00:00Z",
            "attributes": {"ip_address": "203.0.113.7", "user_agent": "curl/8"},
            "authentication_factors": [{
                "type": "password",
                "delivery_method": "knowledge",
                "last_authenticated_at": "2025-06-15T15:00:00Z",
                "created_at": "2025-06-15T15:00:00Z",
                "updated_at": "2025-06-15T15:00:00Z"
            }, {
                "type": "magic_link",
                "delivery_method": "email",
                "last_authenticated_at": "2025-06-15T15:00:00Z",
                "email_factor": {"email_id": "email-test-1", "email_address": "ada@example.com"}
            }],
            "roles": ["stytch_member", "editor"]
        },
        "https://stytch.com/organization": {
            "organization_id": "organization-test-00000000-0000-4000-8000-000000000001",
            "slug": "acme"
        },
        "plan": "pro",
        "seats": 12
    })
}

/// Claims issued now.
pub fn claims() -> Value {
    claims_at(now())
}

/// What the stand-in does with JWKS requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JwksMode {
    /// Serves the current document.
    Up,
    /// Answers 503 with a Stytch error body.
    Unavailable,
    /// Accepts the request and never answers.
    Hang,
}

struct State {
    jwks: Mutex<Value>,
    mode: Mutex<JwksMode>,
    jwks_fetches: AtomicUsize,
    authenticate_calls: AtomicUsize,
    authenticate_bodies: Mutex<Vec<Value>>,
    jwks_auth_headers: Mutex<Vec<Option<String>>>,
    jwks_paths: Mutex<Vec<String>>,
}

/// A loopback stand-in for the two Stytch endpoints that session-JWT verification uses.
/// HTTP/1.1 with keep-alive, so benchmarks measure the client rather than connection setup.
pub struct StytchStandIn {
    pub base_url: String,
    state: Arc<State>,
}

/// A fresh JWT in the remote answer (any string will do for the client).
pub const REFRESHED_JWT: &str = "eyJhbGciOiJSUzI1NiJ9.refreshed.signature";

impl StytchStandIn {
    pub async fn start(jwks: Value) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let state = Arc::new(State {
            jwks: Mutex::new(jwks),
            mode: Mutex::new(JwksMode::Up),
            jwks_fetches: AtomicUsize::new(0),
            authenticate_calls: AtomicUsize::new(0),
            authenticate_bodies: Mutex::new(Vec::new()),
            jwks_auth_headers: Mutex::new(Vec::new()),
            jwks_paths: Mutex::new(Vec::new()),
        });
        let shared = state.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let state = shared.clone();
                tokio::spawn(async move {
                    let _ = serve(stream, &state).await;
                });
            }
        });
        Self { base_url, state }
    }

    /// A client for [`PROJECT_ID`] talking to this stand-in, with this JWKS configuration.
    pub fn client(&self, jwks: JwksConfig) -> Client {
        Client::builder()
            .credentials(PROJECT_ID, "secret-test-jwt-support")
            .base_url(&self.base_url)
            .jwks(jwks)
            .build()
            .unwrap()
    }

    pub fn set_jwks(&self, jwks: Value) {
        *self.state.jwks.lock().unwrap() = jwks;
    }

    pub fn set_mode(&self, mode: JwksMode) {
        *self.state.mode.lock().unwrap() = mode;
    }

    /// JWKS requests received (answered or not).
    pub fn jwks_fetches(&self) -> usize {
        self.state.jwks_fetches.load(Ordering::SeqCst)
    }

    /// `POST /v1/b2b/sessions/authenticate` requests received.
    pub fn authenticate_calls(&self) -> usize {
        self.state.authenticate_calls.load(Ordering::SeqCst)
    }

    pub fn authenticate_bodies(&self) -> Vec<Value> {
        self.state.authenticate_bodies.lock().unwrap().clone()
    }

    pub fn jwks_auth_headers(&self) -> Vec<Option<String>> {
        self.state.jwks_auth_headers.lock().unwrap().clone()
    }

    pub fn jwks_paths(&self) -> Vec<String> {
        self.state.jwks_paths.lock().unwrap().clone()
    }
}

/// The answer to a successful `sessions/authenticate`.
pub fn authenticate_answer() -> String {
    json!({
        "request_id": "request-id-test-remote",
        "status_code": 200,
        "session_token": "mst_remote_token",
        "session_jwt": REFRESHED_JWT,
        "member_session": {
            "member_session_id": "member-session-test-00000000-0000-4000-8000-000000000001",
            "member_id": "member-test-00000000-0000-4000-8000-000000000001",
            "started_at": "2025-06-15T15:00:00Z",
            "last_accessed_at": "2025-06-15T15:20:00Z",
            "expires_at": "2099-06-16T15:00:00Z",
            "authentication_factors": [{
                "type": "password", "delivery_method": "knowledge",
                "last_authenticated_at": "2025-06-15T15:00:00Z",
                "created_at": "2025-06-15T15:00:00Z", "updated_at": "2025-06-15T15:00:00Z"
            }],
            "organization_id": "organization-test-00000000-0000-4000-8000-000000000001",
            "roles": ["stytch_member", "editor"],
            "organization_slug": "acme",
            "custom_claims": {"plan": "pro", "seats": 12}
        },
        "member": {"member_id": "member-test-00000000-0000-4000-8000-000000000001"},
        "organization": {"organization_id": "organization-test-00000000-0000-4000-8000-000000000001"}
    })
    .to_string()
}

fn response(status: u16, body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

async fn serve(mut stream: TcpStream, state: &State) -> std::io::Result<()> {
    let _ = stream.set_nodelay(true);
    let mut buffer = Vec::with_capacity(8192);
    let mut chunk = [0u8; 8192];
    loop {
        // One request: head, then content-length bytes of body.
        let head_end = loop {
            if let Some(pos) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break pos + 4;
            }
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buffer.extend_from_slice(&chunk[..n]);
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
        let mut lines = head.split("\r\n");
        let mut request_line = lines.next().unwrap_or_default().split(' ');
        let method = request_line.next().unwrap_or_default().to_owned();
        let path = request_line.next().unwrap_or_default().to_owned();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let header = |name: &str| headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        let length: usize = header("content-length").and_then(|v| v.parse().ok()).unwrap_or(0);
        while buffer.len() < head_end + length {
            let n = stream.read(&mut chunk).await?;
            if n == 0 {
                return Ok(());
            }
            buffer.extend_from_slice(&chunk[..n]);
        }
        let body = buffer[head_end..head_end + length].to_vec();
        buffer.drain(..head_end + length);

        let answer = if method == "GET" && path.starts_with("/v1/b2b/sessions/jwks/") {
            state.jwks_fetches.fetch_add(1, Ordering::SeqCst);
            state
                .jwks_auth_headers
                .lock()
                .unwrap()
                .push(header("authorization"));
            state.jwks_paths.lock().unwrap().push(path.clone());
            let mode = *state.mode.lock().unwrap();
            match mode {
                JwksMode::Up => response(200, &state.jwks.lock().unwrap().to_string()),
                JwksMode::Unavailable => response(
                    503,
                    r#"{"status_code":503,"request_id":"request-id-test-down","error_type":"service_unavailable","error_message":"The JWKS is down for the test.","error_url":"https://stytch.com/docs/api/errors/503"}"#,
                ),
                JwksMode::Hang => {
                    tokio::time::sleep(Duration::from_secs(3600)).await;
                    return Ok(());
                }
            }
        } else if method == "POST" && path == "/v1/b2b/sessions/authenticate" {
            state.authenticate_calls.fetch_add(1, Ordering::SeqCst);
            let parsed = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let mut bodies = state.authenticate_bodies.lock().unwrap();
            if bodies.len() < 100 {
                bodies.push(parsed);
            }
            drop(bodies);
            response(200, &authenticate_answer())
        } else {
            response(
                404,
                r#"{"status_code":404,"error_type":"not_found","error_message":"no such route"}"#,
            )
        };
        stream.write_all(&answer).await?;
    }
}

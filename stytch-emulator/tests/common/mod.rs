//! Helpers shared by the emulator's integration tests: raw HTTP with `reqwest` and
//! `serde_json::Value`, so the emulator is checked independently of the client's models.

#![allow(dead_code)]

use base64::Engine as _;
use serde_json::{Value, json};
use stytch_emulator::Emulator;

/// A strong password (zxcvbn score 4).
pub const STRONG: &str = "violet-Kettle-sunrise-47-Orbit!";
/// Another strong password.
pub const STRONG2: &str = "maple-Harbor-quantum-93-Lantern?";

/// A test harness around one emulator.
pub struct H {
    pub emu: Emulator,
    pub http: reqwest::Client,
}

impl H {
    pub async fn new() -> H {
        H::with(Emulator::builder()).await
    }

    pub async fn with(builder: stytch_emulator::EmulatorBuilder) -> H {
        let emu = builder.start().await.expect("emulator starts");
        H {
            emu,
            http: reqwest::Client::new(),
        }
    }

    pub fn auth_header(&self) -> String {
        let raw = format!("{}:{}", self.emu.project_id(), self.emu.secret());
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(raw))
    }

    /// Sends a request with Basic auth and returns (status, JSON body).
    pub async fn call(&self, method: reqwest::Method, path: &str, body: Option<&Value>) -> (u16, Value) {
        let mut req = self
            .http
            .request(method, format!("{}{}", self.emu.base_url(), path))
            .header("authorization", self.auth_header());
        if let Some(b) = body {
            req = req.header("content-type", "application/json").body(b.to_string());
        }
        let resp = req.send().await.expect("request is answered");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body");
        let value: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("non-JSON body: {text}"));
        (status, value)
    }

    pub async fn post(&self, path: &str, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::POST, path, Some(&body)).await
    }

    pub async fn get(&self, path: &str) -> (u16, Value) {
        self.call(reqwest::Method::GET, path, None).await
    }

    /// POST that must succeed with 200; returns the body.
    pub async fn ok(&self, path: &str, body: Value) -> Value {
        let (status, v) = self.post(path, body).await;
        assert_eq!(status, 200, "POST {path} failed: {v:#}");
        assert_eq!(v["status_code"], 200);
        assert!(v["request_id"].as_str().unwrap().starts_with("request-id-test-"));
        v
    }

    /// POST that must fail with `status` and `error_type`; returns the body.
    pub async fn err(&self, path: &str, body: Value, status: u16, error_type: &str) -> Value {
        let (got, v) = self.post(path, body).await;
        assert_eq!(
            (got, v["error_type"].as_str().unwrap_or("<none>")),
            (status, error_type),
            "POST {path}: {v:#}"
        );
        assert_error_shape(&v, status);
        v
    }

    /// Creates an organization; returns its id.
    pub async fn org(&self, slug: &str) -> String {
        self.org_with(json!({ "organization_name": format!("Org {slug}"), "organization_slug": slug }))
            .await
    }

    pub async fn org_with(&self, body: Value) -> String {
        let v = self.ok("/v1/b2b/organizations", body).await;
        v["organization"]["organization_id"].as_str().unwrap().to_owned()
    }

    /// Creates a member; returns its id.
    pub async fn member(&self, org: &str, email: &str) -> String {
        self.member_with(org, json!({ "email_address": email })).await
    }

    pub async fn member_with(&self, org: &str, body: Value) -> String {
        let v = self
            .ok(&format!("/v1/b2b/organizations/{org}/members"), body)
            .await;
        v["member_id"].as_str().unwrap().to_owned()
    }

    /// Gives a member a password through a real email reset (start, outbox, reset).
    pub async fn set_password(&self, org: &str, email: &str, password: &str) -> Value {
        self.ok(
            "/v1/b2b/passwords/email/reset/start",
            json!({ "organization_id": org, "email_address": email }),
        )
        .await;
        let token = self
            .emu
            .last_email_to(email)
            .expect("reset email")
            .token
            .expect("token");
        self.ok(
            "/v1/b2b/passwords/email/reset",
            json!({ "password_reset_token": token, "password": password }),
        )
        .await
    }

    /// An org with one member who has `STRONG` as password; returns (org_id, member_id).
    pub async fn org_member_password(&self, slug: &str, email: &str) -> (String, String) {
        let org = self.org(slug).await;
        let member = self.member(&org, email).await;
        self.set_password(&org, email, STRONG).await;
        (org, member)
    }

    pub async fn authenticate(&self, org: &str, email: &str, password: &str) -> Value {
        self.ok(
            "/v1/b2b/passwords/authenticate",
            json!({ "organization_id": org, "email_address": email, "password": password }),
        )
        .await
    }

    /// The member's live sessions.
    pub async fn sessions_of(&self, org: &str, member: &str) -> Vec<Value> {
        let (status, v) = self
            .get(&format!(
                "/v1/b2b/sessions?organization_id={org}&member_id={member}"
            ))
            .await;
        assert_eq!(status, 200, "{v:#}");
        v["member_sessions"].as_array().unwrap().clone()
    }
}

/// Every error carries the five fields Stytch always sends, with the right status.
pub fn assert_error_shape(v: &Value, status: u16) {
    assert_eq!(v["status_code"], status, "{v:#}");
    for f in ["request_id", "error_type", "error_message", "error_url"] {
        assert!(v[f].as_str().is_some_and(|s| !s.is_empty()), "missing {f}: {v:#}");
    }
    assert!(v["request_id"].as_str().unwrap().starts_with("request-id-test-"));
    assert!(
        v["error_url"]
            .as_str()
            .unwrap()
            .starts_with("https://stytch.com/docs/")
    );
}

/// Decodes a JWT's (header, claims) without verifying.
pub fn jwt_parts(jwt: &str) -> (Value, Value) {
    let mut it = jwt.split('.');
    let dec = |s: &str| -> Value {
        serde_json::from_slice(
            &base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(s)
                .unwrap(),
        )
        .unwrap()
    };
    let h = dec(it.next().unwrap());
    let c = dec(it.next().unwrap());
    (h, c)
}

/// Verifies a JWT's RS256 signature against a JWKS `keys` array (an independent check: the
/// key is rebuilt from `n` and `e`).
pub fn verify_with_jwks(jwt: &str, keys: &[Value]) -> bool {
    use rsa::pkcs1v15::{Signature, VerifyingKey};
    use rsa::signature::Verifier as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (header, _) = jwt_parts(jwt);
    let Some(jwk) = keys.iter().find(|k| k["kid"] == header["kid"]) else {
        return false;
    };
    let n = rsa::BigUint::from_bytes_be(&b64.decode(jwk["n"].as_str().unwrap()).unwrap());
    let e = rsa::BigUint::from_bytes_be(&b64.decode(jwk["e"].as_str().unwrap()).unwrap());
    let key = VerifyingKey::<sha2::Sha256>::new(rsa::RsaPublicKey::new(n, e).unwrap());
    let (signing_input, sig) = jwt.rsplit_once('.').unwrap();
    let sig = Signature::try_from(b64.decode(sig).unwrap().as_slice()).unwrap();
    key.verify(signing_input.as_bytes(), &sig).is_ok()
}

/// base64url(SHA256(verifier)), the PKCE challenge.
pub fn pkce_challenge(verifier: &str) -> String {
    use sha2::Digest as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(sha2::Sha256::digest(verifier.as_bytes()))
}

//! Helpers shared by the workspace-level flow tests: everything goes through `stytch_client`'s
//! typed catalog against the embedded emulator, so the client's models are checked against an
//! independent producer.

#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};
use stytch_client::b2b::models::{Organization, OrganizationId};
use stytch_client::b2b::organizations::{self, members};
use stytch_client::b2b::passwords;
use stytch_client::http::StatusCode;
use stytch_client::{Client, Error};
use stytch_emulator::{Emulator, EmulatorBuilder};

/// Strong passwords (zxcvbn score 3 or more), none on the emulator's breach list.
pub const STRONG: &str = "violet-Kettle-sunrise-47-Orbit!";
pub const STRONG2: &str = "maple-Harbor-quantum-93-Lantern?";
pub const STRONG3: &str = "copper-Lantern-meadow-77-gently";
/// A password zxcvbn scores below 3 (and on the breach list).
pub const WEAK: &str = "password";

/// A legacy bcrypt hash (cost 10) of [`MIGRATED_PASSWORD`].
pub const LEGACY_BCRYPT_HASH: &str = "$2b$10$X2gm4Sg2j2RD8sPUCaaLsev9e97Y2Qi6joIC/DFmy5oX43CpFOz1i";
pub const MIGRATED_PASSWORD: &str = "Migrated-from-Legacy-2019!";

/// A PKCE pair: `PKCE_CHALLENGE` is base64url(SHA-256(`PKCE_VERIFIER`)) without padding.
pub const PKCE_VERIFIER: &str = "pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFG";
pub const PKCE_CHALLENGE: &str = "faL0hZsECkAqeGhBPsCLGCpT_XhIvaYXURyB2-B6_DM";

/// One emulator and the typed client it hands out.
pub struct Env {
    pub emu: Emulator,
    pub client: Client,
}

impl Env {
    /// Default settings: zxcvbn, breach detection on, cross-org passwords off.
    pub async fn start() -> Env {
        Env::with(Emulator::builder()).await
    }

    /// Cross-organization passwords on (discovery, require_reset).
    pub async fn cross_org() -> Env {
        Env::with(Emulator::builder().cross_org_passwords(true)).await
    }

    pub async fn with(builder: EmulatorBuilder) -> Env {
        let emu = builder.start().await.expect("emulator starts");
        let client = emu.client();
        Env { emu, client }
    }

    /// A new organization with a unique slug.
    pub async fn org(&self) -> Organization {
        self.org_with(organizations::Create::new("Flow Test Inc.")).await
    }

    /// A new organization from `create`, given a unique slug if it has none.
    pub async fn org_with(&self, mut create: organizations::Create) -> Organization {
        if create.organization_slug.is_none() {
            create.organization_slug = Some(unique("flow-org"));
        }
        self.client
            .send(create)
            .await
            .expect("organization created")
            .organization
    }

    /// The token of the newest email to `email`.
    pub fn emailed_token(&self, email: &str) -> String {
        self.emu
            .last_email_to(email)
            .and_then(|m| m.token)
            .unwrap_or_else(|| panic!("no email with a token to {email}"))
    }

    /// A member of `org_id` with `password`, set through the email reset flow; returns the
    /// reset's answer (a full session).
    pub async fn member_with_password(
        &self,
        org_id: &OrganizationId,
        email: &str,
        password: &str,
    ) -> passwords::email::ResetResponse {
        self.client
            .send(members::Create::new(org_id, email).name("Flow Tester"))
            .await
            .expect("member created");
        self.client
            .send(passwords::email::ResetStart::new(org_id, email))
            .await
            .expect("reset started");
        let token = self.emailed_token(email);
        self.client
            .send(passwords::email::Reset::new(token, password))
            .await
            .expect("password set")
    }

    /// Logs in with email and password.
    pub async fn login(
        &self,
        org_id: &OrganizationId,
        email: &str,
        password: &str,
    ) -> passwords::AuthenticateResponse {
        self.client
            .send(passwords::Authenticate::new(org_id, email, password))
            .await
            .expect("authenticated")
    }
}

/// A process-unique string with `prefix` (slugs, emails).
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A process-unique email address.
pub fn email(name: &str) -> String {
    format!("{}@example.com", unique(name))
}

/// Asserts that `result` failed with a Stytch API error of this status and `error_type`, and
/// returns the error.
#[track_caller]
pub fn expect_api_error<T: std::fmt::Debug>(
    result: Result<T, Error>,
    status: u16,
    error_type: &str,
) -> Error {
    let error = match result {
        Ok(value) => panic!("expected {status} {error_type}, got success: {value:?}"),
        Err(error) => error,
    };
    let expected = StatusCode::from_u16(status).expect("valid status");
    assert_eq!(error.status(), Some(expected), "status of {error}");
    let api = error
        .api_error()
        .unwrap_or_else(|| panic!("not an API error: {error:?}"));
    assert_eq!(api.status_code, expected, "{error}");
    assert_eq!(api.error_type, error_type, "{error}");
    assert!(api.is_stytch_error(), "{error}");
    assert!(!api.error_message.is_empty(), "{error}");
    let request_id = api.request_id.as_deref().unwrap_or_default();
    assert!(request_id.starts_with("request-id-test-"), "{error}");
    assert_eq!(error.request_id(), Some(request_id));
    error
}

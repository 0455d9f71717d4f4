//! Secrets never leak (issue 5, item 4): a whole password flow against the emulator with
//! tracing captured at TRACE level, every request, response and error formatted with `{:?}`,
//! `{:#?}` (and `{}` plus the `source()` chain for errors), and none of the secrets used may
//! appear anywhere in that output.

mod common;

use common::{LEGACY_BCRYPT_HASH, MIGRATED_PASSWORD, PKCE_CHALLENGE, PKCE_VERIFIER, email};
use std::fmt::Debug;
use std::io::Write;
use std::sync::{Arc, Mutex};
use stytch_client::b2b::discovery::{intermediate_sessions, organizations as discovery_orgs};
use stytch_client::b2b::models::HashType;
use stytch_client::b2b::organizations::{self, members};
use stytch_client::b2b::{passwords, sessions};
use stytch_client::{Authorization, Client, Endpoint, Error, RequestOptions, Secret};
use stytch_emulator::Emulator;

const PROJECT_SECRET: &str = "secret-test-NEVER-PRINT-project-4f1c9a";
const INITIAL: &str = "Initial-walrus-Teapot-8841-secret";
const NEW_BY_EMAIL: &str = "Emailed-gazelle-Quartz-5520-secret";
const NEW_BY_SESSION: &str = "Session-heron-Marble-3307-secret";
const NEW_BY_EXISTING: &str = "Existing-otter-Violin-9164-secret";
const NEW_BY_DISCOVERY: &str = "Discover-lynx-Saffron-7275-secret";
const WRONG: &str = "Wrong-badger-Pencil-1234-secret";
const WEAK_ATTEMPT: &str = "qwerty123";

/// A `Write` that keeps everything the tracing subscriber writes.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Sends through the typed client and formats everything it sees.
struct Recorder {
    client: Client,
    formatted: String,
    /// Secrets learnt along the way (tokens, JWTs, ISTs, reset tokens).
    secrets: Vec<String>,
}

impl Recorder {
    fn show(&mut self, value: &dyn Debug) {
        self.formatted.push_str(&format!("{value:?}\n{value:#?}\n"));
    }

    fn show_error(&mut self, error: &Error) {
        self.show(error);
        self.formatted.push_str(&format!("{error}\n"));
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            self.formatted.push_str(&format!("{cause}\n{cause:?}\n"));
            source = cause.source();
        }
        if let Some(api) = error.api_error() {
            self.formatted.push_str(&format!("{api}\n"));
            self.show(api);
        }
    }

    async fn send<E>(&mut self, request: E) -> Result<E::Response, Error>
    where
        E: Endpoint + Debug,
        E::Response: Debug,
    {
        self.send_with(request, &RequestOptions::new()).await
    }

    async fn send_with<E>(&mut self, request: E, options: &RequestOptions) -> Result<E::Response, Error>
    where
        E: Endpoint + Debug,
        E::Response: Debug,
    {
        self.show(&request);
        self.show(options);
        let result = self.client.send_with(request, options).await;
        match &result {
            Ok(response) => self.show(response),
            Err(error) => self.show_error(error),
        }
        result
    }

    async fn ok<E>(&mut self, request: E) -> E::Response
    where
        E: Endpoint + Debug,
        E::Response: Debug,
    {
        self.send(request).await.expect("call succeeds")
    }

    async fn fails<E>(&mut self, request: E, error_type: &str)
    where
        E: Endpoint + Debug,
        E::Response: Debug,
    {
        let error = self.send(request).await.expect_err("call fails");
        assert_eq!(
            error.api_error().map(|a| a.error_type.as_str()),
            Some(error_type),
            "{error}"
        );
    }

    fn learn(&mut self, secret: &Secret<String>) {
        let value = secret.expose_secret();
        assert!(!value.is_empty(), "an issued secret is never empty here");
        self.secrets.push(value.to_owned());
    }
}

#[tokio::test]
async fn a_whole_password_flow_prints_no_secret() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let emu = Emulator::builder()
        .secret(PROJECT_SECRET)
        .cross_org_passwords(true)
        .start()
        .await
        .unwrap();
    let mut r = Recorder {
        client: emu.client(),
        formatted: String::new(),
        secrets: Vec::new(),
    };
    r.formatted
        .push_str(&format!("{:?}\n{:#?}\n{emu:?}\n", r.client, r.client));

    let org = r
        .ok(organizations::Create::new("Redaction Inc.").organization_slug("redaction-inc"))
        .await
        .organization;
    let org_id = &org.organization_id;
    let mfa_org = r
        .ok(organizations::Create::new("Redaction MFA")
            .organization_slug("redaction-mfa")
            .mfa_policy("REQUIRED_FOR_ALL"))
        .await
        .organization;
    let address = email("redacted");

    // Strength check, migrate a legacy hash, log in with it, a wrong password.
    r.ok(passwords::StrengthCheck::new(INITIAL).email_address(&address))
        .await;
    r.ok(passwords::StrengthCheck::new(WEAK_ATTEMPT)).await;
    r.ok(
        passwords::Migrate::new(org_id, &address, LEGACY_BCRYPT_HASH, HashType::Bcrypt)
            .name("Redacted Person"),
    )
    .await;
    let login = r
        .ok(passwords::Authenticate::new(org_id, &address, MIGRATED_PASSWORD).session_duration_minutes(60))
        .await;
    r.learn(&login.session_token);
    r.learn(&login.session_jwt);
    r.fails(
        passwords::Authenticate::new(org_id, &address, WRONG),
        "unauthorized_credentials",
    )
    .await;

    // Reset by email with PKCE: a weak attempt, a wrong verifier, then the real reset.
    r.ok(passwords::email::ResetStart::new(org_id, &address).code_challenge(PKCE_CHALLENGE))
        .await;
    let reset_token = emu.last_email_to(&address).and_then(|m| m.token).unwrap();
    r.secrets.push(reset_token.clone());
    r.fails(
        passwords::email::Reset::new(&reset_token, WEAK_ATTEMPT).code_verifier(PKCE_VERIFIER),
        "weak_password",
    )
    .await;
    r.fails(
        passwords::email::Reset::new(&reset_token, NEW_BY_EMAIL).code_verifier("Wrong-pkce-verifier-secret"),
        "pkce_mismatch",
    )
    .await;
    let reset = r
        .ok(passwords::email::Reset::new(&reset_token, NEW_BY_EMAIL).code_verifier(PKCE_VERIFIER))
        .await;
    r.learn(&reset.session_token);
    r.learn(&reset.session_jwt);
    r.fails(
        passwords::email::Reset::new(&reset_token, NEW_BY_EMAIL),
        "unable_to_auth_password_reset_token",
    )
    .await;

    // Reset by session, by existing password; sessions authenticate, revoke with Authorization.
    let by_session = r
        .ok(passwords::sessions::Reset::new(org_id, NEW_BY_SESSION)
            .session_token(reset.session_token.clone()))
        .await;
    r.learn(&by_session.session_jwt);
    let by_existing = r
        .ok(passwords::existing_password::Reset::new(
            org_id,
            &address,
            NEW_BY_SESSION,
            NEW_BY_EXISTING,
        ))
        .await;
    r.learn(&by_existing.session_token);
    r.learn(&by_existing.session_jwt);
    r.fails(
        passwords::existing_password::Reset::new(org_id, &address, WRONG, NEW_BY_EXISTING),
        "unauthorized_credentials",
    )
    .await;
    let authed = r
        .ok(sessions::Authenticate::new().session_jwt(by_existing.session_jwt.clone()))
        .await;
    r.learn(&authed.session_jwt);
    r.fails(
        sessions::Authenticate::new()
            .session_token(by_existing.session_token.clone())
            .session_jwt(by_existing.session_jwt.clone()),
        "too_many_session_arguments",
    )
    .await;
    r.ok(sessions::Get::new(org_id, &login.member_id)).await;

    // An MFA-bound intermediate session.
    r.ok(members::Create::new(&mfa_org.organization_id, address.as_str()))
        .await;
    let mfa = r
        .ok(passwords::Authenticate::new(
            &mfa_org.organization_id,
            &address,
            NEW_BY_EXISTING,
        ))
        .await;
    assert!(!mfa.member_authenticated);
    r.learn(&mfa.intermediate_session_token);

    // Discovery: authenticate, list, reset, exchange, require_reset.
    let discovered = r
        .ok(passwords::discovery::Authenticate::new(&address, NEW_BY_EXISTING))
        .await;
    r.learn(&discovered.intermediate_session_token);
    r.ok(
        discovery_orgs::List::new().intermediate_session_token(discovered.intermediate_session_token.clone())
    )
    .await;
    r.ok(passwords::discovery::email::ResetStart::new(&address).pkce_code_challenge(PKCE_CHALLENGE))
        .await;
    let discovery_token = emu.last_email_to(&address).and_then(|m| m.token).unwrap();
    r.secrets.push(discovery_token.clone());
    let rediscovered = r
        .ok(
            passwords::discovery::email::Reset::new(&discovery_token, NEW_BY_DISCOVERY)
                .pkce_code_verifier(PKCE_VERIFIER),
        )
        .await;
    r.learn(&rediscovered.intermediate_session_token);
    let exchanged = r
        .ok(intermediate_sessions::Exchange::new(
            org_id,
            rediscovered.intermediate_session_token.clone(),
        ))
        .await;
    r.learn(&exchanged.session_token);
    r.learn(&exchanged.session_jwt);
    r.ok(passwords::email::RequireReset::new(&address)
        .organization_id(org_id)
        .authorization(Authorization::session_token(exchanged.session_token.clone())))
        .await;

    // Invalid requests: CR/LF in a secret header value, refused before any I/O.
    let crlf_token = format!("{}\r\nX-Injected: 1", exchanged.session_token.expose_secret());
    let error = r
        .send(sessions::Revoke::new().authorization(Authorization::session_token(crlf_token)))
        .await
        .expect_err("CR/LF refused");
    assert!(error.is_invalid_request(), "{error:?}");
    let options = RequestOptions::new().sensitive_header("X-Debug-Token", &format!("{PROJECT_SECRET}\n"));
    let error = r
        .send_with(sessions::Revoke::new().member_id(&login.member_id), &options)
        .await
        .expect_err("LF refused");
    assert!(error.is_invalid_request(), "{error:?}");

    // Revoke with Authorization; the revoked session then fails.
    r.ok(sessions::Revoke::new()
        .session_token(exchanged.session_token.clone())
        .authorization(Authorization::session_jwt(exchanged.session_jwt.clone())))
        .await;
    r.fails(
        sessions::Authenticate::new().session_token(exchanged.session_token.clone()),
        "session_not_found",
    )
    .await;

    // A client with a wrong secret.
    let wrong_secret = "wrong-secret-NEVER-PRINT-8c2e";
    let stranger = Client::builder()
        .credentials(emu.project_id(), wrong_secret)
        .base_url(emu.base_url())
        .build()
        .unwrap();
    r.formatted.push_str(&format!("{stranger:?}\n{stranger:#?}\n"));
    let mut outsider = Recorder {
        client: stranger,
        formatted: String::new(),
        secrets: Vec::new(),
    };
    outsider
        .fails(
            passwords::Authenticate::new(org_id, &address, NEW_BY_DISCOVERY),
            "unauthorized_credentials",
        )
        .await;
    r.formatted.push_str(&outsider.formatted);

    drop(_guard);
    let traced = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();

    // The output is real: spans were recorded and the formatted values carry their data.
    assert!(
        traced.contains("stytch.request"),
        "no client span captured:\n{traced}"
    );
    assert!(traced.contains("status=401") && traced.contains("status=200"));
    assert!(r.formatted.contains(login.member_id.as_str()));
    assert!(r.formatted.contains("weak_password") && r.formatted.contains("pkce_mismatch"));
    assert!(r.formatted.contains("***"));

    let mut secrets: Vec<String> = [
        PROJECT_SECRET,
        wrong_secret,
        INITIAL,
        NEW_BY_EMAIL,
        NEW_BY_SESSION,
        NEW_BY_EXISTING,
        NEW_BY_DISCOVERY,
        WRONG,
        WEAK_ATTEMPT,
        MIGRATED_PASSWORD,
        LEGACY_BCRYPT_HASH,
        PKCE_VERIFIER,
        "Wrong-pkce-verifier-secret",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    // A JWT's signature alone is as secret as the whole token.
    for learnt in &r.secrets {
        secrets.push(learnt.clone());
        if let Some(signature) = learnt.split('.').nth(2) {
            secrets.push(signature.to_owned());
        }
    }
    assert!(secrets.len() > 25, "{} secrets", secrets.len());
    for secret in &secrets {
        assert!(
            !traced.contains(secret.as_str()),
            "tracing output leaks {secret:?}"
        );
        assert!(
            !r.formatted.contains(secret.as_str()),
            "Debug/Display output leaks {secret:?}"
        );
    }
}

//! [`Emulator`] and [`EmulatorBuilder`]: the public face of the crate.

use crate::app::App;
use crate::clock::Clock;
use crate::config::{DEFAULT_BREACHED_PASSWORDS, HashingCost, Settings, StrengthPolicy};
use crate::outbox::OutboxMessage;
use crate::store::{AccessToken, normalize_email};
use std::collections::HashSet;
use std::net::SocketAddr;
use stytch_client::Secret;
use tokio::sync::oneshot;

/// A running, in-memory Stytch B2B API on a loopback port.
///
/// Serves on a background tokio task until dropped (or [`shutdown`](Self::shutdown)).
///
/// ```no_run
/// # async fn run() -> std::io::Result<()> {
/// let emulator = stytch_emulator::Emulator::start().await?;
/// let client = emulator.client(); // a ready stytch_client::Client
/// println!("{} {}", emulator.base_url(), emulator.project_id());
/// # Ok(()) }
/// ```
pub struct Emulator {
    app: App,
    addr: SocketAddr,
    base_url: String,
    client: stytch_client::Client,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<()>>,
}

impl std::fmt::Debug for Emulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Emulator")
            .field("base_url", &self.base_url)
            .field("project_id", &self.app.settings().project_id)
            .field("secret", &"***")
            .finish_non_exhaustive()
    }
}

impl Emulator {
    /// Starts an emulator with default settings on `127.0.0.1:0`.
    pub async fn start() -> std::io::Result<Emulator> {
        Self::builder().start().await
    }

    /// Settings for an emulator.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The bound socket address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The project id the emulator accepts (`project-test-…`).
    pub fn project_id(&self) -> &str {
        &self.app.settings().project_id
    }

    /// The secret the emulator accepts.
    pub fn secret(&self) -> &str {
        self.app.settings().secret.expose_secret()
    }

    /// A [`stytch_client::Client`] pointed at the emulator with its credentials.
    pub fn client(&self) -> stytch_client::Client {
        self.client.clone()
    }

    /// The emulator's clock; [`Clock::advance`] expires tokens and sessions without sleeping.
    pub fn clock(&self) -> &Clock {
        &self.app.0.clock
    }

    /// Every message sent so far, oldest first.
    pub fn outbox(&self) -> Vec<OutboxMessage> {
        self.app.store().outbox.clone()
    }

    /// The newest message sent to `address` (compared case-insensitively).
    pub fn last_email_to(&self, address: &str) -> Option<OutboxMessage> {
        let address = normalize_email(address);
        self.app
            .store()
            .outbox
            .iter()
            .rev()
            .find(|m| m.to == address)
            .cloned()
    }

    /// The newest SMS sent to `phone` (an E.164 number such as `+12025550123`); its `token` is
    /// the six-digit passcode.
    pub fn last_sms_to(&self, phone: &str) -> Option<OutboxMessage> {
        self.app
            .store()
            .outbox
            .iter()
            .rev()
            .find(|m| m.kind == crate::MessageKind::SmsOtp && m.to == phone.trim())
            .cloned()
    }

    /// Empties the outbox.
    pub fn clear_outbox(&self) {
        self.app.store().outbox.clear();
    }

    /// Signs new session JWTs with a fresh key and returns its `kid`. The previous key stays in
    /// the JWKS (and still verifies) for one month of emulated time, as Stytch serves old keys
    /// during rotation.
    pub fn rotate_signing_key(&self) -> String {
        let now = self.app.now();
        self.app.keys_mut().rotate(now)
    }

    /// The `kid` of the key signing new session JWTs.
    pub fn current_signing_kid(&self) -> String {
        self.app.keys().current_kid().to_owned()
    }

    /// Issues a connected-apps access token for the live session with `session_token`, as a
    /// Connected App would obtain one; `POST /v1/b2b/sessions/exchange_access_token` turns it
    /// back into a session. Valid for one hour of emulated time. `None` if the session is not live.
    pub fn issue_access_token(&self, session_token: &str, client_id: &str) -> Option<String> {
        let now = self.app.now();
        let mut store = self.app.store();
        let session_id = store.session_by_token(session_token, now)?.id.clone();
        let token = format!("access-token-test-{}", crate::ids::token());
        store.access_tokens.insert(
            token.clone(),
            AccessToken {
                session_id,
                client_id: client_id.to_owned(),
                expires_at: now + chrono::Duration::hours(1),
            },
        );
        Some(token)
    }

    /// Makes `token` a valid trusted-auth token of `profile_id` for `email`, for
    /// `POST /v1/b2b/sessions/attest`.
    pub fn register_trusted_auth_token(&self, profile_id: &str, token: &str, email: &str) {
        self.app
            .store()
            .trusted_auth_tokens
            .insert((profile_id.to_owned(), token.to_owned()), normalize_email(email));
    }

    /// Makes `token` an external session of `email`, for `POST /v1/b2b/sessions/migrate`.
    pub fn register_external_session(&self, token: &str, email: &str) {
        self.app
            .store()
            .external_sessions
            .insert(token.to_owned(), normalize_email(email));
    }

    /// Changes an organization's `mfa_policy` (`"OPTIONAL"` or `"REQUIRED_FOR_ALL"`), as the
    /// organizations update endpoint would. Returns false for an unknown organization.
    pub fn set_organization_mfa_policy(&self, organization_id: &str, mfa_policy: &str) -> bool {
        let now = self.app.now();
        let mut store = self.app.store();
        let Some(id) = store.find_org(organization_id).map(|o| o.id.clone()) else {
            return false;
        };
        let org = store.organizations.get_mut(&id).expect("found above");
        org.mfa_policy = mfa_policy.to_owned();
        org.updated_at = now;
        true
    }

    // -- RBAC, provider tokens and connected apps (issue 13) --

    /// Replaces the project's own RBAC resources, roles and scopes (Stytch's defaults always
    /// stay; see [`crate::rbac`]). What `GET /v1/b2b/rbac/policy` serves and every permission
    /// check uses from then on. Over HTTP: `PUT /__emulator/rbac/policy` with the same JSON.
    ///
    /// Fails, changing nothing, when the policy is invalid (a resource starting with `stytch`, a
    /// duplicate id, a permission naming an unknown resource or action); the error is the
    /// message Stytch-shaped validation would give.
    pub fn set_rbac_policy(&self, policy: crate::rbac::RbacPolicy) -> Result<(), String> {
        crate::handlers::rbac::set_policy(&self.app, policy)
            .map_err(|e| format!("{}: {}", e.error_type, e.message))
    }

    /// The project's own RBAC resources, roles and scopes (without Stytch's defaults).
    pub fn rbac_policy(&self) -> crate::rbac::RbacPolicy {
        self.app.store().rbac.custom().clone()
    }

    /// Grants `role` the permission to do `action` (or `"*"`) on `resource` now, declaring the
    /// resource, the action and the role when they are new (as [`EmulatorBuilder::grant`]).
    pub fn grant(&self, role: &str, resource: &str, action: &str) {
        self.app.store().rbac.custom_mut().grant(role, resource, action);
    }

    /// Completes a start_email_update with the token (or code) it emailed, as following the
    /// magic link or entering the OTP does: the member's email becomes the new, verified address.
    /// False when the token is unknown or expired (verifications last five minutes).
    pub fn complete_email_update(&self, token: &str) -> bool {
        let now = self.app.now();
        self.app.store().complete_email_update(token, now).is_some()
    }

    /// Records the tokens a provider issued to a member, as Stytch keeps them after an OAuth or
    /// OIDC login; the members `oauth_providers/*` and `oidc_providers` endpoints return them.
    /// Replaces earlier tokens of the same provider and subject. False for an unknown member.
    pub fn set_provider_tokens(&self, member_id: &str, tokens: crate::providers::ProviderTokens) -> bool {
        let mut store = self.app.store();
        if !store.members.contains_key(member_id) {
            return false;
        }
        store.provider_tokens.retain(|t| {
            !(t.member_id == member_id
                && t.tokens.provider == tokens.provider
                && t.tokens.provider_subject == tokens.provider_subject)
        });
        store.provider_tokens.push(crate::providers::ProviderToken {
            member_id: member_id.to_owned(),
            tokens,
        });
        true
    }

    /// Records that a member authorized a Connected App with `scopes`, as completing its consent
    /// screen would; the organization and member `connected_apps` endpoints list it and the
    /// revoke endpoint removes it. False for an unknown member.
    pub fn authorize_connected_app(
        &self,
        member_id: &str,
        app: crate::providers::ConnectedApp,
        scopes: &[&str],
    ) -> bool {
        let mut store = self.app.store();
        let Some(organization_id) = store.members.get(member_id).map(|m| m.organization_id.clone()) else {
            return false;
        };
        store
            .connected_app_grants
            .retain(|g| !(g.member_id == member_id && g.app.connected_app_id == app.connected_app_id));
        store
            .connected_app_grants
            .push(crate::providers::ConnectedAppGrant {
                member_id: member_id.to_owned(),
                organization_id,
                app,
                scopes: scopes.iter().map(|s| (*s).to_owned()).collect(),
            });
        true
    }

    /// Stops serving and waits for the server task to finish.
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Serves until the process is killed (used by the binary).
    pub async fn serve_forever(mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Settings for an [`Emulator`]. Every setting has a test-friendly default.
#[derive(Clone, Debug)]
pub struct EmulatorBuilder {
    project_id: Option<String>,
    secret: Option<Secret<String>>,
    strength_policy: StrengthPolicy,
    breach_on_create: bool,
    breach_on_authentication: bool,
    breached: HashSet<String>,
    cross_org: bool,
    hashing: HashingCost,
    reset_redirect: Option<String>,
    discovery_redirect: Option<String>,
    permissions: Vec<(String, String, String)>,
    clock: Clock,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            project_id: None,
            secret: None,
            strength_policy: StrengthPolicy::Zxcvbn,
            breach_on_create: true,
            breach_on_authentication: true,
            breached: DEFAULT_BREACHED_PASSWORDS.iter().map(|s| s.to_string()).collect(),
            cross_org: false,
            hashing: HashingCost::Fast,
            reset_redirect: Some("http://localhost:3000/reset-password".into()),
            discovery_redirect: Some("http://localhost:3000/discovery".into()),
            permissions: Vec::new(),
            clock: Clock::default(),
        }
    }
}

impl EmulatorBuilder {
    /// The project id to accept (default: a fresh `project-test-<uuid>`).
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = Some(project_id.into());
        self
    }

    /// The secret to accept (default: a fresh random `secret-test-…`).
    pub fn secret(mut self, secret: impl Into<String>) -> Self {
        self.secret = Some(Secret::new(secret.into()));
        self
    }

    /// The password strength policy (default zxcvbn).
    pub fn strength_policy(mut self, policy: StrengthPolicy) -> Self {
        self.strength_policy = policy;
        self
    }

    /// LUDS with a minimum length (8..=32) and number of character classes (1..=4).
    ///
    /// # Panics
    /// If either value is outside Stytch's allowed range.
    pub fn luds(self, min_length: u32, min_complexity: u32) -> Self {
        assert!((8..=32).contains(&min_length), "LUDS min length must be 8..=32");
        assert!((1..=4).contains(&min_complexity), "LUDS complexity must be 1..=4");
        self.strength_policy(StrengthPolicy::Luds {
            min_length,
            min_complexity,
        })
    }

    /// Breach detection: new passwords on the breach list are refused as `weak_password`, and
    /// strength_check reports `breached_password` (default on).
    pub fn breach_detection(mut self, on: bool) -> Self {
        self.breach_on_create = on;
        self
    }

    /// Breach check at authentication: a correct but breached password answers
    /// `member_reset_password` (default on, as Stytch's docs say).
    pub fn breach_detection_on_authentication(mut self, on: bool) -> Self {
        self.breach_on_authentication = on;
        self
    }

    /// Replaces the breach list (default: a few dozen notorious passwords, see
    /// [`DEFAULT_BREACHED_PASSWORDS`]).
    pub fn breached_passwords<I, S>(mut self, passwords: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.breached = passwords.into_iter().map(Into::into).collect();
        self
    }

    /// Adds one password to the breach list.
    pub fn breached_password(mut self, password: impl Into<String>) -> Self {
        self.breached.insert(password.into());
        self
    }

    /// Cross-organization passwords: one password per email, usable in every organization;
    /// enables the discovery password endpoints and require_reset (default off).
    pub fn cross_org_passwords(mut self, on: bool) -> Self {
        self.cross_org = on;
        self
    }

    /// How the passwords the emulator sets are hashed (default [`HashingCost::Fast`]).
    pub fn hashing_cost(mut self, cost: HashingCost) -> Self {
        self.hashing = cost;
        self
    }

    /// The redirect URL used when reset/start gives none (the dashboard default); `None` makes
    /// a missing URL an error (`no_password_reset_redirect_url`).
    pub fn default_reset_redirect_url(mut self, url: Option<String>) -> Self {
        self.reset_redirect = url;
        self
    }

    /// Grants `role` the permission to do `action` (or `"*"`) on `resource` in the project's RBAC
    /// policy, declaring the resource, the action and the role when they are new (see
    /// [`crate::rbac`]; [`Emulator::set_rbac_policy`] sets a whole policy).
    pub fn grant(
        mut self,
        role: impl Into<String>,
        resource: impl Into<String>,
        action: impl Into<String>,
    ) -> Self {
        self.permissions
            .push((role.into(), resource.into(), action.into()));
        self
    }

    /// Shares an existing clock (for example to advance it before starting).
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Starts on `127.0.0.1:0`.
    pub async fn start(self) -> std::io::Result<Emulator> {
        self.start_on(SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// Starts on a chosen address.
    pub async fn start_on(self, addr: SocketAddr) -> std::io::Result<Emulator> {
        let settings = Settings {
            project_id: self.project_id.unwrap_or_else(|| crate::ids::id("project")),
            secret: self
                .secret
                .unwrap_or_else(|| Secret::new(format!("secret-test-{}", crate::ids::token()))),
            strength_policy: self.strength_policy,
            breach_detection_on_create: self.breach_on_create,
            breach_detection_on_authentication: self.breach_on_authentication,
            breached_passwords: self.breached,
            cross_org_passwords: self.cross_org,
            hashing: self.hashing,
            default_reset_redirect_url: self.reset_redirect,
            default_discovery_redirect_url: self.discovery_redirect,
        };
        let app = App::new(settings, self.clock);
        {
            let mut store = app.store();
            for (role, resource, action) in &self.permissions {
                store.rbac.custom_mut().grant(role, resource, action);
            }
        }
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let ip = if addr.ip().is_unspecified() {
            "127.0.0.1".to_owned()
        } else {
            addr.ip().to_string()
        };
        let host = if addr.is_ipv6() { format!("[{ip}]") } else { ip };
        let base_url = format!("http://{host}:{}", addr.port());
        let client = stytch_client::Client::builder()
            .credentials(
                app.settings().project_id.clone(),
                app.settings().secret.expose_secret().clone(),
            )
            .base_url(base_url.clone())
            .allow_insecure_http(true)
            .build()
            .map_err(std::io::Error::other)?;
        let (tx, rx) = oneshot::channel::<()>();
        let router = crate::server::router(app.clone());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Emulator {
            app,
            addr,
            base_url,
            client,
            shutdown: Some(tx),
            task: Some(task),
        })
    }
}

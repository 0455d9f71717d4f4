//! [`JwtOptions`] (per verification) and [`JwksConfig`] (per client).

use super::jwks::KeySet;
use crate::b2b::models::AuthorizationCheck;
use crate::error::Error;
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// What to do when local verification fails for a reason that says nothing against the token's
/// authenticity (see [`JwtReason::falls_back`](crate::JwtReason::falls_back)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Fallback {
    /// Ask Stytch: `POST /v1/b2b/sessions/authenticate` with the JWT, as the official SDKs'
    /// `authenticate_jwt` do. An expired JWT whose session is still alive is accepted there, and
    /// the answer carries a fresh JWT ([`VerifiedBy::Remote`](super::VerifiedBy::Remote)).
    #[default]
    Remote,
    /// Return the local error; never make a request other than a JWKS fetch.
    Fail,
}

/// Options for one [`Client::authenticate_session_jwt`](crate::Client::authenticate_session_jwt)
/// call.
///
/// Defaults: no clock tolerance and no `max_token_age` (as the official Node and Python SDKs),
/// [`Fallback::Remote`], and no authorization check.
///
/// ```
/// use std::time::Duration;
/// use stytch_client::jwt::{Fallback, JwtOptions};
///
/// let options = JwtOptions::new()
///     .clock_tolerance(Duration::from_secs(5))
///     .max_token_age(Duration::from_secs(60))
///     .fallback(Fallback::Fail);
/// assert_eq!(options, JwtOptions::local_only().clock_tolerance(Duration::from_secs(5)).max_token_age(Duration::from_secs(60)));
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct JwtOptions {
    pub(crate) clock_tolerance: Duration,
    pub(crate) max_token_age: Option<Duration>,
    pub(crate) fallback: Fallback,
    pub(crate) authorization_check: Option<AuthorizationCheck>,
    pub(crate) session_duration_minutes: Option<u32>,
    pub(crate) session_custom_claims: Option<Map<String, Value>>,
}

impl JwtOptions {
    /// The defaults: exact clock, no age limit, remote fallback.
    pub fn new() -> Self {
        Self::default()
    }

    /// Local verification only ([`Fallback::Fail`]).
    pub fn local_only() -> Self {
        Self::default().fallback(Fallback::Fail)
    }

    /// How far `exp`, `nbf` and `iat` may be off against this machine's clock (default 0).
    pub fn clock_tolerance(mut self, tolerance: Duration) -> Self {
        self.clock_tolerance = tolerance;
        self
    }

    /// Refuses a JWT issued (`iat`) longer ago than this, with
    /// [`JwtReason::TooOld`](crate::JwtReason::TooOld), so revocations are noticed within that
    /// time (through the fallback). `Duration::ZERO` skips local verification altogether, as
    /// `max_token_age_seconds: 0` does in the official SDKs. Unset by default: Stytch's JWTs
    /// live five minutes anyway.
    pub fn max_token_age(mut self, age: Duration) -> Self {
        self.max_token_age = Some(age);
        self
    }

    /// What to do when local verification fails (default [`Fallback::Remote`]).
    pub fn fallback(mut self, fallback: Fallback) -> Self {
        self.fallback = fallback;
        self
    }

    /// Also requires the member to be allowed `check.action` on `check.resource_id` in
    /// `check.organization_id`. A locally verified JWT is checked locally against the project's
    /// RBAC policy (fetched once and cached; see [`crate::jwt`] for the rules); the remote
    /// fallback sends the check to Stytch. A refusal is an error with
    /// [`JwtReason::TenancyMismatch`](crate::JwtReason::TenancyMismatch) or
    /// [`JwtReason::PermissionDenied`](crate::JwtReason::PermissionDenied) locally, and Stytch's
    /// 403 remotely; a pass fills [`VerifiedSession::authorization`](super::VerifiedSession::authorization).
    pub fn authorization_check(mut self, check: AuthorizationCheck) -> Self {
        self.authorization_check = Some(check);
        self
    }

    /// Sent with the remote fallback: extends the session to end this many minutes from now.
    /// Local verification never changes the session, so this applies only when Stytch is
    /// asked (use [`max_token_age`](Self::max_token_age)`(Duration::ZERO)` to always ask).
    pub fn session_duration_minutes(mut self, minutes: u32) -> Self {
        self.session_duration_minutes = Some(minutes);
        self
    }

    /// Sent with the remote fallback: custom claims to add to the session (`null` removes one).
    /// Like [`session_duration_minutes`](Self::session_duration_minutes), only Stytch can apply
    /// them.
    pub fn session_custom_claims(mut self, claims: Map<String, Value>) -> Self {
        self.session_custom_claims = Some(claims);
        self
    }
}

/// The default time keys are trusted without asking for the JWKS again.
pub const DEFAULT_JWKS_TTL: Duration = Duration::from_secs(300);
/// The default least time between two JWKS fetches caused by unknown `kid`s or an expired TTL.
pub const DEFAULT_JWKS_COOLDOWN: Duration = Duration::from_secs(30);
/// The default time allowed for one JWKS fetch.
pub const DEFAULT_JWKS_FETCH_TIMEOUT: Duration = Duration::from_secs(5);

/// How a [`Client`](crate::Client) caches the project's JWKS; set it with
/// [`ClientBuilder::jwks`](crate::ClientBuilder::jwks).
///
/// ```
/// use std::time::Duration;
/// use stytch_client::Client;
/// use stytch_client::jwt::JwksConfig;
///
/// # fn jwks_json() -> &'static str { r#"{"keys":[]}"# }
/// let jwks = JwksConfig::default()
///     .ttl(Duration::from_secs(600))
///     .refetch_cooldown(Duration::from_secs(10))
///     .fetch_timeout(Duration::from_secs(2));
/// let client = Client::builder()
///     .credentials("project-test-00000000-0000-0000-0000-000000000000", "secret-test-...")
///     .jwks(jwks)
///     .build()?;
/// # let _ = (client, jwks_json);
/// # Ok::<(), stytch_client::Error>(())
/// ```
#[derive(Clone)]
pub struct JwksConfig {
    pub(crate) ttl: Duration,
    pub(crate) cooldown: Duration,
    pub(crate) fetch_timeout: Duration,
    pub(crate) seed: Option<Arc<KeySet>>,
}

impl Default for JwksConfig {
    fn default() -> Self {
        Self {
            ttl: DEFAULT_JWKS_TTL,
            cooldown: DEFAULT_JWKS_COOLDOWN,
            fetch_timeout: DEFAULT_JWKS_FETCH_TIMEOUT,
            seed: None,
        }
    }
}

impl JwksConfig {
    /// How long fetched keys are used before they are refreshed (default 5 minutes). The
    /// refresh runs in the background: verifications keep using the old keys meanwhile, and
    /// keep using them if it fails.
    pub fn ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    /// The least time between the end of one fetch and the start of another triggered by an
    /// unknown `kid` or an expired TTL (default 30 s). Unknown `kid`s within the cooldown are
    /// refused without a request, so a flood of forged tokens cannot hammer the endpoint. The
    /// very first fetch, and [`Client::refresh_jwks`](crate::Client::refresh_jwks), do not wait.
    pub fn refetch_cooldown(mut self, cooldown: Duration) -> Self {
        self.cooldown = cooldown;
        self
    }

    /// The time allowed for one JWKS fetch, connection included (default 5 s). The fetch is
    /// not retried: the cache tries again after the cooldown.
    pub fn fetch_timeout(mut self, timeout: Duration) -> Self {
        self.fetch_timeout = timeout;
        self
    }

    /// Starts with the keys of this JWKS document (`{"keys": [...]}`, as served by
    /// `GET /v1/b2b/sessions/jwks/{project_id}`), so the first verifications need no request.
    /// The keys count as fetched when the client is built: they are refreshed after the TTL,
    /// and a `kid` they lack is fetched at once.
    ///
    /// Fails with [`ErrorKind::Config`](crate::ErrorKind::Config) when the document is not a
    /// JWKS or holds no usable RS256 key (RSA, at least 2048 bits, `use`/`alg`/`key_ops`
    /// absent or allowing RS256 signatures).
    pub fn seed_json(mut self, jwks_json: &str) -> Result<Self, Error> {
        let keys = KeySet::parse_document(jwks_json.as_bytes())
            .map_err(|detail| Error::config(format!("the JWKS seed is unusable: {detail}")))?;
        self.seed = Some(Arc::new(keys));
        Ok(self)
    }
}

impl fmt::Debug for JwksConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwksConfig")
            .field("ttl", &self.ttl)
            .field("cooldown", &self.cooldown)
            .field("fetch_timeout", &self.fetch_timeout)
            .field(
                "seed_kids",
                &self.seed.as_ref().map(|s| s.key_ids().collect::<Vec<_>>()),
            )
            .finish()
    }
}

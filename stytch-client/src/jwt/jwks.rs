//! The JWKS cache: parsed RSA keys shared by every verification, refreshed one fetch at a time.
//!
//! Design:
//! - The current [`KeySet`] sits in a `std::sync::RwLock<Arc<KeySet>>`; a verification holds the
//!   read lock only to clone the `Arc`, and a fetch takes the write lock only to swap the `Arc`
//!   in. No lock is ever held across I/O except the fetch lock below, which only callers that
//!   *need* a fetch (an unknown `kid`, or no keys at all) wait on.
//! - Single flight: a `tokio::sync::Mutex<()>` serializes fetches. A caller that misses notes
//!   the number of finished fetch attempts before it looked, takes the fetch lock, and fetches
//!   only if no attempt finished meanwhile; otherwise it uses that attempt's outcome. So any
//!   number of concurrent misses cause one request.
//! - A refetch for an unknown `kid` waits out a cooldown after the previous attempt, so forged
//!   `kid`s cannot hammer the endpoint. An expired TTL triggers one background refresh (a
//!   spawned task); verifications keep using the old keys meanwhile.
//! - A failed fetch keeps the previous keys and remembers the error, which becomes the
//!   `source()` of the errors that it causes and is shown by [`JwksStatus`].
//! - RSA keys are parsed once per fetched document, never per verification.

use super::options::JwksConfig;
use super::rs256::Rs256Key;
use crate::client::Client;
use crate::error::{Error, JwtReason};
use crate::options::RequestOptions;
use crate::{RetryPolicy, endpoint};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;
use std::error::Error as StdError;
use std::fmt;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// One usable signing key.
pub(crate) struct Key {
    kid: Box<str>,
    pub(crate) rs256: Rs256Key,
}

/// The usable keys of one JWKS document, parsed.
pub(crate) struct KeySet {
    keys: Box<[Key]>,
    /// When the document was fetched (or the client built, for a seed); `None`: never.
    loaded_at: Option<Instant>,
}

/// One entry of a JWKS document: only what selecting and building an RS256 key needs.
#[derive(Deserialize)]
struct RawJwk {
    #[serde(default)]
    kty: Option<String>,
    #[serde(default)]
    kid: Option<String>,
    #[serde(default)]
    alg: Option<String>,
    #[serde(default, rename = "use")]
    use_: Option<String>,
    #[serde(default)]
    key_ops: Option<Vec<String>>,
    #[serde(default)]
    n: Option<String>,
    #[serde(default)]
    e: Option<String>,
}

/// `{"keys": [...]}`, the JWKS document (Stytch adds `request_id` and `status_code`).
#[derive(Deserialize)]
pub(crate) struct JwksDocument {
    keys: Vec<RawJwk>,
}

impl KeySet {
    pub(crate) fn empty() -> Self {
        Self {
            keys: Box::new([]),
            loaded_at: None,
        }
    }

    /// Parses a JWKS document; the error is a description without key material.
    pub(crate) fn parse_document(json: &[u8]) -> Result<Self, String> {
        let document: JwksDocument = serde_json::from_slice(json).map_err(|e| {
            format!(
                "not a JWKS document: {}",
                crate::error::redact_serde_message(&e.to_string())
            )
        })?;
        Self::from_document(document)
    }

    /// Keeps the keys usable for RS256 signatures; fails when none is.
    fn from_document(document: JwksDocument) -> Result<Self, String> {
        let total = document.keys.len();
        let keys: Vec<Key> = document
            .keys
            .into_iter()
            .filter_map(|jwk| rs256_key(&jwk))
            .collect();
        if keys.is_empty() {
            return Err(format!("none of its {total} keys is a usable RS256 key"));
        }
        Ok(Self {
            keys: keys.into_boxed_slice(),
            loaded_at: Some(Instant::now()),
        })
    }

    /// The key with this `kid`.
    pub(crate) fn find(&self, kid: &str) -> Option<&Key> {
        self.keys.iter().find(|k| &*k.kid == kid)
    }

    pub(crate) fn key_ids(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(|k| &*k.kid)
    }

    fn is_stale(&self, ttl: Duration) -> bool {
        self.loaded_at.is_none_or(|at| at.elapsed() >= ttl)
    }
}

/// A JWK as an RS256 verifying key, if it is one: RSA, a `kid`, `alg` absent or `RS256`, `use`
/// absent or `sig`, `key_ops` absent or containing `verify`, a modulus of at least 2048 bits.
fn rs256_key(jwk: &RawJwk) -> Option<Key> {
    let usable = jwk.kty.as_deref() == Some("RSA")
        && jwk.alg.as_deref().is_none_or(|a| a == "RS256")
        && jwk.use_.as_deref().is_none_or(|u| u == "sig")
        && jwk
            .key_ops
            .as_ref()
            .is_none_or(|ops| ops.iter().any(|o| o == "verify"));
    let kid = jwk.kid.as_deref().filter(|k| !k.is_empty());
    let (Some(kid), Some(n), Some(e), true) = (kid, jwk.n.as_deref(), jwk.e.as_deref(), usable) else {
        tracing::debug!(
            kid = jwk.kid.as_deref(),
            "skipping a JWK that is not an RS256 signing key"
        );
        return None;
    };
    let (Ok(n), Ok(e)) = (URL_SAFE_NO_PAD.decode(n), URL_SAFE_NO_PAD.decode(e)) else {
        tracing::debug!(kid, "skipping an RSA JWK whose n or e is not base64url");
        return None;
    };
    match Rs256Key::new(&n, &e) {
        Ok(rs256) => Some(Key {
            kid: kid.into(),
            rs256,
        }),
        Err(problem) => {
            tracing::debug!(
                kid,
                ?problem,
                "skipping an unusable RSA JWK (at least 2048 bits, odd e)"
            );
            None
        }
    }
}

/// `GET /v1/b2b/sessions/jwks/{project_id}`, through the client's authenticated send path.
#[endpoint(GET, "/v1/b2b/sessions/jwks/{project_id}", response = JwksDocument)]
struct FetchJwks {
    project_id: String,
}

/// What the cache has, for monitoring: [`Client::jwks_status`](crate::Client::jwks_status).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct JwksStatus {
    /// The `kid`s of the keys in use.
    pub key_ids: Vec<String>,
    /// How long ago those keys were fetched (or seeded); `None` when there are none.
    pub age: Option<Duration>,
    /// How many fetches were attempted, failed ones included.
    pub fetch_attempts: u64,
    /// Why the latest fetch failed, when it did; the previous keys are still in use.
    pub last_error: Option<Arc<Error>>,
}

/// What the last fetch attempts left behind.
#[derive(Default)]
struct FetchState {
    /// When the last attempt ended.
    last_attempt: Option<Instant>,
    /// The error of the last attempt, if it failed.
    last_error: Option<Arc<Error>>,
}

/// The JWKS cache of one client. See the module documentation for the design.
pub(crate) struct JwksCache {
    ttl: Duration,
    cooldown: Duration,
    fetch_timeout: Duration,
    keys: RwLock<Arc<KeySet>>,
    /// Finished fetch attempts; bumped after the keys are swapped in.
    attempts: AtomicU64,
    state: Mutex<FetchState>,
    fetch_lock: tokio::sync::Mutex<()>,
    refresh_scheduled: AtomicBool,
    /// The RBAC policies of local authorization checks, cached alongside the keys they go with.
    pub(crate) rbac: super::rbac::PolicyCache,
}

impl JwksCache {
    pub(crate) fn new(config: JwksConfig) -> Self {
        let keys = match config.seed {
            Some(seed) => Arc::new(KeySet {
                keys: clone_keys(&seed.keys),
                loaded_at: Some(Instant::now()),
            }),
            None => Arc::new(KeySet::empty()),
        };
        Self {
            ttl: config.ttl,
            cooldown: config.cooldown,
            fetch_timeout: config.fetch_timeout,
            keys: RwLock::new(keys),
            attempts: AtomicU64::new(0),
            state: Mutex::new(FetchState::default()),
            fetch_lock: tokio::sync::Mutex::new(()),
            refresh_scheduled: AtomicBool::new(false),
            rbac: super::rbac::PolicyCache::default(),
        }
    }

    fn snapshot(&self) -> Arc<KeySet> {
        self.keys.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn state(&self) -> std::sync::MutexGuard<'_, FetchState> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn in_cooldown(&self) -> bool {
        self.state()
            .last_attempt
            .is_some_and(|at| at.elapsed() < self.cooldown)
    }

    /// The keys holding `kid`, fetching the JWKS if needed (once, however many callers miss).
    pub(crate) async fn keys_for(&self, client: &Client, kid: &str) -> Result<Arc<KeySet>, Error> {
        let seen = self.attempts.load(Ordering::Acquire);
        let keys = self.snapshot();
        if keys.find(kid).is_some() {
            if keys.is_stale(self.ttl) {
                self.schedule_refresh(client);
            }
            return Ok(keys);
        }
        self.miss(client, kid, seen).await
    }

    async fn miss(&self, client: &Client, kid: &str, seen: u64) -> Result<Arc<KeySet>, Error> {
        let refetched = {
            let _fetching = self.fetch_lock.lock().await;
            // Fetch only if no attempt finished since this caller looked (else use its outcome)
            // and the last attempt is not too recent.
            if self.attempts.load(Ordering::Acquire) == seen && !self.in_cooldown() {
                let _ = self.fetch_locked(client).await;
                true
            } else {
                false
            }
        };
        let keys = self.snapshot();
        if keys.find(kid).is_some() {
            return Ok(keys);
        }
        let last_error = self.state().last_error.clone();
        let (reason, detail) = if keys.keys.is_empty() {
            (
                JwtReason::KeysUnavailable,
                "no keys have been fetched yet".to_owned(),
            )
        } else if refetched {
            (JwtReason::UnknownKey, "even after a refetch".to_owned())
        } else {
            let detail = format!(
                "not refetched: the previous fetch was less than {:?} ago",
                self.cooldown
            );
            (JwtReason::UnknownKey, detail)
        };
        Err(match last_error {
            Some(cause) => Error::jwt_with_source(reason, Some(detail), SharedError(cause)),
            None => Error::jwt(reason, Some(detail)),
        })
    }

    /// Starts one background refresh unless one is running or the cooldown forbids it.
    fn schedule_refresh(&self, client: &Client) {
        if self.in_cooldown() || self.refresh_scheduled.swap(true, Ordering::AcqRel) {
            return;
        }
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            self.refresh_scheduled.store(false, Ordering::Release);
            return;
        };
        let client = client.clone();
        runtime.spawn(async move {
            let cache = client.jwks_cache();
            // Cleared however the task ends, so a later TTL expiry can schedule again.
            let _scheduled = ClearOnDrop(&cache.refresh_scheduled);
            let _fetching = cache.fetch_lock.lock().await;
            if cache.snapshot().is_stale(cache.ttl) && !cache.in_cooldown() {
                let _ = cache.fetch_locked(&client).await;
            }
        });
    }

    /// Fetches now, ignoring the cooldown (still one fetch at a time).
    pub(crate) async fn refresh(&self, client: &Client) -> Result<JwksStatus, Error> {
        let result = {
            let _fetching = self.fetch_lock.lock().await;
            self.fetch_locked(client).await
        };
        match result {
            Ok(()) => Ok(self.status()),
            Err(cause) => {
                let detail = match self.snapshot().keys.len() {
                    0 => "no keys have been fetched yet",
                    _ => "the previously fetched keys stay in use",
                };
                Err(Error::jwt_with_source(
                    JwtReason::KeysUnavailable,
                    Some(detail.to_owned()),
                    SharedError(cause),
                ))
            }
        }
    }

    /// One fetch; the caller holds the fetch lock. On failure the previous keys stay.
    async fn fetch_locked(&self, client: &Client) -> Result<(), Arc<Error>> {
        let options = RequestOptions::new()
            .timeout(self.fetch_timeout)
            .retry(RetryPolicy::none());
        let endpoint = FetchJwks {
            project_id: client.project_id().to_owned(),
        };
        let result = match client.send_with(endpoint, &options).await {
            Ok(document) => KeySet::from_document(document).map_err(|detail| {
                Error::decode(http::StatusCode::OK, format!("the JWKS is unusable: {detail}"))
                    .at_endpoint(http::Method::GET, <FetchJwks as crate::Endpoint>::PATH_TEMPLATE)
            }),
            Err(error) => Err(error),
        };
        let outcome = match result {
            Ok(keys) => {
                tracing::debug!(keys = keys.keys.len(), "JWKS fetched");
                *self.keys.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(keys);
                let mut state = self.state();
                state.last_error = None;
                state.last_attempt = Some(Instant::now());
                Ok(())
            }
            Err(error) => {
                tracing::warn!(error = %error, "JWKS fetch failed; keeping the previous keys");
                let error = Arc::new(error);
                let mut state = self.state();
                state.last_error = Some(error.clone());
                state.last_attempt = Some(Instant::now());
                Err(error)
            }
        };
        self.attempts.fetch_add(1, Ordering::AcqRel);
        outcome
    }

    pub(crate) fn status(&self) -> JwksStatus {
        let keys = self.snapshot();
        let state = self.state();
        JwksStatus {
            key_ids: keys.key_ids().map(str::to_owned).collect(),
            age: keys
                .loaded_at
                .filter(|_| !keys.keys.is_empty())
                .map(|at| at.elapsed()),
            fetch_attempts: self.attempts.load(Ordering::Acquire),
            last_error: state.last_error.clone(),
        }
    }
}

fn clone_keys(keys: &[Key]) -> Box<[Key]> {
    keys.iter()
        .map(|k| Key {
            kid: k.kid.clone(),
            rs256: k.rs256.clone(),
        })
        .collect()
}

impl fmt::Debug for JwksCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwksCache")
            .field("key_ids", &self.snapshot().key_ids().collect::<Vec<_>>())
            .field("ttl", &self.ttl)
            .field("cooldown", &self.cooldown)
            .finish()
    }
}

/// Clears a flag when dropped.
struct ClearOnDrop<'a>(&'a AtomicBool);

impl Drop for ClearOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// A fetch error shared by every error it caused: displays and chains like the original.
struct SharedError(Arc<Error>);

impl fmt::Display for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for SharedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl StdError for SharedError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.0.source()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rs256_signing_keys_are_kept() {
        // A 2048-bit modulus (all ones) is enough for the filter; it is never used to verify.
        let n = URL_SAFE_NO_PAD.encode([0xffu8; 256]);
        let doc = format!(
            r#"{{"keys":[
                {{"kty":"RSA","kid":"ok","alg":"RS256","use":"sig","key_ops":["verify"],"n":"{n}","e":"AQAB"}},
                {{"kty":"RSA","kid":"enc","use":"enc","n":"{n}","e":"AQAB"}},
                {{"kty":"RSA","kid":"ps","alg":"PS256","n":"{n}","e":"AQAB"}},
                {{"kty":"EC","kid":"ec","crv":"P-256","x":"AA","y":"AA"}},
                {{"kty":"RSA","kid":"short","n":"{short}","e":"AQAB"}},
                {{"kty":"RSA","n":"{n}","e":"AQAB"}}
            ],"request_id":"r","status_code":200}}"#,
            short = URL_SAFE_NO_PAD.encode([0xffu8; 128]),
        );
        let keys = KeySet::parse_document(doc.as_bytes()).unwrap();
        assert_eq!(keys.key_ids().collect::<Vec<_>>(), ["ok"]);
        assert!(KeySet::parse_document(br#"{"keys":[]}"#).is_err());
        assert!(KeySet::parse_document(b"<html>").is_err());
    }
}

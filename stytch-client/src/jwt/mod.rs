//! Session JWTs: local verification against the project's JWKS, with Stytch as the fallback.
//!
//! [`Client::authenticate_session_jwt`] checks a member's session JWT in-process — RS256
//! signature against the cached JWKS, `iss`, `aud`, `exp`, `nbf`, optionally the token's age —
//! and returns a [`VerifiedSession`]. When the local check cannot decide (an expired token, an
//! unknown key, ...), [`Fallback::Remote`] asks Stytch instead, and the answer has the same
//! shape. A forged token (wrong algorithm, bad signature, another project's issuer or
//! audience) is refused locally and never sent to Stytch.
//!
//! ```
//! # use base64::Engine as _;
//! # use rsa::pkcs1::DecodeRsaPrivateKey as _;
//! # use rsa::signature::{SignatureEncoding as _, Signer as _};
//! # use rsa::traits::PublicKeyParts as _;
//! # const PROJECT_ID: &str = "project-test-00000000-0000-0000-0000-000000000000";
//! # fn b64(bytes: &[u8]) -> String { base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes) }
//! # let private = rsa::RsaPrivateKey::from_pkcs1_pem(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/jwt_support/keys/key_1.pem"))).unwrap();
//! # let jwks_json = serde_json::json!({"keys": [{"kty": "RSA", "alg": "RS256", "use": "sig", "kid": "jwk-test-1",
//! #     "n": b64(&private.n().to_bytes_be()), "e": b64(&private.e().to_bytes_be())}]}).to_string();
//! # let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
//! # let claims = serde_json::json!({"iss": format!("stytch.com/{PROJECT_ID}"), "aud": [PROJECT_ID], "sub": "member-test-1",
//! #     "iat": now, "nbf": now, "exp": now + 300, "plan": "pro",
//! #     "https://stytch.com/session": {"id": "member-session-test-1", "started_at": "2025-06-15T15:00:00Z",
//! #         "last_accessed_at": "2025-06-15T15:00:00Z", "expires_at": "2099-01-01T00:00:00Z", "roles": ["stytch_member"],
//! #         "authentication_factors": [{"type": "password", "delivery_method": "knowledge"}]},
//! #     "https://stytch.com/organization": {"organization_id": "organization-test-1", "slug": "acme"}});
//! # let input = format!("{}.{}", b64(br#"{"alg":"RS256","kid":"jwk-test-1","typ":"JWT"}"#), b64(claims.to_string().as_bytes()));
//! # let signature = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(private).sign(input.as_bytes());
//! # let session_jwt = format!("{input}.{}", b64(&signature.to_bytes()));
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! use stytch_client::Client;
//! use stytch_client::jwt::{JwksConfig, JwtOptions, VerifiedBy};
//!
//! // `jwks_json` pre-seeds the cache, as served by GET /v1/b2b/sessions/jwks/{project_id};
//! // without it the first verification fetches it.
//! let client = Client::builder()
//!     .credentials(PROJECT_ID, "secret-test-...")
//!     .jwks(JwksConfig::default().seed_json(&jwks_json)?)
//!     .build()?;
//!
//! let session = client.authenticate_session_jwt(&session_jwt, &JwtOptions::new()).await?;
//! assert_eq!(session.member_id, "member-test-1");
//! assert_eq!(session.organization.slug, "acme");
//! assert_eq!(session.session.roles, ["stytch_member"]);
//! assert_eq!(session.custom_claims["plan"], "pro");
//! if let VerifiedBy::Remote { session_jwt, .. } = &session.verified_by {
//!     // Stytch refreshed an expired JWT: send `session_jwt` back to the browser.
//!     # let _ = session_jwt;
//! }
//! # Ok::<(), stytch_client::Error>(())
//! # }).unwrap();
//! ```
//!
//! # Checks
//!
//! In this order: at most 64 KiB in three base64url parts; header `alg` exactly `RS256` (so
//! `none`, `HS256` with the public key as secret, and every other algorithm are refused), no
//! `crit`, `typ` absent or `JWT`, a `kid`; the key with that `kid` from the JWKS cache; the signature; then the claims:
//! `iss` is `stytch.com/{project_id}` or the client's base URL (custom domains), `aud` contains
//! the project id, `exp` is in the future and `nbf`/`iat` not in the future (both within
//! [`JwtOptions::clock_tolerance`]), `iat` no older than [`JwtOptions::max_token_age`], and
//! `sub` and Stytch's session and organization claims are present.
//!
//! A failure is an [`Error`] of kind [`ErrorKind::Jwt`];
//! [`Error::jwt_reason`](crate::Error::jwt_reason) says why, and
//! [`JwtReason::falls_back`](crate::JwtReason::falls_back) which reasons go to Stytch under
//! [`Fallback::Remote`]. The token and its signature never appear in errors, `Debug` output or
//! tracing events.
//!
//! # Authorization checks
//!
//! With [`JwtOptions::authorization_check`], the member must also be allowed an action on a
//! resource, decided as the official SDKs decide it:
//!
//! 1. the JWT's organization must be the check's, else [`JwtReason::TenancyMismatch`];
//! 2. the roles considered are the project's RBAC policy (`GET /v1/b2b/rbac/policy`) plus the
//!    organization's own roles (`GET /v1/b2b/rbac/organizations/{organization_id}`);
//! 3. among them, the roles named in the JWT's `roles` claim grant the check when one of
//!    their permissions names exactly the check's resource with the action or `*` among its
//!    actions; those roles are the verdict's `granting_roles`
//!    ([`VerifiedSession::authorization`]). None: [`JwtReason::PermissionDenied`].
//!
//! Neither refusal falls back to Stytch. The policies are fetched on the first check (never
//! without one), one fetch however many checks wait, and reused for [`POLICY_TTL`]; the next
//! check after that refreshes them, and a failed refresh keeps the previous policy. When the
//! JWT goes to Stytch instead ([`Fallback::Remote`]), the check goes with it and Stytch's
//! verdict fills the same field, along with
//! [`JwtOptions::session_duration_minutes`] and [`JwtOptions::session_custom_claims`], which only
//! Stytch can apply.
//!
//! # The JWKS cache
//!
//! Each [`Client`] (and its clones) holds one cache, configured with [`JwksConfig`] through
//! [`ClientBuilder::jwks`]. Verifications read the parsed keys without waiting on any lock that
//! is held across I/O; a miss (no keys yet, an unknown `kid`) causes one fetch however many
//! callers miss at once, and another only after [`JwksConfig::refetch_cooldown`]; keys older
//! than [`JwksConfig::ttl`] are refreshed in the background while still in use; a failed fetch
//! keeps the previous keys, and its error is the `source()` of the errors it causes and shows in
//! [`Client::jwks_status`]. The fetch is `GET /v1/b2b/sessions/jwks/{project_id}` through the
//! client's normal authenticated path, with its own timeout ([`JwksConfig::fetch_timeout`]).

mod claims;
mod jwks;
mod options;
mod rbac;
mod remote;
mod rs256;
mod verify;

pub use crate::error::JwtReason;
pub use claims::{
    AuthenticationFactor, ORGANIZATION_CLAIM, OrganizationClaim, SESSION_CLAIM, SessionAttributes,
    SessionClaim, VerifiedBy, VerifiedSession,
};
pub(crate) use jwks::JwksCache;
pub use jwks::JwksStatus;
pub use options::{
    DEFAULT_JWKS_COOLDOWN, DEFAULT_JWKS_FETCH_TIMEOUT, DEFAULT_JWKS_TTL, Fallback, JwksConfig, JwtOptions,
};
pub use rbac::POLICY_TTL;

use crate::client::{Client, ClientBuilder};
use crate::error::{Error, ErrorKind};

impl Client {
    /// Authenticates a member's session JWT: locally against the project's JWKS, then — under
    /// [`Fallback::Remote`] (the default), when the local check fails for a reason that
    /// [falls back](JwtReason::falls_back) — with Stytch (`POST /v1/b2b/sessions/authenticate`).
    ///
    /// See the [module documentation](crate::jwt) for the checks, the cache, and an example.
    /// A remote failure (e.g. `404 session_not_found` for a revoked session) is returned as the
    /// API error it is.
    pub async fn authenticate_session_jwt(
        &self,
        session_jwt: &str,
        options: &JwtOptions,
    ) -> Result<VerifiedSession, Error> {
        let local = if options.max_token_age == Some(std::time::Duration::ZERO) {
            Err(Error::jwt(
                JwtReason::TooOld,
                Some("max_token_age is zero: local verification is skipped".to_owned()),
            ))
        } else {
            verify::verify_local(self, session_jwt, options).await
        };
        match local {
            Ok(mut session) => {
                if let Some(check) = &options.authorization_check {
                    let verdict = rbac::authorize(
                        self,
                        &session.organization.organization_id,
                        &session.session.roles,
                        check,
                    )
                    .await?;
                    session.authorization = Some(verdict);
                }
                Ok(session)
            }
            Err(error)
                if options.fallback == Fallback::Remote
                    && error.kind() == ErrorKind::Jwt
                    && error.jwt_reason().is_some_and(JwtReason::falls_back) =>
            {
                tracing::debug!(reason = ?error.jwt_reason(), "session JWT not verified locally; asking Stytch");
                remote::authenticate(self, session_jwt, options).await
            }
            Err(error) => Err(error),
        }
    }

    /// The RBAC policy cache of local authorization checks.
    pub(crate) fn rbac_policy_cache(&self) -> &rbac::PolicyCache {
        &self.jwks_cache().rbac
    }

    /// Fetches the JWKS now, whatever the TTL and cooldown (still one fetch at a time), e.g. to
    /// warm the cache at startup. On failure the previous keys stay in use; the error's
    /// `source()` is the fetch failure.
    pub async fn refresh_jwks(&self) -> Result<JwksStatus, Error> {
        self.jwks_cache().refresh(self).await
    }

    /// What the JWKS cache holds, and why its last fetch failed if it did.
    pub fn jwks_status(&self) -> JwksStatus {
        self.jwks_cache().status()
    }
}

impl ClientBuilder {
    /// How the client caches the JWKS that session JWTs are verified against (default
    /// [`JwksConfig::default`]: 5-minute TTL, 30 s refetch cooldown, 5 s fetch timeout, no seed).
    pub fn jwks(mut self, config: JwksConfig) -> Self {
        self.jwks = config;
        self
    }
}

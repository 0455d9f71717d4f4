//! [`ClientBuilder`]: credentials, base URL, timeouts, user agent, transport.

use super::{Client, ClientInner, RetryPolicy};
use crate::error::Error;
use crate::redact::redact_url;
use crate::secret::Secret;
use base64::Engine as _;
use http::HeaderValue;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// Stytch's test environment, used for any project id not starting with `project-live-`.
pub const TEST_BASE_URL: &str = "https://test.stytch.com";
/// Stytch's live environment, used for project ids starting with `project-live-`.
pub const LIVE_BASE_URL: &str = "https://api.stytch.com";
/// The default total timeout of a call: every attempt, response bodies and waits between
/// retries included.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default time allowed to establish one connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default cap on a response body.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;
const DEFAULT_USER_AGENT: &str = concat!("stytch-rs/", env!("CARGO_PKG_VERSION"));

/// Configures a [`Client`]. Start with [`Client::builder`].
///
/// ```
/// use std::time::Duration;
/// use stytch_client::Client;
///
/// let client = Client::builder()
///     .credentials("project-test-00000000-0000-0000-0000-000000000000", "secret-test-...")
///     .base_url("https://stytch-proxy.internal.example.com/stytch")
///     .timeout(Duration::from_secs(10)) // the whole call, retries included
///     .attempt_timeout(Duration::from_secs(3)) // each attempt
///     .user_agent("billing-service/2.1")
///     .build()?;
/// assert_eq!(client.base_url(), "https://stytch-proxy.internal.example.com/stytch");
/// # Ok::<(), stytch_client::Error>(())
/// ```
pub struct ClientBuilder {
    project_id: Option<String>,
    secret: Option<Secret<String>>,
    base_url: Option<String>,
    timeout: Duration,
    attempt_timeout: Option<Duration>,
    connect_timeout: Duration,
    pool: PoolSettings,
    user_agent: Option<String>,
    http_client: Option<reqwest::Client>,
    max_response_bytes: usize,
    allow_insecure_http: bool,
    retry: RetryPolicy,
    /// Set by [`ClientBuilder::jwks`] (in `crate::jwt`).
    pub(crate) jwks: crate::jwt::JwksConfig,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        Self {
            project_id: None,
            secret: None,
            base_url: None,
            timeout: DEFAULT_TIMEOUT,
            attempt_timeout: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            pool: PoolSettings::default(),
            user_agent: None,
            http_client: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
            allow_insecure_http: false,
            retry: RetryPolicy::default(),
            jwks: crate::jwt::JwksConfig::default(),
        }
    }
}

impl ClientBuilder {
    /// The project id and secret from the Stytch dashboard (sent as HTTP Basic auth).
    pub fn credentials(mut self, project_id: impl Into<String>, secret: impl Into<Secret<String>>) -> Self {
        self.project_id = Some(project_id.into());
        self.secret = Some(secret.into());
        self
    }

    /// Sends requests here instead of Stytch's test or live URL: a custom domain, a proxy, or
    /// an emulator. A path prefix is kept (`https://proxy/stytch` + `/v1/...`). Plain `http://`
    /// is accepted only for loopback hosts unless [`allow_insecure_http`](Self::allow_insecure_http).
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// The total timeout: the time allowed for a whole call — every attempt with its response
    /// body, and every wait between retries (default 30 s). No retry is started that could not
    /// finish within it. [`RequestOptions::timeout`](crate::RequestOptions::timeout) overrides
    /// it per call.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The per-attempt timeout: the time allowed for one attempt, response body included
    /// (default: none, so an attempt may use whatever is left of the total
    /// [`timeout`](Self::timeout)). Set it below the total to leave time for retries after a
    /// stalled attempt. [`RequestOptions::attempt_timeout`](crate::RequestOptions::attempt_timeout)
    /// overrides it per call.
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// The time allowed to establish one connection (default 10 s); a connection that takes
    /// longer fails the attempt with a connect error, which is retried since the request was
    /// not sent. Ignored when you bring your own client with [`http_client`](Self::http_client):
    /// configure it there.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How many idle connections to keep open for reuse (default 64). Under bursts the pool
    /// may briefly open more connections than requests in flight; the extra ones are closed
    /// instead of kept. Ignored with [`http_client`](Self::http_client).
    pub fn pool_max_idle(mut self, connections: usize) -> Self {
        self.pool.max_idle = connections;
        self
    }

    /// How long an idle connection is kept for reuse (default 60 s). Ignored with
    /// [`http_client`](Self::http_client).
    pub fn pool_idle_timeout(mut self, timeout: Duration) -> Self {
        self.pool.idle_timeout = timeout;
        self
    }

    /// The `User-Agent` header (default `stytch-rs/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Uses your `reqwest::Client` (proxies, TLS roots, pool settings). Authentication, the user
    /// agent and the timeouts are still applied to every request.
    ///
    /// Redirects are refused whatever the client's redirect policy: a 3xx answer is an
    /// [`ErrorKind::Redirect`](crate::ErrorKind::Redirect) error, and request bodies are sent
    /// in a form the client cannot re-send, so a 307/308 is never followed. A client that
    /// follows redirects may still turn a 303 (or a 301/302 answering a POST) into a body-less
    /// `GET` to the new location carrying the request's headers (reqwest drops `Authorization`
    /// across hosts, but not `X-Stytch-Member-Session`); its answer is refused as a redirect
    /// error. Build it with `.redirect(reqwest::redirect::Policy::none())` to rule that out.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// The largest response body accepted (default 16 MiB); larger ones fail with
    /// [`ErrorKind::ResponseTooLarge`](crate::ErrorKind::ResponseTooLarge).
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }

    /// How failed attempts are retried (default [`RetryPolicy::default`]; use
    /// [`RetryPolicy::none`] to turn retries off). [`RequestOptions::retry`](crate::RequestOptions::retry)
    /// overrides it per call.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Accepts a plain `http://` base URL on a non-loopback host. Credentials then travel
    /// unencrypted: only for trusted networks.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// Builds the client. Fails on missing or empty credentials, an invalid base URL, or a
    /// transport that cannot be set up.
    pub fn build(self) -> Result<Client, Error> {
        let project_id = self.project_id.filter(|p| !p.is_empty()).ok_or_else(|| {
            Error::config("the project id is missing or empty; call credentials(project_id, secret)")
        })?;
        let secret = self
            .secret
            .filter(|s| !s.expose_secret().is_empty())
            .ok_or_else(|| {
                Error::config("the secret is missing or empty; call credentials(project_id, secret)")
            })?;
        let base_url = match self.base_url {
            Some(url) => normalize_base_url(&url, self.allow_insecure_http)?,
            None if project_id.starts_with("project-live-") => LIVE_BASE_URL.to_owned(),
            None => TEST_BASE_URL.to_owned(),
        };

        let base = reqwest::Url::parse(&base_url)
            .map_err(|e| Error::config(format!("the base URL is invalid: {e}")))?;
        let base_path = base.path().trim_end_matches('/').into();

        let credentials = base64::engine::general_purpose::STANDARD
            .encode(format!("{project_id}:{}", secret.expose_secret()));
        let mut authorization = HeaderValue::from_str(&format!("Basic {credentials}"))
            .map_err(|_| Error::config("the credentials cannot form an HTTP header"))?;
        authorization.set_sensitive(true);
        let user_agent = HeaderValue::from_str(self.user_agent.as_deref().unwrap_or(DEFAULT_USER_AGENT))
            .map_err(|_| Error::config("the user agent contains characters not allowed in HTTP headers"))?;

        let (http, connect_timeout) = match self.http_client {
            Some(client) => (client, None),
            None => (
                default_http_client(self.connect_timeout, &self.pool)?,
                Some(self.connect_timeout),
            ),
        };
        Ok(Client {
            inner: Arc::new(ClientInner {
                http,
                base_url: base_url.into(),
                base,
                base_path,
                project_id: project_id.into(),
                authorization,
                user_agent,
                timeout: self.timeout,
                attempt_timeout: self.attempt_timeout,
                connect_timeout,
                max_response_bytes: self.max_response_bytes,
                retry: self.retry,
                jwks: crate::jwt::JwksCache::new(self.jwks),
            }),
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("project_id", &self.project_id)
            .field("secret", &self.secret)
            .field("base_url", &self.base_url.as_deref().map(redact_url))
            .field("timeout", &self.timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("pool", &self.pool)
            .field("user_agent", &self.user_agent)
            .field("http_client", &self.http_client.as_ref().map(|_| "custom"))
            .field("max_response_bytes", &self.max_response_bytes)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("retry", &self.retry)
            .field("jwks", &self.jwks)
            .finish()
    }
}

/// Connection reuse settings of the default transport.
#[derive(Debug, Clone)]
struct PoolSettings {
    max_idle: usize,
    idle_timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_idle: 64,
            idle_timeout: Duration::from_secs(60),
        }
    }
}

/// The transport used unless the user brings one: rustls (ring), no redirects (so credentials
/// never follow a redirect to another host), and the connect timeout.
fn default_http_client(connect_timeout: Duration, pool: &PoolSettings) -> Result<reqwest::Client, Error> {
    let builder = reqwest::Client::builder()
        .connect_timeout(connect_timeout)
        .pool_max_idle_per_host(pool.max_idle)
        .pool_idle_timeout(pool.idle_timeout)
        .redirect(reqwest::redirect::Policy::none());
    #[cfg(feature = "rustls")]
    let builder = {
        // Installs ring as the process-wide rustls provider unless one is installed already
        // (the user's choice wins).
        let _ = rustls::crypto::ring::default_provider().install_default();
        builder.tls_backend_rustls()
    };
    #[cfg(all(feature = "native-tls", not(feature = "rustls")))]
    let builder = builder.tls_backend_native();
    builder
        .build()
        .map_err(|e| Error::config_with_source("the HTTP transport could not be set up", e))
}

/// Validates a base URL and returns it without a trailing `/`.
fn normalize_base_url(raw: &str, allow_insecure_http: bool) -> Result<String, Error> {
    let shown = redact_url(raw);
    let url = reqwest::Url::parse(raw)
        .map_err(|e| Error::config(format!("the base URL `{shown}` is invalid: {e}")))?;
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(host) => {}
        "http" => {
            return Err(Error::config(format!(
                "the base URL `{shown}` uses plain http on a non-loopback host; use https, or allow_insecure_http(true)"
            )));
        }
        scheme => {
            return Err(Error::config(format!(
                "the base URL must be http(s), not `{scheme}`"
            )));
        }
    }
    if url.query().is_some()
        || url.fragment().is_some()
        || !url.username().is_empty()
        || url.password().is_some()
    {
        return Err(Error::config(format!(
            "the base URL `{shown}` must not carry a query, a fragment or credentials"
        )));
    }
    Ok(url.as_str().trim_end_matches('/').to_owned())
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_are_normalized_and_checked() {
        assert_eq!(
            normalize_base_url("https://x.example.com/", false).unwrap(),
            "https://x.example.com"
        );
        assert_eq!(
            normalize_base_url("https://x.example.com/p/q/", false).unwrap(),
            "https://x.example.com/p/q"
        );
        assert_eq!(
            normalize_base_url("http://127.0.0.1:8080", false).unwrap(),
            "http://127.0.0.1:8080"
        );
        assert_eq!(
            normalize_base_url("http://localhost:1", false).unwrap(),
            "http://localhost:1"
        );
        assert_eq!(
            normalize_base_url("http://[::1]:1/", false).unwrap(),
            "http://[::1]:1"
        );
        assert!(normalize_base_url("http://stytch.example.com", false).is_err());
        assert!(normalize_base_url("http://stytch.example.com", true).is_ok());
        assert!(normalize_base_url("ftp://x", false).is_err());
        assert!(normalize_base_url("not a url", false).is_err());
        assert!(normalize_base_url("https://x/?a=1", false).is_err());
        assert!(normalize_base_url("https://u:p@x/", false).is_err());
    }

    #[test]
    fn userinfo_never_prints() {
        for raw in [
            "http://ada:pa55word@stytch.example.com/",
            "https://ada:pa55word@x.example.com/",
            "https://ada:pa55word@x.example.com:99999/",
            "ftp://ada:pa55word@x/",
        ] {
            let error = normalize_base_url(raw, false).unwrap_err();
            assert!(!format!("{error} {error:?}").contains("pa55word"), "{error}");
            assert!(!format!("{error}").contains("ada"), "{error}");
        }
        let builder = ClientBuilder::default()
            .credentials("p", "s")
            .base_url("https://ada:pa55word@x.example.com/?key=k");
        let debug = format!("{builder:?}");
        assert!(!debug.contains("pa55word") && !debug.contains("key=k"), "{debug}");
        assert!(debug.contains("https://***@x.example.com/?***"), "{debug}");
    }
}

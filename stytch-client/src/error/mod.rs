//! [`Error`], the one error type of the client, and [`ApiError`], what Stytch said.

mod api;
mod jwt;

pub(crate) use api::redact_serde_message;
pub use api::{ApiError, BodySummary};
pub use jwt::JwtReason;

use crate::client::RetryFacts;
use http::{Method, StatusCode};
use std::error::Error as StdError;
use std::fmt;

pub(crate) type BoxError = Box<dyn StdError + Send + Sync>;

/// Everything that can go wrong with a call.
///
/// Shaped after `reqwest::Error`: ask it questions ([`is_timeout`](Self::is_timeout),
/// [`is_api`](Self::is_api), [`status`](Self::status), [`api_error`](Self::api_error), ...)
/// rather than matching on internals. `Display` gives one line with the method and path template
/// (never the filled path, the query, a body or a header value) and, for transport failures, the
/// innermost cause; [`source`](StdError::source) chains to the transport error where there is
/// one. Neither `Display` nor `Debug` prints a secret: an error body is summarized, not echoed
/// (see [`ApiError`]).
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    endpoint: Option<(Method, &'static str)>,
    status: Option<StatusCode>,
    detail: Option<String>,
    api: Option<ApiError>,
    source: Option<BoxError>,
    attempts: u32,
    jwt: Option<JwtReason>,
    /// `host:port` the connection was for (connect errors), or a redirect's target host.
    host: Option<String>,
    /// What decides whether the request may be sent again; set on errors from an attempt.
    retry: Option<RetryFacts>,
}

/// The category of an [`Error`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The client could not be built (bad base URL, missing credentials, ...).
    Config,
    /// The request was refused before any I/O (a header value with CR/LF, an empty path
    /// capture, a value that cannot be serialized, ...).
    InvalidRequest,
    /// No connection could be established (refused, DNS, TLS, the connect timeout, or the
    /// attempt or total timeout running out before the request could be sent): the request was
    /// not sent.
    Connect,
    /// The request was sent (or may have been) and no complete response arrived within the
    /// attempt or total timeout.
    Timeout,
    /// Another transport failure (connection reset, closed early, protocol error, ...).
    Transport,
    /// Stytch (or a proxy in front of it) answered with a non-2xx, non-3xx status.
    Api,
    /// The server answered with a redirect (3xx), which is never followed.
    Redirect,
    /// A 2xx response body did not match the response type.
    Decode,
    /// The response body was larger than the configured limit.
    ResponseTooLarge,
    /// A session JWT was refused by local verification, or could not be checked because no
    /// signing key was available; [`Error::jwt_reason`] says why.
    Jwt,
}

impl Error {
    fn new(kind: ErrorKind) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                endpoint: None,
                status: None,
                detail: None,
                api: None,
                source: None,
                attempts: 0,
                jwt: None,
                host: None,
                retry: None,
            }),
        }
    }

    fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.inner.detail = Some(detail.into());
        self
    }

    pub(crate) fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.inner.source = Some(source.into());
        self
    }

    pub(crate) fn config(detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config).with_detail(detail)
    }

    pub(crate) fn config_with_source(detail: impl Into<String>, source: impl Into<BoxError>) -> Self {
        Self::config(detail).with_source(source)
    }

    /// A request refused before any I/O; `detail` must not contain user values.
    pub(crate) fn invalid_request(detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidRequest).with_detail(detail)
    }

    /// No connection to `host` (`host:port`); `cause` says why (one line, no secrets).
    pub(crate) fn connect(host: String, cause: String) -> Self {
        let mut error = Self::new(ErrorKind::Connect).with_detail(cause);
        error.inner.host = Some(host);
        error
    }

    /// No complete response in time; `detail` names the limit that fired.
    pub(crate) fn timeout(detail: String) -> Self {
        Self::new(ErrorKind::Timeout).with_detail(detail)
    }

    /// Another transport failure; `cause` is its innermost cause on one line.
    pub(crate) fn transport(cause: String) -> Self {
        Self::new(ErrorKind::Transport).with_detail(cause)
    }

    /// A 3xx answer (`status`), or a redirect the HTTP client followed on its own (`None`);
    /// `host` is the target's host (and port), never its path or query.
    pub(crate) fn redirect(status: Option<StatusCode>, host: Option<String>) -> Self {
        let mut error = Self::new(ErrorKind::Redirect);
        error.inner.status = status;
        error.inner.host = host;
        error
    }

    pub(crate) fn api(api: ApiError) -> Self {
        let mut error = Self::new(ErrorKind::Api);
        error.inner.status = Some(api.status_code);
        error.inner.api = Some(api);
        error
    }

    pub(crate) fn decode(status: StatusCode, detail: String) -> Self {
        let mut error = Self::new(ErrorKind::Decode).with_detail(detail);
        error.inner.status = Some(status);
        error
    }

    pub(crate) fn too_large(status: StatusCode, limit: usize) -> Self {
        let mut error = Self::new(ErrorKind::ResponseTooLarge)
            .with_detail(format!("response body exceeds the limit of {limit} bytes"));
        error.inner.status = Some(status);
        error
    }

    /// A session JWT refused locally; `detail` must not contain the token or its signature.
    pub(crate) fn jwt(reason: JwtReason, detail: Option<String>) -> Self {
        let mut error = Self::new(ErrorKind::Jwt);
        error.inner.jwt = Some(reason);
        error.inner.detail = detail;
        error
    }

    /// Like [`jwt`](Self::jwt), caused by `source` (e.g. the JWKS fetch that failed).
    pub(crate) fn jwt_with_source(
        reason: JwtReason,
        detail: Option<String>,
        source: impl Into<BoxError>,
    ) -> Self {
        Self::jwt(reason, detail).with_source(source)
    }

    pub(crate) fn at_endpoint(mut self, method: Method, path_template: &'static str) -> Self {
        self.inner.endpoint = Some((method, path_template));
        self
    }

    pub(crate) fn after_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    /// Records what the retry rule needs to know about the failed attempt.
    pub(crate) fn with_retry_facts(mut self, facts: RetryFacts) -> Self {
        self.inner.retry = Some(facts);
        self
    }

    pub(crate) fn retry_facts_mut(&mut self) -> Option<&mut RetryFacts> {
        self.inner.retry.as_mut()
    }

    /// The detail given at construction, without the endpoint context.
    pub(crate) fn detail(&self) -> Option<&str> {
        self.inner.detail.as_deref()
    }

    /// The category of this error.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// True when the client could not be built ([`ErrorKind::Config`]).
    pub fn is_config(&self) -> bool {
        self.inner.kind == ErrorKind::Config
    }

    /// True when the request was refused locally, before any I/O ([`ErrorKind::InvalidRequest`]).
    pub fn is_invalid_request(&self) -> bool {
        self.inner.kind == ErrorKind::InvalidRequest
    }

    /// True when no connection could be made, so the request was not sent ([`ErrorKind::Connect`]).
    pub fn is_connect(&self) -> bool {
        self.inner.kind == ErrorKind::Connect
    }

    /// True when the call timed out after the request was (or may have been) sent
    /// ([`ErrorKind::Timeout`]).
    pub fn is_timeout(&self) -> bool {
        self.inner.kind == ErrorKind::Timeout
    }

    /// True for another transport failure: a reset or early-closed connection, a protocol
    /// error ([`ErrorKind::Transport`]).
    pub fn is_transport(&self) -> bool {
        self.inner.kind == ErrorKind::Transport
    }

    /// True when the server answered with a non-2xx status ([`ErrorKind::Api`]); see
    /// [`api_error`](Self::api_error).
    pub fn is_api(&self) -> bool {
        self.inner.kind == ErrorKind::Api
    }

    /// True when the server answered with a redirect, which is never followed
    /// ([`ErrorKind::Redirect`]).
    pub fn is_redirect(&self) -> bool {
        self.inner.kind == ErrorKind::Redirect
    }

    /// True when a 2xx body could not be decoded into the response type ([`ErrorKind::Decode`]).
    pub fn is_decode(&self) -> bool {
        self.inner.kind == ErrorKind::Decode
    }

    /// True when the response body exceeded the size limit ([`ErrorKind::ResponseTooLarge`]).
    pub fn is_too_large(&self) -> bool {
        self.inner.kind == ErrorKind::ResponseTooLarge
    }

    /// True when a session JWT was refused locally ([`ErrorKind::Jwt`]); see
    /// [`jwt_reason`](Self::jwt_reason).
    pub fn is_jwt(&self) -> bool {
        self.inner.kind == ErrorKind::Jwt
    }

    /// True when sending this same request again is safe and might succeed, by exactly the rule
    /// the client's own retries follow (see [`RetryPolicy`](crate::RetryPolicy)): a request that
    /// was never sent (connect failure); 429; 503 when the response carried `Retry-After` or the
    /// endpoint is idempotent; 502, 504, timeouts and broken connections only when the endpoint
    /// is idempotent. False for errors that did not come from sending a request. It does not
    /// look at attempts or time already spent.
    pub fn is_retryable(&self) -> bool {
        self.inner.retry.as_ref().is_some_and(RetryFacts::allows_retry)
    }

    /// Why local verification refused a session JWT, for [`ErrorKind::Jwt`].
    pub fn jwt_reason(&self) -> Option<JwtReason> {
        self.inner.jwt
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// What Stytch said, for [`ErrorKind::Api`].
    pub fn api_error(&self) -> Option<&ApiError> {
        self.inner.api.as_ref()
    }

    /// Stytch's request id, when the error body carried one.
    pub fn request_id(&self) -> Option<&str> {
        self.inner.api.as_ref()?.request_id.as_deref()
    }

    /// For [`ErrorKind::Redirect`], the host (and port, when not the scheme's default) the
    /// redirect pointed to; never its path or query.
    pub fn redirect_host(&self) -> Option<&str> {
        match self.inner.kind {
            ErrorKind::Redirect => self.inner.host.as_deref(),
            _ => None,
        }
    }

    /// The endpoint's method and path template, when the error came from a call.
    pub fn endpoint(&self) -> Option<(&Method, &'static str)> {
        self.inner.endpoint.as_ref().map(|(method, path)| (method, *path))
    }

    /// How many attempts were made (0 when the request never left the client).
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((method, path)) = &self.inner.endpoint {
            write!(f, "{method} {path}: ")?;
        }
        let inner = &self.inner;
        let detail = inner.detail.as_deref();
        match inner.kind {
            ErrorKind::Api => match &inner.api {
                Some(api) => write!(f, "{api}"),
                None => f.write_str("error response"),
            },
            ErrorKind::Decode => {
                let status = inner.status.map(|s| s.as_u16()).unwrap_or_default();
                write!(
                    f,
                    "could not decode the {status} response: {}",
                    detail.unwrap_or("")
                )
            }
            ErrorKind::Config => write!(f, "invalid client configuration: {}", detail.unwrap_or("")),
            ErrorKind::InvalidRequest => write!(f, "invalid request: {}", detail.unwrap_or("")),
            ErrorKind::Connect => {
                let host = inner.host.as_deref().unwrap_or("Stytch");
                write!(f, "could not connect to {host}")?;
                match detail {
                    Some(cause) => write!(f, ": {cause}"),
                    None => Ok(()),
                }
            }
            ErrorKind::Timeout => match detail {
                Some(detail) => write!(f, "timed out: {detail}"),
                None => f.write_str("timed out"),
            },
            ErrorKind::Transport => match detail {
                Some(cause) => write!(f, "transport error: {cause}"),
                None => f.write_str("transport error"),
            },
            ErrorKind::Redirect => {
                let host = inner.host.as_deref().unwrap_or("an invalid location");
                match inner.status {
                    Some(status) => write!(
                        f,
                        "redirected ({} {}) to {host}; redirects are never followed",
                        status.as_u16(),
                        status.canonical_reason().unwrap_or("")
                    ),
                    None => write!(
                        f,
                        "the HTTP client followed a redirect to {host}; its answer was refused (build the reqwest::Client with redirect(Policy::none()))"
                    ),
                }
            }
            ErrorKind::ResponseTooLarge => f.write_str(detail.unwrap_or("response body too large")),
            ErrorKind::Jwt => {
                let reason = inner.jwt.unwrap_or(JwtReason::Malformed);
                write!(f, "the session JWT {reason}")?;
                match detail {
                    Some(detail) => write!(f, " ({detail})"),
                    None => Ok(()),
                }
            }
        }?;
        if inner.attempts > 1 {
            write!(f, " (after {} attempts)", inner.attempts)?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let mut debug = f.debug_struct("Error");
        debug.field("kind", &inner.kind);
        if let Some((method, path)) = &inner.endpoint {
            debug.field("method", method).field("path_template", path);
        }
        if let Some(status) = inner.status {
            debug.field("status", &status);
        }
        if let Some(host) = &inner.host {
            debug.field("host", host);
        }
        if let Some(reason) = inner.jwt {
            debug.field("jwt_reason", &reason);
        }
        if let Some(detail) = &inner.detail {
            debug.field("detail", detail);
        }
        if let Some(api) = &inner.api {
            debug.field("api", api);
        }
        if let Some(source) = &inner.source {
            debug.field("source", source);
        }
        if inner.attempts > 0 {
            debug.field("attempts", &inner.attempts);
        }
        if let Some(retry) = &inner.retry {
            debug.field("retryable", &retry.allows_retry());
        }
        debug.finish()
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|e| e as &(dyn StdError + 'static))
    }
}

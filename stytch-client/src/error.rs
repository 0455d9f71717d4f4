//! [`Error`], the one error type of the client, and [`ApiError`], what Stytch said.

use http::{Method, StatusCode};
use serde::Deserialize;
use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

type BoxError = Box<dyn StdError + Send + Sync>;

/// How many bytes of a non-Stytch error body are kept in [`ApiError::body_excerpt`].
const BODY_EXCERPT_BYTES: usize = 512;

/// Everything that can go wrong with a call.
///
/// Shaped after `reqwest::Error`: ask it questions ([`is_timeout`](Self::is_timeout),
/// [`status`](Self::status), [`api_error`](Self::api_error), ...) rather than matching on
/// internals. `Display` gives one line with the method and path template (never the filled path,
/// the query, a body or a header value); [`source`](StdError::source) chains to the transport
/// error where there is one.
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
    /// The connection could not be established.
    Connect,
    /// The request or response did not complete within the timeout.
    Timeout,
    /// Another transport failure (connection reset, protocol error, ...).
    Transport,
    /// Stytch (or a proxy in front of it) answered with a non-2xx status.
    Api,
    /// A 2xx response body did not match the response type.
    Decode,
    /// The response body was larger than the configured limit.
    ResponseTooLarge,
    /// A session JWT was refused by local verification, or could not be checked because no
    /// signing key was available; [`Error::jwt_reason`] says why.
    Jwt,
}

/// Why local verification refused a session JWT (see [`Error::jwt_reason`]).
///
/// [`falls_back`](Self::falls_back) tells which reasons let
/// [`Fallback::Remote`](crate::jwt::Fallback::Remote) ask Stytch instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JwtReason {
    /// Not three base64url parts holding a JSON header and a JSON object payload.
    Malformed,
    /// The header's `alg` is not `RS256` (`none`, `HS256`, ... are always refused).
    UnsupportedAlgorithm,
    /// The header's `kid` names no key in the JWKS, even after a refetch (or the refetch was
    /// skipped because of the cooldown).
    UnknownKey,
    /// The signature does not match the header and payload.
    BadSignature,
    /// `iss` is neither `stytch.com/{project_id}` nor the client's base URL.
    WrongIssuer,
    /// `aud` does not contain the project id.
    WrongAudience,
    /// `exp` is in the past (beyond the clock tolerance).
    Expired,
    /// `nbf` is in the future (beyond the clock tolerance).
    NotYetValid,
    /// `iat` is older than the requested `max_token_age`.
    TooOld,
    /// A required claim is missing or has the wrong type (`sub`, `iat`, `exp`, the
    /// `https://stytch.com/session` or `https://stytch.com/organization` claim).
    InvalidClaims,
    /// The JWKS could not be fetched, and no key fetched earlier can be used (none was ever
    /// fetched); also the error of a failed [`Client::refresh_jwks`](crate::Client::refresh_jwks).
    /// The error's [`source`](StdError::source) is the fetch failure.
    KeysUnavailable,
}

impl JwtReason {
    /// True when the failure says nothing against the token's authenticity, so Stytch may
    /// still accept it: expired, not yet valid, too old, unknown key, keys unavailable, invalid
    /// Stytch claims. False for a malformed token, a foreign algorithm, a bad signature and a
    /// wrong issuer or audience, which are never sent to Stytch.
    ///
    /// As in the official SDKs, an unknown `kid` falls back: after a key rotation Stytch knows
    /// the key before the JWKS cache does. The cost is that each token with a made-up `kid`
    /// costs one call to Stytch (the JWKS itself is refetched at most once per cooldown); use
    /// [`Fallback::Fail`](crate::jwt::Fallback::Fail) where that matters more.
    pub fn falls_back(self) -> bool {
        matches!(
            self,
            Self::UnknownKey
                | Self::Expired
                | Self::NotYetValid
                | Self::TooOld
                | Self::InvalidClaims
                | Self::KeysUnavailable
        )
    }

    fn describe(self) -> &'static str {
        match self {
            Self::Malformed => "is not a well-formed JWT",
            Self::UnsupportedAlgorithm => "is not signed with RS256",
            Self::UnknownKey => "is signed by a key that is not in the project's JWKS",
            Self::BadSignature => "has an invalid signature",
            Self::WrongIssuer => "was issued for another project or domain",
            Self::WrongAudience => "is for another audience",
            Self::Expired => "has expired",
            Self::NotYetValid => "is not valid yet",
            Self::TooOld => "is older than the allowed max_token_age",
            Self::InvalidClaims => "lacks a required claim or has a malformed one",
            Self::KeysUnavailable => "cannot be verified: the JWKS could not be fetched",
        }
    }
}

impl fmt::Display for JwtReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
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
            }),
        }
    }

    fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.inner.detail = Some(detail.into());
        self
    }

    pub(crate) fn config(detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config).with_detail(detail)
    }

    pub(crate) fn config_with_source(detail: impl Into<String>, source: impl Into<BoxError>) -> Self {
        let mut error = Self::config(detail);
        error.inner.source = Some(source.into());
        error
    }

    /// A request refused before any I/O; `detail` must not contain user values.
    pub(crate) fn invalid_request(detail: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidRequest).with_detail(detail)
    }

    pub(crate) fn transport(error: reqwest::Error, timeout: Duration) -> Self {
        let kind = if error.is_timeout() {
            ErrorKind::Timeout
        } else if error.is_connect() {
            ErrorKind::Connect
        } else {
            ErrorKind::Transport
        };
        let mut out = Self::new(kind);
        if kind == ErrorKind::Timeout {
            out.inner.detail = Some(format!("no complete response within {timeout:?}"));
        }
        out.inner.status = error.status();
        // reqwest's Display includes the URL (with the query string); keep it out.
        out.inner.source = Some(Box::new(error.without_url()));
        out
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
        let mut error = Self::jwt(reason, detail);
        error.inner.source = Some(source.into());
        error
    }

    pub(crate) fn at_endpoint(mut self, method: Method, path_template: &'static str) -> Self {
        self.inner.endpoint = Some((method, path_template));
        self
    }

    pub(crate) fn after_attempts(mut self, attempts: u32) -> Self {
        self.inner.attempts = attempts;
        self
    }

    /// The detail given at construction, without the endpoint context.
    pub(crate) fn detail(&self) -> Option<&str> {
        self.inner.detail.as_deref()
    }

    /// The category of this error.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// True when the call timed out.
    pub fn is_timeout(&self) -> bool {
        self.inner.kind == ErrorKind::Timeout
    }

    /// True when no connection could be made.
    pub fn is_connect(&self) -> bool {
        self.inner.kind == ErrorKind::Connect
    }

    /// True when the request was refused locally, before any I/O.
    pub fn is_invalid_request(&self) -> bool {
        self.inner.kind == ErrorKind::InvalidRequest
    }

    /// True when a 2xx body could not be decoded into the response type.
    pub fn is_decode(&self) -> bool {
        self.inner.kind == ErrorKind::Decode
    }

    /// True when trying again later might succeed: a connection failure, a timeout, 429, or a
    /// 5xx gateway/availability status (500, 502, 503, 504).
    pub fn is_retryable(&self) -> bool {
        match self.inner.kind {
            ErrorKind::Connect | ErrorKind::Timeout => true,
            ErrorKind::Api => self
                .inner
                .status
                .is_some_and(|s| matches!(s.as_u16(), 429 | 500 | 502 | 503 | 504)),
            _ => false,
        }
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
        match (&inner.kind, &inner.api, &inner.detail) {
            (ErrorKind::Api, Some(api), _) => write!(f, "{api}"),
            (ErrorKind::Decode, _, Some(detail)) => {
                let status = inner.status.map(|s| s.as_u16()).unwrap_or_default();
                write!(f, "could not decode the {status} response: {detail}")
            }
            (ErrorKind::Config, _, Some(detail)) => write!(f, "invalid client configuration: {detail}"),
            (ErrorKind::InvalidRequest, _, Some(detail)) => write!(f, "invalid request: {detail}"),
            (ErrorKind::Timeout, _, Some(detail)) => write!(f, "timed out: {detail}"),
            (ErrorKind::Timeout, _, None) => f.write_str("timed out"),
            (ErrorKind::Connect, _, _) => f.write_str("could not connect to Stytch"),
            (ErrorKind::Transport, _, _) => f.write_str("transport error"),
            (ErrorKind::ResponseTooLarge, _, Some(detail)) => f.write_str(detail),
            (ErrorKind::Jwt, _, detail) => {
                let reason = inner.jwt.unwrap_or(JwtReason::Malformed);
                write!(f, "the session JWT {reason}")?;
                match detail {
                    Some(detail) => write!(f, " ({detail})"),
                    None => Ok(()),
                }
            }
            (kind, _, _) => write!(f, "{kind:?}"),
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

/// An error answer from Stytch (or from a proxy in front of it).
///
/// Stytch's JSON error shape (`status_code`, `request_id`, `error_type`, `error_message`,
/// `error_url`, `error_details`) and the OAuth2 shape (`error`, `error_description`,
/// `error_uri`) are both read. A body that is neither — a proxy's HTML 502, an empty or truncated
/// body — still gives the HTTP status, with an empty `error_type` and the start of the body in
/// [`body_excerpt`](Self::body_excerpt).
///
/// `Display` is one line: `400 weak_password: Password is too weak. (request_id request-id-test-1)`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status of the response.
    pub status_code: StatusCode,
    /// Stytch's id for the request; quote it to Stytch support.
    pub request_id: Option<String>,
    /// A stable machine-readable code, e.g. `weak_password`; empty when the body was not a
    /// Stytch error.
    pub error_type: String,
    /// A human-readable explanation.
    pub error_message: String,
    /// A link to Stytch's documentation of this error.
    pub error_url: Option<String>,
    /// Structured extra detail, when Stytch sends any.
    pub error_details: Option<serde_json::Value>,
    /// The start of the body (at most 512 bytes) when it was not a Stytch error.
    pub body_excerpt: Option<String>,
}

#[derive(Deserialize)]
struct RawApiError {
    request_id: Option<String>,
    error_type: Option<String>,
    error_message: Option<String>,
    error_url: Option<String>,
    error_details: Option<serde_json::Value>,
    error: Option<String>,
    error_description: Option<String>,
    error_uri: Option<String>,
}

impl ApiError {
    /// Reads an error answer; never fails.
    pub fn from_response(status: StatusCode, body: &[u8]) -> Self {
        if let Ok(raw) = serde_json::from_slice::<RawApiError>(body)
            && let Some(error_type) = raw.error_type.or(raw.error)
        {
            return Self {
                status_code: status,
                request_id: raw.request_id,
                error_type,
                error_message: raw.error_message.or(raw.error_description).unwrap_or_default(),
                error_url: raw.error_url.or(raw.error_uri),
                error_details: raw.error_details.filter(|v| !v.is_null()),
                body_excerpt: None,
            };
        }
        Self {
            status_code: status,
            request_id: None,
            error_type: String::new(),
            error_message: String::new(),
            error_url: None,
            error_details: None,
            body_excerpt: Some(excerpt(body)),
        }
    }

    /// True when the body was a Stytch (or OAuth2-style) error, false for a proxy's page or
    /// an empty or truncated body.
    pub fn is_stytch_error(&self) -> bool {
        self.body_excerpt.is_none()
    }
}

fn excerpt(body: &[u8]) -> String {
    let cut = body.len().min(BODY_EXCERPT_BYTES);
    let mut text = String::from_utf8_lossy(&body[..cut]).into_owned();
    // A cut may split a UTF-8 sequence; from_utf8_lossy turned it into U+FFFD, which is fine.
    text.retain(|c| !c.is_control() || c == ' ');
    if body.len() > cut {
        text.push('…');
    }
    text
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status_code;
        if let Some(body) = &self.body_excerpt {
            let reason = status.canonical_reason().unwrap_or("");
            return if body.is_empty() {
                write!(f, "{} {reason} with an empty body", status.as_u16())
            } else {
                write!(
                    f,
                    "{} {reason}; the body is not a Stytch error: {body}",
                    status.as_u16()
                )
            };
        }
        write!(
            f,
            "{} {}: {}",
            status.as_u16(),
            self.error_type,
            self.error_message
        )?;
        if let Some(request_id) = &self.request_id {
            write!(f, " (request_id {request_id})")?;
        }
        Ok(())
    }
}

impl StdError for ApiError {}

/// Removes string values that serde quotes in its messages (`invalid type: string "..."`), so
/// a decode error never echoes a token or other secret from a response body.
pub(crate) fn redact_serde_message(message: &str) -> String {
    match (message.find('"'), message.rfind('"')) {
        (Some(start), Some(end)) if end > start => {
            format!("{}\"***\"{}", &message[..start], &message[end + 1..])
        }
        _ => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stytch_error_body() {
        let body = br#"{"status_code":400,"request_id":"request-id-test-1","error_type":"weak_password","error_message":"Password is too weak.","error_url":"https://stytch.com/docs/api/errors/400#weak_password","error_details":null}"#;
        let api = ApiError::from_response(StatusCode::BAD_REQUEST, body);
        assert!(api.is_stytch_error());
        assert_eq!(api.error_type, "weak_password");
        assert_eq!(api.error_details, None);
        assert_eq!(
            api.to_string(),
            "400 weak_password: Password is too weak. (request_id request-id-test-1)"
        );
    }

    #[test]
    fn oauth2_error_body() {
        let body = br#"{"error":"invalid_grant","error_description":"expired","error_uri":"https://x"}"#;
        let api = ApiError::from_response(StatusCode::UNAUTHORIZED, body);
        assert_eq!(
            (api.error_type.as_str(), api.error_message.as_str()),
            ("invalid_grant", "expired")
        );
        assert_eq!(api.error_url.as_deref(), Some("https://x"));
    }

    #[test]
    fn non_json_bodies_keep_status_and_excerpt() {
        let html = format!("<html><body>{}</body></html>\r\n", "x".repeat(2000));
        let api = ApiError::from_response(StatusCode::BAD_GATEWAY, html.as_bytes());
        assert!(!api.is_stytch_error());
        let excerpt = api.body_excerpt.as_deref().unwrap();
        assert!(excerpt.starts_with("<html>") && excerpt.ends_with('…'));
        assert!(excerpt.len() <= BODY_EXCERPT_BYTES + 4);
        assert!(
            api.to_string()
                .starts_with("502 Bad Gateway; the body is not a Stytch error: <html>")
        );

        let empty = ApiError::from_response(StatusCode::SERVICE_UNAVAILABLE, b"");
        assert_eq!(empty.to_string(), "503 Service Unavailable with an empty body");
        let truncated = ApiError::from_response(StatusCode::BAD_REQUEST, br#"{"error_type":"x","#);
        assert!(!truncated.is_stytch_error());
    }

    #[test]
    fn serde_messages_lose_quoted_values() {
        assert_eq!(
            redact_serde_message(r#"invalid type: string "tok_secret", expected u32 at line 1 column 9"#),
            r#"invalid type: string "***", expected u32 at line 1 column 9"#
        );
        assert_eq!(
            redact_serde_message("missing field `member`"),
            "missing field `member`"
        );
    }
}

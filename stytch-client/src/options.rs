//! Per-call options: [`HeaderOptions`] (typed header sets such as [`Authorization`]) and
//! [`RequestOptions`] (extra headers and a timeout for one call).

use crate::client::RetryPolicy;
use crate::encode::{header_value, insert_header};
use crate::error::Error;
use crate::secret::Secret;
use http::{HeaderMap, HeaderName};
use std::fmt;
use std::time::Duration;

/// A typed set of headers an endpoint field (`#[endpoint(headers)]`) or [`RequestOptions`] can
/// apply. Implement it for your own header sets, adding each header with
/// [`insert_header`](crate::insert_header) so that values with CR/LF are refused with a typed
/// error.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `HeaderOptions`",
    note = "`#[endpoint(headers)]` fields must implement `stytch_client::HeaderOptions`, like `Authorization`"
)]
pub trait HeaderOptions {
    /// Adds this set's headers. Errors must not include header values.
    fn apply(&self, headers: &mut HeaderMap) -> Result<(), Error>;
}

impl<T: HeaderOptions + ?Sized> HeaderOptions for &T {
    fn apply(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        (**self).apply(headers)
    }
}

impl<T: HeaderOptions> HeaderOptions for Option<T> {
    fn apply(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        match self {
            Some(options) => options.apply(headers),
            None => Ok(()),
        }
    }
}

/// Acts on behalf of a member: Stytch checks that member's RBAC permissions for the call.
///
/// Sends `X-Stytch-Member-Session` and/or `X-Stytch-Member-SessionJWT`, each only when
/// non-empty, exactly like the official Ruby, Node, Python and Go SDKs' `Authorization` method
/// option. Both values are secrets: they never print and are marked sensitive on the wire.
///
/// ```
/// use stytch_client::Authorization;
///
/// let auth = Authorization::session_token("mst_...").with_session_jwt("eyJ...");
/// assert_eq!(format!("{auth:?}"), "Authorization { session_token: Some(***), session_jwt: Some(***) }");
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Authorization {
    session_token: Option<Secret<String>>,
    session_jwt: Option<Secret<String>>,
}

/// The header carrying a member's session token.
pub const MEMBER_SESSION_HEADER: &str = "X-Stytch-Member-Session";
/// The header carrying a member's session JWT.
pub const MEMBER_SESSION_JWT_HEADER: &str = "X-Stytch-Member-SessionJWT";

impl Authorization {
    /// Authorizes with a member session token.
    pub fn session_token(token: impl Into<Secret<String>>) -> Self {
        Self {
            session_token: Some(token.into()),
            session_jwt: None,
        }
    }

    /// Authorizes with a member session JWT.
    pub fn session_jwt(jwt: impl Into<Secret<String>>) -> Self {
        Self {
            session_token: None,
            session_jwt: Some(jwt.into()),
        }
    }

    /// Adds (or replaces) the session token.
    pub fn with_session_token(mut self, token: impl Into<Secret<String>>) -> Self {
        self.session_token = Some(token.into());
        self
    }

    /// Adds (or replaces) the session JWT.
    pub fn with_session_jwt(mut self, jwt: impl Into<Secret<String>>) -> Self {
        self.session_jwt = Some(jwt.into());
        self
    }
}

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("session_token", &self.session_token)
            .field("session_jwt", &self.session_jwt)
            .finish()
    }
}

impl HeaderOptions for Authorization {
    fn apply(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        let token = self
            .session_token
            .as_ref()
            .map(|secret| secret.expose_secret().as_str());
        insert_header(
            headers,
            HeaderName::from_static("x-stytch-member-session"),
            token,
            true,
        )?;
        let jwt = self
            .session_jwt
            .as_ref()
            .map(|secret| secret.expose_secret().as_str());
        insert_header(
            headers,
            HeaderName::from_static("x-stytch-member-sessionjwt"),
            jwt,
            true,
        )
    }
}

/// Options for one call through [`Client::send_with`](crate::Client::send_with): extra headers,
/// and timeouts and a retry policy that replace the client's.
///
/// Invalid input (a bad header name, CR/LF in a value) is remembered and reported as a typed
/// error by `send_with`, before any I/O, so the builder methods can chain.
///
/// ```
/// use std::time::Duration;
/// use stytch_client::{Authorization, RequestOptions};
///
/// let options = RequestOptions::new()
///     .header("X-Request-Source", "billing-service")
///     .headers(Authorization::session_jwt("eyJ..."))
///     .timeout(Duration::from_secs(5)) // the whole call, retries included
///     .attempt_timeout(Duration::from_secs(2)); // each attempt
/// assert!(format!("{options:?}").contains("x-request-source"));
/// assert!(!format!("{options:?}").contains("eyJ"));
/// ```
#[derive(Clone, Default)]
pub struct RequestOptions {
    pub(crate) headers: HeaderMap,
    pub(crate) timeout: Option<Duration>,
    pub(crate) attempt_timeout: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) invalid: Option<String>,
}

impl RequestOptions {
    /// No extra headers, the client's timeouts and retry policy.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a header (replacing one of the same name).
    pub fn header(self, name: &str, value: &str) -> Self {
        self.insert(name, value, false)
    }

    /// Adds a header whose value is a secret: marked sensitive and never printed.
    pub fn sensitive_header(self, name: &str, value: &str) -> Self {
        self.insert(name, value, true)
    }

    /// Applies a typed header set such as [`Authorization`].
    pub fn headers(mut self, options: impl HeaderOptions) -> Self {
        if let Err(error) = options.apply(&mut self.headers) {
            self.remember(&error);
        }
        self
    }

    /// Replaces the client's total timeout for this call: the time allowed for the whole call,
    /// every attempt and every wait between retries included (see
    /// [`ClientBuilder::timeout`](crate::ClientBuilder::timeout)).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Replaces the client's per-attempt timeout for this call: the time allowed for one
    /// attempt, response body included (see
    /// [`ClientBuilder::attempt_timeout`](crate::ClientBuilder::attempt_timeout)).
    pub fn attempt_timeout(mut self, timeout: Duration) -> Self {
        self.attempt_timeout = Some(timeout);
        self
    }

    /// Replaces the client's retry policy for this call.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    fn insert(mut self, name: &str, value: &str, sensitive: bool) -> Self {
        let result = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Error::invalid_request(format!("`{name}` is not a valid HTTP header name")))
            .and_then(|name| Ok((header_value(&name, value)?, name)));
        match result {
            Ok((mut value, name)) => {
                value.set_sensitive(sensitive);
                self.headers.insert(name, value);
            }
            Err(error) => self.remember(&error),
        }
        self
    }

    /// Keeps the first invalid input's description (never a header value).
    fn remember(&mut self, error: &Error) {
        if self.invalid.is_none() {
            self.invalid = Some(error.detail().map_or_else(|| error.to_string(), str::to_owned));
        }
    }

    /// The first invalid input, as a typed error.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match &self.invalid {
            Some(detail) => Err(Error::invalid_request(detail.clone())),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestOptions")
            .field(
                "headers",
                &self.headers.keys().map(HeaderName::as_str).collect::<Vec<_>>(),
            )
            .field("timeout", &self.timeout)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("retry", &self.retry)
            .field("invalid", &self.invalid)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn authorization_adds_only_non_empty_sensitive_headers() {
        let mut headers = HeaderMap::new();
        Authorization::session_token("tok")
            .with_session_jwt("")
            .apply(&mut headers)
            .unwrap();
        assert_eq!(headers.len(), 1);
        assert_eq!(headers[MEMBER_SESSION_HEADER], "tok");
        assert!(headers[MEMBER_SESSION_HEADER].is_sensitive());

        let mut headers = HeaderMap::new();
        Authorization::session_jwt("jwt").apply(&mut headers).unwrap();
        assert_eq!(headers[MEMBER_SESSION_JWT_HEADER], "jwt");
        assert!(!headers.contains_key(MEMBER_SESSION_HEADER));
    }

    #[test]
    fn invalid_options_are_reported_without_values() {
        let options = RequestOptions::new()
            .header("X-A", "ok\r\nX-Evil: 1")
            .header("bad name", "v");
        let error = options.check().unwrap_err();
        assert!(error.is_invalid_request());
        let text = error.to_string();
        assert!(text.contains("x-a") && !text.contains("Evil"), "{text}");
        assert!(RequestOptions::new().header("X-A", "ok").check().is_ok());
    }
}

//! [`Client`]: sends [`Endpoint`]s to Stytch.

mod builder;
mod response;
mod retry;

pub use builder::{
    ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, LIVE_BASE_URL,
    TEST_BASE_URL,
};

use crate::endpoint::Endpoint;
use crate::error::{ApiError, Error};
use crate::options::RequestOptions;
use crate::secret::Secret;
use bytes::Bytes;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderMap, HeaderValue};
use retry::Failure;
pub use retry::RetryPolicy;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tracing::Instrument as _;
use tracing::field::Empty;

const APPLICATION_JSON: HeaderValue = HeaderValue::from_static("application/json");

/// A Stytch API client: credentials, base URL, timeouts and one connection pool.
///
/// Cheap to clone (an `Arc`): create one and share it. Credentials are sent as HTTP Basic auth on
/// every request, marked sensitive, and never printed.
///
/// ```no_run
/// # async fn run() -> Result<(), stytch_client::Error> {
/// use stytch_client::{Client, endpoint};
///
/// #[endpoint(GET, "/v1/b2b/organizations/{organization_id}", response = serde_json::Value)]
/// pub struct GetOrganization {
///     pub organization_id: String,
/// }
///
/// let client = Client::new("project-test-...", "secret-test-...")?;
/// let organization = client.send(GetOrganization::new("organization-test-...")).await?;
/// println!("{}", organization["organization"]["organization_name"]);
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<ClientInner>,
}

struct ClientInner {
    http: reqwest::Client,
    base_url: Box<str>,
    project_id: Box<str>,
    authorization: HeaderValue,
    user_agent: HeaderValue,
    timeout: Duration,
    max_response_bytes: usize,
    retry: RetryPolicy,
    jwks: crate::jwt::JwksCache,
}

impl Client {
    /// A client for the project, talking to `https://api.stytch.com` when the project id starts
    /// with `project-live-` and to `https://test.stytch.com` otherwise (as every official SDK
    /// does), with the default timeouts.
    pub fn new(project_id: impl Into<String>, secret: impl Into<Secret<String>>) -> Result<Self, Error> {
        Self::builder().credentials(project_id, secret).build()
    }

    /// A client from `STYTCH_PROJECT_ID`, `STYTCH_SECRET` and, optionally, `STYTCH_BASE_URL`.
    pub fn from_env() -> Result<Self, Error> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let project_id = var("STYTCH_PROJECT_ID")
            .ok_or_else(|| Error::config("the environment variable STYTCH_PROJECT_ID is not set"))?;
        let secret = var("STYTCH_SECRET")
            .ok_or_else(|| Error::config("the environment variable STYTCH_SECRET is not set"))?;
        let mut builder = Self::builder().credentials(project_id, secret);
        if let Some(base_url) = var("STYTCH_BASE_URL") {
            builder = builder.base_url(base_url);
        }
        builder.build()
    }

    /// A builder for every setting.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// The project id this client authenticates as.
    pub fn project_id(&self) -> &str {
        &self.inner.project_id
    }

    /// The base URL requests go to, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The session-JWT key cache (see [`crate::jwt`]).
    pub(crate) fn jwks_cache(&self) -> &crate::jwt::JwksCache {
        &self.inner.jwks
    }

    /// Sends a request and decodes its 2xx response.
    ///
    /// Takes the endpoint by value or by reference. Non-2xx answers become
    /// [`ErrorKind::Api`](crate::ErrorKind::Api) errors carrying an [`ApiError`].
    pub async fn send<E: Endpoint>(&self, endpoint: E) -> Result<E::Response, Error> {
        self.send_with(endpoint, &RequestOptions::default()).await
    }

    /// Like [`send`](Self::send), with per-call headers, timeout and retry policy.
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: E,
        options: &RequestOptions,
    ) -> Result<E::Response, Error> {
        let span = tracing::debug_span!(
            "stytch.request",
            method = %E::METHOD,
            path = E::PATH_TEMPLATE,
            attempt = Empty,
            status = Empty,
            request_id = Empty,
            latency_ms = Empty,
        );
        self.execute(&endpoint, options, &span)
            .instrument(span.clone())
            .await
            .map_err(|error| error.at_endpoint(E::METHOD, E::PATH_TEMPLATE))
    }

    /// The exact request `send_with` would put on the wire, auth header included, without
    /// sending it. For tests and debugging.
    pub fn http_request<E: Endpoint>(
        &self,
        endpoint: E,
        options: &RequestOptions,
    ) -> Result<http::Request<Bytes>, Error> {
        let prepared = self.prepare(&endpoint, options)?;
        let mut request = http::Request::new(prepared.body.unwrap_or_default());
        *request.method_mut() = E::METHOD;
        *request.uri_mut() = prepared
            .url
            .as_str()
            .parse()
            .map_err(|_| Error::invalid_request("the request URL is not a valid URI"))?;
        *request.headers_mut() = prepared.headers;
        Ok(request)
    }

    fn prepare<E: Endpoint>(&self, endpoint: &E, options: &RequestOptions) -> Result<Prepared, Error> {
        options.check()?;
        let inner = &*self.inner;
        let build_url = |scratch: &mut String| {
            scratch.clear();
            scratch.push_str(&inner.base_url);
            endpoint.write_path(scratch)?;
            if let Some(query) = endpoint.query()? {
                scratch.push('?');
                scratch.push_str(&query);
            }
            reqwest::Url::parse(scratch).map_err(|_| Error::invalid_request("the request URL is not valid"))
        };
        let url = URL_SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => build_url(&mut scratch),
            // Only if an `Endpoint` impl re-enters the client while writing its path.
            Err(_) => build_url(&mut String::new()),
        })?;
        let body = endpoint.body()?.map(Bytes::from);

        let mut headers = HeaderMap::with_capacity(8);
        headers.insert(ACCEPT, APPLICATION_JSON);
        if body.is_some() {
            headers.insert(CONTENT_TYPE, APPLICATION_JSON);
        }
        headers.insert(USER_AGENT, inner.user_agent.clone());
        endpoint.headers(&mut headers)?;
        for (name, value) in &options.headers {
            headers.insert(name, value.clone());
        }
        // Last, so no per-call header can replace the project credentials.
        headers.insert(AUTHORIZATION, inner.authorization.clone());
        Ok(Prepared { url, headers, body })
    }

    async fn execute<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
        span: &tracing::Span,
    ) -> Result<E::Response, Error> {
        let mut prepared = Some(self.prepare(endpoint, options)?);
        let timeout = options.timeout.unwrap_or(self.inner.timeout);
        let policy = options.retry.as_ref().unwrap_or(&self.inner.retry);
        let idempotent = endpoint.idempotent();
        let started = Instant::now();
        let mut attempt = 0;
        loop {
            attempt += 1;
            span.record("attempt", attempt);
            // The first attempt takes the prepared request as is; a retry (rare) prepares it
            // again rather than making every request pay for a copy.
            let parts = match prepared.take() {
                Some(parts) => parts,
                None => self.prepare(endpoint, options)?,
            };
            let request = parts.into_request(E::METHOD, timeout);
            let (failure, headers, error) = match self.attempt(request, timeout, span).await {
                Ok(Answer { status, body, .. }) if status.is_success() => {
                    span.record("latency_ms", started.elapsed().as_secs_f64() * 1000.0);
                    if !span.is_disabled() {
                        response::record_request_id(span, &body);
                    }
                    let decoded = response::decode(status, &body).map_err(|e| e.after_attempts(attempt));
                    tracing::debug!(parent: span, ok = decoded.is_ok(), "stytch response");
                    return decoded;
                }
                Ok(Answer {
                    status,
                    headers,
                    body,
                }) => {
                    let api = ApiError::from_response(status, &body);
                    if let Some(request_id) = &api.request_id {
                        span.record("request_id", request_id.as_str());
                    }
                    tracing::debug!(parent: span, attempt, error_type = api.error_type.as_str(), "stytch error response");
                    (Failure::Status(status), Some(headers), Error::api(api))
                }
                Err(error) => {
                    let failure = match error.kind() {
                        crate::ErrorKind::Connect => Failure::Connect,
                        crate::ErrorKind::Timeout => Failure::Timeout,
                        crate::ErrorKind::Transport => Failure::Transport,
                        _ => Failure::Other,
                    };
                    tracing::debug!(parent: span, attempt, kind = ?error.kind(), "stytch request failed");
                    (failure, None, error)
                }
            };
            span.record("latency_ms", started.elapsed().as_secs_f64() * 1000.0);
            match policy.next_delay(failure, idempotent, attempt, started.elapsed(), headers.as_ref()) {
                Some(delay) => {
                    tracing::debug!(parent: span, attempt, delay_ms = delay.as_millis() as u64, "retrying");
                    tokio::time::sleep(delay).await;
                }
                None => return Err(error.after_attempts(attempt)),
            }
        }
    }

    /// Sends one attempt and reads the whole answer, whatever its status.
    async fn attempt(
        &self,
        request: reqwest::Request,
        timeout: Duration,
        span: &tracing::Span,
    ) -> Result<Answer, Error> {
        let response = self
            .inner
            .http
            .execute(request)
            .await
            .map_err(|e| Error::transport(e, timeout))?;
        let status = response.status();
        span.record("status", status.as_u16());
        let headers = if status.is_success() {
            HeaderMap::new()
        } else {
            response.headers().clone()
        };
        let body = response::read_body(response, self.inner.max_response_bytes, timeout).await?;
        Ok(Answer {
            status,
            headers,
            body,
        })
    }
}

/// A complete answer: status, headers (kept only for errors, for `Retry-After`) and body.
struct Answer {
    status: http::StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("project_id", &self.inner.project_id)
            .field("base_url", &self.inner.base_url)
            .field("secret", &"***")
            .field("timeout", &self.inner.timeout)
            .finish()
    }
}

/// A request built but not yet sent.
struct Prepared {
    url: reqwest::Url,
    headers: HeaderMap,
    body: Option<Bytes>,
}

impl Prepared {
    fn into_request(self, method: http::Method, timeout: Duration) -> reqwest::Request {
        let mut request = reqwest::Request::new(method, self.url);
        *request.headers_mut() = self.headers;
        *request.timeout_mut() = Some(timeout);
        if let Some(body) = self.body {
            *request.body_mut() = Some(body.into());
        }
        request
    }
}

thread_local! {
    /// Where request URLs are assembled before parsing, reused so that building one costs no
    /// allocation beyond the parsed `Url` itself.
    static URL_SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

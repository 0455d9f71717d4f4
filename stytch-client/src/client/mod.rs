//! [`Client`]: sends [`Endpoint`]s to Stytch.

mod body;
mod budget;
mod builder;
mod execute;
mod response;
mod retry;

pub use body::RequestBody;
pub use builder::{
    ClientBuilder, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT, LIVE_BASE_URL,
    TEST_BASE_URL,
};
pub(crate) use retry::RetryFacts;

use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::options::RequestOptions;
use crate::secret::Secret;
use bytes::Bytes;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderMap, HeaderValue};
pub use retry::RetryPolicy;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;
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
    /// `base_url` parsed once; each request clones it and sets its path and query, so no
    /// request parses a whole URL (scheme, host, IDNA) again.
    base: reqwest::Url,
    /// The path of `base_url` without a trailing `/` (`""` or a prefix such as `/stytch`).
    base_path: Box<str>,
    project_id: Box<str>,
    authorization: HeaderValue,
    user_agent: HeaderValue,
    /// The whole call, retries and waits included.
    timeout: Duration,
    /// One attempt, when set.
    attempt_timeout: Option<Duration>,
    /// The default transport's connect timeout; `None` with a client brought by the user.
    connect_timeout: Option<Duration>,
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
    /// Takes the endpoint by value or by reference. Other answers become errors: a 3xx is an
    /// [`ErrorKind::Redirect`](crate::ErrorKind::Redirect) error (redirects are never followed),
    /// any other status an [`ErrorKind::Api`](crate::ErrorKind::Api) error carrying an
    /// [`ApiError`](crate::ApiError).
    pub async fn send<E: Endpoint>(&self, endpoint: E) -> Result<E::Response, Error> {
        self.send_with(endpoint, &RequestOptions::default()).await
    }

    /// Like [`send`](Self::send), with per-call headers, timeouts and retry policy.
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
    /// sending it. For tests and debugging: its `Debug` is safe to print (sensitive headers show
    /// as `Sensitive`, and [`RequestBody`] redacts secret-named JSON values) while
    /// `request.body()` holds the exact bytes.
    pub fn http_request<E: Endpoint>(
        &self,
        endpoint: E,
        options: &RequestOptions,
    ) -> Result<http::Request<RequestBody>, Error> {
        let prepared = self.prepare(&endpoint, options)?;
        let mut request = http::Request::new(RequestBody::new(prepared.body.unwrap_or_default()));
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
        // Only the path and query are set on a copy of the parsed base: the host can never
        // change, whatever an `Endpoint` impl writes (a `?` or `#` in a path is escaped).
        let mut url = inner.base.clone();
        let mut set_path = |scratch: &mut String| {
            scratch.clear();
            scratch.push_str(&inner.base_path);
            endpoint.write_path(scratch)?;
            url.set_path(scratch);
            Ok::<_, Error>(())
        };
        URL_SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut scratch) => set_path(&mut scratch),
            // Only if an `Endpoint` impl re-enters the client while writing its path.
            Err(_) => set_path(&mut String::new()),
        })?;
        if let Some(query) = endpoint.query()? {
            url.set_query(Some(&query));
        }
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
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("project_id", &self.inner.project_id)
            .field("base_url", &self.inner.base_url)
            .field("secret", &"***")
            .field("timeout", &self.inner.timeout)
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .finish()
    }
}

/// A request built but not yet sent.
struct Prepared {
    url: reqwest::Url,
    headers: HeaderMap,
    body: Option<Bytes>,
}

thread_local! {
    /// Where request paths are assembled before they are set on the URL, reused so that
    /// building one costs no allocation beyond the `Url` itself.
    static URL_SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

//! The [`Endpoint`] trait: what `#[endpoint]` implements and what [`Client::send`] consumes.
//!
//! [`Client::send`]: crate::Client::send

use crate::error::Error;
use http::{HeaderMap, Method};
use serde::de::DeserializeOwned;

/// One API operation: how to build its request, and what its success response decodes into.
///
/// `#[endpoint]` implements this for you; implement it by hand only for something the macro
/// cannot express. Building a request does no I/O, so it can be tested without a socket through
/// [`Client::http_request`](crate::Client::http_request).
pub trait Endpoint {
    /// The type a 2xx response body decodes into.
    type Response: DeserializeOwned;

    /// The HTTP method.
    const METHOD: Method;

    /// The path as declared, with `{captures}` unfilled. Safe to log: it holds no user data.
    const PATH_TEMPLATE: &'static str;

    /// Appends the filled, percent-encoded path (starting with `/`) to `out`.
    fn write_path(&self, out: &mut String) -> Result<(), Error>;

    /// The query string without `?`, if any.
    fn query(&self) -> Result<Option<String>, Error> {
        Ok(None)
    }

    /// The JSON body, if the request has one.
    fn body(&self) -> Result<Option<Vec<u8>>, Error> {
        Ok(None)
    }

    /// Adds the endpoint's own headers (typed header fields and header options).
    fn headers(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        let _ = headers;
        Ok(())
    }

    /// Whether sending the request twice has the same effect as sending it once. Defaults to
    /// true for GET, HEAD, PUT, DELETE and OPTIONS; `#[endpoint(..., idempotent)]` says so for a
    /// POST.
    fn idempotent(&self) -> bool {
        matches!(
            Self::METHOD,
            Method::GET | Method::HEAD | Method::PUT | Method::DELETE | Method::OPTIONS
        )
    }
}

impl<E: Endpoint + ?Sized> Endpoint for &E {
    type Response = E::Response;
    const METHOD: Method = E::METHOD;
    const PATH_TEMPLATE: &'static str = E::PATH_TEMPLATE;

    fn write_path(&self, out: &mut String) -> Result<(), Error> {
        (**self).write_path(out)
    }
    fn query(&self) -> Result<Option<String>, Error> {
        (**self).query()
    }
    fn body(&self) -> Result<Option<Vec<u8>>, Error> {
        (**self).body()
    }
    fn headers(&self, headers: &mut HeaderMap) -> Result<(), Error> {
        (**self).headers(headers)
    }
    fn idempotent(&self) -> bool {
        (**self).idempotent()
    }
}

//! Sending a request: the retry loop within the call's time budget, and one attempt with its
//! timeout, redirect refusal and failure classification.

use super::body::{SentProbe, WireBody};
use super::budget::{Budget, Limit};
use super::retry::{Failure, RetryFacts};
use super::{Client, ClientInner, Prepared, response};
use crate::endpoint::Endpoint;
use crate::error::{ApiError, Error};
use crate::options::RequestOptions;
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use std::error::Error as StdError;
use std::time::Instant;

impl Client {
    pub(super) async fn execute<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
        span: &tracing::Span,
    ) -> Result<E::Response, Error> {
        let inner = &*self.inner;
        let mut prepared = Some(self.prepare(endpoint, options)?);
        let budget = Budget::start(
            options.timeout.unwrap_or(inner.timeout),
            options.attempt_timeout.or(inner.attempt_timeout),
        );
        let policy = options.retry.as_ref().unwrap_or(&inner.retry);
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
            let attempt_started = Instant::now();
            let outcome = inner.attempt(E::METHOD, parts, &budget, span).await;
            span.record("latency_ms", started.elapsed().as_secs_f64() * 1000.0);
            let mut error = match outcome {
                Ok((status, body)) => {
                    if !span.is_disabled() {
                        response::record_request_id(span, &body);
                    }
                    let decoded = response::decode(status, &body).map_err(|e| e.after_attempts(attempt));
                    tracing::debug!(parent: span, ok = decoded.is_ok(), "stytch response");
                    return decoded;
                }
                Err(error) => error,
            };
            let facts = match error.retry_facts_mut() {
                Some(facts) => {
                    facts.idempotent = idempotent;
                    *facts
                }
                None => return Err(error.after_attempts(attempt)),
            };
            tracing::debug!(parent: span, attempt, kind = ?error.kind(), "stytch attempt failed");
            match policy.next_delay(&facts, attempt) {
                Some(delay) if budget.fits(delay, attempt_started.elapsed()) => {
                    tracing::debug!(parent: span, attempt, delay_ms = delay.as_millis() as u64, "retrying");
                    tokio::time::sleep(delay).await;
                }
                _ => return Err(error.after_attempts(attempt)),
            }
        }
    }
}

impl ClientInner {
    /// One attempt: the 2xx status and body, or an error carrying its [`RetryFacts`] (except
    /// for errors no retry could fix).
    async fn attempt(
        &self,
        method: http::Method,
        parts: Prepared,
        budget: &Budget,
        span: &tracing::Span,
    ) -> Result<(StatusCode, Bytes), Error> {
        let url = parts.url.clone();
        let (body, probe) = WireBody::new(parts.body.filter(|b| !b.is_empty()));
        let mut request = reqwest::Request::new(method, parts.url);
        *request.headers_mut() = parts.headers;
        *request.body_mut() = Some(reqwest::Body::wrap(body));
        let exchange = self.exchange(request, &url, &probe, span);
        let limit = budget.attempt_deadline();
        let answer = match limit {
            Some((deadline, limit)) => match tokio::time::timeout_at(deadline.into(), exchange).await {
                Ok(answer) => answer,
                Err(_elapsed) => Err(timed_out(limit, &probe, &url)),
            },
            None => exchange.await,
        }?;
        let Answer {
            status,
            headers,
            body,
        } = answer;
        if status.is_success() {
            return Ok((status, body));
        }
        let api = ApiError::from_parts(status, &headers, &body);
        if let Some(request_id) = &api.request_id {
            span.record("request_id", request_id.as_str());
        }
        Err(Error::api(api).with_retry_facts(RetryFacts::answer(status, &headers)))
    }

    /// Sends the request and reads the whole answer, refusing redirects.
    async fn exchange(
        &self,
        request: reqwest::Request,
        url: &reqwest::Url,
        probe: &SentProbe,
        span: &tracing::Span,
    ) -> Result<Answer, Error> {
        let response = self
            .http
            .execute(request)
            .await
            .map_err(|e| self.classify(e, probe, url))?;
        let status = response.status();
        span.record("status", status.as_u16());
        if response.url() != url {
            // A client brought with `http_client` followed a redirect on its own.
            let host = host_and_port(response.url());
            return Err(Error::redirect(None, host).with_retry_facts(RetryFacts::new(Failure::Other)));
        }
        if status.is_redirection() {
            let host = response
                .headers()
                .get(http::header::LOCATION)
                .and_then(|location| location.to_str().ok())
                .and_then(|location| url.join(location).ok())
                .and_then(|target| host_and_port(&target));
            return Err(Error::redirect(Some(status), host).with_retry_facts(RetryFacts::new(Failure::Other)));
        }
        let headers = if status.is_success() {
            HeaderMap::new()
        } else {
            response.headers().clone()
        };
        let body = response::read_body(response, self.max_response_bytes)
            .await
            .map_err(|e| match e {
                response::ReadError::TooLarge(error) => {
                    error.with_retry_facts(RetryFacts::new(Failure::Other))
                }
                response::ReadError::Transport(error) => self.classify(error, probe, url),
            })?;
        Ok(Answer {
            status,
            headers,
            body,
        })
    }

    /// A transport failure, classified first by whether the request can have been sent.
    fn classify(&self, error: reqwest::Error, probe: &SentProbe, url: &reqwest::Url) -> Error {
        let host = host_and_port(url).unwrap_or_default();
        let (classified, failure) = if error.is_connect() {
            let cause = if error.is_timeout() {
                match self.connect_timeout {
                    Some(timeout) => format!("the connect timeout of {timeout:?} elapsed"),
                    None => "the HTTP client's connect timeout elapsed".to_owned(),
                }
            } else {
                innermost_cause(&error)
            };
            (Error::connect(host, cause), Failure::NotSent)
        } else if !probe.maybe_sent() {
            let cause = if error.is_timeout() {
                "the HTTP client's own timeout elapsed before the request was sent".to_owned()
            } else {
                innermost_cause(&error)
            };
            (Error::connect(host, cause), Failure::NotSent)
        } else if error.is_timeout() {
            let detail = "the HTTP client's own timeout elapsed".to_owned();
            (Error::timeout(detail), Failure::Timeout)
        } else {
            (Error::transport(innermost_cause(&error)), Failure::Transport)
        };
        // reqwest's Display includes the URL (with the query string); keep it out.
        classified
            .with_source(error.without_url())
            .with_retry_facts(RetryFacts::new(failure))
    }
}

/// A complete answer: status, headers (kept only for errors) and body.
struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// The error of an attempt cut short by `limit`.
fn timed_out(limit: Limit, probe: &SentProbe, url: &reqwest::Url) -> Error {
    if probe.maybe_sent() {
        Error::timeout(format!("no complete response within {limit}"))
            .with_retry_facts(RetryFacts::new(Failure::Timeout))
    } else {
        let host = host_and_port(url).unwrap_or_default();
        Error::connect(host, format!("{limit} elapsed before the request could be sent"))
            .with_retry_facts(RetryFacts::new(Failure::NotSent))
    }
}

/// `host` or `host:port` (the port only when it is not the scheme's default); never userinfo,
/// path or query.
pub(crate) fn host_and_port(url: &reqwest::Url) -> Option<String> {
    let host = url.host_str()?;
    Some(match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    })
}

/// The innermost cause of a transport error, on one line: an I/O error by its kind
/// (`connection refused`, `connection reset`), anything else by its message.
fn innermost_cause(error: &reqwest::Error) -> String {
    let mut current: &(dyn StdError + 'static) = error;
    while let Some(next) = current.source() {
        current = next;
    }
    use std::io::ErrorKind::*;
    let text = match current.downcast_ref::<std::io::Error>().map(std::io::Error::kind) {
        Some(
            kind @ (ConnectionRefused | ConnectionReset | ConnectionAborted | NotConnected | BrokenPipe
            | TimedOut | UnexpectedEof | AddrNotAvailable | HostUnreachable | NetworkUnreachable),
        ) => kind.to_string(),
        _ => current.to_string(),
    };
    crate::redact::one_line(&text, 200)
}

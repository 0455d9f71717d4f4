//! [`RetryPolicy`]: when a failed attempt is tried again, and how long to wait first; and
//! [`RetryFacts`], the one rule that decides whether a failed request may be sent again, shared
//! by the retry loop and [`Error::is_retryable`](crate::Error::is_retryable).
//!
//! The rule is safe for Stytch's many non-idempotent POSTs: a request is repeated only when it
//! certainly did not take effect (it was never sent; 429; 503 with `Retry-After`), or when
//! repeating it is harmless (503, 502, 504, timeouts and broken connections on idempotent
//! endpoints).

use http::{HeaderMap, StatusCode};
use std::hash::{BuildHasher, Hasher, RandomState};
use std::time::{Duration, SystemTime};

/// How failed attempts are retried. On by default: 3 attempts in all, exponential backoff with
/// full jitter from 100 ms capped at 2 s, and `Retry-After` honoured up to 5 s.
///
/// Which failures are retried is fixed (see [`Error::is_retryable`](crate::Error::is_retryable));
/// the policy sets how often and how patiently. Every retry also has to fit in the call's total
/// timeout ([`ClientBuilder::timeout`](crate::ClientBuilder::timeout)): a retry starts only if
/// its wait plus the duration of the attempt that just failed still fit in what is left of it.
///
/// ```
/// use std::time::Duration;
/// use stytch_client::RetryPolicy;
///
/// let patient = RetryPolicy::default().max_attempts(5).backoff(Duration::from_millis(200), Duration::from_secs(5));
/// let never = RetryPolicy::none();
/// assert_eq!(never.attempts(), 1);
/// # let _ = patient;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            max_retry_after: Duration::from_secs(5),
        }
    }
}

/// Why an attempt failed, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The request was certainly not sent: no connection could be made, or the attempt ended
    /// before the request was handed to a connection.
    NotSent,
    /// No complete answer in time: the server may have acted on it.
    Timeout,
    /// The connection broke after the request was (or may have been) sent: the server may have
    /// acted on it.
    Transport,
    /// An answer with this status.
    Status(StatusCode),
    /// Anything else (a redirect, an oversized body, ...): never retried.
    Other,
}

/// What the retry rule knows about one failed attempt of one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RetryFacts {
    pub(crate) failure: Failure,
    /// Whether the endpoint is idempotent (set by the retry loop).
    pub(crate) idempotent: bool,
    /// The answer's valid `Retry-After`, if any.
    pub(crate) retry_after: Option<Duration>,
}

impl RetryFacts {
    /// Facts about a failure of a request not yet known to be idempotent.
    pub(crate) fn new(failure: Failure) -> Self {
        Self {
            failure,
            idempotent: false,
            retry_after: None,
        }
    }

    /// The answer's status and `Retry-After`.
    pub(crate) fn answer(status: StatusCode, headers: &HeaderMap) -> Self {
        Self {
            retry_after: retry_after(headers),
            ..Self::new(Failure::Status(status))
        }
    }

    /// The one rule: may this request be sent again?
    pub(crate) fn allows_retry(&self) -> bool {
        match self.failure {
            Failure::NotSent => true,
            Failure::Status(status) => match status.as_u16() {
                429 => true,
                503 => self.idempotent || self.retry_after.is_some(),
                502 | 504 => self.idempotent,
                _ => false,
            },
            Failure::Timeout | Failure::Transport => self.idempotent,
            Failure::Other => false,
        }
    }
}

impl RetryPolicy {
    /// Never retry: one attempt.
    pub fn none() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// Attempts in all, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff: attempt `n` waits a random time up to `min(max, base * 2^(n-1))`.
    pub fn backoff(mut self, base: Duration, max: Duration) -> Self {
        self.base_delay = base;
        self.max_delay = max.max(base);
        self
    }

    /// The longest `Retry-After` honoured; a longer one is shortened to this. Whatever the
    /// cap, a retry never waits past the call's total timeout.
    pub fn max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// The configured number of attempts.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before the next attempt, or `None` when the rule or the attempt count says
    /// stop. `attempt` is the number of attempts made so far. The time budget is the caller's.
    pub(crate) fn next_delay(&self, facts: &RetryFacts, attempt: u32) -> Option<Duration> {
        if attempt >= self.max_attempts || !facts.allows_retry() {
            return None;
        }
        Some(match facts.retry_after {
            Some(wait) => wait.min(self.max_retry_after),
            None => self.jittered_backoff(attempt),
        })
    }

    fn jittered_backoff(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(20);
        let ceiling = self.base_delay.saturating_mul(1 << exponent).min(self.max_delay);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        if nanos == 0 {
            return Duration::ZERO;
        }
        Duration::from_nanos(random_u64() % nanos.saturating_add(1))
    }
}

/// A valid `Retry-After`: delay-seconds or an HTTP-date (a past date is a zero wait).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(SystemTime::now()).unwrap_or(Duration::ZERO))
}

/// A random number for jitter, from std's randomly keyed hasher (no RNG dependency needed).
fn random_u64() -> u64 {
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(
        SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or_default(),
    );
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn facts(failure: Failure, idempotent: bool) -> RetryFacts {
        RetryFacts {
            idempotent,
            ..RetryFacts::new(failure)
        }
    }

    fn status(code: u16) -> Failure {
        Failure::Status(StatusCode::from_u16(code).unwrap())
    }

    fn with_retry_after(code: u16, value: &'static str) -> RetryFacts {
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static(value));
        RetryFacts::answer(StatusCode::from_u16(code).unwrap(), &headers)
    }

    #[test]
    fn post_retries_only_what_surely_did_not_happen() {
        let policy = RetryPolicy::default();
        let retried = |facts: RetryFacts| policy.next_delay(&facts, 1).is_some();
        assert!(retried(facts(Failure::NotSent, false)));
        assert!(retried(facts(status(429), false)));
        assert!(!retried(facts(status(503), false)), "503 without Retry-After");
        assert!(retried(with_retry_after(503, "0")), "503 with Retry-After");
        assert!(
            !retried(with_retry_after(503, "soon")),
            "an invalid Retry-After is none"
        );
        assert!(!retried(facts(status(502), false)));
        assert!(!retried(facts(status(504), false)));
        assert!(!retried(facts(Failure::Timeout, false)));
        assert!(!retried(facts(Failure::Transport, false)));
        assert!(!retried(facts(status(500), false)));
        assert!(!retried(facts(status(400), true)));
        assert!(!retried(facts(Failure::Other, true)));
    }

    #[test]
    fn idempotent_requests_also_retry_gateway_errors_and_timeouts() {
        let policy = RetryPolicy::default();
        for failure in [
            status(502),
            status(503),
            status(504),
            Failure::Timeout,
            Failure::Transport,
        ] {
            assert!(
                policy.next_delay(&facts(failure, true), 1).is_some(),
                "{failure:?}"
            );
        }
    }

    #[test]
    fn attempts_bound_retries() {
        let policy = RetryPolicy::default();
        let refused = facts(Failure::NotSent, false);
        assert!(policy.next_delay(&refused, 2).is_some());
        assert!(policy.next_delay(&refused, 3).is_none());
        assert!(RetryPolicy::none().next_delay(&refused, 1).is_none());
    }

    #[test]
    fn backoff_is_jittered_under_an_exponential_cap() {
        let policy = RetryPolicy::default();
        let refused = facts(Failure::NotSent, false);
        for _ in 0..200 {
            assert!(policy.next_delay(&refused, 1).unwrap() <= Duration::from_millis(100));
            assert!(policy.next_delay(&refused, 2).unwrap() <= Duration::from_millis(200));
        }
        let capped = RetryPolicy::default().max_attempts(30);
        for _ in 0..200 {
            assert!(capped.next_delay(&refused, 25).unwrap() <= Duration::from_secs(2));
        }
        let distinct: std::collections::HashSet<_> =
            (0..50).map(|_| policy.next_delay(&refused, 1).unwrap()).collect();
        assert!(distinct.len() > 10, "jitter varies");
    }

    #[test]
    fn retry_after_seconds_and_dates_are_honoured_and_capped() {
        let policy = RetryPolicy::default();
        assert_eq!(
            policy.next_delay(&with_retry_after(503, "3"), 1),
            Some(Duration::from_secs(3))
        );
        assert_eq!(
            policy.next_delay(&with_retry_after(429, "3600"), 1),
            Some(Duration::from_secs(5))
        );
        let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_str(&soon).unwrap());
        let wait = policy
            .next_delay(&RetryFacts::answer(StatusCode::TOO_MANY_REQUESTS, &headers), 1)
            .unwrap();
        assert!(
            wait <= Duration::from_secs(2) && wait >= Duration::from_millis(500),
            "{wait:?}"
        );
        assert_eq!(
            policy.next_delay(&with_retry_after(429, "Wed, 21 Oct 2015 07:28:00 GMT"), 1),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn no_server_or_user_number_panics() {
        let unbounded = RetryPolicy::default()
            .max_retry_after(Duration::MAX)
            .backoff(Duration::MAX, Duration::MAX)
            .max_attempts(u32::MAX);
        assert_eq!(
            unbounded.next_delay(&with_retry_after(429, "18446744073709551615"), 1),
            Some(Duration::from_secs(u64::MAX))
        );
        assert!(
            unbounded
                .next_delay(&facts(Failure::NotSent, false), 40)
                .is_some()
        );
        let out_of_range = with_retry_after(429, "99999999999999999999999");
        assert_eq!(
            out_of_range.retry_after, None,
            "an out-of-range Retry-After is ignored"
        );
        assert!(RetryPolicy::default().next_delay(&out_of_range, 1) <= Some(Duration::from_millis(100)));
    }
}

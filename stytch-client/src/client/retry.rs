//! [`RetryPolicy`]: when a failed attempt is tried again, and how long to wait first.
//!
//! The rules are safe for Stytch's many non-idempotent POSTs: a request is repeated only when
//! it certainly did not take effect (the connection failed before it was sent; 429; 503), or
//! when repeating it is harmless (502, 504, timeouts and broken connections on idempotent
//! endpoints).

use http::{HeaderMap, StatusCode};
use std::hash::{BuildHasher, Hasher, RandomState};
use std::time::{Duration, SystemTime};

/// How failed attempts are retried. On by default: 3 attempts in all, exponential backoff with
/// full jitter from 100 ms capped at 2 s, `Retry-After` honoured up to 5 s, and no retry that
/// would end more than 60 s after the first attempt started.
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
    deadline: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            base_delay: Duration::from_millis(100),
            max_delay: Duration::from_secs(2),
            max_retry_after: Duration::from_secs(5),
            deadline: Duration::from_secs(60),
        }
    }
}

/// Why an attempt failed, as far as retrying is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The connection could not be made: the request was never sent.
    Connect,
    /// No complete answer in time: the server may have acted on it.
    Timeout,
    /// The connection broke after the request was sent (reset, closed early): the server may
    /// have acted on it.
    Transport,
    /// An answer with this status.
    Status(StatusCode),
    /// Anything else (decode, invalid request, ...): never retried.
    Other,
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

    /// The longest `Retry-After` honoured; a longer one is shortened to this.
    pub fn max_retry_after(mut self, max: Duration) -> Self {
        self.max_retry_after = max;
        self
    }

    /// No retry is started if its wait would end later than this after the first attempt began.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// The configured number of attempts.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before the next attempt, or `None` to give up.
    ///
    /// `attempt` is the number of attempts made so far; `elapsed` is the time since the first
    /// began; `headers` are the failed response's, if any.
    pub(crate) fn next_delay(
        &self,
        failure: Failure,
        idempotent: bool,
        attempt: u32,
        elapsed: Duration,
        headers: Option<&HeaderMap>,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let retryable = match failure {
            Failure::Connect => true,
            Failure::Status(status) => match status.as_u16() {
                429 | 503 => true,
                502 | 504 => idempotent,
                _ => false,
            },
            Failure::Timeout | Failure::Transport => idempotent,
            Failure::Other => false,
        };
        if !retryable {
            return None;
        }
        let delay = match headers.and_then(retry_after) {
            Some(wait) => wait.min(self.max_retry_after),
            None => self.jittered_backoff(attempt),
        };
        (elapsed + delay <= self.deadline).then_some(delay)
    }

    fn jittered_backoff(&self, attempt: u32) -> Duration {
        let exponent = attempt.saturating_sub(1).min(20);
        let ceiling = self.base_delay.saturating_mul(1 << exponent).min(self.max_delay);
        let nanos = u64::try_from(ceiling.as_nanos()).unwrap_or(u64::MAX);
        if nanos == 0 {
            return Duration::ZERO;
        }
        Duration::from_nanos(random_u64() % (nanos + 1))
    }
}

/// `Retry-After` as delay-seconds or an HTTP-date.
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

    const NO_TIME: Duration = Duration::ZERO;

    fn status(code: u16) -> Failure {
        Failure::Status(StatusCode::from_u16(code).unwrap())
    }

    #[test]
    fn post_retries_only_what_surely_did_not_happen() {
        let policy = RetryPolicy::default();
        assert!(
            policy
                .next_delay(Failure::Connect, false, 1, NO_TIME, None)
                .is_some()
        );
        assert!(policy.next_delay(status(429), false, 1, NO_TIME, None).is_some());
        assert!(policy.next_delay(status(503), false, 1, NO_TIME, None).is_some());
        assert!(policy.next_delay(status(502), false, 1, NO_TIME, None).is_none());
        assert!(policy.next_delay(status(504), false, 1, NO_TIME, None).is_none());
        assert!(
            policy
                .next_delay(Failure::Timeout, false, 1, NO_TIME, None)
                .is_none()
        );
        assert!(policy.next_delay(status(500), false, 1, NO_TIME, None).is_none());
        assert!(policy.next_delay(status(400), true, 1, NO_TIME, None).is_none());
        assert!(
            policy
                .next_delay(Failure::Other, true, 1, NO_TIME, None)
                .is_none()
        );
    }

    #[test]
    fn idempotent_requests_also_retry_gateway_errors_and_timeouts() {
        let policy = RetryPolicy::default();
        for failure in [status(502), status(504), Failure::Timeout, Failure::Transport] {
            assert!(
                policy.next_delay(failure, true, 1, NO_TIME, None).is_some(),
                "{failure:?}"
            );
        }
    }

    #[test]
    fn attempts_and_deadline_bound_retries() {
        let policy = RetryPolicy::default();
        assert!(
            policy
                .next_delay(Failure::Connect, false, 2, NO_TIME, None)
                .is_some()
        );
        assert!(
            policy
                .next_delay(Failure::Connect, false, 3, NO_TIME, None)
                .is_none()
        );
        assert!(
            RetryPolicy::none()
                .next_delay(Failure::Connect, true, 1, NO_TIME, None)
                .is_none()
        );
        let late = Duration::from_secs(59) + Duration::from_millis(999);
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("1"));
        assert!(
            policy
                .next_delay(status(429), false, 1, late, Some(&headers))
                .is_none()
        );
    }

    #[test]
    fn backoff_is_jittered_under_an_exponential_cap() {
        let policy = RetryPolicy::default();
        for _ in 0..200 {
            let first = policy
                .next_delay(Failure::Connect, false, 1, NO_TIME, None)
                .unwrap();
            assert!(first <= Duration::from_millis(100));
            let second = policy
                .next_delay(Failure::Connect, false, 2, NO_TIME, None)
                .unwrap();
            assert!(second <= Duration::from_millis(200));
        }
        let capped = RetryPolicy::default().max_attempts(30);
        for _ in 0..200 {
            assert!(
                capped
                    .next_delay(Failure::Connect, false, 25, NO_TIME, None)
                    .unwrap()
                    <= Duration::from_secs(2)
            );
        }
        let distinct: std::collections::HashSet<_> = (0..50)
            .map(|_| {
                policy
                    .next_delay(Failure::Connect, false, 1, NO_TIME, None)
                    .unwrap()
            })
            .collect();
        assert!(distinct.len() > 10, "jitter varies");
    }

    #[test]
    fn retry_after_seconds_and_dates_are_honoured_and_capped() {
        let policy = RetryPolicy::default();
        let mut headers = HeaderMap::new();
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("3"));
        assert_eq!(
            policy.next_delay(status(503), false, 1, NO_TIME, Some(&headers)),
            Some(Duration::from_secs(3))
        );
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_static("3600"));
        assert_eq!(
            policy.next_delay(status(429), false, 1, NO_TIME, Some(&headers)),
            Some(Duration::from_secs(5))
        );
        let soon = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(2));
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from_str(&soon).unwrap());
        let wait = policy
            .next_delay(status(429), false, 1, NO_TIME, Some(&headers))
            .unwrap();
        assert!(
            wait <= Duration::from_secs(2) && wait >= Duration::from_millis(500),
            "{wait:?}"
        );
        headers.insert(
            http::header::RETRY_AFTER,
            HeaderValue::from_static("Wed, 21 Oct 2015 07:28:00 GMT"),
        );
        assert_eq!(
            policy.next_delay(status(429), false, 1, NO_TIME, Some(&headers)),
            Some(Duration::ZERO)
        );
    }
}

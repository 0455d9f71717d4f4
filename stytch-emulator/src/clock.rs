//! [`Clock`]: the emulator's notion of "now", which tests move forward.

use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// The furthest the clock can be advanced in total: 100 years. Every expiry the emulator
/// computes from "now" stays far inside chrono's range, so no handler can overflow.
pub const MAX_CLOCK_OFFSET: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);

/// The emulator's clock: the system time plus an offset that only grows (up to
/// [`MAX_CLOCK_OFFSET`]).
///
/// Every expiry in the emulator (sessions, session JWTs, intermediate session tokens, reset
/// tokens, rotated signing keys) is judged against this clock, so a test expires things by
/// calling [`advance`](Clock::advance) instead of sleeping. Cheap to clone; clones share the
/// offset.
#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_ms: Arc<AtomicI64>,
}

impl Clock {
    /// The current emulated time.
    pub fn now(&self) -> DateTime<Utc> {
        let offset = chrono::Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst));
        let now = Utc::now();
        now.checked_add_signed(offset).unwrap_or(now)
    }

    /// Moves the clock forward by `by`; the total offset saturates at [`MAX_CLOCK_OFFSET`].
    pub fn advance(&self, by: Duration) {
        let cap = MAX_CLOCK_OFFSET.as_millis() as i64;
        let ms = i64::try_from(by.as_millis()).unwrap_or(i64::MAX).min(cap);
        let _ = self
            .offset_ms
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |current| {
                Some(current.saturating_add(ms).min(cap))
            });
    }

    /// How far the clock has been advanced in total.
    pub fn offset(&self) -> Duration {
        Duration::from_millis(self.offset_ms.load(Ordering::SeqCst).max(0) as u64)
    }
}

/// Formats a timestamp like Stytch: RFC 3339, UTC, second precision (`2021-12-29T12:33:09Z`).
pub(crate) fn rfc3339(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// A `std` duration as a chrono one.
pub(crate) fn chrono_duration(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

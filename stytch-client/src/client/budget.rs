//! The time budget of one call: a total timeout over every attempt and wait, and an optional
//! per-attempt timeout. All arithmetic saturates: no configured or server-chosen duration can
//! overflow an `Instant`.

use std::fmt;
use std::time::{Duration, Instant};

/// The time limits of one call, from its start.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    total: Duration,
    attempt: Option<Duration>,
    /// `None` when the total is too large to be a point in time: no deadline.
    deadline: Option<Instant>,
}

/// Which limit ends an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Limit {
    /// The per-attempt timeout.
    Attempt(Duration),
    /// What is left of the total timeout.
    Total(Duration),
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Limit::Attempt(timeout) => write!(f, "the attempt timeout of {timeout:?}"),
            Limit::Total(timeout) => write!(f, "the total timeout of {timeout:?}"),
        }
    }
}

impl Budget {
    /// Starts the clock now.
    pub(crate) fn start(total: Duration, attempt: Option<Duration>) -> Self {
        Self {
            total,
            attempt,
            deadline: Instant::now().checked_add(total),
        }
    }

    /// When an attempt starting now must end, and which limit sets that; `None` when neither
    /// limit is a point in time.
    pub(crate) fn attempt_deadline(&self) -> Option<(Instant, Limit)> {
        let per_attempt = self
            .attempt
            .and_then(|timeout| Some((Instant::now().checked_add(timeout)?, Limit::Attempt(timeout))));
        let total = self.deadline.map(|deadline| (deadline, Limit::Total(self.total)));
        match (per_attempt, total) {
            (Some(attempt), Some(total)) if attempt.0 < total.0 => Some(attempt),
            (_, Some(total)) => Some(total),
            (attempt, None) => attempt,
        }
    }

    /// Whether an attempt that starts after `wait` and takes as long as `estimate` (at most
    /// the per-attempt timeout) would still end within the total.
    pub(crate) fn fits(&self, wait: Duration, estimate: Duration) -> bool {
        let Some(deadline) = self.deadline else {
            return true;
        };
        let estimate = self.attempt.map_or(estimate, |timeout| estimate.min(timeout));
        let left = deadline.saturating_duration_since(Instant::now());
        wait.saturating_add(estimate) < left
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearer_limit_ends_an_attempt() {
        let budget = Budget::start(Duration::from_secs(30), Some(Duration::from_secs(2)));
        assert!(matches!(budget.attempt_deadline(), Some((_, Limit::Attempt(_)))));
        let budget = Budget::start(Duration::from_secs(1), Some(Duration::from_secs(2)));
        assert!(matches!(budget.attempt_deadline(), Some((_, Limit::Total(_)))));
        let budget = Budget::start(Duration::from_secs(1), None);
        assert_eq!(
            budget.attempt_deadline().map(|(_, limit)| limit),
            Some(Limit::Total(Duration::from_secs(1)))
        );
    }

    #[test]
    fn huge_durations_never_overflow() {
        let budget = Budget::start(Duration::MAX, Some(Duration::MAX));
        assert!(budget.attempt_deadline().is_none());
        assert!(budget.fits(Duration::MAX, Duration::MAX));
        let budget = Budget::start(Duration::MAX, Some(Duration::from_secs(1)));
        assert!(matches!(budget.attempt_deadline(), Some((_, Limit::Attempt(_)))));
        let budget = Budget::start(Duration::from_secs(30), None);
        assert!(!budget.fits(Duration::MAX, Duration::ZERO));
        assert!(!budget.fits(Duration::ZERO, Duration::MAX));
    }

    #[test]
    fn a_retry_must_fit_in_what_is_left() {
        let budget = Budget::start(Duration::from_secs(10), None);
        assert!(budget.fits(Duration::from_secs(1), Duration::from_secs(1)));
        assert!(!budget.fits(Duration::from_secs(9), Duration::from_secs(2)));
        let budget = Budget::start(Duration::from_secs(10), Some(Duration::from_millis(100)));
        assert!(
            budget.fits(Duration::from_secs(9), Duration::from_secs(60)),
            "the estimate is at most the attempt timeout"
        );
    }
}

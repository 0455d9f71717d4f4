//! What both benchmarks share: the criterion configuration and the clock.

use criterion::Criterion;
use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use std::time::Duration;
use thread_cpu::thread_cpu as now;

mod thread_cpu;

/// Short runs, so `cargo bench -p stytch-client` finishes in a few minutes on two cores.
pub fn config() -> Criterion<ThreadCpuTime> {
    Criterion::default()
        .with_measurement(ThreadCpuTime(WallTime))
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .sample_size(30)
}

/// CPU time of the benchmarking thread (`CLOCK_THREAD_CPUTIME_ID`) on 64-bit Linux, wall time
/// elsewhere.
///
/// These benchmarks run on shared machines, where wall time mostly measures how often the thread
/// was preempted; the thread's own CPU time does not count the time other processes ran. Values
/// are nanoseconds, formatted like criterion's wall time.
pub struct ThreadCpuTime(WallTime);

impl Measurement for ThreadCpuTime {
    type Intermediate = Duration;
    type Value = Duration;

    fn start(&self) -> Duration {
        now()
    }

    fn end(&self, start: Duration) -> Duration {
        now().saturating_sub(start)
    }

    fn add(&self, a: &Duration, b: &Duration) -> Duration {
        *a + *b
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.0.formatter()
    }
}

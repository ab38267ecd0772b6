//! The real system behind the core's seams: the wall clock.

use crate::model::{Clock, Timestamp};
use std::time::{SystemTime, UNIX_EPOCH};

/// The machine's clock, in UTC.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> Timestamp {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
        Timestamp::from_unix_seconds(secs)
            .or_else(|| Timestamp::from_unix_seconds(0))
            .unwrap_or_else(unreachable_epoch)
    }
}

fn unreachable_epoch() -> Timestamp {
    // 1970-01-01 is always a valid date; spelled out to avoid an unwrap.
    Timestamp {
        date: crate::model::Date {
            year: 1970,
            month: 1,
            day: 1,
        },
        hour: 0,
        minute: 0,
        second: 0,
    }
}

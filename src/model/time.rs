//! Calendar dates and UTC timestamps, small and dependency-free.
//!
//! Both are written to RON as ISO 8601 strings (`"2025-08-16"`, `"2025-08-16T09:30:00Z"`) so brief
//! files stay readable; parsing validates the calendar (no 31 April) and never panics.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A calendar date without time zone (issue date, publication date, a resolved next-step date).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// A moment in UTC, to the second (created / updated stamps, information cut-off).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

/// Why a date or timestamp string was rejected.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{text}` is not a valid {expected}")]
pub struct DateParseError {
    text: String,
    expected: &'static str,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// English weekday names, Monday first.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The month (1–12) an English month name or its abbreviation names, in any case: "June",
/// "Jun", "Sept"; not "Junk".
pub fn month_from_name(word: &str) -> Option<u8> {
    let index = MONTH_NAMES.iter().position(|m| {
        m.eq_ignore_ascii_case(word)
            || (word.len() == 3 && m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(word)))
    });
    let index = index.or_else(|| word.eq_ignore_ascii_case("sept").then_some(8))?;
    u8::try_from(index + 1).ok()
}

impl Date {
    /// A date if the calendar has it.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month))
        .then_some(Self { year, month, day })
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's `days_from_civil`.
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if it lies within years 1..=9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Self::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// This date moved by `days` (which may be negative).
    pub fn add_days(self, days: i64) -> Option<Self> {
        Self::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday_from_monday(self) -> u8 {
        // 1970-01-01 was a Thursday (index 3).
        u8::try_from((self.days_since_epoch() + 3).rem_euclid(7)).unwrap_or(0)
    }

    /// "16 August 2025", the form used in printed briefs.
    pub fn long_form(self) -> String {
        let month = MONTH_NAMES[usize::from(self.month.clamp(1, 12) - 1)];
        format!("{} {} {}", self.day, month, self.year)
    }
}

impl Timestamp {
    /// (year, month, day, hour, minute, second), as document properties want it.
    pub fn parts(self) -> (i32, u8, u8, u8, u8, u8) {
        (
            self.date.year,
            self.date.month,
            self.date.day,
            self.hour,
            self.minute,
            self.second,
        )
    }

    /// Midnight UTC at the start of `date`.
    pub fn start_of(date: Date) -> Self {
        Self {
            date,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// The timestamp `secs` seconds after the Unix epoch.
    pub fn from_unix_seconds(secs: i64) -> Option<Self> {
        let date = Date::from_days_since_epoch(secs.div_euclid(86_400))?;
        let rem = secs.rem_euclid(86_400);
        Some(Self {
            date,
            hour: u8::try_from(rem / 3600).ok()?,
            minute: u8::try_from(rem % 3600 / 60).ok()?,
            second: u8::try_from(rem % 60).ok()?,
        })
    }
}

fn parse_date(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    Date::new(
        i32::try_from(num(0..4)?).ok()?,
        u8::try_from(num(5..7)?).ok()?,
        u8::try_from(num(8..10)?).ok()?,
    )
}

fn parse_timestamp(text: &str) -> Option<Timestamp> {
    let (date, time) = text.split_once('T')?;
    let time = time.strip_suffix('Z')?;
    let mut parts = time.split(':');
    let mut field = |max: u8| -> Option<u8> {
        let part = parts.next()?;
        if part.len() != 2 || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        part.parse().ok().filter(|v| *v <= max)
    };
    let ts = Timestamp {
        date: parse_date(date)?,
        hour: field(23)?,
        minute: field(59)?,
        second: field(59)?,
    };
    parts.next().is_none().then_some(ts)
}

impl FromStr for Date {
    type Err = DateParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_date(text.trim()).ok_or_else(|| DateParseError {
            text: text.to_owned(),
            expected: "date (YYYY-MM-DD)",
        })
    }
}

impl FromStr for Timestamp {
    type Err = DateParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        parse_timestamp(text.trim()).ok_or_else(|| DateParseError {
            text: text.to_owned(),
            expected: "UTC timestamp (YYYY-MM-DDThh:mm:ssZ)",
        })
    }
}

impl TryFrom<String> for Date {
    type Error = DateParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl TryFrom<String> for Timestamp {
    type Error = DateParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<Date> for String {
    fn from(date: Date) -> Self {
        date.to_string()
    }
}

impl From<Timestamp> for String {
    fn from(ts: Timestamp) -> Self {
        ts.to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            self.date, self.hour, self.minute, self.second
        )
    }
}

/// Where "now" comes from, so tests and exports can fix it.
pub trait Clock {
    /// The current moment in UTC.
    fn now(&self) -> Timestamp;
}

/// A clock that always says the same moment.
#[derive(Clone, Copy, Debug)]
pub struct FixedClock(pub Timestamp);

impl Clock for FixedClock {
    fn now(&self) -> Timestamp {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_days() {
        for days in (-719_000..2_900_000).step_by(997) {
            let date = Date::from_days_since_epoch(days).unwrap();
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
    }

    #[test]
    fn parsing_rejects_impossible_dates() {
        assert_eq!(
            "2024-02-29".parse::<Date>().unwrap(),
            Date::new(2024, 2, 29).unwrap()
        );
        for bad in [
            "2023-02-29",
            "2025-04-31",
            "2025-13-01",
            "25-01-01",
            "2025-1-01",
            "x",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2025-08-16T24:00:00Z".parse::<Timestamp>().is_err());
        assert_eq!(
            "2025-08-16T09:05:00Z"
                .parse::<Timestamp>()
                .unwrap()
                .to_string(),
            "2025-08-16T09:05:00Z"
        );
    }

    #[test]
    fn weekdays_and_long_form() {
        let d = Date::new(2025, 8, 16).unwrap();
        assert_eq!(d.weekday_from_monday(), 5); // Saturday
        assert_eq!(d.long_form(), "16 August 2025");
        assert_eq!(
            Timestamp::from_unix_seconds(0).unwrap().to_string(),
            "1970-01-01T00:00:00Z"
        );
    }
}

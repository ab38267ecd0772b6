//! Time expressions that point ahead — "as early as next week", "on Friday", "later this
//! month", "within the coming days", "in the next three months", "Aug. 22", "between the 6th
//! and 9th of February" — with the phrase exactly as written and a date or range resolved
//! against the article's own date, never today's.
//!
//! A small grammar over words rather than a date-parsing crate: the assistant must find the
//! phrase inside running text, keep its exact byte span and tell a qualifier ("as early as",
//! "by") from the date it qualifies.

use super::sentences::{Word, possessive_len};
use crate::model::{Date, TimeQualifier, WEEKDAY_NAMES, month_from_name};

/// A time expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    pub start: usize,
    pub end: usize,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub qualifier: TimeQualifier,
    /// The phrase points ahead by itself ("next week"), whatever the verb's tense.
    pub inherently_future: bool,
    /// First word index after the expression.
    pub next_word: usize,
}

fn month_of(word: &str) -> Option<u8> {
    let bare = word.trim_end_matches('.');
    let month = month_from_name(bare)?;
    // Abbreviations need their capital: "Aug." is a month, "may" and "mar" are words.
    let abbreviated = bare.len() <= 4;
    (!abbreviated || word.chars().next().is_some_and(char::is_uppercase)).then_some(month)
}

fn number_of(word: &str) -> Option<i64> {
    if word.len() > 7 {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if let Some(i) = words.iter().position(|w| *w == lower) {
        return i64::try_from(i + 1).ok();
    }
    match lower.as_str() {
        "a" | "an" => Some(1),
        "few" | "several" | "couple" => Some(3),
        _ => lower.parse().ok().filter(|n| (1..=400).contains(n)),
    }
}

fn day_of(word: &str) -> Option<u8> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let suffix = &word[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | ",") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// Qualifying words before a time, longest first, with the qualifier they give.
const PREFIXES: &[(&[&str], Option<TimeQualifier>)] = &[
    (&["as", "early", "as"], Some(TimeQualifier::Earliest)),
    (&["as", "soon", "as"], Some(TimeQualifier::Earliest)),
    (&["no", "later", "than"], Some(TimeQualifier::Deadline)),
    (&["not", "later", "than"], Some(TimeQualifier::Deadline)),
    (&["not", "before"], Some(TimeQualifier::Earliest)),
    (&["no", "earlier", "than"], Some(TimeQualifier::Earliest)),
    (&["by", "the", "end", "of"], Some(TimeQualifier::Deadline)),
    (
        &["before", "the", "end", "of"],
        Some(TimeQualifier::Deadline),
    ),
    (
        &["at", "the", "end", "of"],
        Some(TimeQualifier::Approximate),
    ),
    (&["by"], Some(TimeQualifier::Deadline)),
    (&["before"], Some(TimeQualifier::Deadline)),
    (&["until"], Some(TimeQualifier::Deadline)),
    (&["within"], Some(TimeQualifier::Deadline)),
    (&["from"], Some(TimeQualifier::Earliest)),
    (&["after"], Some(TimeQualifier::Earliest)),
    (&["starting", "in"], Some(TimeQualifier::Earliest)),
    (&["starting", "on"], Some(TimeQualifier::Earliest)),
    (&["starting", "from"], Some(TimeQualifier::Earliest)),
    (&["beginning", "in"], Some(TimeQualifier::Earliest)),
    (&["starting"], Some(TimeQualifier::Earliest)),
    (&["around"], Some(TimeQualifier::Approximate)),
    (&["early"], Some(TimeQualifier::Approximate)),
    (&["late"], Some(TimeQualifier::Approximate)),
    (&["mid"], Some(TimeQualifier::Approximate)),
    (&["over"], Some(TimeQualifier::Approximate)),
    (&["for"], None),
    (&["on"], None),
    (&["in"], None),
    (&["at"], None),
    (&["during"], None),
    (&["between"], None),
];

/// Events a time can be anchored to: "after the meeting".
const EVENTS: &[&str] = &[
    "meeting",
    "summit",
    "talks",
    "election",
    "elections",
    "vote",
    "visit",
    "conference",
    "deadline",
    "referendum",
    "ceasefire",
    "negotiations",
    "session",
    "hearing",
    "trip",
];

struct Core {
    end: usize,
    from: Option<Date>,
    to: Option<Date>,
    qualifier: TimeQualifier,
    future: bool,
}

/// The words of a sentence with their lower-case forms, computed once.
struct Tokens<'a> {
    words: &'a [Word<'a>],
    lower: &'a [String],
}

fn lower<'t>(t: &'t Tokens, i: usize) -> &'t str {
    t.lower.get(i).map_or("", String::as_str)
}

fn week_start(d: Date) -> Option<Date> {
    d.add_days(-i64::from(d.weekday_from_monday()))
}

fn month_end(year: i32, month: u8) -> Option<Date> {
    (28..=31).rev().find_map(|day| Date::new(year, month, day))
}

fn add_months(d: Date, months: i64) -> Option<Date> {
    let total = i64::from(d.year) * 12 + i64::from(d.month) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u8::try_from(total.rem_euclid(12) + 1).ok()?;
    let end = month_end(year, month)?;
    Date::new(year, month, d.day.min(end.day))
}

/// The date of `month`/`day` nearest after `anchor` (allowing a month back for recent dates).
fn upcoming(anchor: Option<Date>, month: u8, day: u8) -> Option<Date> {
    let anchor = anchor?;
    let this_year = Date::new(anchor.year, month, day)?;
    if this_year.days_since_epoch() < anchor.days_since_epoch() - 30 {
        Date::new(anchor.year + 1, month, day)
    } else {
        Some(this_year)
    }
}

fn unit_days(unit: &str) -> Option<i64> {
    match unit.trim_end_matches('s') {
        "day" => Some(1),
        "week" => Some(7),
        "month" => Some(30),
        "year" => Some(365),
        _ => None,
    }
}

/// The time itself, starting at word `i` (after any prefix).
/// The season `name` (northern hemisphere, by meteorological months) at `anchor`: the one of
/// the anchor's year for "this summer", else the one running or next ("next spring", "over
/// the summer").
fn season(
    name: &str,
    anchor: Option<Date>,
    upcoming: bool,
) -> Option<(Option<Date>, Option<Date>)> {
    let first_month: u8 = match name {
        "spring" => 3,
        "summer" => 6,
        "autumn" | "fall" => 9,
        "winter" => 12,
        _ => return None,
    };
    let Some(anchor) = anchor else {
        return Some((None, None));
    };
    let last_month = if first_month == 12 {
        2
    } else {
        first_month + 2
    };
    let mut year = anchor.year;
    // January and February belong to the winter that began the December before.
    if first_month == 12 && anchor.month <= 2 {
        year -= 1;
    } else if upcoming && first_month != 12 && anchor.month > last_month {
        year += 1;
    }
    let from = Date::new(year, first_month, 1);
    let to = if first_month == 12 {
        month_end(year + 1, 2)
    } else {
        month_end(year, last_month)
    };
    Some((from, to))
}

fn core(t: &Tokens, i: usize, anchor: Option<Date>) -> Option<Core> {
    let words = t.words;
    use TimeQualifier::*;
    let w = lower(t, i);
    // "Tuesday’s meeting": strip_suffix builds no substring searcher, unlike trim_end_matches.
    let w = w
        .strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .unwrap_or(w);
    let exact = |end, from: Option<Date>, future| Core {
        end,
        from,
        to: None,
        qualifier: Exact,
        future,
    };
    let range = |end, from, to, future| Core {
        end,
        from,
        to,
        qualifier: Approximate,
        future,
    };
    // Weekdays: "Friday", "next Friday", "Tuesday’s meeting".
    let weekday = |word: &str| {
        WEEKDAY_NAMES
            .iter()
            .position(|d| d.eq_ignore_ascii_case(word))
    };
    if let Some(day) = weekday(w) {
        let date = anchor.and_then(|a| {
            let ahead = (7 + day as i64 - i64::from(a.weekday_from_monday())) % 7;
            a.add_days(if ahead == 0 { 7 } else { ahead })
        });
        return Some(exact(i + 1, date, false));
    }
    let part_of_day =
        |k: usize| matches!(lower(t, k), "morning" | "afternoon" | "evening" | "night");
    match w {
        // "will go on strike today", "a private session this afternoon": the story's own day,
        // ahead only if the verb says so.
        // Said of the present as often as of what comes: only after a "will".
        "today" | "tonight" if will_before(t, i) => return Some(exact(i + 1, anchor, false)),
        "this" if part_of_day(i + 1) && will_before(t, i) => {
            return Some(exact(i + 2, anchor, false));
        }
        "tomorrow" if part_of_day(i + 1) => {
            return Some(exact(i + 2, anchor.and_then(|a| a.add_days(1)), true));
        }
        "tomorrow" => return Some(exact(i + 1, anchor.and_then(|a| a.add_days(1)), true)),
        "next" | "this" | "coming" | "following" => {
            let unit = lower(t, i + 1);
            let future = w != "this";
            if let Some(day) = weekday(unit) {
                let date = anchor.and_then(|a| {
                    let ahead = (7 + day as i64 - i64::from(a.weekday_from_monday())) % 7;
                    let ahead = if ahead == 0 { 7 } else { ahead };
                    a.add_days(if w == "next" && ahead < 3 {
                        ahead + 7
                    } else {
                        ahead
                    })
                });
                return Some(exact(i + 2, date, future));
            }
            let shift = if w == "this" { 0 } else { 1 };
            let mut end = i + 2;
            let (from, to) = match unit {
                "week" => {
                    let start = anchor
                        .and_then(week_start)
                        .and_then(|s| s.add_days(7 * shift));
                    (start, start.and_then(|s| s.add_days(6)))
                }
                "weekend" => {
                    let start = anchor
                        .and_then(week_start)
                        .and_then(|s| s.add_days(7 * shift + 5));
                    (start, start.and_then(|s| s.add_days(1)))
                }
                "month" => {
                    let first = anchor
                        .and_then(|a| Date::new(a.year, a.month, 1))
                        .and_then(|f| add_months(f, shift));
                    (first, first.and_then(|f| month_end(f.year, f.month)))
                }
                "year" => {
                    let year = anchor.map(|a| a.year + i32::from(shift == 1));
                    (
                        year.and_then(|y| Date::new(y, 1, 1)),
                        year.and_then(|y| Date::new(y, 12, 31)),
                    )
                }
                _ if season(unit, None, false).is_some() => season(unit, anchor, w != "this")?,
                _ => {
                    let month = month_of(unit)?;
                    let year = anchor.map(|a| a.year + i32::from(shift == 1 && month <= a.month));
                    (
                        year.and_then(|y| Date::new(y, month, 1)),
                        year.and_then(|y| month_end(y, month)),
                    )
                }
            };
            // "next week or so"
            if lower(t, end) == "or" && lower(t, end + 1) == "so" {
                end += 2;
            }
            return Some(range(end, from, to, future));
        }
        "the" => {
            let second = lower(t, i + 1);
            let before = lower(t, i.wrapping_sub(1));
            // "within the week", "within the month": before it is out.
            if before == "within" && matches!(second, "week" | "month") {
                let to = anchor.and_then(|a| {
                    if second == "week" {
                        week_start(a)?.add_days(6)
                    } else {
                        month_end(a.year, a.month)
                    }
                });
                return Some(Core {
                    end: i + 2,
                    from: anchor,
                    to,
                    qualifier: Deadline,
                    future: true,
                });
            }
            // "over the summer", "by the autumn": the season current or next.
            if matches!(
                before,
                "over" | "in" | "during" | "by" | "before" | "until" | "through"
            ) && let Some((from, to)) = season(second, anchor, true)
            {
                return Some(range(i + 2, from, to, false));
            }
            // "the week after", "the month after"
            if lower(t, i + 2) == "after"
                && let Some(days) = unit_days(second)
                && !matches!(lower(t, i + 3), "the" | "a" | "his" | "her" | "their")
            {
                let from = anchor.and_then(|a| {
                    if days == 7 {
                        week_start(a)?.add_days(14)
                    } else {
                        a.add_days(2 * days)
                    }
                });
                let to = from.and_then(|f| f.add_days(days - 1));
                return Some(range(i + 3, from, to, true));
            }
            // "the coming days", "the next three months", "the next week or so", "the following week"
            if matches!(second, "coming" | "next" | "following") {
                let (count, unit_at) = match number_of(lower(t, i + 2)) {
                    Some(n) if unit_days(lower(t, i + 3)).is_some() => (n, i + 3),
                    _ => (1, i + 2),
                };
                let unit = lower(t, unit_at);
                let days = unit_days(unit)?;
                let plural = unit.ends_with('s');
                let mut end = unit_at + 1;
                if lower(t, end) == "or" && lower(t, end + 1) == "so" {
                    end += 2;
                }
                // "the coming days" is about a week; "the coming weeks" about a month.
                let span = if plural && count == 1 {
                    match days {
                        1 => 7,
                        7 => 28,
                        30 => 90,
                        _ => days * 3,
                    }
                } else {
                    days * count
                };
                let (from, to) = if !plural && count == 1 && days == 7 {
                    let start = anchor.and_then(week_start).and_then(|s| s.add_days(7));
                    (start, start.and_then(|s| s.add_days(6)))
                } else {
                    (
                        anchor.and_then(|a| a.add_days(1)),
                        anchor.and_then(|a| a.add_days(span)),
                    )
                };
                let qualifier = if plural { Deadline } else { Approximate };
                return Some(Core {
                    end,
                    from,
                    to,
                    qualifier,
                    // "had pursued them over the following days": "following" counts from
                    // whatever time the story is telling, which may be past.
                    future: second != "following",
                });
            }
            // "the 6th and 9th of February", "the 17th of April"
            if let Some(day) = day_of(second) {
                if lower(t, i + 2) == "and"
                    && let Some(last) = day_of(lower(t, i + 3))
                    && lower(t, i + 4) == "of"
                    && let Some(month) = month_of(lower(t, i + 5))
                {
                    return Some(range(
                        i + 6,
                        upcoming(anchor, month, day),
                        upcoming(anchor, month, last),
                        false,
                    ));
                }
                if lower(t, i + 2) == "of"
                    && let Some(month) = month_of(lower(t, i + 3))
                {
                    return Some(exact(i + 4, upcoming(anchor, month, day), false));
                }
            }
            // "the first quarter of 2026", "the second half of next year"
            let part = match lower(t, i + 2) {
                "quarter" => Some(3u8),
                "half" => Some(6u8),
                _ => None,
            };
            let ordinal: Option<u8> = match second {
                "first" => Some(1),
                "second" => Some(2),
                "third" => Some(3),
                "fourth" => Some(4),
                "last" | "final" => Some(u8::MAX),
                _ => None,
            };
            if let (Some(months), Some(ordinal)) = (part, ordinal) {
                let parts = 12 / months;
                let n = if ordinal == u8::MAX { parts } else { ordinal };
                if n > parts {
                    return None;
                }
                let mut year = anchor.map(|a| a.year);
                let mut end = i + 3;
                if lower(t, i + 3) == "of" {
                    if let Some(y) = year_of(lower(t, i + 4)) {
                        year = Some(y);
                        end = i + 5;
                    } else if lower(t, i + 5) == "year" {
                        match lower(t, i + 4) {
                            "the" | "this" => end = i + 6,
                            "next" => {
                                year = year.map(|y| y + 1);
                                end = i + 6;
                            }
                            _ => {}
                        }
                    }
                }
                let first_month = (n - 1) * months + 1;
                let from = year.and_then(|y| Date::new(y, first_month, 1));
                let to = year.and_then(|y| month_end(y, first_month + months - 1));
                return Some(range(end, from, to, false));
            }
            // "the end of the month"
            if second == "end" && lower(t, i + 2) == "of" {
                let what = if lower(t, i + 3) == "the" || lower(t, i + 3) == "this" {
                    i + 4
                } else {
                    i + 3
                };
                let unit = lower(t, what);
                let to = match unit {
                    "month" => anchor.and_then(|a| month_end(a.year, a.month)),
                    "year" => anchor.and_then(|a| Date::new(a.year, 12, 31)),
                    "week" => anchor.and_then(week_start).and_then(|s| s.add_days(6)),
                    // "by the end of the quarter": the calendar quarter the story is filed in.
                    "quarter" => anchor.and_then(|a| month_end(a.year, (a.month - 1) / 3 * 3 + 3)),
                    _ => None,
                };
                if to.is_some() || month_of(unit).is_some() {
                    return Some(Core {
                        end: what + 1,
                        from: None,
                        to,
                        qualifier: Deadline,
                        future: true,
                    });
                }
            }
            return None;
        }
        _ => {}
    }
    // "later this month", "later in the week"
    if w == "later" {
        let (unit_at, this) = match (lower(t, i + 1), lower(t, i + 2)) {
            ("this", _) => (i + 2, true),
            ("in", "the") => (i + 3, true),
            ("next", _) => (i + 2, false),
            _ => return None,
        };
        let unit = lower(t, unit_at);
        let (from, to) = match unit {
            "month" if this => (
                anchor.and_then(|a| a.add_days(1)),
                anchor.and_then(|a| month_end(a.year, a.month)),
            ),
            "week" if this => (
                anchor.and_then(|a| a.add_days(1)),
                anchor.and_then(week_start).and_then(|s| s.add_days(6)),
            ),
            "year" if this => (
                anchor.and_then(|a| a.add_days(1)),
                anchor.and_then(|a| Date::new(a.year, 12, 31)),
            ),
            "month" | "week" | "year" => (None, None),
            _ => return None,
        };
        return Some(range(unit_at + 1, from, to, true));
    }
    // "within hours", "in weeks": a bare plural unit.
    if matches!(w, "hours" | "days" | "weeks" | "months")
        && matches!(lower(t, i.wrapping_sub(1)), "within" | "in")
    {
        let days = unit_days(w).unwrap_or(1).max(1);
        return Some(Core {
            end: i + 1,
            from: anchor,
            to: anchor.and_then(|a| a.add_days(if w == "hours" { 1 } else { days * 3 })),
            qualifier: Deadline,
            future: true,
        });
    }
    // "within 48 hours": a day or more, rounded up.
    if let Some(n) = number_of(w)
        && lower(t, i + 1).trim_end_matches('s') == "hour"
    {
        return Some(Core {
            end: i + 2,
            from: anchor,
            to: anchor.and_then(|a| a.add_days(((n + 23) / 24).max(1))),
            qualifier: Deadline,
            future: true,
        });
    }
    // Numbers of units: "three months" after "in"/"within".
    if let Some(n) = number_of(w)
        && let Some(days) = unit_days(lower(t, i + 1))
    {
        return Some(Core {
            end: i + 2,
            from: anchor,
            to: anchor.and_then(|a| a.add_days(n * days)),
            qualifier: Deadline,
            future: true,
        });
    }
    // "April 17", "Aug. 22", "March 28, 2026", "April 2026", "March"
    if let Some(month) = words.get(i).and_then(|word| month_of(word.text))
        && words.get(i).is_some_and(Word::is_capitalised)
    {
        if let Some(day) = words.get(i + 1).and_then(|d| day_of(d.text)) {
            if let Some(year) = words.get(i + 2).and_then(|y| year_of(y.text)) {
                return Some(exact(i + 3, Date::new(year, month, day), false));
            }
            return Some(exact(i + 2, upcoming(anchor, month, day), false));
        }
        let (year, end) = match words.get(i + 1).and_then(|y| year_of(y.text)) {
            Some(y) => (Some(y), i + 2),
            None => (
                anchor.map(|a| if month < a.month { a.year + 1 } else { a.year }),
                i + 1,
            ),
        };
        return Some(range(
            end,
            year.and_then(|y| Date::new(y, month, 1)),
            year.and_then(|y| month_end(y, month)),
            false,
        ));
    }
    // "17 April"
    if let Some(day) = words.get(i).and_then(|d| day_of(d.text))
        && let Some(month) = words.get(i + 1).and_then(|m| month_of(m.text))
    {
        return Some(exact(i + 2, upcoming(anchor, month, day), false));
    }
    // A year: "from 2009", "by 2030"
    if let Some(year) = words.get(i).and_then(|y| year_of(y.text)) {
        return Some(range(
            i + 1,
            Date::new(year, 1, 1),
            Date::new(year, 12, 31),
            false,
        ));
    }
    None
}

/// "will go on strike today": a "will" shortly before the word at `i`.
fn will_before(t: &Tokens, i: usize) -> bool {
    (i.saturating_sub(6)..i).any(|k| {
        let w = lower(t, k);
        w == "will" || w.ends_with("’ll") || w.ends_with("'ll")
    })
}

/// A date with its year in words: "June next year", "December 5 of this year" are one
/// expression, in the year they name.
fn dated_core(t: &Tokens, i: usize, anchor: Option<Date>) -> Option<Core> {
    let mut found = core(t, i, anchor)?;
    let named_month = t.words[i..found.end.min(t.words.len())]
        .iter()
        .any(|w| month_of(w.text).is_some());
    let named_year = (i..found.end).any(|k| year_of(lower(t, k)).is_some());
    if !named_month || named_year {
        return Some(found);
    }
    let at = found.end + usize::from(lower(t, found.end) == "of");
    let which = lower(t, at);
    if !matches!(which, "this" | "next") || lower(t, at + 1) != "year" {
        return Some(found);
    }
    found.end = at + 2;
    if let Some(anchor) = anchor {
        let year = anchor.year + i32::from(which == "next");
        let in_year = |d: Date| Date::new(year, d.month, d.day).or(Some(d));
        found.from = found.from.and_then(in_year);
        found.to = found.to.and_then(in_year);
    }
    found.future |= which == "next";
    Some(found)
}

/// Every forward-looking time expression among `words`, leftmost-longest, non-overlapping.
pub fn find_times(words: &[Word], lowered: &[String], anchor: Option<Date>) -> Vec<TimeExpr> {
    let t = Tokens {
        words,
        lower: lowered,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if let Some(mut expr) = expression_at(&t, i, anchor) {
            // "from Sept. 22 to Sept. 29", "between May 3 and May 5": one range.
            let joiner = match lower(&t, i) {
                "from" => Some(["to", "until", "through"].as_slice()),
                "between" => Some(["and"].as_slice()),
                _ => None,
            };
            if let Some(joiners) = joiner
                && joiners.contains(&lower(&t, expr.next_word))
                && let Some(second) = dated_core(&t, expr.next_word + 1, anchor)
            {
                let last = &words[second.end - 1];
                expr.end = last.end - possessive_len(last.text);
                expr.to = second.to.or(second.from);
                expr.next_word = second.end;
            }
            i = expr.next_word;
            out.push(expr);
        } else {
            i += 1;
        }
    }
    out
}

fn expression_at(t: &Tokens, i: usize, anchor: Option<Date>) -> Option<TimeExpr> {
    let words = t.words;
    if matches!(
        lower(t, i.wrapping_sub(1)),
        "last" | "since" | "ago" | "earlier" | "past" | "previous"
    ) {
        return None;
    }
    // Most words open no prefix: one set lookup instead of comparing every prefix.
    static OPENERS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let openers = OPENERS.get_or_init(|| {
        PREFIXES
            .iter()
            .filter_map(|(p, _)| p.first().copied())
            .collect()
    });
    let prefixes = if openers.contains(lower(t, i)) {
        PREFIXES
    } else {
        &[]
    };
    for (prefix, qualifier) in prefixes {
        let matches = prefix
            .iter()
            .enumerate()
            .all(|(k, p)| lower(t, i + k) == *p);
        if !matches {
            continue;
        }
        let at = i + prefix.len();
        // "after the meeting", "before the vote"
        if matches!(prefix, [p] if matches!(*p, "after" | "before"))
            && lower(t, at) == "the"
            && EVENTS.contains(&lower(t, at + 1))
        {
            let end = at + 2;
            return Some(TimeExpr {
                start: words[i].start,
                end: words[end - 1].end,
                from: None,
                to: None,
                qualifier: qualifier.unwrap_or(TimeQualifier::Approximate),
                inherently_future: false,
                next_word: end,
            });
        }
        if lower(t, at) == "last" {
            return None;
        }
        if let Some(core) = dated_core(t, at, anchor) {
            // "a strike for March 12", "scheduled for Friday" — but "for two years", "for
            // now" are spans, not dates.
            let dated = || {
                words[at..core.end].iter().any(|w| {
                    month_of(w.text).is_some()
                        || WEEKDAY_NAMES.iter().any(|d| d.eq_ignore_ascii_case(w.text))
                })
            };
            if matches!(prefix, ["for"]) && !dated() {
                return None;
            }
            // "over the summer", "over the coming weeks" — "over two years" is a span.
            if matches!(prefix, ["over"]) && lower(t, at) != "the" {
                return None;
            }
            // "in March"/"from 2009" need the preposition to be a time at all; bare "in" with
            // relative phrases gives no qualifier of its own.
            let qualifier = match (qualifier, core.qualifier) {
                (Some(q), _) => *q,
                (None, q) => q,
            };
            let (from, to) = match qualifier {
                TimeQualifier::Deadline if core.to.is_none() => (None, core.from),
                _ => (core.from, core.to),
            };
            // "threatened a strike for Oct. 3", "set for Friday": a day something is set for.
            let set_for = matches!(prefix, ["for"]) && core.qualifier == TimeQualifier::Exact;
            let inherently_future = core.future
                || set_for
                || matches!(prefix, [p, ..] if matches!(*p, "as" | "within" | "no" | "not"));
            return Some(TimeExpr {
                start: words[i].start,
                end: words[core.end - 1].end - possessive_len(words[core.end - 1].text),
                from,
                to,
                qualifier,
                inherently_future,
                next_word: core.end,
            });
        }
    }
    // "May also used her speech": without a preposition or a day, "May" is a name.
    if words[i].text == "May"
        && (i == 0 || words[i - 1].is_capitalised())
        && !words
            .get(i + 1)
            .is_some_and(|w| day_of(w.text).is_some() || year_of(w.text).is_some())
    {
        return None;
    }
    let core = dated_core(t, i, anchor)?;
    // A bare year or number is too weak without a preposition.
    let first = lower(t, i);
    if year_of(first).is_some() || number_of(first).is_some() && !matches!(first, "next" | "this") {
        return None;
    }
    Some(TimeExpr {
        start: words[i].start,
        end: words[core.end - 1].end - possessive_len(words[core.end - 1].text),
        from: core.from,
        to: core.to,
        qualifier: core.qualifier,
        inherently_future: core.future,
        next_word: core.end,
    })
}

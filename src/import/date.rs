//! Publication dates as articles write them: ISO 8601 / RFC 3339 (`2003-06-10`,
//! `2003-06-10T04:00:00Z`), RFC 2822 (`Tue, 10 Jun 2003 04:00:00 GMT`) and the common
//! "10 June 2003" / "June 10, 2003". The date is taken as written (no time-zone shift): it is
//! the article's own day, against which "tomorrow" and "next week" are read.

use crate::model::Date;

/// The date in `text`, or `None` when there is none (`unknown`, empty, unparsable).
pub(super) fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    iso_prefix(text).or_else(|| written(text))
}

/// `YYYY-MM-DD` at the start, followed by nothing, a time or a space.
fn iso_prefix(text: &str) -> Option<Date> {
    let head = text.get(..10)?;
    let next = text.get(10..)?.chars().next();
    if next.is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    head.parse().ok()
}

fn month_number(word: &str) -> Option<u8> {
    crate::model::month_from_name(word)
}

/// A date with the month as a word: RFC 2822 and the usual written forms.
fn written(text: &str) -> Option<Date> {
    let mut day = None;
    let mut month = None;
    let mut year = None;
    for token in text.split(|c: char| c.is_whitespace() || c == ',') {
        let token = token.trim_end_matches('.');
        if token.is_empty() || token.contains(':') {
            continue;
        }
        if token.chars().all(|c| c.is_ascii_digit()) {
            let Ok(number) = token.parse::<u32>() else {
                continue;
            };
            match token.len() {
                4 if year.is_none() => year = i32::try_from(number).ok(),
                1 | 2 if day.is_none() => day = u8::try_from(number).ok(),
                2 if year.is_none() => {
                    // RFC 2822's obsolete two-digit year.
                    let number = i32::try_from(number).ok()?;
                    year = Some(if number < 50 {
                        2000 + number
                    } else {
                        1900 + number
                    });
                }
                _ => {}
            }
        } else if month.is_none() {
            month = month_number(token);
        }
    }
    Date::new(year?, month?, day?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_articles_write_them() {
        let d = |y, m, day| Date::new(y, m, day);
        assert_eq!(parse("2003-06-10"), d(2003, 6, 10));
        assert_eq!(parse("2003-06-10T04:00:00Z"), d(2003, 6, 10));
        assert_eq!(parse("Tue, 10 Jun 2003 04:00:00 GMT"), d(2003, 6, 10));
        assert_eq!(parse("10 Jun 03 04:00 +0000"), d(2003, 6, 10));
        assert_eq!(parse("June 10, 2003"), d(2003, 6, 10));
        assert_eq!(parse("10 September 2003"), d(2003, 9, 10));
        assert_eq!(parse("unknown"), None);
        assert_eq!(parse("2003-02-30"), None);
        assert_eq!(parse("Junk 10 2003"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("20030610"), None);
    }
}

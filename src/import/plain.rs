//! Plain text: an optional header of `Key: value` lines (Title, Source, URL, Date, Author), a
//! blank line, then the body. Without a header the whole text is the body.

use super::{Draft, date};

/// The header field a key names, if it is one.
fn field(key: &str) -> Option<Field> {
    Some(match key.trim().to_ascii_lowercase().as_str() {
        "title" | "headline" => Field::Title,
        "source" | "outlet" | "publisher" => Field::Outlet,
        "url" | "link" => Field::Url,
        "date" | "published" => Field::Date,
        "author" | "by" | "byline" => Field::Author,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
enum Field {
    Title,
    Outlet,
    Url,
    Date,
    Author,
}

pub(super) fn parse(text: &str) -> Draft {
    let mut draft = Draft::default();
    let mut header_lines = 0usize;
    let mut body_start = 0usize;
    let mut offset = 0usize;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        let next = offset + line.len();
        if content.is_empty() {
            if header_lines > 0 {
                // The blank line that ends the header.
                body_start = next;
                break;
            }
            // Blank lines before a header are skipped.
            offset = next;
            body_start = next;
            continue;
        }
        let Some((key, value)) = content.split_once(':') else {
            break;
        };
        let Some(field) = field(key).filter(|_| key.len() <= 12) else {
            break;
        };
        header_lines += 1;
        body_start = next;
        offset = next;
        let value = value.trim().to_string();
        match field {
            Field::Title => draft.title = value,
            Field::Outlet => draft.outlet = value,
            Field::Url => draft.url = value,
            Field::Date => draft.published = date::parse(&value),
            Field::Author => draft.author = value,
        }
    }
    draft.body = if header_lines > 0 {
        text.get(body_start..).unwrap_or("").to_string()
    } else {
        text.to_string()
    };
    draft
}

//! An imported article: the normalised text an analyst reads and cites, with what is known of
//! where it came from. Importers (`crate::import`) build it; the drafting assistant
//! (`crate::analysis`) reads it; a brief keeps it as a [`Source`] snapshot.
//!
//! Offsets anywhere in Briefdesk (citations, analysis spans) are byte offsets into `body`.

use super::ids::SourceId;
use super::source::{Source, sha256_hex};
use super::time::Date;

/// One article summary as imported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub title: String,
    /// Publisher or agency, e.g. "Reuters".
    pub outlet: String,
    pub author: String,
    pub url: String,
    /// The article's own date; relative times ("next week") are resolved against it.
    pub published: Option<Date>,
    /// The wire dateline at the start of the body, if there is one.
    pub dateline: Option<Dateline>,
    /// The text: NFC, no control characters except newline and tab, paragraphs separated by a
    /// blank line.
    pub body: String,
    /// Hex SHA-256 of `body`.
    pub sha256: String,
}

/// A wire dateline such as `VIENNA (Reuters) -` or `TOKYO, March 28 -`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written, e.g. "VIENNA".
    pub place: String,
    /// The agency in brackets, if given.
    pub outlet: Option<String>,
    /// The date as written, e.g. "March 28".
    pub date: Option<String>,
    /// Byte offset in the body just after the dash and the space that follows it.
    pub end: usize,
}

impl Article {
    /// An article around `body`, with its dateline recognised and its digest computed.
    pub fn from_body(title: impl Into<String>, body: impl Into<String>) -> Self {
        let body = body.into();
        Self {
            title: title.into(),
            dateline: Dateline::detect(&body),
            sha256: sha256_hex(&body),
            body,
            ..Self::default()
        }
    }

    /// Recomputes what derives from `body` after it was changed.
    pub fn refresh(&mut self) {
        self.dateline = Dateline::detect(&self.body);
        self.sha256 = sha256_hex(&self.body);
    }

    /// The article a brief's source snapshot holds, for analysing it again.
    pub fn from_source(source: &Source) -> Self {
        let mut article = Self {
            title: source.title.clone(),
            outlet: source.outlet.clone(),
            author: source.author.clone(),
            url: source.url.clone(),
            published: source.published,
            body: source.text.clone(),
            ..Self::default()
        };
        article.refresh();
        article
    }

    /// The brief's snapshot of this article; citations into it use the same offsets.
    pub fn to_source(&self, id: SourceId, accessed: Option<Date>) -> Source {
        let mut source = Source::new(id, self.title.clone(), self.body.clone());
        source.outlet = self.outlet.clone();
        source.author = self.author.clone();
        source.url = self.url.clone();
        source.published = self.published;
        source.accessed = accessed;
        source
    }
}

impl Article {
    /// The library's plain-text form: `Title:`, `Source:`, `URL:`, `Date:` header lines, a
    /// blank line, then the body. Importing it again gives the same body and digest.
    pub fn to_header_text(&self) -> String {
        let line = |s: &str| s.replace(['\n', '\r'], " ");
        let date = self
            .published
            .map_or_else(|| "unknown".to_string(), |d| d.to_string());
        let mut out = format!("Title: {}\n", line(&self.title));
        if !self.outlet.is_empty() {
            out.push_str(&format!("Source: {}\n", line(&self.outlet)));
        }
        if !self.author.is_empty() {
            out.push_str(&format!("Author: {}\n", line(&self.author)));
        }
        if !self.url.is_empty() {
            out.push_str(&format!("URL: {}\n", line(&self.url)));
        }
        out.push_str(&format!("Date: {date}\n\n"));
        out.push_str(&self.body);
        out.push('\n');
        out
    }
}

impl Dateline {
    /// Recognises a dateline at the very start of `body`: an upper-case place (with optional
    /// ", Month Day" and "(Agency)") followed by a dash.
    pub fn detect(body: &str) -> Option<Self> {
        let cut = (0..=body.len().min(160))
            .rev()
            .find(|&i| body.is_char_boundary(i))?;
        let head = &body[..cut];
        // The dash may be "-", "–" or "—", surrounded by spaces.
        let (dash_at, dash_len) = ["—", "–", "-"]
            .iter()
            .filter_map(|dash| {
                let pattern = format!(" {dash} ");
                head.find(&pattern).map(|at| (at, pattern.len()))
            })
            .min()?;
        let lead = &head[..dash_at];
        let (lead, outlet) = match (lead.rfind('('), lead.ends_with(')')) {
            (Some(open), true) => (
                lead[..open].trim_end(),
                Some(lead[open + 1..lead.len() - 1].trim().to_string()),
            ),
            _ => (lead, None),
        };
        let (place, date) = match lead.split_once(',') {
            Some((place, date)) => (place.trim(), Some(date.trim().to_string())),
            None => (lead.trim(), None),
        };
        let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
        let is_place = letters.len() >= 2
            && letters.iter().all(|c| c.is_uppercase())
            && place
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '-'));
        let date_ok = date.as_deref().is_none_or(|d| {
            !d.is_empty() && d.len() <= 24 && d.chars().next().is_some_and(char::is_uppercase)
        });
        (is_place && date_ok).then(|| Self {
            place: place.to_string(),
            outlet: outlet.filter(|o| !o.is_empty()),
            date: date.filter(|d| !d.is_empty()),
            end: dash_at + dash_len,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_datelines_are_recognised() {
        let d = Dateline::detect("VIENNA (Reuters) - Iran said...").expect("dateline");
        assert_eq!(d.place, "VIENNA");
        assert_eq!(d.outlet.as_deref(), Some("Reuters"));
        assert_eq!(&"VIENNA (Reuters) - Iran said"[d.end..], "Iran said");
        let d = Dateline::detect("TOKYO, March 28 - Prime Minister").expect("dateline");
        assert_eq!(
            (d.place.as_str(), d.date.as_deref()),
            ("TOKYO", Some("March 28"))
        );
        let d = Dateline::detect("ADDIS ABABA — Negotiations").expect("dateline");
        assert_eq!(d.place, "ADDIS ABABA");
        assert!(Dateline::detect("US President Donald Trump - a note").is_none());
        assert!(Dateline::detect("The talks - which began").is_none());
    }
}

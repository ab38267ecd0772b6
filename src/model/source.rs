//! Sources and citations: the snapshot of each article a brief relies on, its Admiralty grade,
//! and the byte-exact citations that tie positions and next steps to the words they came from.
//!
//! A source keeps its full text and the SHA-256 of that text, so a brief stays checkable even
//! after the original article has moved or changed.

use super::ids::SourceId;
use super::time::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;

/// A snapshot of one article used by the brief.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: SourceId,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub url: String,
    pub published: Option<Date>,
    pub accessed: Option<Date>,
    /// Hex SHA-256 of `text`, recorded when the snapshot was taken.
    pub sha256: String,
    pub grade: Option<AdmiraltyGrade>,
    /// The analyst's note on the source: provenance, bias, why this grade.
    pub notes: String,
    /// The full text as it was when cited; citations index into it by byte.
    pub text: String,
}

impl Source {
    /// A new source whose digest matches its text.
    pub fn new(id: SourceId, title: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        Self {
            id,
            title: title.into(),
            outlet: String::new(),
            author: String::new(),
            url: String::new(),
            published: None,
            accessed: None,
            sha256: sha256_hex(&text),
            grade: None,
            notes: String::new(),
            text,
        }
    }

    /// The first twelve hex digits of the digest, for printed endnotes.
    pub fn short_digest(&self) -> &str {
        self.sha256.get(..12).unwrap_or(&self.sha256)
    }
}

/// Lower-case hex SHA-256 of a text.
pub fn sha256_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A passage of a source: where it is and what it said when it was cited.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub source: SourceId,
    /// Byte offset of the first byte of the passage in the source text.
    pub start: usize,
    /// Byte offset one past the last byte of the passage.
    pub end: usize,
    /// The passage as it stood when cited.
    pub quote: String,
}

impl Citation {
    /// A citation of `text[start..end]`, if that range is a valid passage of `source`.
    pub fn of(source: &Source, start: usize, end: usize) -> Option<Self> {
        let quote = source.text.get(start..end)?;
        Some(Self {
            source: source.id.clone(),
            start,
            end,
            quote: quote.to_owned(),
        })
    }

    /// A citation of the first occurrence of `quote` in `source`.
    pub fn find(source: &Source, quote: &str) -> Option<Self> {
        let start = source.text.find(quote)?;
        Self::of(source, start, start + quote.len())
    }

    /// Whether the source still says, at this range, exactly what was quoted.
    pub fn matches(&self, source: &Source) -> bool {
        source.text.get(self.start..self.end) == Some(self.quote.as_str())
    }
}

/// NATO / Admiralty source reliability, A (completely reliable) to F (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Reliability {
    A,
    B,
    C,
    D,
    E,
    F,
}

/// NATO / Admiralty information credibility, 1 (confirmed) to 6 (cannot be judged).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Credibility {
    Confirmed = 1,
    ProbablyTrue = 2,
    PossiblyTrue = 3,
    DoubtfullyTrue = 4,
    Improbable = 5,
    CannotBeJudged = 6,
}

impl Reliability {
    pub const ALL: [Reliability; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    pub fn letter(self) -> char {
        match self {
            Self::A => 'A',
            Self::B => 'B',
            Self::C => 'C',
            Self::D => 'D',
            Self::E => 'E',
            Self::F => 'F',
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::A => "Completely reliable",
            Self::B => "Usually reliable",
            Self::C => "Fairly reliable",
            Self::D => "Not usually reliable",
            Self::E => "Unreliable",
            Self::F => "Reliability cannot be judged",
        }
    }
}

impl Credibility {
    pub const ALL: [Credibility; 6] = [
        Self::Confirmed,
        Self::ProbablyTrue,
        Self::PossiblyTrue,
        Self::DoubtfullyTrue,
        Self::Improbable,
        Self::CannotBeJudged,
    ];

    pub fn digit(self) -> u8 {
        self as u8
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Confirmed => "Confirmed by other sources",
            Self::ProbablyTrue => "Probably true",
            Self::PossiblyTrue => "Possibly true",
            Self::DoubtfullyTrue => "Doubtful",
            Self::Improbable => "Improbable",
            Self::CannotBeJudged => "Truth cannot be judged",
        }
    }
}

/// A two-character Admiralty grade such as `B2`, written that way in brief files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct AdmiraltyGrade {
    pub reliability: Reliability,
    pub credibility: Credibility,
}

/// A grade string that is not a letter A–F followed by a digit 1–6.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an Admiralty grade (a letter A–F then a digit 1–6, e.g. B2)")]
pub struct GradeParseError(String);

impl std::str::FromStr for AdmiraltyGrade {
    type Err = GradeParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || GradeParseError(text.to_owned());
        let mut chars = text.trim().chars();
        let (Some(letter), Some(digit), None) = (chars.next(), chars.next(), chars.next()) else {
            return Err(err());
        };
        let reliability = Reliability::ALL
            .into_iter()
            .find(|r| r.letter() == letter.to_ascii_uppercase())
            .ok_or_else(err)?;
        let credibility = Credibility::ALL
            .into_iter()
            .find(|c| char::from(b'0' + c.digit()) == digit)
            .ok_or_else(err)?;
        Ok(Self {
            reliability,
            credibility,
        })
    }
}

impl TryFrom<String> for AdmiraltyGrade {
    type Error = GradeParseError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<AdmiraltyGrade> for String {
    fn from(grade: AdmiraltyGrade) -> Self {
        grade.to_string()
    }
}

impl fmt::Display for AdmiraltyGrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}",
            self.reliability.letter(),
            self.credibility.digit()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_parse_and_print() {
        let grade: AdmiraltyGrade = "b2".parse().unwrap();
        assert_eq!(grade.to_string(), "B2");
        for bad in ["", "G1", "A7", "A", "A10", "2B"] {
            assert!(bad.parse::<AdmiraltyGrade>().is_err(), "{bad}");
        }
    }

    #[test]
    fn citations_check_their_source() {
        let source = Source::new(SourceId::new("s"), "t", "Zelensky has rejected it.");
        let cite = Citation::find(&source, "rejected").unwrap();
        assert!(cite.matches(&source));
        let mut edited = source.clone();
        edited.text = "Zelensky has accepted it.".into();
        assert!(!cite.matches(&edited));
        // A range that splits a multi-byte character is refused, not a panic.
        let cyr = Source::new(SourceId::new("c"), "t", "Зеленський");
        assert!(Citation::of(&cyr, 1, 3).is_none());
    }
}

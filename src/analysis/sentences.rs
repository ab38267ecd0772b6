//! Sentence and word boundaries with byte offsets, aware of abbreviations ("U.S.", "Mr.",
//! "Aug.", initials) and of quotations (a full stop inside quotation marks does not end the
//! sentence around it).
//!
//! Hand-written rather than a crate: the assistant needs byte offsets into the article body for
//! every span, and the rules here are the few that news prose needs.

use std::ops::Range;

/// Words that end in a full stop without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt",
    "Cmdr", "Adm", "Maj", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Bros", "No", "Nos", "vs",
    "etc", "al", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Mt", "Ft", "Ave", "Dept", "Univ", "approx", "est", "Rev", "Hon", "Pres", "Gov't",
    "Brig", "Gens", "Cpl", "Pvt", "Cdr", "Amb", "Supt", "Insp", "Atty", "Msgr",
];

/// Sentences of `text`, as byte ranges without surrounding whitespace. A line break always ends
/// a sentence: article bodies separate paragraphs with blank lines.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut in_quote = false;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if c == '\n' {
            if let Some(s) = start.take() {
                push_trimmed(text, s, at, &mut out);
            }
            in_quote = false;
            i += 1;
            continue;
        }
        if start.is_none() && !c.is_whitespace() {
            start = Some(at);
        }
        match c {
            '“' => in_quote = true,
            '”' => in_quote = false,
            '"' => in_quote = !in_quote,
            '.' | '!' | '?' | '…' => {
                let mut j = i + 1;
                let mut closed_quote = false;
                while let Some(&(_, next)) = chars.get(j) {
                    if matches!(next, '”' | '"' | '’' | '\'' | ')' | ']') {
                        closed_quote |= matches!(next, '”' | '"');
                        j += 1;
                    } else {
                        break;
                    }
                }
                let followed_by_space = chars.get(j).is_none_or(|&(_, n)| n.is_whitespace());
                let mut k = j;
                while chars.get(k).is_some_and(|&(_, n)| n == ' ' || n == '\t') {
                    k += 1;
                }
                let next_starts = chars.get(k).is_none_or(|&(_, n)| {
                    n.is_uppercase() || n.is_ascii_digit() || "“\"‘'(\n".contains(n)
                });
                let quote_ok = !in_quote || closed_quote;
                if followed_by_space
                    && next_starts
                    && quote_ok
                    && !(c == '.' && is_abbreviation(text, at))
                {
                    if closed_quote {
                        in_quote = false;
                    }
                    let end = chars.get(j).map_or(text.len(), |&(p, _)| p);
                    if let Some(s) = start.take() {
                        push_trimmed(text, s, end, &mut out);
                    }
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if let Some(s) = start {
        push_trimmed(text, s, text.len(), &mut out);
    }
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(start + lead..end - trail);
    }
}

/// Whether the full stop at byte `dot` ends an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = &text[..dot];
    let word_start = before
        .rfind(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\''))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return false;
    }
    // "U.S", "e.g": a dotted abbreviation.
    if word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    // A single capital: an initial, as in "John F. Kennedy".
    if let (Some(first), None) = (chars.next(), chars.next())
        && first.is_uppercase()
    {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

/// A sentence with its words and their lower-case forms, tokenised once for every stage.
pub struct Sentence<'a> {
    pub range: Range<usize>,
    pub words: Vec<Word<'a>>,
    pub lower: Vec<String>,
}

/// The sentences of `text`, tokenised.
pub fn tokenise(text: &str) -> Vec<Sentence<'_>> {
    sentences(text)
        .into_iter()
        .map(|range| {
            let words = words(text, range.clone());
            let lower = words.iter().map(Word::lower).collect();
            Sentence {
                range,
                words,
                lower,
            }
        })
        .collect()
}

/// Bytes of a trailing possessive "’s" or "'s" on `word` (0 if none).
pub fn possessive_len(word: &str) -> usize {
    if word.ends_with("’s") {
        "’s".len()
    } else if word.ends_with("'s") {
        "'s".len()
    } else {
        0
    }
}

/// A word of the text: letters and digits, with inner apostrophes, dots, hyphens and ampersands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// The words of `text[range]`, with byte offsets into `text`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word<'_>> {
    let slice = &text[range.clone()];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut iter = slice.char_indices().peekable();
    let mut in_angle = false;
    while let Some((at, c)) = iter.next() {
        // "<TSBA.T>": tickers and tags are not words of the sentence.
        if c == '<' {
            in_angle = true;
        } else if c == '>' {
            in_angle = false;
            continue;
        }
        if in_angle {
            if let Some(s) = start.take() {
                out.push(Word {
                    text: &text[range.start + s..range.start + at],
                    start: range.start + s,
                    end: range.start + at,
                });
            }
            continue;
        }
        let inner = matches!(c, '\'' | '’' | '.' | '-' | '&' | '/');
        let part_of_word = c.is_alphanumeric()
            || c == '%'
            || (inner && start.is_some() && iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric()));
        // Keep a trailing dot on abbreviations such as "U.S." and "Mr." out of the word, except
        // for dotted abbreviations, whose last dot belongs to them.
        if part_of_word {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            let end = if c == '.' && slice[s..at].contains('.') {
                at + 1
            } else {
                at
            };
            out.push(Word {
                text: &text[range.start + s..range.start + end],
                start: range.start + s,
                end: range.start + end,
            });
        }
    }
    if let Some(s) = start {
        out.push(Word {
            text: &text[range.start + s..range.end],
            start: range.start + s,
            end: range.end,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("The U.S. Senate met Mr. Smith on Aug. 22. John F. Kennedy spoke. Then he left."),
            [
                "The U.S. Senate met Mr. Smith on Aug. 22.",
                "John F. Kennedy spoke.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn quotations_keep_their_sentences_together() {
        assert_eq!(
            split("\"We are ready. We will go,\" he said. Next one.\nNew paragraph"),
            [
                "\"We are ready. We will go,\" he said.",
                "Next one.",
                "New paragraph"
            ]
        );
        assert_eq!(
            split("She said “it is over.” Then silence."),
            ["She said “it is over.”", "Then silence."]
        );
    }

    #[test]
    fn words_keep_dotted_abbreviations_and_apostrophes() {
        let text = "The U.S. and Zelensky’s team, co-chaired.";
        let got: Vec<&str> = words(text, 0..text.len()).iter().map(|w| w.text).collect();
        assert_eq!(
            got,
            ["The", "U.S.", "and", "Zelensky’s", "team", "co-chaired"]
        );
    }
}

//! Bytes to text, and the one cleaning every imported field goes through.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// How much of the start of a file binary detection looks at.
const SNIFF_BYTES: usize = 8 * 1024;

/// Decodes a file's bytes: a BOM decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else
/// the encoding the file declares (`<?xml encoding=..>`, `<meta charset=..>`) if it is a single-
/// byte or multi-byte ASCII-compatible one; else Windows-1252. Never fails: undecodable bytes
/// become U+FFFD.
pub(super) fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom..).unwrap_or_default();
        return encoding.decode_without_bom_handling(rest).0.into_owned();
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let encoding = declared_encoding(bytes)
        .filter(|e| e.is_ascii_compatible() && *e != UTF_8)
        .unwrap_or(WINDOWS_1252);
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// The encoding named by an XML declaration or an HTML meta charset near the start.
fn declared_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..1024).unwrap_or(bytes);
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let after = ["encoding=", "charset="]
        .iter()
        .find_map(|key| head.find(key).and_then(|at| head.get(at + key.len()..)))?;
    let label: String = after
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    let encoding = Encoding::for_label(label.as_bytes())?;
    (encoding != UTF_16LE && encoding != UTF_16BE).then_some(encoding)
}

/// Binary content: a NUL, or more than one in ten control characters in the first 8 KB.
pub(super) fn looks_binary(text: &str) -> bool {
    let mut cut = text.len().min(SNIFF_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut).unwrap_or(text);
    let mut total = 0usize;
    let mut controls = 0usize;
    for c in head.chars() {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c') {
            controls += 1;
        }
    }
    controls * 10 > total
}

/// CRLF and lone CR become LF.
pub(super) fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The cleaning of a body: LF newlines, no control characters but newline and tab (nor stray
/// byte-order marks), NFC, no trailing spaces on lines, at most one blank line in a row, trimmed.
pub(super) fn clean_body(text: &str) -> String {
    let text = normalize_newlines(text);
    let stripped: String = text
        .chars()
        .filter(|&c| !(c.is_control() && c != '\n' && c != '\t') && c != '\u{feff}')
        .collect();
    let normal = if is_nfc_quick(stripped.chars()) == IsNormalized::Yes {
        stripped
    } else {
        stripped.nfc().collect()
    };
    let mut out = String::with_capacity(normal.len());
    let mut blank_run = 0usize;
    for line in normal.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(line);
    }
    // Leading whitespace of the first line is trimmed like the rest of the body's ends.
    let start = out.len() - out.trim_start().len();
    if start > 0 { out.split_off(start) } else { out }
}

/// The cleaning of a one-line field (title, outlet, author): the body's cleaning, then every run
/// of whitespace as one space.
pub(super) fn clean_line(text: &str) -> String {
    let cleaned = clean_body(text);
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Longest derived title, in characters, including the ellipsis.
const TITLE_CHARS: usize = 100;

/// A title for text that has none: its first sentence (or first line), cut at a word boundary
/// to at most 100 characters with "…".
pub(super) fn title_from_text(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let sentence = first_sentence(line);
    let sentence = sentence.strip_suffix('.').unwrap_or(sentence).trim_end();
    if sentence.chars().count() <= TITLE_CHARS {
        return clean_line(sentence);
    }
    // Room for the ellipsis; then back to the last space so no word is cut.
    let limit = sentence
        .char_indices()
        .nth(TITLE_CHARS - 1)
        .map_or(sentence.len(), |(at, _)| at);
    let head = sentence.get(..limit).unwrap_or(sentence);
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > 0 => head.get(..space).unwrap_or(head),
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{}…", clean_line(head))
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "prof", "lt", "col",
    "capt", "sgt", "maj", "adm", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb",
    "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "rev", "pres", "approx",
];

/// The line up to and including the end of its first sentence.
fn first_sentence(line: &str) -> &str {
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes or brackets belong to the sentence.
        let mut end = at + c.len_utf8();
        while let Some(&(next_at, next)) = chars.peek() {
            if matches!(next, '"' | '\'' | '”' | '’' | ')' | ']') {
                end = next_at + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let followed_by_space = chars.peek().is_none_or(|&(_, next)| next.is_whitespace());
        if !followed_by_space {
            continue;
        }
        if c == '.' {
            let before = line.get(..at).unwrap_or("");
            let word = before
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("");
            let is_initial = word.chars().count() == 1;
            let is_acronym = word.contains('.');
            let is_abbreviation = ABBREVIATIONS.contains(&word.to_lowercase().as_str());
            if word.is_empty() || is_initial || is_acronym || is_abbreviation {
                continue;
            }
        }
        return line.get(..end).unwrap_or(line);
    }
    line
}

/// Escapes text so that an HTML parser gives it back unchanged.
pub(super) fn escape_html(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

/// Decodes HTML character references (`&amp;`, `&eacute;`, `&#8212;`) in text. Only complete
/// references (with the semicolon) are decoded; any other `&` stays as written.
pub(super) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut source = String::with_capacity(text.len() + 16);
    let mut any = false;
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        escape_html(rest.get(..amp).unwrap_or(""), &mut source);
        let after = rest.get(amp + 1..).unwrap_or("");
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .unwrap_or(after.len());
        let is_reference = name_len > 0
            && name_len <= 32
            && after.get(name_len..).is_some_and(|r| r.starts_with(';'));
        if is_reference {
            any = true;
            source.push('&');
            source.push_str(after.get(..=name_len).unwrap_or(""));
            rest = after.get(name_len + 1..).unwrap_or("");
        } else {
            source.push_str("&amp;");
            rest = after;
        }
    }
    escape_html(rest, &mut source);
    if !any {
        return text.to_string();
    }
    super::html::decode_rcdata(&source).unwrap_or_else(|| text.to_string())
}

//! Markdown: optional `---` front matter (title, source/outlet/publisher, url/link, date,
//! author), then the text rendered as readable prose: headings as their own paragraphs, no
//! emphasis markers, links as their text, no images, list items as "- ", no blockquote markers,
//! no HTML tags. Paragraphs are separated by a blank line; soft line breaks become spaces.
//!
//! Line-based and without recursion, so no input can nest deep enough to exhaust the stack.

use super::text::decode_entities;
use super::{Draft, date};
use std::collections::HashMap;

pub(super) fn parse(text: &str) -> Draft {
    let mut draft = Draft::default();
    let body = match front_matter(text) {
        Some((fields, rest)) => {
            apply_front_matter(&mut draft, &fields);
            rest
        }
        None => text,
    };
    let mut writer = Writer::default();
    for line in body.lines() {
        writer.line(line, &mut draft.title);
    }
    draft.body = writer.finish();
    draft
}

/// The `key: value` pairs of a leading `---` block and the text after it.
fn front_matter(text: &str) -> Option<(Vec<(String, String)>, &str)> {
    let text = text.trim_start_matches('\u{feff}');
    let first_end = text.find('\n')?;
    if text.get(..first_end)?.trim_end() != "---" {
        return None;
    }
    let inner = text.get(first_end + 1..)?;
    let mut offset = 0usize;
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in inner.split_inclusive('\n') {
        offset += line.len();
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((fields, inner.get(offset..).unwrap_or("")));
        }
        let indented = line.starts_with([' ', '\t']);
        let content = trimmed.trim_start();
        if let Some(item) = content
            .strip_prefix("- ")
            .filter(|_| indented || !content.contains(": "))
        {
            // A list item under the previous key (e.g. several authors).
            if let Some((_, value)) = fields.last_mut() {
                if !value.is_empty() {
                    value.push_str(", ");
                }
                value.push_str(&unquote(item));
            }
        } else if !indented && let Some((key, value)) = content.split_once(':') {
            fields.push((key.trim().to_ascii_lowercase(), unquote(value)));
        }
    }
    None
}

/// A YAML scalar without its quotes; a flow list `[a, b]` as "a, b".
fn unquote(value: &str) -> String {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return inner.replace("\\\"", "\"").replace("\\\\", "\\");
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return inner.replace("''", "'");
    }
    if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        return inner
            .split(',')
            .map(unquote)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
    }
    // A trailing comment.
    match value.find(" #") {
        Some(at) => value.get(..at).unwrap_or(value).trim_end().to_string(),
        None => value.to_string(),
    }
}

fn apply_front_matter(draft: &mut Draft, fields: &[(String, String)]) {
    for (key, value) in fields {
        let slot = match key.as_str() {
            "title" | "headline" => &mut draft.title,
            "source" | "outlet" | "publisher" | "site" => &mut draft.outlet,
            "url" | "link" | "canonical_url" => &mut draft.url,
            "author" | "authors" | "byline" => &mut draft.author,
            "date" | "published" | "pubdate" => {
                if draft.published.is_none() {
                    draft.published = date::parse(value);
                }
                continue;
            }
            _ => continue,
        };
        if slot.is_empty() {
            slot.clone_from(value);
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Paragraph,
    List,
    Table,
    Code,
}

/// Collects blocks line by line.
#[derive(Default)]
struct Writer {
    blocks: Vec<String>,
    current: Option<(Kind, String)>,
    /// The current paragraph's last line ended with a hard break.
    hard_break: bool,
    /// Open code fence: its character and length.
    fence: Option<(char, usize)>,
    /// Inside an HTML comment.
    in_comment: bool,
}

impl Writer {
    fn flush(&mut self) {
        if let Some((kind, text)) = self.current.take() {
            let text = match kind {
                Kind::Code => text,
                // Spaces in prose are not significant (a dropped image leaves two).
                _ => inline(&text)
                    .split('\n')
                    .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
                    .join("\n"),
            };
            if !text.trim().is_empty() {
                self.blocks.push(text);
            }
        }
        self.hard_break = false;
    }

    fn push_line(&mut self, kind: Kind, text: &str) {
        match &mut self.current {
            Some((current, buffer)) if *current == kind => {
                let joiner = match kind {
                    Kind::Paragraph if !self.hard_break => " ",
                    _ => "\n",
                };
                buffer.push_str(joiner);
                buffer.push_str(text);
            }
            _ => {
                self.flush();
                self.current = Some((kind, text.to_string()));
            }
        }
    }

    fn line(&mut self, raw: &str, title: &mut String) {
        if let Some((marker, len)) = self.fence {
            let trimmed = raw.trim();
            if trimmed.chars().count() >= len && trimmed.chars().all(|c| c == marker) {
                self.fence = None;
                self.flush();
            } else {
                self.push_line(Kind::Code, raw.trim_end());
            }
            return;
        }
        let raw = self.without_comments(raw);
        // Blockquote markers.
        let mut line = raw.as_str();
        loop {
            let trimmed = line.trim_start();
            match trimmed.strip_prefix('>') {
                Some(rest) => line = rest.strip_prefix(' ').unwrap_or(rest),
                None => break,
            }
        }
        let hard_break = line.ends_with("  ") || line.ends_with('\\');
        let trimmed = line.trim();
        let trimmed = if hard_break {
            trimmed.strip_suffix('\\').unwrap_or(trimmed).trim_end()
        } else {
            trimmed
        };
        if trimmed.is_empty() {
            self.flush();
            return;
        }
        for marker in ['`', '~'] {
            let run = trimmed.chars().take_while(|&c| c == marker).count();
            if run >= 3 {
                self.flush();
                self.fence = Some((marker, run));
                return;
            }
        }
        if let Some((level, heading)) = atx_heading(trimmed) {
            self.flush();
            let text = inline(heading);
            if level == 1 && title.is_empty() {
                title.clone_from(&text);
                if self.blocks.is_empty() {
                    return;
                }
            }
            if !text.is_empty() {
                self.blocks.push(text);
            }
            return;
        }
        if let Some(underline) = setext_underline(trimmed)
            && matches!(self.current, Some((Kind::Paragraph, _)))
        {
            let first = self.blocks.is_empty();
            if underline == '=' && title.is_empty() && first {
                if let Some((_, text)) = self.current.take() {
                    *title = inline(&text);
                }
                return;
            }
            if underline == '='
                && title.is_empty()
                && let Some((_, text)) = &self.current
            {
                *title = inline(text);
            }
            self.flush();
            return;
        }
        if is_thematic_break(trimmed) {
            self.flush();
            return;
        }
        if is_reference_definition(trimmed) {
            return;
        }
        if let Some(item) = list_item(trimmed) {
            self.push_line(Kind::List, &item);
            self.hard_break = false;
            return;
        }
        if trimmed.starts_with('|') {
            if !is_table_separator(trimmed) {
                let cells: Vec<&str> = trimmed
                    .trim_matches('|')
                    .split('|')
                    .map(str::trim)
                    .collect();
                self.push_line(Kind::Table, &cells.join(" | "));
            }
            return;
        }
        match &mut self.current {
            // Continuation of a list item (indented or lazy).
            Some((Kind::List, buffer)) => {
                buffer.push(' ');
                buffer.push_str(trimmed);
            }
            _ => {
                if is_html_only(trimmed) {
                    self.flush();
                    return;
                }
                self.push_line(Kind::Paragraph, trimmed);
                self.hard_break = hard_break;
            }
        }
    }

    /// The line without `<!-- ... -->` comments, which may span lines.
    fn without_comments(&mut self, line: &str) -> String {
        let mut out = String::new();
        let mut rest = line;
        loop {
            if self.in_comment {
                match rest.find("-->") {
                    Some(end) => {
                        rest = rest.get(end + 3..).unwrap_or("");
                        self.in_comment = false;
                    }
                    None => return out,
                }
            }
            match rest.find("<!--") {
                Some(start) => {
                    out.push_str(rest.get(..start).unwrap_or(""));
                    rest = rest.get(start + 4..).unwrap_or("");
                    self.in_comment = true;
                }
                None => {
                    out.push_str(rest);
                    return out;
                }
            }
        }
    }

    fn finish(mut self) -> String {
        self.flush();
        self.blocks.join("\n\n")
    }
}

fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    let rest = line.get(level..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let rest = rest.trim();
    // A closing sequence of #s after a space.
    let without_closing = rest.trim_end_matches('#');
    let rest = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        rest
    };
    Some((level, rest))
}

fn setext_underline(line: &str) -> Option<char> {
    let first = line.chars().next()?;
    (matches!(first, '=' | '-') && line.chars().all(|c| c == first)).then_some(first)
}

fn is_thematic_break(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '*' | '-' | '_')
        && line.chars().filter(|&c| c == first).count() >= 3
        && marks.all(|c| c == first)
}

fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && !line.starts_with("[^")
        && line
            .find("]:")
            .is_some_and(|at| !line.get(..at).unwrap_or("").contains(']'))
}

/// A list item as "- text" (bullets) or "N. text" (numbered).
fn list_item(line: &str) -> Option<String> {
    for bullet in ['-', '*', '+'] {
        if let Some(rest) = line.strip_prefix(bullet)
            && (rest.starts_with([' ', '\t']))
        {
            return Some(format!("- {}", rest.trim_start()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = line.get(digits..)?;
        if let Some(text) = rest.strip_prefix(['.', ')'])
            && text.starts_with([' ', '\t'])
        {
            return Some(format!("{}. {}", line.get(..digits)?, text.trim_start()));
        }
    }
    None
}

fn is_table_separator(line: &str) -> bool {
    line.contains('-')
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// A line that is nothing but HTML tags.
fn is_html_only(line: &str) -> bool {
    line.starts_with('<') && inline(line).trim().is_empty()
}

/// How far ahead a code span looks for its closing backticks.
const CODE_SPAN_REACH: usize = 10_000;

/// Inline Markdown to plain text.
fn inline(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let (brackets, parens) = pair_brackets(&chars);
    let at = |i: usize| chars.get(i).copied();
    let mut out = String::with_capacity(src.len());
    // Where to jump when the scan reaches an index (the end of a link's text).
    let mut jumps: HashMap<usize, usize> = HashMap::new();
    let mut i = 0usize;
    while let Some(c) = at(i) {
        if let Some(&to) = jumps.get(&i) {
            i = to;
            continue;
        }
        match c {
            '\\' if at(i + 1).is_some_and(|n| n.is_ascii_punctuation()) => {
                if let Some(next) = at(i + 1) {
                    out.push(next);
                }
                i += 2;
            }
            '`' => {
                let run = count_run(&chars, i, '`');
                match find_run(&chars, i + run, '`', run) {
                    Some(close) => {
                        let code: String =
                            chars.get(i + run..close).unwrap_or(&[]).iter().collect();
                        let code = if code.starts_with(' ')
                            && code.ends_with(' ')
                            && !code.trim().is_empty()
                        {
                            code.get(1..code.len() - 1).unwrap_or(&code).to_string()
                        } else {
                            code
                        };
                        out.push_str(&code);
                        i = close + run;
                    }
                    None => {
                        out.extend(std::iter::repeat_n('`', run));
                        i += run;
                    }
                }
            }
            '!' if at(i + 1) == Some('[') => match link_end(&brackets, &parens, &chars, i + 1) {
                // Images are dropped.
                Some((_, end)) => i = end,
                None => {
                    out.push('!');
                    i += 1;
                }
            },
            '[' => match link_end(&brackets, &parens, &chars, i) {
                Some((text_end, end)) => {
                    jumps.insert(text_end, end);
                    i += 1;
                }
                None => {
                    out.push('[');
                    i += 1;
                }
            },
            '<' => match tag_end(&chars, i) {
                Some((end, Some(url))) => {
                    out.push_str(&url);
                    i = end;
                }
                Some((end, None)) => i = end,
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            '*' | '_' | '~' => {
                let run = count_run(&chars, i, c);
                let before = i.checked_sub(1).and_then(at);
                let after = at(i + run);
                let space = |ch: Option<char>| ch.is_none_or(char::is_whitespace);
                let word = |ch: Option<char>| ch.is_some_and(char::is_alphanumeric);
                // A delimiter touches a word on one side at least, and is not inside one.
                let touches_text = !(space(before) && space(after));
                let marker = if c == '~' {
                    run == 2 && touches_text
                } else {
                    touches_text && !(word(before) && word(after))
                };
                if !marker {
                    out.extend(std::iter::repeat_n(c, run));
                }
                i += run;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    decode_entities(&out)
}

/// Matching `]` for every `[` and `)` for every `(`, ignoring backslash-escaped ones.
fn pair_brackets(chars: &[char]) -> (HashMap<usize, usize>, HashMap<usize, usize>) {
    let mut brackets = HashMap::new();
    let mut parens = HashMap::new();
    let mut open_brackets = Vec::new();
    let mut open_parens = Vec::new();
    let mut escaped = false;
    for (i, &c) in chars.iter().enumerate() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => open_brackets.push(i),
            ']' => {
                if let Some(open) = open_brackets.pop() {
                    brackets.insert(open, i);
                }
            }
            '(' => open_parens.push(i),
            ')' => {
                if let Some(open) = open_parens.pop() {
                    parens.insert(open, i);
                }
            }
            _ => {}
        }
    }
    (brackets, parens)
}

/// For a `[` at `open` that starts a link (`[text](url)` or `[text][ref]`): the index of its `]`
/// and the index just past the whole link.
fn link_end(
    brackets: &HashMap<usize, usize>,
    parens: &HashMap<usize, usize>,
    chars: &[char],
    open: usize,
) -> Option<(usize, usize)> {
    let close = *brackets.get(&open)?;
    match chars.get(close + 1) {
        Some('(') => parens.get(&(close + 1)).map(|&end| (close, end + 1)),
        Some('[') => brackets.get(&(close + 1)).map(|&end| (close, end + 1)),
        _ => None,
    }
}

fn count_run(chars: &[char], from: usize, c: char) -> usize {
    chars
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&x| x == c)
        .count()
}

/// The start of the next run of exactly `len` `c`s at or after `from`.
fn find_run(chars: &[char], from: usize, c: char, len: usize) -> Option<usize> {
    let mut i = from;
    let limit = from.saturating_add(CODE_SPAN_REACH);
    while i < chars.len() && i < limit {
        if chars.get(i) == Some(&c) {
            let run = count_run(chars, i, c);
            if run == len {
                return Some(i);
            }
            i += run;
        } else {
            i += 1;
        }
    }
    None
}

/// For a `<` at `open` that starts an HTML tag, comment or autolink: the index past its `>`,
/// and the URL of an autolink.
fn tag_end(chars: &[char], open: usize) -> Option<(usize, Option<String>)> {
    let next = *chars.get(open + 1)?;
    if !(next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')) {
        return None;
    }
    let rest = chars.get(open + 1..)?;
    let close = rest.iter().take(2_000).position(|&c| c == '>')?;
    let inner: String = rest.get(..close)?.iter().collect();
    let end = open + 1 + close + 1;
    let lower = inner.to_ascii_lowercase();
    if ["http://", "https://", "mailto:"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
    {
        return (!inner.contains(char::is_whitespace)).then_some((end, Some(inner)));
    }
    let name = inner.trim_start_matches('/');
    let name_ok = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '!' | '?'))
        && name
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '/')
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '!' | '?' | ':'));
    name_ok.then_some((end, None))
}

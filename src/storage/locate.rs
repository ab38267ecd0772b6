//! Finds where a field path such as `brief.positions[2].actor` sits in a RON text, so that
//! validation diagnostics can be reported as `file:line:col` like compiler errors.
//!
//! A small tolerant scanner, not a parser: it only needs to follow structs, sequences and
//! `Some(..)`/enum wrappers and to skip everything else; on anything unexpected it gives up
//! and returns `None` rather than guess.

/// One step of a field path.
#[derive(Debug, PartialEq, Eq)]
enum Segment<'a> {
    Field(&'a str),
    Index(usize),
}

fn segments(path: &str) -> Option<Vec<Segment<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !name.is_empty() {
            out.push(Segment::Field(name));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let close = inner.find(']')?;
            out.push(Segment::Index(inner[..close].parse().ok()?));
            rest = &inner[close + 1..];
        }
    }
    Some(out)
}

/// The 1-based line and column (in characters) where the value at `path` starts in `text`.
pub fn locate(text: &str, path: &str) -> Option<(usize, usize)> {
    let segs = segments(path)?;
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let offset = scanner.value(Some(&segs))?;
    Some(line_col(text, offset))
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    depth: usize,
}

const MAX_DEPTH: usize = 256;

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.bytes.get(self.pos + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.pos += 1,
                (Some(b'/'), Some(b'/')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                (Some(b'/'), Some(b'*')) => {
                    self.pos += 2;
                    while self.pos < self.bytes.len() && !self.bytes[self.pos..].starts_with(b"*/")
                    {
                        self.pos += 1;
                    }
                    self.pos = (self.pos + 2).min(self.bytes.len());
                }
                (Some(b'#'), Some(b'!')) => {
                    while self.peek().is_some_and(|b| b != b'\n') {
                        self.pos += 1;
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> Option<String> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'#')
        {
            self.pos += 1;
        }
        (self.pos > start)
            .then(|| String::from_utf8_lossy(&self.bytes[start..self.pos]).into_owned())
    }

    fn string(&mut self) -> Option<()> {
        // At an opening quote: skip to the matching close, honouring escapes.
        let quote = self.peek()?;
        self.pos += 1;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\\' {
                self.pos += 1;
            } else if b == quote {
                return Some(());
            }
        }
        None
    }

    fn raw_string(&mut self) -> Option<()> {
        // At `r`, then hashes, then a quote.
        self.pos += 1;
        let mut hashes = 0;
        while self.peek() == Some(b'#') {
            hashes += 1;
            self.pos += 1;
        }
        if self.peek() != Some(b'"') {
            return None;
        }
        self.pos += 1;
        let mut close = vec![b'"'];
        close.extend(std::iter::repeat_n(b'#', hashes));
        while self.pos < self.bytes.len() {
            if self.bytes[self.pos..].starts_with(&close) {
                self.pos += close.len();
                return Some(());
            }
            self.pos += 1;
        }
        None
    }

    /// Skips one value; if `target` names a path inside it, returns that value's byte offset.
    fn value(&mut self, target: Option<&[Segment<'_>]>) -> Option<usize> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let found = self.value_inner(target);
        self.depth -= 1;
        found
    }

    fn value_inner(&mut self, target: Option<&[Segment<'_>]>) -> Option<usize> {
        self.skip_trivia();
        let start = self.pos;
        if target.is_some_and(|t| t.is_empty()) {
            self.value(None);
            return Some(start);
        }
        match self.peek()? {
            b'(' => self.group(target, b')'),
            b'[' => self.group(target, b']'),
            b'{' => self.group(None, b'}').and(None),
            b'"' | b'\'' => self.string().and(None),
            b'r' if matches!(self.bytes.get(self.pos + 1), Some(b'"' | b'#')) => {
                self.raw_string().and(None)
            }
            _ => {
                let ident = self.ident();
                if ident.is_none() {
                    // Numbers, signs and other scalars.
                    while self
                        .peek()
                        .is_some_and(|b| !b.is_ascii_whitespace() && !b",)]}".contains(&b))
                    {
                        self.pos += 1;
                    }
                    return None;
                }
                self.skip_trivia();
                if self.peek() == Some(b'(') {
                    // `Some(..)`, a named struct or an enum variant: the path passes through.
                    self.group(target, b')')
                } else {
                    None
                }
            }
        }
    }

    /// A bracketed group: struct fields, tuple members or sequence elements.
    fn group(&mut self, target: Option<&[Segment<'_>]>, close: u8) -> Option<usize> {
        self.pos += 1;
        let mut index = 0;
        loop {
            self.skip_trivia();
            match self.peek() {
                None => return None,
                Some(b) if b == close => {
                    self.pos += 1;
                    return None;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            // A struct field is `name: value`; anything else is a positional member.
            let before = self.pos;
            let mut field = None;
            if let Some(name) = self.ident() {
                self.skip_trivia();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    field = Some(name);
                } else {
                    self.pos = before;
                }
            }
            let rest = target.and_then(|t| match (&t[0], &field) {
                (Segment::Field(want), Some(name)) if want == name => Some(&t[1..]),
                (Segment::Index(want), None) if *want == index => Some(&t[1..]),
                _ => None,
            });
            if let Some(found) = self.value(rest) {
                return Some(found);
            }
            if rest.is_some() {
                return None;
            }
            if self.pos == before {
                return None; // no progress: malformed text
            }
            index += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// comment
(
    format: 1,
    brief: (
        meta: (title: "A (tricky) \"title\"", issue_date: Some("2025-08-16")),
        positions: [
            (id: "p1", actor: "trump"),
            (id: "p2", actor: "putin", note: r#"raw ) ]"#),
        ],
    ),

)
"##;

    #[test]
    fn finds_fields_and_elements() {
        assert_eq!(locate(TEXT, "format"), Some((3, 13)));
        assert_eq!(locate(TEXT, "brief.meta.issue_date"), Some((5, 59)));
        assert_eq!(locate(TEXT, "brief.positions[1].actor"), Some((8, 31)));
        assert_eq!(locate(TEXT, "brief.positions[1]"), Some((8, 13)));
        assert_eq!(locate(TEXT, "brief.positions[2]"), None);
        assert_eq!(locate(TEXT, "brief.missing"), None);
    }

    #[test]
    fn garbage_gives_none_not_a_panic() {
        for text in [
            "",
            "(",
            "((((((",
            "[\"unterminated",
            "(a: r##\"x",
            "(a: {b: [1, 2",
        ] {
            let _ = locate(text, "a.b[3].c");
        }
        let deep = "(".repeat(10_000);
        assert_eq!(locate(&deep, "a"), None);
    }
}

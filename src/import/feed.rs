//! RSS (2.0, and 0.9x/1.0 alike) and Atom feeds: one draft per item or entry.
//!
//! Read with quick-xml's pull parser; the element stack is our own, so a feed that ends before
//! its elements are closed is reported with the place of the first one left open. Malformed XML
//! is reported with a line and column computed from quick-xml's byte position.
//!
//! Text fields are collected as HTML source (plain text escaped, unknown entity references kept
//! for the HTML parser's full table), then rendered: HTML content through the HTML path, plain
//! text by decoding its references.

use super::html::{decode_rcdata, fragment_text};
use super::text::escape_html;
use super::{Draft, ImportProblem, date};
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Rss,
    Atom,
}

/// How a captured element's content is to be read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Mode {
    Text,
    Html,
    Xhtml,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    FeedTitle,
    Title,
    Link,
    Guid,
    Published,
    Updated,
    Summary,
    Content,
    Author,
    Creator,
}

/// Content captured from one element, as HTML source.
#[derive(Default)]
struct Captured {
    mode: Option<Mode>,
    source: String,
}

impl Captured {
    /// The content as text; HTML rendered to paragraphs.
    fn render(&self) -> String {
        match self.mode {
            Some(Mode::Html | Mode::Xhtml) => fragment_text(&self.source),
            _ if self.source.contains('&') => {
                decode_rcdata(&self.source).unwrap_or_else(|| self.source.clone())
            }
            _ => self.source.clone(),
        }
    }

    fn is_empty(&self) -> bool {
        self.source.trim().is_empty()
    }
}

#[derive(Default)]
struct Item {
    title: Captured,
    link: String,
    guid: String,
    guid_is_link: bool,
    published: String,
    updated: String,
    summary: Captured,
    content: Captured,
    author: String,
    creator: String,
}

impl Item {
    fn into_draft(self, outlet: &str) -> Draft {
        let body = if self.content.is_empty() {
            self.summary.render()
        } else {
            self.content.render()
        };
        let url = if self.link.trim().is_empty() && self.guid_is_link {
            let guid = self.guid.trim();
            if guid.starts_with("http://") || guid.starts_with("https://") {
                guid.to_string()
            } else {
                String::new()
            }
        } else {
            self.link.trim().to_string()
        };
        let author = if self.creator.trim().is_empty() {
            rss_author_name(&self.author)
        } else {
            self.creator
        };
        Draft {
            title: self.title.render(),
            outlet: outlet.to_string(),
            author,
            url,
            published: date::parse(&self.published).or_else(|| date::parse(&self.updated)),
            body,
        }
    }
}

/// RSS's `author` is an e-mail address, often with the name in brackets: the name if given.
fn rss_author_name(author: &str) -> String {
    let author = author.trim();
    match (author.find('('), author.rfind(')')) {
        (Some(open), Some(close)) if open < close && author.contains('@') => author
            .get(open + 1..close)
            .unwrap_or(author)
            .trim()
            .to_string(),
        _ => author.to_string(),
    }
}

/// An element being captured.
struct Capture {
    field: Field,
    /// Stack depth of the captured element.
    depth: usize,
    content: Captured,
}

/// Line and column (1-based, columns in characters) of a byte offset.
fn line_col(source: &str, offset: usize) -> (usize, usize) {
    let mut cut = offset.min(source.len());
    while !source.is_char_boundary(cut) {
        cut -= 1;
    }
    let before = source.get(..cut).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before.get(line_start..).unwrap_or("").chars().count() + 1;
    (line, column)
}

fn malformed(source: &str, offset: u64, message: String) -> ImportProblem {
    let (line, column) = line_col(source, usize::try_from(offset).unwrap_or(usize::MAX));
    ImportProblem::MalformedFeed {
        line,
        column,
        message,
    }
}

fn local_name(start: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(start.local_name().as_ref()).to_ascii_lowercase()
}

fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| {
            a.key
                .local_name()
                .as_ref()
                .eq_ignore_ascii_case(name.as_bytes())
        })
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Atom's `type` attribute as a reading mode.
fn atom_mode(start: &BytesStart<'_>) -> Mode {
    match attribute(start, "type")
        .map(|t| t.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("html" | "text/html") => Mode::Html,
        Some("xhtml" | "application/xhtml+xml") => Mode::Xhtml,
        _ => Mode::Text,
    }
}

/// The field an element directly inside an item is, and how to read it.
fn item_field(dialect: Dialect, name: &str, start: &BytesStart<'_>) -> Option<(Field, Mode)> {
    // The feed's own elements are unprefixed (or `atom:`); extensions such as `media:title` or
    // `itunes:summary` are not what they look like. Dublin Core and `content:` are welcome.
    let prefix = start
        .name()
        .prefix()
        .map(|p| String::from_utf8_lossy(p.as_ref()).to_ascii_lowercase());
    let core = match prefix.as_deref() {
        None => true,
        Some("atom") => dialect == Dialect::Atom,
        Some(_) => false,
    };
    Some(match (dialect, name) {
        (Dialect::Rss, "title") if core => (Field::Title, Mode::Text),
        (Dialect::Atom, "title") if core => (Field::Title, atom_mode(start)),
        (Dialect::Rss, "link") if core => (Field::Link, Mode::Text),
        (Dialect::Rss, "guid") if core => (Field::Guid, Mode::Text),
        (Dialect::Rss, "pubdate") if core => (Field::Published, Mode::Text),
        (Dialect::Atom, "published") if core => (Field::Published, Mode::Text),
        (_, "date" | "issued") if !core => (Field::Published, Mode::Text),
        (Dialect::Atom, "updated") if core => (Field::Updated, Mode::Text),
        (_, "modified") if !core => (Field::Updated, Mode::Text),
        (Dialect::Rss, "description") if core => (Field::Summary, Mode::Html),
        (Dialect::Atom, "summary") if core => (Field::Summary, atom_mode(start)),
        (Dialect::Rss, "encoded") if !core => (Field::Content, Mode::Html),
        (Dialect::Atom, "content") if core => (Field::Content, atom_mode(start)),
        (Dialect::Rss, "author") if core => (Field::Author, Mode::Text),
        (_, "creator") if !core => (Field::Creator, Mode::Text),
        _ => return None,
    })
}

/// The reader's state between events.
#[derive(Default)]
struct Parser {
    dialect: Option<Dialect>,
    /// Open elements: local name and the byte offset of the start tag.
    stack: Vec<(String, u64)>,
    feed_title: Captured,
    items: Vec<Item>,
    /// The item being read and its depth.
    item: Option<(Item, usize)>,
    /// Inside an Atom entry's `<author>`: its depth.
    atom_author: Option<usize>,
    capture: Option<Capture>,
}

impl Parser {
    fn open(&mut self, start: &BytesStart<'_>, offset: u64) -> Result<(), ImportProblem> {
        let name = local_name(start);
        self.stack.push((name.clone(), offset));
        let depth = self.stack.len();
        if let Some(capture) = &mut self.capture {
            if matches!(capture.content.mode, Some(Mode::Html | Mode::Xhtml)) {
                capture.content.source.push('<');
                capture.content.source.push_str(&name);
                capture.content.source.push('>');
            }
            return Ok(());
        }
        let Some(dialect) = self.dialect else {
            // The root element decides.
            self.dialect = match name.as_str() {
                "rss" | "rdf" => Some(Dialect::Rss),
                "feed" => Some(Dialect::Atom),
                other => {
                    return Err(ImportProblem::Unsupported {
                        what: format!(
                            "XML that is not an RSS or Atom feed (its root is <{other}>)"
                        ),
                    });
                }
            };
            return Ok(());
        };
        let parent = depth
            .checked_sub(2)
            .and_then(|at| self.stack.get(at))
            .map(|(parent, _)| parent.as_str());
        let Some((item, item_depth)) = &mut self.item else {
            if matches!(name.as_str(), "item" | "entry") {
                self.item = Some((Item::default(), depth));
            } else if name == "title" && matches!(parent, Some("channel" | "feed")) {
                let mode = match dialect {
                    Dialect::Atom => atom_mode(start),
                    Dialect::Rss => Mode::Text,
                };
                self.start_capture(Field::FeedTitle, depth, mode);
            }
            return Ok(());
        };
        let item_depth = *item_depth;
        if let Some(author_depth) = self.atom_author {
            if name == "name" && depth == author_depth + 1 {
                self.start_capture(Field::Author, depth, Mode::Text);
            }
            return Ok(());
        }
        if depth != item_depth + 1 {
            return Ok(());
        }
        if dialect == Dialect::Atom && name == "link" {
            let rel = attribute(start, "rel").unwrap_or_default();
            if item.link.is_empty() && (rel.is_empty() || rel.eq_ignore_ascii_case("alternate")) {
                item.link = attribute(start, "href").unwrap_or_default();
            }
            return Ok(());
        }
        if dialect == Dialect::Atom && name == "author" {
            self.atom_author = Some(depth);
            return Ok(());
        }
        if dialect == Dialect::Rss && name == "guid" {
            item.guid_is_link = attribute(start, "ispermalink")
                .is_none_or(|v| !v.trim().eq_ignore_ascii_case("false"));
        }
        if let Some((field, mode)) = item_field(dialect, &name, start) {
            self.start_capture(field, depth, mode);
        }
        Ok(())
    }

    fn start_capture(&mut self, field: Field, depth: usize, mode: Mode) {
        self.capture = Some(Capture {
            field,
            depth,
            content: Captured {
                mode: Some(mode),
                source: String::new(),
            },
        });
    }

    fn close(&mut self) {
        let Some((name, _)) = self.stack.pop() else {
            return;
        };
        let depth = self.stack.len() + 1;
        if let Some(capture) = &mut self.capture {
            if capture.depth < depth {
                if matches!(capture.content.mode, Some(Mode::Html | Mode::Xhtml)) {
                    capture.content.source.push_str("</");
                    capture.content.source.push_str(&name);
                    capture.content.source.push('>');
                }
                return;
            }
            if let Some(capture) = self.capture.take() {
                self.store(capture);
            }
            return;
        }
        if self.atom_author == Some(depth) {
            self.atom_author = None;
        }
        if self.item.as_ref().is_some_and(|(_, at)| *at == depth)
            && let Some((item, _)) = self.item.take()
        {
            self.items.push(item);
        }
    }

    fn store(&mut self, capture: Capture) {
        let content = capture.content;
        if capture.field == Field::FeedTitle {
            if self.feed_title.is_empty() {
                self.feed_title = content;
            }
            return;
        }
        let Some((item, _)) = &mut self.item else {
            return;
        };
        // The first non-empty occurrence of a field counts.
        let set_text = |slot: &mut String, content: &Captured| {
            if slot.is_empty() {
                *slot = content.render().trim().to_string();
            }
        };
        let set_content = |slot: &mut Captured, content: Captured| {
            if slot.is_empty() {
                *slot = content;
            }
        };
        match capture.field {
            Field::FeedTitle => {}
            Field::Title => set_content(&mut item.title, content),
            Field::Summary => set_content(&mut item.summary, content),
            Field::Content => set_content(&mut item.content, content),
            Field::Link => set_text(&mut item.link, &content),
            Field::Guid => set_text(&mut item.guid, &content),
            Field::Published => set_text(&mut item.published, &content),
            Field::Updated => set_text(&mut item.updated, &content),
            Field::Author => set_text(&mut item.author, &content),
            Field::Creator => set_text(&mut item.creator, &content),
        }
    }

    /// Character data inside the captured element.
    fn text(&mut self, text: &str) {
        if let Some(capture) = &mut self.capture {
            match capture.content.mode {
                Some(Mode::Html) => capture.content.source.push_str(text),
                _ => escape_html(text, &mut capture.content.source),
            }
        }
    }

    /// An entity reference that is not one of XML's own: kept for the HTML parser's table.
    fn unknown_reference(&mut self, name: &str) {
        if let Some(capture) = &mut self.capture {
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric()) {
                capture.content.source.push('&');
                capture.content.source.push_str(name);
                capture.content.source.push(';');
            } else {
                escape_html(&format!("&{name};"), &mut capture.content.source);
            }
        }
    }
}

/// Reads a feed; an error for malformed XML, for XML that is not a feed, and for no items.
pub(super) fn parse(source: &str) -> Result<Vec<Draft>, ImportProblem> {
    let mut reader = Reader::from_str(source);
    // A bare "&" (as in "AT&T") is the commonest fault in real feeds, and its meaning is plain.
    reader.config_mut().allow_dangling_amp = true;
    let mut parser = Parser::default();
    loop {
        let offset = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|err| malformed(source, reader.error_position(), err.to_string()))?;
        match event {
            Event::Start(start) => parser.open(&start, offset)?,
            Event::Empty(start) => {
                parser.open(&start, offset)?;
                parser.close();
            }
            Event::End(_) => parser.close(),
            Event::Text(text) => {
                let text = text
                    .decode()
                    .map_err(|err| malformed(source, offset, err.to_string()))?;
                parser.text(&text);
            }
            Event::CData(data) => {
                let text = data
                    .decode()
                    .map_err(|err| malformed(source, offset, err.to_string()))?;
                parser.text(&text);
            }
            Event::GeneralRef(reference) => {
                let name = reference
                    .decode()
                    .map_err(|err| malformed(source, offset, err.to_string()))?;
                if reference.is_char_ref() {
                    let c = reference
                        .resolve_char_ref()
                        .map_err(|err| malformed(source, offset, err.to_string()))?;
                    parser.text(c.unwrap_or('\u{fffd}').encode_utf8(&mut [0; 4]));
                } else if let Some(value) = resolve_xml_entity(&name) {
                    parser.text(value);
                } else {
                    parser.unknown_reference(&name);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some((name, offset)) = parser.stack.last() {
        return Err(malformed(
            source,
            *offset,
            format!("<{name}> is not closed before the end of the feed"),
        ));
    }
    if parser.dialect.is_none() {
        return Err(ImportProblem::Unsupported {
            what: "XML that is not an RSS or Atom feed".to_string(),
        });
    }
    if parser.items.is_empty() {
        return Err(ImportProblem::NoItems);
    }
    let outlet = parser.feed_title.render();
    Ok(parser
        .items
        .into_iter()
        .map(|item| item.into_draft(&outlet))
        .collect())
}

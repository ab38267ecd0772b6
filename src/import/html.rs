//! HTML pages (and the HTML inside feed items), parsed with html5ever through `scraper`, which
//! accepts anything a browser would: truncated pages, unclosed tags, stray markup.
//!
//! The text comes from the page's `<article>` (the one with most text), else `<main>`, else
//! `<body>`, without navigation, scripts, styles, forms and other page furniture. Block elements
//! end paragraphs; whitespace inside a paragraph is collapsed. The tree is walked with
//! `traverse()`, which does not recurse, so deeply nested pages cannot exhaust the stack.

use super::{Draft, date};
use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "head", "title", "iframe", "object", "embed", "canvas", "button", "select", "textarea",
    "input", "video", "audio", "dialog", "menu",
];

/// Elements that end a paragraph where they start and where they end.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "div",
    "blockquote",
    "br",
    "tr",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "caption",
    "pre",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "body",
    "center",
    "fieldset",
    "legend",
    "hgroup",
];

/// What the page says about itself, gathered in one pass over all nodes.
#[derive(Default)]
struct Meta {
    og_title: String,
    title: String,
    h1: String,
    outlet: String,
    author: String,
    canonical: String,
    og_url: String,
    published: Option<crate::model::Date>,
    time: Option<crate::model::Date>,
}

/// Deepest element nesting accepted. html5ever's tree building takes time quadratic in the
/// depth (scope checks walk the stack of open elements), so an absurdly nested page would hang
/// the import; real pages stay below a few hundred levels.
pub(super) const MAX_NESTING: usize = 4_000;

/// Elements whose end tag may be left out or that have none: they do not nest in practice.
const NOT_NESTING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rp", "rt", "area", "base", "br", "col", "embed", "hr", "img", "input", "link",
    "meta", "source", "track", "wbr", "param", "keygen",
];

/// Whether the source nests elements deeper than `limit`, estimated from its tags in one pass
/// (an upper bound on what the parser builds, apart from tags inside scripts and comments).
pub(super) fn nests_deeper_than(source: &str, limit: usize) -> bool {
    let mut depth = 0usize;
    let mut rest = source;
    while let Some(open) = rest.find('<') {
        rest = rest.get(open + 1..).unwrap_or("");
        let closing = rest.starts_with('/');
        let name_start = usize::from(closing);
        let name: String = rest
            .get(name_start..)
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .take(16)
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            continue;
        }
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        // Up to the next `>` or `<`, whichever comes first, so the scan stays linear.
        let self_closing = rest
            .find(['>', '<'])
            .filter(|&end| rest.get(end..).is_some_and(|r| r.starts_with('>')))
            .and_then(|end| rest.get(..end))
            .is_some_and(|tag| tag.ends_with('/'));
        if !self_closing {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

pub(super) fn parse_page(source: &str) -> Draft {
    let page = Html::parse_document(source);
    let mut meta = Meta::default();
    let mut articles = Vec::new();
    let mut main = None;
    let mut body = None;
    // Depth of open <article> elements: only outermost articles are candidates.
    let mut article_depth = 0usize;
    for edge in page.tree.root().traverse() {
        let node = match edge {
            Edge::Open(node) => node,
            Edge::Close(node) => {
                if matches!(node.value(), Node::Element(e) if e.name() == "article") {
                    article_depth = article_depth.saturating_sub(1);
                }
                continue;
            }
        };
        let Node::Element(element) = node.value() else {
            continue;
        };
        match element.name() {
            "meta" => read_meta(&mut meta, element),
            "link" => {
                let canonical = element.attr("rel").is_some_and(|rel| {
                    rel.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                });
                if canonical && meta.canonical.is_empty() {
                    meta.canonical = element.attr("href").unwrap_or("").to_string();
                }
            }
            "title" if meta.title.is_empty() && is_child_of(node, "head") => {
                meta.title = inline_text(node);
            }
            "h1" if meta.h1.is_empty() => meta.h1 = inline_text(node),
            "time" if meta.time.is_none() => {
                meta.time = element.attr("datetime").and_then(date::parse);
            }
            "article" => {
                if article_depth == 0 {
                    articles.push(node);
                }
                article_depth += 1;
            }
            "main" if main.is_none() => main = Some(node),
            "body" if body.is_none() => body = Some(node),
            _ => {}
        }
    }
    let article_text = articles
        .into_iter()
        .map(extract)
        .max_by_key(String::len)
        .filter(|text| !text.is_empty());
    let text = article_text
        .or_else(|| main.map(extract).filter(|text| !text.is_empty()))
        .unwrap_or_else(|| extract(body.unwrap_or_else(|| page.tree.root())));
    let pick = |candidates: [&String; 3]| {
        candidates
            .into_iter()
            .find(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_default()
    };
    Draft {
        title: pick([&meta.og_title, &meta.title, &meta.h1]),
        outlet: meta.outlet.clone(),
        author: meta.author.clone(),
        url: pick([&meta.canonical, &meta.og_url, &String::new()]),
        published: meta.published.or(meta.time),
        body: text,
    }
}

fn is_child_of(node: NodeRef<'_, Node>, parent: &str) -> bool {
    node.parent()
        .is_some_and(|p| matches!(p.value(), Node::Element(e) if e.name() == parent))
}

fn read_meta(meta: &mut Meta, element: &scraper::node::Element) {
    let key = element
        .attr("property")
        .or_else(|| element.attr("name"))
        .or_else(|| element.attr("itemprop"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some(content) = element
        .attr("content")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    let set = |slot: &mut String| {
        if slot.is_empty() {
            *slot = content.to_string();
        }
    };
    match key.as_str() {
        "og:title" | "twitter:title" => set(&mut meta.og_title),
        "og:site_name" | "application-name" => set(&mut meta.outlet),
        "author" | "dc.creator" | "byl" | "parsely-author" | "sailthru.author" => {
            set(&mut meta.author);
        }
        // Facebook-style article:author is often a profile URL; a name is what we want.
        "article:author" if !content.contains("://") => set(&mut meta.author),
        "og:url" => set(&mut meta.og_url),
        "article:published_time"
        | "date"
        | "pubdate"
        | "publishdate"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "datepublished"
        | "og:published_time"
            if meta.published.is_none() =>
        {
            meta.published = date::parse(content);
        }
        _ => {}
    }
}

/// The text of an element on one line (titles, headings).
fn inline_text(node: NodeRef<'_, Node>) -> String {
    extract(node)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The readable text under `root`: paragraphs joined by a blank line.
fn extract(root: NodeRef<'_, Node>) -> String {
    let mut writer = TextWriter::default();
    let mut skipping = None;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(text) => writer.text(text),
                    Node::Element(element) => {
                        let name = element.name();
                        let hidden = element.attr("hidden").is_some()
                            || element.attr("aria-hidden") == Some("true");
                        if (SKIPPED.contains(&name) && node != root) || hidden {
                            skipping = Some(node.id());
                        } else if BLOCKS.contains(&name) {
                            writer.block();
                        } else if matches!(name, "td" | "th") {
                            writer.space();
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                    continue;
                }
                if skipping.is_none()
                    && let Node::Element(element) = node.value()
                    && BLOCKS.contains(&element.name())
                {
                    writer.block();
                }
            }
        }
    }
    writer.finish()
}

/// Builds paragraphs from text runs, collapsing whitespace.
#[derive(Default)]
struct TextWriter {
    paragraphs: Vec<String>,
    current: String,
    space: bool,
}

impl TextWriter {
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            if c.is_whitespace() {
                self.space = !self.current.is_empty();
            } else {
                if self.space {
                    self.current.push(' ');
                    self.space = false;
                }
                self.current.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.space = !self.current.is_empty();
    }

    fn block(&mut self) {
        if !self.current.is_empty() {
            self.paragraphs.push(std::mem::take(&mut self.current));
        }
        self.space = false;
    }

    fn finish(mut self) -> String {
        self.block();
        self.paragraphs.join("\n\n")
    }
}

/// The text of an HTML fragment (a feed item's description or content).
pub(super) fn fragment_text(source: &str) -> String {
    if nests_deeper_than(source, MAX_NESTING) {
        return String::new();
    }
    let fragment = Html::parse_fragment(source);
    extract(fragment.tree.root())
}

/// Decodes the character references in `source`, which must hold no markup (text escaped with
/// [`super::text::escape_html`] plus references), using the HTML parser's full entity table:
/// inside a `<textarea>`, HTML decodes references but parses no tags.
pub(super) fn decode_rcdata(source: &str) -> Option<String> {
    if source.to_ascii_lowercase().contains("</textarea") {
        return None;
    }
    // The parser drops one newline right after <textarea>; this one, not the text's own.
    let fragment = Html::parse_fragment(&format!("<textarea>\n{source}</textarea>"));
    let textarea = fragment
        .tree
        .root()
        .descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "textarea"))?;
    let mut out = String::with_capacity(source.len());
    for child in textarea.children() {
        if let Node::Text(text) = child.value() {
            out.push_str(text);
        }
    }
    Some(out)
}

//! Article import: turns a file (or pasted text) into [`Article`]s the analyst reads and cites.
//!
//! Formats: plain text with an optional `Title:`/`Source:`/`URL:`/`Date:`/`Author:` header,
//! Markdown with optional front matter, HTML pages, and RSS 2.0 / Atom feeds (one article per
//! item). The format comes from the file name's extension, else from sniffing the content.
//!
//! Every import goes the same way: size check, decoding (UTF-8 with or without BOM, UTF-16 with
//! a BOM, else the encoding the file declares, else Windows-1252), binary detection, parsing, and
//! finally the one text cleaning ([`text::clean_body`]) so that the body is exactly the text shown
//! to the analyst: byte offsets of citations and of the drafting assistant point into it.
//!
//! Invariant: nothing here panics on any input. The lints below forbid `unwrap`, `expect`,
//! `panic!` and indexing in this module; deep nesting is walked without recursion.

#![deny(
    clippy::indexing_slicing,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

mod date;
mod feed;
mod html;
mod markdown;
mod plain;
mod text;

use crate::model::Article;
use std::fmt;
use std::io;
use std::path::Path;

/// Largest article file accepted, in bytes; larger files are refused before they are read.
pub const MAX_ARTICLE_BYTES: u64 = 8 * 1024 * 1024;

/// An import that failed, naming the file (or "clipboard.txt") it came from.
#[derive(Debug)]
pub struct ImportError {
    /// The file name as given (a path for [`import_file`]).
    pub name: String,
    pub problem: ImportProblem,
}

/// What is wrong with an article file.
#[derive(Debug, thiserror::Error)]
pub enum ImportProblem {
    #[error("the file is empty")]
    Empty,
    #[error("the file is {size} bytes, more than the {limit}-byte limit for an article")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is binary, not text (is it an image or a document that needs converting?)")]
    Binary,
    #[error("cannot read the file: {0}")]
    Io(io::Error),
    #[error("malformed feed at line {line}, column {column}: {message}")]
    MalformedFeed {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("the feed has no items")]
    NoItems,
    #[error("no article text found in the {format}")]
    NoArticleText { format: &'static str },
    #[error("{what} is not supported; save the article as text, Markdown, HTML or a feed")]
    Unsupported { what: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.problem)
    }
}

// No `source`: the message already ends with the reason, and an error chain would print
// it twice.
impl std::error::Error for ImportError {}

/// The formats an article can come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Markdown,
    Html,
    Feed,
}

/// Reads and imports one file (format from extension, then sniffing). Error names the file.
pub fn import_file(path: &Path) -> Result<Vec<Article>, ImportError> {
    let name = path.display().to_string();
    let bytes = crate::storage::read_bounded(path, MAX_ARTICLE_BYTES).map_err(|problem| {
        use crate::storage::LoadProblem;
        let problem = match problem {
            LoadProblem::TooLarge { size, limit } => ImportProblem::TooLarge { size, limit },
            LoadProblem::Io(err) => ImportProblem::Io(err),
            other => ImportProblem::Io(io::Error::other(other.to_string())),
        };
        ImportError {
            name: name.clone(),
            problem,
        }
    })?;
    import_bytes(&name, &bytes)
}

/// Imports bytes that came from `name` (a file name used for the format and for messages; the
/// clipboard uses "clipboard.txt").
///
/// Feeds give one article per item that has text (items with neither a description nor content
/// are skipped); every other format gives one article.
pub fn import_bytes(name: &str, bytes: &[u8]) -> Result<Vec<Article>, ImportError> {
    import_inner(name, bytes).map_err(|problem| ImportError {
        name: name.to_string(),
        problem,
    })
}

fn import_inner(name: &str, bytes: &[u8]) -> Result<Vec<Article>, ImportProblem> {
    let size = bytes.len() as u64;
    if size > MAX_ARTICLE_BYTES {
        return Err(ImportProblem::TooLarge {
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let by_extension = format_from_name(name)?;
    if bytes.is_empty() {
        return Err(ImportProblem::Empty);
    }
    let decoded = text::decode(bytes);
    if text::looks_binary(&decoded) {
        return Err(ImportProblem::Binary);
    }
    if decoded
        .chars()
        .all(|c| c.is_whitespace() || c == '\u{feff}')
    {
        return Err(ImportProblem::Empty);
    }
    let source = text::normalize_newlines(&decoded);
    let format = by_extension.unwrap_or_else(|| sniff(&source));
    let articles = match format {
        Format::Text => vec![plain::parse(&source)],
        Format::Markdown => vec![markdown::parse(&source)],
        Format::Html => {
            if html::nests_deeper_than(&source, html::MAX_NESTING) {
                return Err(ImportProblem::Unsupported {
                    what: format!("HTML nested more than {} elements deep", html::MAX_NESTING),
                });
            }
            vec![html::parse_page(&source)]
        }
        Format::Feed => feed::parse(&source)?,
    };
    let articles: Vec<Article> = articles
        .into_iter()
        .filter_map(|draft| draft.finish())
        .collect();
    if articles.is_empty() {
        return Err(ImportProblem::NoArticleText {
            format: match format {
                Format::Text => "text",
                Format::Markdown => "Markdown file",
                Format::Html => "HTML page",
                Format::Feed => "feed's items",
            },
        });
    }
    Ok(articles)
}

/// The format the name's extension says, `None` for an unknown or missing extension.
fn format_from_name(name: &str) -> Result<Option<Format>, ImportProblem> {
    let file_name = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let Some((_, extension)) = file_name.rsplit_once('.') else {
        return Ok(None);
    };
    let format = match extension.to_ascii_lowercase().as_str() {
        "txt" | "text" => Format::Text,
        "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
        "html" | "htm" | "xhtml" | "shtml" => Format::Html,
        "rss" | "atom" | "xml" | "rdf" => Format::Feed,
        known @ ("pdf" | "doc" | "docx" | "odt" | "rtf" | "epub" | "png" | "jpg" | "jpeg"
        | "gif" | "webp" | "zip" | "gz" | "xls" | "xlsx" | "ppt" | "pptx") => {
            return Err(ImportProblem::Unsupported {
                what: format!("a .{known} file"),
            });
        }
        _ => return Ok(None),
    };
    Ok(Some(format))
}

/// Guesses the format of text whose name did not tell.
fn sniff(source: &str) -> Format {
    let head: String = source
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Format::Html;
    }
    if head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf:rdf") {
        return Format::Feed;
    }
    if head.starts_with("<?xml") {
        if head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf") {
            return Format::Feed;
        }
        if head.contains("<html") {
            return Format::Html;
        }
    }
    if head.starts_with("<!--") && head.contains("<html") {
        return Format::Html;
    }
    Format::Text
}

/// An article as a parser found it, before the common cleaning.
#[derive(Debug, Default)]
struct Draft {
    title: String,
    outlet: String,
    author: String,
    url: String,
    published: Option<crate::model::Date>,
    body: String,
}

impl Draft {
    /// Cleans every field the same way and computes what derives from the body; `None` when
    /// there is no text left.
    fn finish(self) -> Option<Article> {
        let body = text::clean_body(&self.body);
        if body.is_empty() {
            return None;
        }
        let mut article = Article {
            title: text::clean_line(&self.title),
            outlet: text::clean_line(&self.outlet),
            author: text::clean_line(&self.author),
            url: text::clean_line(&self.url).replace(' ', "%20"),
            published: self.published,
            body,
            ..Article::default()
        };
        article.refresh();
        if article.outlet.is_empty()
            && let Some(agency) = article.dateline.as_ref().and_then(|d| d.outlet.clone())
        {
            article.outlet = agency;
        }
        if article.title.is_empty() {
            let start = article.dateline.as_ref().map_or(0, |d| d.end);
            let text = article.body.get(start..).unwrap_or(&article.body);
            article.title = text::title_from_text(text);
        }
        Some(article)
    }
}

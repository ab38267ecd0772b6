//! Article import: every format and encoding, and bad input that must fail cleanly (never panic).
//! All fixtures are written here; none is third-party text.

use briefdesk::import::{ImportError, ImportProblem, MAX_ARTICLE_BYTES, import_bytes, import_file};
use briefdesk::model::{Article, Date, sha256_hex};
use proptest::prelude::*;
use std::path::Path;

/// Imports and checks what holds for every article: digest, dateline, clean body.
fn import(name: &str, bytes: &[u8]) -> Vec<Article> {
    let articles = import_bytes(name, bytes).unwrap_or_else(|err| panic!("{name}: {err}"));
    for article in &articles {
        assert_invariants(article);
    }
    articles
}

fn import_one(name: &str, bytes: &[u8]) -> Article {
    let mut articles = import(name, bytes);
    assert_eq!(articles.len(), 1, "{name}: one article expected");
    articles.remove(0)
}

fn assert_invariants(article: &Article) {
    let body = &article.body;
    assert_eq!(article.sha256, sha256_hex(body), "digest of the body");
    assert!(!body.is_empty());
    assert_eq!(body.trim(), body, "body is trimmed");
    assert!(!body.contains('\r'));
    assert!(!body.contains("\n\n\n"), "at most one blank line: {body:?}");
    assert!(
        body.chars()
            .all(|c| !c.is_control() || c == '\n' || c == '\t'),
        "no control characters: {body:?}"
    );
    assert!(
        body.lines().all(|l| l.trim_end() == l),
        "no trailing spaces"
    );
    for field in [
        &article.title,
        &article.outlet,
        &article.author,
        &article.url,
    ] {
        assert!(!field.contains('\n'), "one-line field: {field:?}");
        assert_eq!(field.trim(), field.as_str());
    }
    let fresh = Article::from_body(article.title.clone(), body.clone());
    assert_eq!(article.dateline, fresh.dateline);
}

fn problem(name: &str, bytes: &[u8]) -> ImportError {
    match import_bytes(name, bytes) {
        Ok(articles) => panic!("{name}: expected an error, got {articles:?}"),
        Err(err) => err,
    }
}

fn date(y: i32, m: u8, d: u8) -> Option<Date> {
    Date::new(y, m, d)
}

// ---------------------------------------------------------------- plain text

#[test]
fn text_with_header() {
    let text = "Title: Harbour talks resume after a week\n\
                Source: Example Wire\n\
                URL: https://news.example.org/harbour-talks\n\
                Date: 2021-04-09\n\
                Author: Jo Writer\n\
                \n\
                Negotiators met again on Friday.\n\
                \n\
                A second round is planned for May.\n";
    let a = import_one("reports/harbour.txt", text.as_bytes());
    assert_eq!(a.title, "Harbour talks resume after a week");
    assert_eq!(a.outlet, "Example Wire");
    assert_eq!(a.url, "https://news.example.org/harbour-talks");
    assert_eq!(a.published, date(2021, 4, 9));
    assert_eq!(a.author, "Jo Writer");
    assert_eq!(
        a.body,
        "Negotiators met again on Friday.\n\nA second round is planned for May."
    );
    assert_eq!(a.dateline, None);
}

#[test]
fn text_header_with_unknown_or_bad_date() {
    for value in ["unknown", "sometime in spring", "2021-02-30", ""] {
        let text = format!("Title: T\nSource: S\nDate: {value}\n\nBody text here.");
        let a = import_one("a.txt", text.as_bytes());
        assert_eq!(a.published, None, "{value}");
        assert_eq!(
            (a.title.as_str(), a.body.as_str()),
            ("T", "Body text here.")
        );
    }
}

#[test]
fn text_without_header_is_all_body_with_a_derived_title() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs/articles/000_443a827814897e09.txt");
    let file = std::fs::read_to_string(&path).expect("seed article");
    let articles = import_file(&path).expect("imports");
    assert_eq!(articles.len(), 1);
    let a = &articles[0];
    assert_invariants(a);
    assert_eq!(a.body, file.trim());
    assert!(
        a.title.starts_with("US President Donald Trump"),
        "{}",
        a.title
    );
    assert!(a.title.chars().count() <= 100, "{}", a.title);
    assert!(a.title.ends_with('…'), "{}", a.title);
    // Cut at a word boundary: the text before the ellipsis is a prefix of the body ending a word.
    let head = a.title.trim_end_matches('…');
    assert!(a.body.starts_with(head));
    assert!(a.body[head.len()..].starts_with(' '));
    assert_eq!(
        (a.outlet.as_str(), a.url.as_str(), a.published),
        ("", "", None)
    );
}

#[test]
fn a_short_first_sentence_is_the_title() {
    let a = import_one(
        "note.txt",
        b"Ministers met in Oslo. They agreed on little.\nMore later.",
    );
    assert_eq!(a.title, "Ministers met in Oslo");
    let a = import_one(
        "note.txt",
        b"Dr. Lee and the U.S. envoy met Mr. Park. Then they left.",
    );
    assert_eq!(a.title, "Dr. Lee and the U.S. envoy met Mr. Park");
}

#[test]
fn wire_dateline_is_recognised() {
    let text = "VIENNA (Reuters) - Delegates at the agency said on Monday that the review \
                would take longer than planned.\n\nA report is due in June.";
    let a = import_one("wire.txt", text.as_bytes());
    let dateline = a.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.place, "VIENNA");
    assert_eq!(dateline.outlet.as_deref(), Some("Reuters"));
    assert_eq!(&a.body[dateline.end..dateline.end + 9], "Delegates");
    // No outlet given: the dateline's agency. The title skips the dateline.
    assert_eq!(a.outlet, "Reuters");
    assert!(
        a.title.starts_with("Delegates at the agency said"),
        "{}",
        a.title
    );

    let with_header = format!("Title: Review delayed\nSource: Example Post\n\n{text}");
    let a = import_one("wire.txt", with_header.as_bytes());
    assert_eq!(a.outlet, "Example Post");
    assert_eq!(a.dateline.expect("dateline").place, "VIENNA");
}

#[test]
fn whitespace_is_normalised() {
    let text = "Title:   Spaced   out  \r\n\r\nFirst line.   \r\nSecond line.\t\r\n\r\n\r\n\r\n\rThird   paragraph.\r\n   ";
    let a = import_one("win.txt", text.as_bytes());
    assert_eq!(a.title, "Spaced out");
    assert_eq!(a.body, "First line.\nSecond line.\n\nThird   paragraph.");
}

#[test]
fn clipboard_text_imports() {
    let a = import_one(
        "clipboard.txt",
        "  pasted words, nothing else  \n".as_bytes(),
    );
    assert_eq!(a.body, "pasted words, nothing else");
    assert_eq!(a.title, "pasted words, nothing else");
}

// ---------------------------------------------------------------- Markdown

#[test]
fn markdown_with_front_matter() {
    let text = r#"---
title: "Port deal: what changes"
source: 'Example Times'
url: https://example.org/port-deal
date: 2024-03-05T10:00:00Z
author: Sam Reporter
tags: [trade, ports]
---

# Port deal: what changes

The **new agreement** takes _effect_ in *April*, say [officials](https://example.org/o "t").
![A crane](https://example.org/crane.jpg)
It covers two ports.

## Key points

- Fees fall by a *third*
* Inspections move <b>inland</b>
1. Review in ~~2025~~ 2026

> "It is a fair deal," one negotiator said.
> Others disagreed.

Snake_case_names and 5 * 3 stay; `code` is kept &amp; entities decoded&nbsp;too.
"#;
    let a = import_one("deal.md", text.as_bytes());
    assert_eq!(a.title, "Port deal: what changes");
    assert_eq!(a.outlet, "Example Times");
    assert_eq!(a.url, "https://example.org/port-deal");
    assert_eq!(a.published, date(2024, 3, 5));
    assert_eq!(a.author, "Sam Reporter");
    assert_eq!(
        a.body,
        "Port deal: what changes\n\n\
         The new agreement takes effect in April, say officials. It covers two ports.\n\n\
         Key points\n\n\
         - Fees fall by a third\n\
         - Inspections move inland\n\
         1. Review in 2025 2026\n\n\
         \"It is a fair deal,\" one negotiator said. Others disagreed.\n\n\
         Snake_case_names and 5 * 3 stay; code is kept & entities decoded too."
    );
}

#[test]
fn markdown_first_heading_is_the_title() {
    let text =
        "# Border crossing reopens\n\nTrucks moved again on *Tuesday*.\n\nSetext\n------\n\nEnd.";
    let a = import_one("border.markdown", text.as_bytes());
    assert_eq!(a.title, "Border crossing reopens");
    assert_eq!(a.body, "Trucks moved again on Tuesday.\n\nSetext\n\nEnd.");
    assert_eq!(a.published, None);
}

// ---------------------------------------------------------------- HTML

const NOISY_PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Dam talks | Example News</title>
<meta property="og:title" content="Dam talks to resume on Tuesday">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Ana Example">
<meta property="article:published_time" content="2020-10-26T09:15:00+02:00">
<link rel="canonical" href="https://news.example.com/dam-talks">
<style>.x { color: red } body { margin: 0 }</style>
<script>var tracking = "SCRIPT-NOISE";</script>
</head>
<body>
<header><a href="/">HEADER-NOISE Example News</a></header>
<nav><ul><li>NAV-NOISE Home</li><li>World</li></ul></nav>
<article>
  <h1>Dam talks to resume</h1>
  <p>Talks between the   three countries
     will resume on <b>Tuesday</b>, officials said.</p>
  <p>Earlier rounds ended&nbsp;without a deal &amp; no date.<br>A new mediator joins.</p>
  <figure><img src="dam.jpg" alt="IMG-ALT-NOISE"><figcaption>The dam in July.</figcaption></figure>
  <aside>ASIDE-NOISE Read more</aside>
  <ul><li>First point</li><li>Second point</li></ul>
  <script>document.write("SCRIPT-NOISE-2")</script>
  <form><label>FORM-NOISE Subscribe</label><input></form>
</article>
<footer>FOOTER-NOISE © 2020</footer>
<noscript>NOSCRIPT-NOISE</noscript>
</body></html>"#;

#[test]
fn html_page_without_page_furniture() {
    let a = import_one("dam.html", NOISY_PAGE.as_bytes());
    assert_eq!(a.title, "Dam talks to resume on Tuesday");
    assert_eq!(a.outlet, "Example News");
    assert_eq!(a.author, "Ana Example");
    assert_eq!(a.url, "https://news.example.com/dam-talks");
    assert_eq!(a.published, date(2020, 10, 26));
    assert_eq!(
        a.body,
        "Dam talks to resume\n\n\
         Talks between the three countries will resume on Tuesday, officials said.\n\n\
         Earlier rounds ended without a deal & no date.\n\n\
         A new mediator joins.\n\n\
         The dam in July.\n\n\
         First point\n\nSecond point"
    );
    assert!(!a.body.contains("NOISE"), "{}", a.body);
    assert!(!a.body.contains("color"));
}

#[test]
fn html_fallbacks_title_element_main_and_time() {
    let page = "<html><head><title>Grain  corridor\n extended</title></head><body>\
                <div class=menu>Menu</div>\
                <main><p>Ships may sail for <i>another</i> 120 days.</p>\
                <p>Posted <time datetime=\"2023-05-17\">yesterday</time>.</p></main></body></html>";
    let a = import_one("grain.htm", page.as_bytes());
    assert_eq!(a.title, "Grain corridor extended");
    assert_eq!(a.published, date(2023, 5, 17));
    assert_eq!(
        a.body,
        "Ships may sail for another 120 days.\n\nPosted yesterday."
    );
    let only_h1 = "<body><h1>Only a heading</h1><p>And text.</p></body>";
    let a = import_one("x.html", only_h1.as_bytes());
    assert_eq!(a.title, "Only a heading");
}

#[test]
fn html_is_sniffed_without_an_extension() {
    let a = import_one("download", b"  <!doctype html><p>Sniffed page.</p>");
    assert_eq!(a.body, "Sniffed page.");
}

#[test]
fn truncated_html_still_imports() {
    let a = import_one("cut.html", b"<html><body><p>Some text");
    assert_eq!(a.body, "Some text");
    let a = import_one(
        "cut.html",
        b"<html><body><p>Broken <b>markup <i>here</p><div>and <span",
    );
    // As a browser reads it: the unfinished `<span` is dropped, the text before it kept.
    assert_eq!(a.body, "Broken markup here\n\nand");
}

#[test]
fn html_without_text_is_an_error() {
    let err = problem(
        "empty.html",
        b"<html><head><title>T</title><script>x()</script></head><body><nav>Menu</nav></body></html>",
    );
    assert!(
        matches!(err.problem, ImportProblem::NoArticleText { .. }),
        "{err}"
    );
    assert!(
        err.to_string().starts_with("empty.html: no article text"),
        "{err}"
    );
}

// ---------------------------------------------------------------- feeds

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom"
     xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example Wire &amp; Co</title>
  <link>https://wire.example.net/</link>
  <description>Test feed</description>
  <image><title>IMAGE TITLE</title><url>https://wire.example.net/logo.png</url></image>
  <item>
    <title>Ceasefire holds &amp; aid arrives</title>
    <link>https://wire.example.net/1</link>
    <pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate>
    <dc:creator>Kim Author</dc:creator>
    <media:title>MEDIA TITLE</media:title>
    <atom:link href="https://wire.example.net/self" rel="self"/>
    <description><![CDATA[<p>Aid convoys <b>entered</b> the city.</p><p>More &amp; more arrive&hellip;</p><script>bad()</script>]]></description>
  </item>
  <item>
    <title>Second&#8212;story</title>
    <link>https://wire.example.net/2</link>
    <pubDate>Wed, 11 Jun 2003 09:30:00 +0100</pubDate>
    <author>desk@wire.example.net (News Desk)</author>
    <description>Plain &lt;i&gt;escaped&lt;/i&gt; HTML text.</description>
    <content:encoded><![CDATA[<p>The full text.</p><p>Two paragraphs.</p>]]></content:encoded>
  </item>
</channel>
</rss>"#;

#[test]
fn rss_items_become_articles() {
    let articles = import("wire.rss", RSS.as_bytes());
    assert_eq!(articles.len(), 2);
    let (a, b) = (&articles[0], &articles[1]);
    assert_eq!(a.title, "Ceasefire holds & aid arrives");
    assert_eq!(a.url, "https://wire.example.net/1");
    assert_eq!(a.published, date(2003, 6, 10));
    assert_eq!(a.author, "Kim Author");
    assert_eq!(a.outlet, "Example Wire & Co");
    assert_eq!(
        a.body,
        "Aid convoys entered the city.\n\nMore & more arrive…"
    );
    assert_eq!(b.title, "Second—story");
    assert_eq!(b.url, "https://wire.example.net/2");
    assert_eq!(b.published, date(2003, 6, 11));
    assert_eq!(b.author, "News Desk");
    assert_eq!(b.outlet, "Example Wire & Co");
    // content:encoded is the full text and wins over the description.
    assert_eq!(b.body, "The full text.\n\nTwo paragraphs.");

    let only_description = RSS.replace(
        "<content:encoded><![CDATA[<p>The full text.</p><p>Two paragraphs.</p>]]></content:encoded>",
        "",
    );
    let articles = import("wire.xml", only_description.as_bytes());
    assert_eq!(articles[1].body, "Plain escaped HTML text.");
}

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Example Atom Desk</title>
  <link href="https://atom.example.org/" rel="self"/>
  <updated>2024-01-02T00:00:00Z</updated>
  <entry>
    <title type="html">Rates &lt;em&gt;held&lt;/em&gt; steady</title>
    <link rel="related" href="https://atom.example.org/related"/>
    <link rel="alternate" type="text/html" href="https://atom.example.org/rates"/>
    <id>urn:uuid:1</id>
    <published>2024-01-02T08:00:00+01:00</published>
    <updated>2024-01-03T08:00:00Z</updated>
    <author><name>Lee Banker</name><email>lee@example.org</email></author>
    <summary>Short summary.</summary>
    <content type="html">&lt;p&gt;The bank held rates.&lt;/p&gt;&lt;p&gt;Markets rose.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second entry</title>
    <link href="https://atom.example.org/second"/>
    <id>urn:uuid:2</id>
    <updated>2024-01-04T12:00:00Z</updated>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Only a <b>summary</b> &amp; it is xhtml.</p><p>Second &lt;para&gt;.</p></div></summary>
  </entry>
</feed>"#;

#[test]
fn atom_entries_become_articles() {
    let articles = import("desk.atom", ATOM.as_bytes());
    assert_eq!(articles.len(), 2);
    let (a, b) = (&articles[0], &articles[1]);
    assert_eq!(a.title, "Rates held steady");
    assert_eq!(a.url, "https://atom.example.org/rates");
    assert_eq!(a.published, date(2024, 1, 2));
    assert_eq!(a.author, "Lee Banker");
    assert_eq!(a.outlet, "Example Atom Desk");
    assert_eq!(a.body, "The bank held rates.\n\nMarkets rose.");
    assert_eq!(b.title, "Second entry");
    assert_eq!(b.url, "https://atom.example.org/second");
    // No published date: updated.
    assert_eq!(b.published, date(2024, 1, 4));
    assert_eq!(b.author, "");
    assert_eq!(b.body, "Only a summary & it is xhtml.\n\nSecond <para>.");
}

#[test]
fn rss_1_0_and_prefixed_atom() {
    let rdf = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example/"><title>RDF Desk</title></channel>
  <item rdf:about="https://rdf.example/1">
    <title>Old-style item</title><link>https://rdf.example/1</link>
    <dc:date>2004-02-29T10:00:00Z</dc:date>
    <description>Leap-day text.</description>
  </item>
</rdf:RDF>"#;
    let a = import_one("old.rdf", rdf.as_bytes());
    assert_eq!(
        (a.title.as_str(), a.outlet.as_str()),
        ("Old-style item", "RDF Desk")
    );
    assert_eq!(a.published, date(2004, 2, 29));
    assert_eq!(a.body, "Leap-day text.");

    let atom = r#"<atom:feed xmlns:atom="http://www.w3.org/2005/Atom"><atom:title>P</atom:title>
<atom:entry><atom:title>Prefixed</atom:title><atom:link href="https://p.example/1"/>
<atom:updated>2022-12-31T23:59:59Z</atom:updated><atom:content>Line one.
Line two.</atom:content></atom:entry></atom:feed>"#;
    let a = import_one("p.atom", atom.as_bytes());
    assert_eq!(
        (a.title.as_str(), a.url.as_str()),
        ("Prefixed", "https://p.example/1")
    );
    assert_eq!(a.published, date(2022, 12, 31));
    // Plain-text content keeps its line breaks.
    assert_eq!(a.body, "Line one.\nLine two.");
}

#[test]
fn feeds_are_sniffed() {
    let articles = import("feed", RSS.as_bytes());
    assert_eq!(articles.len(), 2);
    let articles = import(
        "feed.download",
        ATOM.trim_start_matches(|c| c != '\n').as_bytes(),
    );
    assert_eq!(articles.len(), 2);
}

#[test]
fn malformed_feed_reports_line_and_column() {
    let mismatched =
        "<rss version=\"2.0\">\n<channel>\n  <item><title>One</titel></item>\n</channel>\n</rss>";
    let err = problem("reports/x.rss", mismatched.as_bytes());
    match &err.problem {
        // `</titel>` starts at the 19th character of line 3.
        ImportProblem::MalformedFeed { line, column, .. } => assert_eq!((*line, *column), (3, 19)),
        other => panic!("{other:?}"),
    }
    assert!(
        err.to_string()
            .starts_with("reports/x.rss: malformed feed at line 3, column 19: "),
        "{err}"
    );

    let unclosed = "<rss>\n<channel>\n  <item><title>Never closed\n";
    let err = problem("reports/x.rss", unclosed.as_bytes());
    match &err.problem {
        ImportProblem::MalformedFeed {
            line,
            column,
            message,
        } => {
            assert_eq!((*line, *column), (3, 9), "{message}");
            assert!(message.contains("<title>"), "{message}");
        }
        other => panic!("{other:?}"),
    }

    let broken_tag = "<feed>\n<entry><title>x</title>\n<link href=\"a\n";
    let err = problem("x.atom", broken_tag.as_bytes());
    assert!(
        matches!(err.problem, ImportProblem::MalformedFeed { line: 3, .. }),
        "{err}"
    );
}

#[test]
fn feed_without_items_is_an_error() {
    let err = problem(
        "empty.rss",
        b"<rss><channel><title>Nothing here</title></channel></rss>",
    );
    assert!(matches!(err.problem, ImportProblem::NoItems), "{err}");
    assert_eq!(err.to_string(), "empty.rss: the feed has no items");
    let err = problem(
        "empty.atom",
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>T</title></feed>",
    );
    assert!(matches!(err.problem, ImportProblem::NoItems), "{err}");
}

#[test]
fn xml_that_is_not_a_feed_is_unsupported() {
    let err = problem(
        "sitemap.xml",
        b"<?xml version=\"1.0\"?><urlset><url>x</url></urlset>",
    );
    assert!(
        matches!(err.problem, ImportProblem::Unsupported { .. }),
        "{err}"
    );
}

#[test]
fn feed_items_without_text_are_skipped() {
    let feed = "<rss><channel><item><title>Headline only</title></item>\
                <item><title>With text</title><description>Body.</description></item></channel></rss>";
    let articles = import("x.rss", feed.as_bytes());
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, "With text");
    let err = problem(
        "x.rss",
        b"<rss><channel><item><title>Headline only</title></item></channel></rss>",
    );
    assert!(
        matches!(err.problem, ImportProblem::NoArticleText { .. }),
        "{err}"
    );
}

// ---------------------------------------------------------------- encodings

const HEADER_TEXT: &str = "Title: Café talks\nSource: Example\n\nThe café reopened.";

fn check_header_text(a: &Article) {
    assert_eq!(a.title, "Café talks");
    assert_eq!(a.outlet, "Example");
    assert_eq!(a.body, "The café reopened.");
}

#[test]
fn utf8_with_bom() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(HEADER_TEXT.as_bytes());
    check_header_text(&import_one("bom.txt", &bytes));
}

#[test]
fn utf16_with_bom() {
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for unit in HEADER_TEXT.encode_utf16() {
        le.extend_from_slice(&unit.to_le_bytes());
        be.extend_from_slice(&unit.to_be_bytes());
    }
    check_header_text(&import_one("le.txt", &le));
    check_header_text(&import_one("be.txt", &be));
    // A UTF-16 HTML page too.
    let page = "<html><head><meta property=\"og:title\" content=\"Über\"></head><body><p>Grüße</p></body></html>";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in page.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let a = import_one("page.html", &bytes);
    assert_eq!((a.title.as_str(), a.body.as_str()), ("Über", "Grüße"));
}

#[test]
fn windows_1252_when_not_utf8() {
    let mut bytes = b"Title: Caf\xE9 talks\nSource: Example\n\n".to_vec();
    bytes.extend_from_slice(b"He said \x93yes\x94 \x96 the caf\xE9 reopened \x80 5.");
    let a = import_one("legacy.txt", &bytes);
    assert_eq!(a.title, "Café talks");
    assert_eq!(a.body, "He said “yes” – the café reopened € 5.");
}

#[test]
fn declared_legacy_encoding_is_honoured() {
    // ISO-8859-7 (Greek) declared in the XML prologue.
    let mut bytes =
        b"<?xml version=\"1.0\" encoding=\"ISO-8859-7\"?><rss><channel><item><title>".to_vec();
    bytes.extend_from_slice(&[0xC1, 0xE8, 0xDE, 0xED, 0xE1]); // Αθήνα
    bytes.extend_from_slice(b"</title><description>x</description></item></channel></rss>");
    let articles = import("greek.xml", &bytes);
    assert_eq!(articles[0].title, "Αθήνα");
}

#[test]
fn text_is_nfc() {
    let a = import_one(
        "nfc.txt",
        "Title: Cafe\u{301}\n\nThe cafe\u{301} opened.".as_bytes(),
    );
    assert_eq!(a.title, "Café");
    assert_eq!(a.body, "The caf\u{e9} opened.");
    assert_eq!(a.sha256, sha256_hex("The caf\u{e9} opened."));
}

#[test]
fn control_characters_are_removed() {
    let a = import_one(
        "ctl.txt",
        "Title: Bell\u{7}ed\n\nOne\u{1}two\u{7f} three\u{85}, a sentence long enough that a few \
         control characters are noise, not a sign of a binary file.\n\tIndented\u{b}.\u{feff}"
            .as_bytes(),
    );
    assert_eq!(a.title, "Belled");
    assert_eq!(
        a.body,
        "Onetwo three, a sentence long enough that a few control characters are noise, not a \
         sign of a binary file.\n\tIndented."
    );
}

// ---------------------------------------------------------------- bad input

#[test]
fn binary_files_are_refused() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    for name in ["image", "image.txt", "image.html", "image.rss"] {
        let err = problem(name, png);
        assert!(
            matches!(err.problem, ImportProblem::Binary),
            "{name}: {err}"
        );
        assert!(err.to_string().starts_with(&format!("{name}: ")));
    }
    let err = problem("photo.png", png);
    assert!(
        matches!(err.problem, ImportProblem::Unsupported { .. }),
        "{err}"
    );
    // Mostly control characters, no NUL.
    let noisy: Vec<u8> = (0..200u8)
        .map(|i| if i % 4 == 0 { b'a' } else { 1 + i % 8 })
        .collect();
    assert!(matches!(
        problem("n.txt", &noisy).problem,
        ImportProblem::Binary
    ));
}

#[test]
fn empty_and_blank_files_are_refused() {
    for bytes in [
        &b""[..],
        b"   \n\t \r\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB\xBF  \n",
    ] {
        let err = problem("e.txt", bytes);
        assert!(
            matches!(err.problem, ImportProblem::Empty),
            "{bytes:?}: {err}"
        );
        assert_eq!(err.to_string(), "e.txt: the file is empty");
    }
    let err = problem("header-only.txt", b"Title: Nothing follows\nSource: X\n\n");
    assert!(
        matches!(err.problem, ImportProblem::NoArticleText { .. }),
        "{err}"
    );
}

#[test]
fn huge_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(MAX_ARTICLE_BYTES + 1).expect("grow");
    let err = import_file(&path).expect_err("too large");
    assert!(
        matches!(err.problem, ImportProblem::TooLarge { size, limit } if size == MAX_ARTICLE_BYTES + 1 && limit == MAX_ARTICLE_BYTES),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.starts_with(&path.display().to_string()),
        "{message}"
    );
    assert!(message.contains("limit"), "{message}");
    // The same limit for bytes that did not come from a file (the clipboard).
    let big = vec![b'a'; usize::try_from(MAX_ARTICLE_BYTES).expect("fits") + 1];
    assert!(matches!(
        problem("clipboard.txt", &big).problem,
        ImportProblem::TooLarge { .. }
    ));
}

#[test]
fn missing_file_is_an_io_error_naming_it() {
    let err = import_file(Path::new("no/such/article.txt")).expect_err("missing");
    assert!(matches!(err.problem, ImportProblem::Io(_)));
    assert!(
        err.to_string()
            .starts_with("no/such/article.txt: cannot read"),
        "{err}"
    );
}

#[test]
fn deep_nesting_does_not_exhaust_the_stack() {
    // Deep enough that a recursive walk would overflow a test thread's stack.
    let depth = 3_000;
    let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
    assert_eq!(import_one("deep.html", html.as_bytes()).body, "deep");
    let articles = format!(
        "<body>{}deep</body>",
        "<article><section>".repeat(depth / 2)
    );
    assert_eq!(import_one("deep.html", articles.as_bytes()).body, "deep");
    let depth = 100_000;
    let md = format!("{}deep {}", ">".repeat(depth), "[".repeat(depth));
    assert_eq!(
        import_one("deep.md", md.as_bytes()).body,
        format!("deep {}", "[".repeat(depth))
    );
    let xml = format!(
        "<rss><channel><item><description>{}x{}</description>{}{}</item></channel></rss>",
        "<b>".repeat(3_000),
        "</b>".repeat(3_000),
        "<extra>".repeat(depth),
        "</extra>".repeat(depth)
    );
    assert_eq!(import_one("deep.rss", xml.as_bytes()).body, "x");
}

#[test]
fn absurdly_nested_html_is_refused_quickly() {
    // html5ever's tree building is quadratic in the depth: a page like this would take hours.
    let depth = 1_000_000;
    let html = format!("{}deep", "<div>".repeat(depth));
    let started = std::time::Instant::now();
    let err = problem("deep.html", html.as_bytes());
    assert!(
        matches!(err.problem, ImportProblem::Unsupported { .. }),
        "{err}"
    );
    assert!(err.to_string().contains("nested more than"), "{err}");
    assert!(started.elapsed().as_secs() < 10);
    // Many paragraphs and list items without end tags are not nesting.
    let flat = format!("<body>{}</body>", "<p>para<li>item".repeat(20_000));
    assert!(import_bytes("flat.html", flat.as_bytes()).is_ok());
}

// ---------------------------------------------------------------- layering

/// `src/import/` depends only on `model` (and reads files through `storage::read_bounded`).
#[test]
fn the_importer_depends_only_on_the_model() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import");
    let forbidden = [
        "egui",
        "eframe",
        "printpdf",
        "rfd",
        "std::net",
        "std::process",
        "crate::analysis",
        "crate::app",
        "crate::cli",
        "crate::layout",
        "crate::pdf",
        "crate::system",
    ];
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("src/import") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}:{}: uses `{word}`", path.display(), n + 1));
                }
            }
            if code.contains("crate::storage")
                && !code.contains("storage::read_bounded")
                && !code.contains("storage::LoadProblem")
            {
                found.push(format!("{}:{}: uses storage", path.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

// ---------------------------------------------------------------- never panics

const NAMES: &[&str] = &[
    "a.txt",
    "a.md",
    "a.html",
    "a.rss",
    "a.atom",
    "a.xml",
    "clipboard.txt",
    "noextension",
];

/// Fragments that reach the parsers' corners when mixed at random.
const PIECES: &[&str] = &[
    "<rss>",
    "</rss>",
    "<channel>",
    "<item>",
    "</item>",
    "<entry>",
    "</entry>",
    "<feed>",
    "<title>",
    "</title>",
    "<description>",
    "<![CDATA[",
    "]]>",
    "<content type=\"xhtml\">",
    "&amp;",
    "&nbsp;",
    "&#x1F600;",
    "&#0;",
    "&",
    "<",
    ">",
    "<p>",
    "</p>",
    "<br/>",
    "<script>",
    "<html>",
    "<article>",
    "---\n",
    "title: \"x\n",
    "# ",
    "**",
    "_",
    "[",
    "](",
    ")",
    "![",
    "`",
    "> ",
    "- ",
    "1. ",
    "|",
    "\n",
    "\n\n",
    "\r",
    " ",
    "VIENNA (Reuters) - ",
    "Title: ",
    "Date: ",
    "é",
    "e\u{301}",
    "\u{feff}",
    "\u{0}",
    "\u{7}",
    "word",
    "<!--",
    "-->",
    "<?xml version=\"1.0\"?>",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in NAMES {
            if let Ok(articles) = import_bytes(name, &bytes) {
                for article in &articles {
                    assert_invariants(article);
                }
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,600}") {
        for name in NAMES {
            if let Ok(articles) = import_bytes(name, text.as_bytes()) {
                for article in &articles {
                    assert_invariants(article);
                }
            }
        }
    }

    #[test]
    fn markup_soup_never_panics(parts in proptest::collection::vec(0..PIECES.len(), 0..80)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        for name in NAMES {
            if let Ok(articles) = import_bytes(name, text.as_bytes()) {
                for article in &articles {
                    assert_invariants(article);
                }
            }
        }
    }
}

//! Importing 1,000 plain-text articles (~300 words each, with a header) and one HTML page.
//! Goal: the 1,000 articles in well under a second. `cargo bench --bench import`.
//! The text is generated here from a small vocabulary; no real articles are used.

use briefdesk::import::import_bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

const WORDS: &[&str] = &[
    "minister",
    "talks",
    "agreement",
    "border",
    "officials",
    "said",
    "on",
    "Tuesday",
    "the",
    "delegation",
    "would",
    "meet",
    "again",
    "in",
    "Geneva",
    "after",
    "a",
    "week",
    "of",
    "negotiations",
    "over",
    "trade",
    "tariffs",
    "and",
    "security",
    "guarantees",
    "café",
    "président",
    "Zürich",
    "envoy",
    "ceasefire",
    "monitors",
    "reported",
    "shelling",
    "near",
    "the",
    "front",
    "line",
    "while",
    "aid",
    "convoys",
    "waited",
    "at",
    "crossing",
    "points",
];

/// A deterministic pseudo-random word stream (xorshift), so every run benchmarks the same text.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }

    /// About `words` words in paragraphs of sentences.
    fn text(&mut self, words: usize) -> String {
        let mut out = String::new();
        for n in 0..words {
            let word = self.next();
            if n % 15 == 0 {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(chars.as_str());
                }
            } else {
                out.push_str(word);
            }
            out.push_str(match n % 60 {
                59 => ".\n\n",
                n if n % 15 == 14 => ". ",
                _ => " ",
            });
        }
        out.trim_end().to_string() + "."
    }
}

fn header_article(words: &mut Words, n: usize) -> Vec<u8> {
    format!(
        "Title: Generated article {n}\nSource: Bench Wire\nURL: https://bench.example/{n}\nDate: 2024-05-{:02}\n\nGENEVA (Bench Wire) - {}\n",
        n % 28 + 1,
        words.text(300)
    )
    .into_bytes()
}

fn html_page(words: &mut Words) -> Vec<u8> {
    let mut page = String::from(
        "<!doctype html><html><head><title>Bench page</title>\
         <meta property=\"og:title\" content=\"Generated page\">\
         <script>var x = 1;</script><style>p { margin: 0 }</style></head><body>\
         <nav><ul><li>Home</li><li>World</li></ul></nav><article><h1>Generated page</h1>",
    );
    for _ in 0..12 {
        page.push_str("<p>");
        page.push_str(&words.text(80).replace('&', "&amp;"));
        page.push_str("</p>");
    }
    page.push_str("</article><footer>Footer</footer></body></html>");
    page.into_bytes()
}

fn import_benches(c: &mut Criterion) {
    let mut words = Words(0x9E37_79B9_7F4A_7C15);
    let articles: Vec<(String, Vec<u8>)> = (0..1_000)
        .map(|n| (format!("article-{n}.txt"), header_article(&mut words, n)))
        .collect();
    let page = html_page(&mut words);

    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("1000 header txt articles", |b| {
        b.iter(|| {
            for (name, bytes) in &articles {
                let imported = import_bytes(black_box(name), black_box(bytes)).expect("import");
                black_box(imported);
            }
        })
    });
    group.finish();

    c.bench_function("import/one html page", |b| {
        b.iter(|| import_bytes(black_box("page.html"), black_box(&page)).expect("import"))
    });
}

criterion_group!(benches, import_benches);
criterion_main!(benches);

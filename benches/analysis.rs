//! The drafting assistant's speed: one analysis of a 1,000-word article (goal: under 2 ms).

use briefdesk::analysis::analyze;
use briefdesk::import::import_file;
use briefdesk::model::Article;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn body_of(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    import_file(&path)
        .ok()
        .and_then(|mut a| (!a.is_empty()).then(|| a.remove(0)))
        .map(|a| a.body)
        .unwrap_or_default()
}

/// About 1,000 words of news prose: the seed article and the test articles, repeated.
fn thousand_words() -> Article {
    let parts = [
        body_of("briefs/articles/000_443a827814897e09.txt"),
        body_of("tests/fixtures/articles/vienna-iaea-talks.txt"),
        body_of("tests/fixtures/articles/harbour-strike-talks.md"),
    ];
    let mut body = String::new();
    'fill: loop {
        for part in &parts {
            if body.split_whitespace().count() >= 1000 {
                break 'fill;
            }
            body.push_str(part);
            body.push_str("\n\n");
        }
    }
    let mut article = Article::from_body("Benchmark", body.trim());
    article.published = briefdesk::model::Date::new(2026, 8, 14);
    article
}

fn bench(c: &mut Criterion) {
    let article = thousand_words();
    let words = article.body.split_whitespace().count();
    c.bench_function(&format!("analyze {words}-word article"), |b| {
        b.iter(|| analyze(black_box(&article)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

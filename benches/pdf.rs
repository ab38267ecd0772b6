//! PDF export speed: the sample brief (4 pages), a long brief of ordinary content (~136 pages)
//! and a 200-page stress brief (500-character words and URLs, 10,000-word background), layout
//! and writing separately and together. `cargo bench --bench pdf`; compare medians.

#[path = "../tests/common/mod.rs"]
mod common;

use briefdesk::layout::{LayoutOptions, layout_brief};
use briefdesk::pdf::{export_brief, write_pdf};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn pdf_benches(c: &mut Criterion) {
    let options = LayoutOptions::default();
    // A long brief of ordinary content, about the 136 pages the typst comparison used.
    let long = (1..)
        .map(|k| common::large_brief(k * 20))
        .find(|b| layout_brief(b, &options).pages.len() >= 136)
        .expect("some size reaches 136 pages");
    let cases = [
        ("sample brief", common::sample_brief()),
        ("long brief", long),
        ("stress brief", common::stress_brief()),
    ];
    for (name, brief) in cases {
        let pages = layout_brief(&brief, &options).pages.len();
        let mut group = c.benchmark_group(format!("{name} ({pages} pages)"));
        if pages > 20 {
            group.sample_size(20);
        }
        group.bench_function("export", |b| {
            b.iter(|| export_brief(black_box(&brief), &options).expect("export"))
        });
        group.bench_function("layout only", |b| {
            b.iter(|| layout_brief(black_box(&brief), &options))
        });
        let document = layout_brief(&brief, &options);
        group.bench_function("write only", |b| {
            b.iter(|| write_pdf(black_box(&document)).expect("write"))
        });
        group.finish();
    }
}

criterion_group!(benches, pdf_benches);
criterion_main!(benches);

//! Load and save of the sample brief and of a 500-position, 500-step brief.
//! `cargo bench --bench storage`; compare medians, not single runs.

#[path = "../tests/common/mod.rs"]
mod common;

use briefdesk::storage;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn storage_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases = [
        ("sample", common::sample_brief()),
        ("500 positions + 500 steps", common::large_brief(500)),
    ];
    for (name, brief) in cases {
        let path = dir.path().join("bench.ron");
        let _ = std::fs::remove_file(&path);
        let mut fingerprint = storage::save(&path, &brief, None).expect("first save");
        let mut group = c.benchmark_group(name);
        group.bench_function("load", |b| {
            b.iter(|| storage::load(black_box(&path)).expect("load"))
        });
        group.bench_function("save", |b| {
            // Like the app: each save hands back the fingerprint the next save must match.
            b.iter(|| {
                fingerprint =
                    storage::save(black_box(&path), black_box(&brief), Some(&fingerprint))
                        .expect("save");
            })
        });
        group.bench_function("encode only", |b| {
            b.iter(|| storage::format::encode(black_box(&brief)).expect("encode"))
        });
        group.finish();
    }
}

criterion_group!(benches, storage_benches);
criterion_main!(benches);

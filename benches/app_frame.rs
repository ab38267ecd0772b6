//! CPU time of one frame of the app (layout and tessellation-free egui pass) for the sample
//! brief and for a brief with 300 positions and 50 sources. `cargo bench --bench app_frame`.

#[path = "../tests/common/mod.rs"]
mod common;

use briefdesk::app::seams::ScriptedDialogs;
use briefdesk::app::{BriefdeskApp, View};
use briefdesk::model::{FixedClock, SourceId};
use criterion::{Criterion, criterion_group, criterion_main};
use eframe::egui;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    }
}

fn frame_benches(c: &mut Criterion) {
    let mut big = common::large_brief(300);
    let source = big.sources[0].clone();
    big.sources = (0..50)
        .map(|i| {
            let mut s = source.clone();
            s.id = SourceId::new(format!("src-{i}"));
            s.title = format!("{} ({i})", s.title);
            s
        })
        .collect();
    for p in &mut big.positions {
        for e in &mut p.evidence {
            e.source = SourceId::new("src-0");
        }
    }
    for s in &mut big.next_steps {
        for e in &mut s.evidence {
            e.source = SourceId::new("src-0");
        }
    }
    let cases = [
        ("sample", common::sample_brief()),
        ("300 positions, 50 sources", big),
    ];
    let mut group = c.benchmark_group("app frame");
    for (name, brief) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        briefdesk::storage::save(&dir.path().join("b.ron"), &brief, None).expect("save");
        for view in [View::Editor, View::Positions] {
            let clock = FixedClock(common::ts("2025-08-17T09:00:00Z"));
            let mut app = BriefdeskApp::new(
                dir.path(),
                Box::new(ScriptedDialogs::default()),
                Box::new(clock),
            );
            app.view = view;
            let ctx = egui::Context::default();
            for _ in 0..3 {
                let _ = ctx.run_ui(input(), |ui| app.ui(ui));
            }
            group.bench_function(format!("{name}, {view:?}"), |b| {
                b.iter(|| ctx.run_ui(input(), |ui| app.ui(ui)))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);

//! Fixtures shared by the integration tests.
#![allow(dead_code)]

use briefdesk::model::*;
use std::path::PathBuf;

/// The sample brief shipped in `briefs/`.
pub fn sample_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("briefs/trump-putin-zelensky-summit.ron")
}

pub fn sample_brief() -> Brief {
    briefdesk::storage::load(&sample_path())
        .expect("the sample brief loads")
        .brief
}

pub fn ts(text: &str) -> Timestamp {
    text.parse().expect("valid timestamp")
}

/// A brief with `n` positions and `n` next steps, all citing one source, for stress and benches.
pub fn large_brief(n: usize) -> Brief {
    let mut brief = sample_brief();
    let template_position = brief.positions[0].clone();
    let template_step = brief.next_steps[1].clone();
    brief.positions = (0..n)
        .map(|i| {
            let mut p = template_position.clone();
            p.id = PositionId::new(format!("p-{i}"));
            p.summary = format!("{} (variant {i})", p.summary);
            p
        })
        .collect();
    brief.next_steps = (0..n)
        .map(|i| {
            let mut s = template_step.clone();
            s.id = StepId::new(format!("s-{i}"));
            s.what = format!("{} (variant {i})", s.what);
            s
        })
        .collect();
    brief
}

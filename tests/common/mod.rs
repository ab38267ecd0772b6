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

/// A brief built to break a layout: 300 positions and 300 next steps, a 10,000-word background,
/// 500-character words and URLs, empty sections, emoji and scripts the fonts lack.
pub fn stress_brief() -> Brief {
    let mut brief = large_brief(300);
    let long_word = "Зеленський".repeat(50);
    let long_url = format!("https://example.org/{}", "segment/".repeat(60));
    let sentence = "Negotiators met again in Geneva to discuss the sequencing of a ceasefire and its monitoring. ";
    let mut background = sentence.repeat(10_000 / 15);
    background.push_str(&format!(
        "\n\n{long_word}\n\n{long_url}\n\n🦀 数据 中文 עברית 🎉"
    ));
    brief.sections.background = background;
    brief.sections.issue.clear();
    brief.sections.current_status.clear();
    brief.sections.key_assumptions.clear();
    brief.sections.indicators = vec![String::new(), "  ".into()];
    brief.positions[7].summary = format!("{long_word} {long_url}");
    brief.positions[9].summary = "Δ Greek: Ελληνικά. Emoji: 🦀🎉 CJK: 中文".into();
    brief.next_steps[3].what = long_url.clone();
    brief.sources[0].url = long_url;
    brief
}

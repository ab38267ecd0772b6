//! Fixtures shared by the integration tests.
#![allow(dead_code)]

use briefdesk::model::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

/// A brief with `actors` actors and `issues` issues (long names among them), positions in most
/// cells with every stance, and next steps spread over three months with every qualifier, two
/// of them undated: the shape of a busy negotiation, for the matrix and the timeline.
pub fn wide_brief(actors: usize, issues: usize) -> Brief {
    let mut brief = sample_brief();
    let evidence = brief.positions[0].evidence.clone();
    brief.actors = (0..actors)
        .map(|i| Actor {
            id: ActorId::new(format!("a{i}")),
            name: match i % 4 {
                0 => format!("Ministry of Foreign Affairs of State {i}"),
                1 => format!("Президент {i}"),
                2 => format!("Delegation {i}"),
                _ => format!("Organisation for Security and Co-operation {i}"),
            },
            kind: ActorKind::Other,
            role: String::new(),
            affiliation: None,
            aliases: Vec::new(),
            suggested: false,
        })
        .collect();
    brief.issues = (0..issues)
        .map(|j| Issue {
            id: IssueId::new(format!("i{j}")),
            name: match j % 3 {
                0 => format!("Issue {j}: sequencing of ceasefire and elections"),
                1 => format!("Sanctions relief {j}"),
                _ => format!("Territorial status of the occupied regions {j}"),
            },
            description: String::new(),
        })
        .collect();
    let mut positions = Vec::new();
    for i in 0..actors {
        for j in 0..issues {
            if (i * 7 + j * 3) % 5 == 0 {
                continue; // a gap
            }
            positions.push(Position {
                id: PositionId::new(format!("p{i}-{j}")),
                actor: ActorId::new(format!("a{i}")),
                issue: IssueId::new(format!("i{j}")),
                stance: Stance::ALL[(i + j) % Stance::ALL.len()],
                summary: format!("Actor {i} on issue {j}"),
                conditions: String::new(),
                stated_on: None,
                evidence: evidence.clone(),
                suggested: false,
            });
        }
    }
    brief.positions = positions;
    let date = |d: &str| d.parse::<Date>().ok();
    let step =
        |k: usize, from: Option<&str>, to: Option<&str>, qualifier: TimeQualifier| NextStep {
            id: StepId::new(format!("s{k}")),
            what: format!("Step {k}: round of talks on the sequencing of the ceasefire"),
            who: vec![
                ActorId::new(format!("a{}", k % actors.max(1))),
                ActorId::new("a1"),
            ],
            when: When {
                phrase: format!("phrase {k}"),
                from: from.and_then(date),
                to: to.and_then(date),
                qualifier,
            },
            place: String::new(),
            status: StepStatus::ALL[k % StepStatus::ALL.len()],
            condition: if k.is_multiple_of(2) {
                format!("contingent on step {}", k + 1)
            } else {
                String::new()
            },
            evidence: evidence.clone(),
            suggested: false,
        };
    brief.next_steps = vec![
        step(0, Some("2025-08-18"), None, TimeQualifier::Exact),
        step(
            1,
            Some("2025-08-20"),
            Some("2025-08-29"),
            TimeQualifier::Exact,
        ),
        step(2, Some("2025-08-22"), None, TimeQualifier::Earliest),
        step(3, Some("2025-09-01"), None, TimeQualifier::Deadline),
        step(
            4,
            Some("2025-09-15"),
            Some("2025-09-30"),
            TimeQualifier::Approximate,
        ),
        step(5, Some("2025-10-01"), None, TimeQualifier::Approximate),
        step(6, None, None, TimeQualifier::Approximate),
        step(7, Some("2025-11-10"), None, TimeQualifier::Exact),
        step(8, None, None, TimeQualifier::Earliest),
        step(
            9,
            Some("2025-10-20"),
            Some("2025-10-24"),
            TimeQualifier::Deadline,
        ),
    ];
    brief
}

/// Runs the real `briefdesk` binary in `dir`, as a user would.
pub fn briefdesk(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the briefdesk binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

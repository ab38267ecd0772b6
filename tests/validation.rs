//! Each validation check fires on a brief broken in exactly one way, and not on the sample.

mod common;

use briefdesk::model::*;
use common::sample_brief;

/// The codes `validate` reports for `brief`, with the path of each.
fn codes(brief: &Brief) -> Vec<(&'static str, String)> {
    validate(brief)
        .into_iter()
        .map(|d| (d.code, d.path))
        .collect()
}

fn assert_reports(brief: &Brief, code: &str, path: &str) {
    let found = codes(brief);
    assert!(
        found.iter().any(|(c, p)| *c == code && p == path),
        "expected {code} at {path}, got {found:?}"
    );
}

#[test]
fn the_sample_brief_is_clean() {
    assert_eq!(codes(&sample_brief()), vec![]);
}

#[test]
fn every_check_has_a_unique_code() {
    let mut seen: Vec<&str> = CHECKS.iter().map(|(code, _)| *code).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), CHECKS.len());
}

#[test]
fn bd001_empty_required_fields() {
    let mut brief = sample_brief();
    brief.meta.title = "  ".into();
    brief.sections.bluf.clear();
    brief.actors[2].name.clear();
    brief.next_steps[0].what.clear();
    assert_reports(&brief, "BD001", "meta.title");
    assert_reports(&brief, "BD001", "sections.bluf");
    assert_reports(&brief, "BD001", "actors[2].name");
    assert_reports(&brief, "BD001", "next_steps[0].what");
}

#[test]
fn bd002_duplicate_ids() {
    let mut brief = sample_brief();
    brief.positions[3].id = brief.positions[1].id.clone();
    assert_reports(&brief, "BD002", "positions[3].id");
}

#[test]
fn bd003_dangling_references() {
    let mut brief = sample_brief();
    brief.positions[0].actor = ActorId::new("nobody");
    brief.positions[1].issue = IssueId::new("no-issue");
    brief.next_steps[0].who.push(ActorId::new("ghost"));
    brief.positions[2].evidence[0].source = SourceId::new("missing-source");
    assert_reports(&brief, "BD003", "positions[0].actor");
    assert_reports(&brief, "BD003", "positions[1].issue");
    let who = brief.next_steps[0].who.len() - 1;
    assert_reports(&brief, "BD003", &format!("next_steps[0].who[{who}]"));
    assert_reports(&brief, "BD003", "positions[2].evidence[0].source");
}

#[test]
fn bd004_decision_brief_needs_options_and_recommendation() {
    let mut brief = sample_brief();
    brief.meta.purpose = Purpose::ForDecision;
    brief.sections.options.clear();
    brief.sections.recommendation.clear();
    assert_reports(&brief, "BD004", "sections.options");
    assert_reports(&brief, "BD004", "sections.recommendation");

    brief.meta.purpose = Purpose::ForInformation;
    assert!(!codes(&brief).iter().any(|(c, _)| *c == "BD004"));
}

#[test]
fn bd005_citation_no_longer_matches_its_source() {
    let mut brief = sample_brief();
    brief.positions[0].evidence[0].quote.push_str(" (edited)");
    assert_reports(&brief, "BD005", "positions[0].evidence[0].quote");
}

#[test]
fn bd006_source_text_changed_after_snapshot() {
    let mut brief = sample_brief();
    brief.sources[0].text.push_str("\nAn extra line.");
    assert_reports(&brief, "BD006", "sources[0].sha256");
}

#[test]
fn bd007_date_range_ending_before_it_starts() {
    let mut brief = sample_brief();
    let when = &mut brief.next_steps[1].when;
    when.from = Some("2025-08-22".parse().expect("date"));
    when.to = Some("2025-08-20".parse().expect("date"));
    assert_reports(&brief, "BD007", "next_steps[1].when.to");
}

#[test]
fn bd008_position_or_step_without_evidence() {
    let mut brief = sample_brief();
    brief.positions[4].evidence.clear();
    brief.next_steps[2].evidence.clear();
    assert_reports(&brief, "BD008", "positions[4].evidence");
    assert_reports(&brief, "BD008", "next_steps[2].evidence");
}

#[test]
fn bd009_suggestions_not_yet_accepted() {
    let mut brief = sample_brief();
    brief.actors[0].suggested = true;
    brief.positions[0].suggested = true;
    brief.next_steps[0].suggested = true;
    assert_reports(&brief, "BD009", "actors[0].suggested");
    assert_reports(&brief, "BD009", "positions[0].suggested");
    assert_reports(&brief, "BD009", "next_steps[0].suggested");
}

#[test]
fn bd010_source_without_grade() {
    let mut brief = sample_brief();
    brief.sources[0].grade = None;
    assert_reports(&brief, "BD010", "sources[0].grade");
}

#[test]
fn errors_come_before_warnings() {
    let mut brief = sample_brief();
    brief.sources[0].grade = None;
    brief.meta.title.clear();
    let severities: Vec<Severity> = validate(&brief).iter().map(|d| d.severity).collect();
    let mut sorted = severities.clone();
    sorted.sort_by_key(|s| std::cmp::Reverse(*s));
    assert_eq!(severities, sorted);
    assert_eq!(severities.first(), Some(&Severity::Error));
}

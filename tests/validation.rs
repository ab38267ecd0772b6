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
    assert_reports(&brief, "BD001", "next_steps[0].what");
    assert_reports(&brief, "BD001", "sections.bluf");
    assert_reports(&brief, "BD001", "actors[2].name");
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

fn option(id: &str, pros: &[&str], cons: &[&str]) -> PolicyOption {
    PolicyOption {
        id: OptionId::new(id),
        title: format!("Option {id}"),
        description: String::new(),
        pros: pros.iter().map(|s| s.to_string()).collect(),
        cons: cons.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn bd004_decision_brief_needs_two_weighed_options() {
    let mut brief = sample_brief();
    brief.meta.purpose = Purpose::ForDecision;
    brief.sections.options = vec![option("a", &["cheap"], &["slow"])];
    assert_reports(&brief, "BD004", "sections.options");

    brief.sections.options.push(option("b", &["fast"], &[" "]));
    assert_reports(&brief, "BD004", "sections.options[1]");
    assert!(!codes(&brief).contains(&("BD004", "sections.options[0]".into())));

    brief.sections.options[1].cons = vec!["costly".into()];
    assert!(
        !codes(&brief).iter().any(|(c, _)| *c == "BD004"),
        "{:?}",
        codes(&brief)
    );
    assert!(
        validate(&brief)
            .iter()
            .all(|d| d.severity == Severity::Warning || d.code != "BD004")
    );
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
fn bd008_current_status_without_evidence() {
    let mut brief = sample_brief();
    brief.sections.current_status_evidence.clear();
    assert_reports(&brief, "BD008", "sections.current_status_evidence");
    brief.sections.current_status.clear();
    assert!(!codes(&brief).iter().any(|(c, _)| *c == "BD008"));
}

#[test]
fn bd005_current_status_citation_checked_against_its_source() {
    let mut brief = sample_brief();
    brief.sections.current_status_evidence[0].start += 1;
    assert_reports(&brief, "BD005", "sections.current_status_evidence[0].quote");
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

fn warnings_with(brief: &Brief, code: &str) -> Vec<Diagnostic> {
    validate(brief)
        .into_iter()
        .filter(|d| d.code == code)
        .collect()
}

#[test]
fn bd011_bottom_line_too_long() {
    let mut brief = sample_brief();
    brief.sections.bluf = "Word ".repeat(61);
    assert_reports(&brief, "BD011", "sections.bluf");
    brief.sections.bluf = "One. Two here. Three now. Four is too many.".into();
    assert_reports(&brief, "BD011", "sections.bluf");
    // Three sentences, abbreviations not counted as sentence ends, 60 words: fine.
    brief.sections.bluf = format!(
        "Mr. Smith met the U.S. envoy. {}. Talks resume soon.",
        "word ".repeat(50).trim()
    );
    assert!(
        warnings_with(&brief, "BD011").is_empty(),
        "{:?}",
        warnings_with(&brief, "BD011")
    );
}

#[test]
fn bd012_body_past_two_pages() {
    let mut brief = sample_brief();
    // The sample silences BD012: its tables take its body to four pages.
    assert!(brief.silenced_checks.contains(&"BD012".to_owned()));
    brief.silenced_checks.clear();
    let long = Context {
        body_pages: Some(3),
    };
    let diagnostics = validate_in(&brief, &long);
    assert!(
        diagnostics
            .iter()
            .any(|d| d.code == "BD012" && d.message.contains("3 pages"))
    );
    let short = Context {
        body_pages: Some(2),
    };
    assert!(validate_in(&brief, &short).is_empty());
}

#[test]
fn bd013_next_step_without_who_or_when() {
    let mut brief = sample_brief();
    brief.next_steps[1].who.clear();
    brief.next_steps[2].when = When::default();
    assert_reports(&brief, "BD013", "next_steps[1].who");
    assert_reports(&brief, "BD013", "next_steps[2].when");
    assert!(
        warnings_with(&brief, "BD013")
            .iter()
            .all(|d| d.severity == Severity::Warning)
    );
    // A resolved date without a phrase still says when.
    brief.next_steps[2].when.from = Some("2025-08-22".parse().expect("date"));
    assert!(!codes(&brief).contains(&("BD013", "next_steps[2].when".into())));
}

fn with_assessment(scale: EstimativeScale, text: &str) -> Brief {
    let mut brief = sample_brief();
    brief.sections.assessment.scale = scale;
    brief.sections.assessment.text = text.into();
    brief
}

#[test]
fn bd014_terms_from_the_other_scale() {
    let icd = with_assessment(
        EstimativeScale::Icd203,
        "A deal is highly likely. Talks are a realistic possibility.",
    );
    let found = warnings_with(&icd, "BD014");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].message.contains("highly likely") && found[0].message.contains("Sentence 1"));
    assert!(found[1].message.contains("realistic possibility"));

    let uk = with_assessment(
        EstimativeScale::UkYardstick,
        "A deal is very likely; a ceasefire is improbable.",
    );
    assert_eq!(warnings_with(&uk, "BD014").len(), 2);

    // Each scale's own words, and the words both share, are fine.
    let clean_icd = with_assessment(
        EstimativeScale::Icd203,
        "A deal is very likely. Talks are unlikely. A ceasefire is almost certain.",
    );
    assert!(warnings_with(&clean_icd, "BD014").is_empty());
    let clean_uk = with_assessment(
        EstimativeScale::UkYardstick,
        "A deal is highly likely. Talks are a realistic possibility. A remote chance of war.",
    );
    assert!(warnings_with(&clean_uk, "BD014").is_empty());
}

#[test]
fn bd015_vague_hedges_in_the_assessment() {
    let brief = with_assessment(
        EstimativeScale::Icd203,
        "Moscow may delay. Kyiv could refuse, and perhaps Europe might join.",
    );
    let found = warnings_with(&brief, "BD015");
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[0].message.contains("“may”") && found[0].message.contains("Sentence 1"));
    // The month of May and Theresa May are not hedges; nor are the words of a quoted source,
    // nor a hedge outside the assessment.
    let mut clean = with_assessment(
        EstimativeScale::Icd203,
        "Talks resumed on 3 May. In May, talks are likely. Theresa May agreed. Kyiv said talks “could resume” and Moscow said \"perhaps\".",
    );
    clean.sections.background = "He said talks could resume.".into();
    assert!(
        warnings_with(&clean, "BD015").is_empty(),
        "{:?}",
        warnings_with(&clean, "BD015")
    );
}

#[test]
fn bd016_confidence_in_the_same_sentence_as_likelihood() {
    let brief = with_assessment(
        EstimativeScale::Icd203,
        "We assess with high confidence that a summit is unlikely.",
    );
    assert_eq!(warnings_with(&brief, "BD016").len(), 1);
    let clean = with_assessment(
        EstimativeScale::Icd203,
        "A summit is unlikely. We hold this judgement with high confidence.",
    );
    assert!(warnings_with(&clean, "BD016").is_empty());
}

#[test]
fn tradecraft_checks_can_be_silenced_per_brief_but_integrity_checks_cannot() {
    let mut brief = with_assessment(EstimativeScale::Icd203, "Moscow may delay.");
    brief.positions[0].evidence[0].source = SourceId::new("missing-source");
    assert!(!warnings_with(&brief, "BD015").is_empty());
    brief.silenced_checks = vec!["BD015".into(), "BD003".into(), "BD999".into()];
    assert!(warnings_with(&brief, "BD015").is_empty());
    assert_eq!(silenced_count(&brief, &Context::default()), 1);
    // BD003 still reported, and the brief is told why it cannot be silenced.
    assert_reports(&brief, "BD003", "positions[0].evidence[0].source");
    assert_reports(&brief, "BD017", "silenced_checks[1]");
    assert_reports(&brief, "BD017", "silenced_checks[2]");
    assert!(is_silenceable("BD015") && !is_silenceable("BD003") && !is_silenceable("BD999"));
    // Integrity checks stay reported; tradecraft errors can be silenced like the warnings.
    brief.positions[1].evidence[0].quote.push_str(" (edited)");
    brief.meta.purpose = Purpose::ForDecision;
    brief.sections.recommendation.clear();
    assert_reports(&brief, "BD004", "sections.recommendation");
    brief.silenced_checks.push("BD004".into());
    assert!(!codes(&brief).iter().any(|(c, _)| *c == "BD004"));
    assert_reports(&brief, "BD005", "positions[1].evidence[0].quote");
    for code in ["BD001", "BD002", "BD003", "BD006", "BD007", "BD017"] {
        assert!(!is_silenceable(code), "{code} guards the file's integrity");
    }
    for code in [
        "BD004", "BD005", "BD008", "BD009", "BD010", "BD011", "BD012", "BD013", "BD014", "BD015",
        "BD016",
    ] {
        assert!(is_silenceable(code), "{code} is a tradecraft check");
    }
}

#[test]
fn sentences_survive_wide_spaces_from_pasted_text() {
    let text = "Talks\u{a0}resume. Next\u{202f}week? «\u{202f}Oui\u{202f}». Done.";
    let found: Vec<&str> = sentences(text).collect();
    assert_eq!(found.len(), 3, "{found:?}");
    let brief = with_assessment(EstimativeScale::Icd203, text);
    let _ = validate(&brief);
}

#[test]
fn sentences_split_on_ends_not_abbreviations() {
    let text = "Mr. Trump met the U.S. envoy. “Talks,” he said. Then 3 more! Next?";
    let found: Vec<&str> = sentences(text).collect();
    assert_eq!(
        found,
        vec![
            "Mr. Trump met the U.S. envoy.",
            "“Talks,” he said.",
            "Then 3 more!",
            "Next?"
        ]
    );
}

#[test]
fn bd012_counts_the_pages_the_layout_engine_gives_the_body() {
    let mut brief = sample_brief();
    brief.silenced_checks.clear();
    let context = briefdesk::layout::check_context(&brief, &Default::default());
    assert!(context.body_pages.is_some_and(|n| n > 2), "{context:?}");
    assert!(
        validate_in(&brief, &context)
            .iter()
            .any(|d| d.code == "BD012")
    );

    // A short note, with its sources and notes still after the body, stays within two pages.
    brief.positions.truncate(2);
    brief.next_steps.truncate(1);
    brief.actors.truncate(4);
    brief.sections.background.clear();
    brief.sections.key_assumptions.clear();
    brief.sections.indicators.clear();
    brief.sections.information_gaps.clear();
    let context = briefdesk::layout::check_context(&brief, &Default::default());
    assert!(context.body_pages.is_some_and(|n| n <= 2), "{context:?}");
    assert!(
        !validate_in(&brief, &context)
            .iter()
            .any(|d| d.code == "BD012")
    );
}

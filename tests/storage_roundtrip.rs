//! Property: any brief, with any Unicode text (Cyrillic, emoji, control characters, quotes),
//! survives save → load unchanged.

mod common;

use briefdesk::model::*;
use briefdesk::storage;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z ,.'\"()\\\\]{0,40}",
        "(Зеленський|Путін|🚀|\u{200d}|“|”|—|\n|\t|\r\n|\\\\|\"|r#\"| ){0,12}",
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("valid"))
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (date(), 0u8..24, 0u8..60, 0u8..60).prop_map(|(date, hour, minute, second)| Timestamp {
        date,
        hour,
        minute,
        second,
    })
}

fn citation() -> impl Strategy<Value = Citation> {
    (text(), any::<usize>(), any::<usize>(), text()).prop_map(|(s, start, end, quote)| Citation {
        source: SourceId::new(s),
        start,
        end,
        quote,
    })
}

fn position() -> impl Strategy<Value = Position> {
    (
        (text(), text(), text()),
        prop::sample::select(Stance::ALL.to_vec()),
        (text(), text()),
        prop::option::of(date()),
        prop::collection::vec(citation(), 0..3),
        any::<bool>(),
    )
        .prop_map(
            |(
                (id, actor, issue),
                stance,
                (summary, conditions),
                stated_on,
                evidence,
                suggested,
            )| {
                Position {
                    id: PositionId::new(id),
                    actor: ActorId::new(actor),
                    issue: IssueId::new(issue),
                    stance,
                    summary,
                    conditions,
                    stated_on,
                    evidence,
                    suggested,
                }
            },
        )
}

fn next_step() -> impl Strategy<Value = NextStep> {
    (
        (text(), text(), prop::collection::vec(text(), 0..3)),
        (text(), prop::option::of(date()), prop::option::of(date())),
        prop::sample::select(TimeQualifier::ALL.to_vec()),
        prop::sample::select(StepStatus::ALL.to_vec()),
        (text(), text()),
        prop::collection::vec(citation(), 0..2),
    )
        .prop_map(
            |(
                (id, what, who),
                (phrase, from, to),
                qualifier,
                status,
                (place, condition),
                evidence,
            )| {
                NextStep {
                    id: StepId::new(id),
                    what,
                    who: who.into_iter().map(ActorId::new).collect(),
                    when: When {
                        phrase,
                        from,
                        to,
                        qualifier,
                    },
                    place,
                    status,
                    condition,
                    evidence,
                    suggested: false,
                }
            },
        )
}

fn brief() -> impl Strategy<Value = Brief> {
    (
        (
            text(),
            text(),
            any::<u32>(),
            prop::option::of(date()),
            timestamp(),
        ),
        (
            prop::sample::select(MarkingLevel::ALL.to_vec()),
            prop::collection::vec(text(), 0..2),
            prop::option::of(prop::sample::select(Tlp::ALL.to_vec())),
        ),
        (text(), text(), prop::collection::vec(text(), 0..3)),
        (
            prop::option::of(prop::sample::select(Likelihood::ALL.to_vec())),
            prop::option::of(prop::sample::select(Confidence::ALL.to_vec())),
        ),
        prop::collection::vec(position(), 0..4),
        prop::collection::vec(next_step(), 0..3),
        (text(), text(), prop::option::of("[A-F][1-6]")),
        prop::collection::vec((text(), text(), prop::collection::vec(text(), 0..2)), 0..3),
    )
        .prop_map(
            |(
                (reference, title, version, issue_date, now),
                (level, caveats, tlp),
                (bluf, background, indicators),
                (likelihood, confidence),
                positions,
                next_steps,
                (source_title, source_text, grade),
                actors,
            )| {
                let mut brief = briefdesk::model::template::Template::ForDecision
                    .instantiate(&title, &reference, now);
                brief.meta.version = version;
                brief.meta.issue_date = issue_date;
                brief.meta.marking = Marking {
                    caveats,
                    ..Marking::uk(level)
                };
                brief.meta.tlp = tlp;
                brief.sections.bluf = bluf;
                brief.sections.background = background;
                brief.sections.indicators = indicators;
                brief.sections.assessment.likelihood = likelihood;
                brief.sections.assessment.confidence = confidence;
                brief.positions = positions;
                brief.next_steps = next_steps;
                let mut source = Source::new(SourceId::new("s1"), source_title, source_text);
                source.grade = grade.and_then(|g| g.parse().ok());
                brief.sources = vec![source];
                brief.actors = actors
                    .into_iter()
                    .map(|(id, name, aliases)| Actor {
                        id: ActorId::new(id),
                        name,
                        kind: ActorKind::Person,
                        role: String::new(),
                        affiliation: None,
                        aliases,
                        suggested: true,
                    })
                    .collect();
                brief
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn save_then_load_gives_the_same_brief(brief in brief()) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("brief.ron");
        let fingerprint = storage::save(&path, &brief, None).expect("save");
        let loaded = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(&loaded.brief, &brief);
        prop_assert_eq!(loaded.fingerprint, Some(fingerprint));
        // Saving an unchanged brief writes the same bytes: stable output for git diffs.
        let again = storage::format::encode(&loaded.brief).expect("encode");
        prop_assert_eq!(again, loaded.text);
    }
}

#[test]
fn the_sample_brief_round_trips_byte_for_byte() {
    let path = common::sample_path();
    let loaded = storage::load(&path).expect("load");
    let text = storage::format::encode(&loaded.brief).expect("encode");
    assert_eq!(text, loaded.text, "the shipped sample is in canonical form");
}

//! One golden file per on-disk format version, never edited: each must still load.

use briefdesk::model::{Severity, validate};
use briefdesk::storage::{self, format::FORMAT_VERSION};
use std::path::Path;

#[test]
fn every_format_version_still_loads() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for version in 1..=FORMAT_VERSION {
        let path = dir.join(format!("format-{version}.ron"));
        let loaded = storage::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let brief = loaded.brief;
        assert_eq!(brief.meta.reference, "BN-2025-0142", "{}", path.display());
        assert_eq!(brief.actors.len(), 7);
        assert!(
            validate(&brief)
                .iter()
                .all(|d| d.severity != Severity::Error),
            "{:?}",
            validate(&brief)
        );
    }
}

#[test]
fn a_format_1_brief_migrates_with_nothing_silenced_and_is_saved_as_the_current_format() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let loaded = storage::load(&dir.join("format-1.ron")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.migrated_from, Some(1));
    assert!(loaded.brief.silenced_checks.is_empty());
    assert!(loaded.brief.sections.current_status_evidence.is_empty());
    let text = storage::format::encode(&loaded.brief).expect("encode");
    assert!(text.contains(&format!("format: {FORMAT_VERSION},")));
    let current = storage::load(&dir.join(format!("format-{FORMAT_VERSION}.ron"))).expect("loads");
    assert_eq!(current.migrated_from, None);
    assert!(
        !current.brief.silenced_checks.is_empty(),
        "the newest golden file exercises every field"
    );
}

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

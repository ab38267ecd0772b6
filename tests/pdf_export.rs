//! Exported PDFs read back as a reader's software would read them.

mod common;

use briefdesk::layout::{Item, LayoutOptions, LayoutWarning, Paper, layout_brief};
use briefdesk::pdf::export_brief;
use lopdf::{Document, Object};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

fn export(brief: &briefdesk::model::Brief) -> Vec<u8> {
    export_brief(brief, &LayoutOptions::default())
        .expect("export")
        .bytes
}

fn all_text(pdf: &Document) -> String {
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    pdf.extract_text(&pages).expect("text extracts")
}

/// The section headings the sample brief prints, in order (it has no options).
const SAMPLE_HEADINGS: [&str; 17] = [
    "Bottom line up front",
    "Issue",
    "Background",
    "Current status",
    "Actors",
    "Positions",
    "Position matrix",
    "Next steps",
    "Timeline",
    "Assessment",
    "Key assumptions",
    "Recommendation",
    "Indicators to watch",
    "Information gaps",
    "Sources",
    "Notes",
    "Annex: Estimative language",
];

/// Text with whitespace runs collapsed, so wrapped lines still match phrases.
fn squashed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn sample_pdf_has_every_section_actor_and_cyrillic() {
    let brief = common::sample_brief();
    let pdf = Document::load_mem(&export(&brief)).expect("valid PDF");
    let text = all_text(&pdf);
    for heading in SAMPLE_HEADINGS {
        assert!(text.contains(heading), "heading {heading} missing");
    }
    for actor in &brief.actors {
        assert!(text.contains(&actor.name), "actor {} missing", actor.name);
    }
    assert!(text.contains("Зеленський"));
    assert!(text.contains("BN-2025-0142"));
    let pages = pdf.get_pages().len();
    assert!(pages >= 2);
    assert!(text.contains(&format!("Page 1 of {pages}")));
    assert!(text.contains(&format!("Page {pages} of {pages}")));
    assert!(text.contains("OFFICIAL") && text.contains("TLP:GREEN"));
    assert!(text.contains("DRAFT"), "drafts carry a watermark");
    let flat = squashed(&text);
    assert!(flat.contains("Likelihood: unlikely"), "{flat}");
}

#[test]
fn approved_briefs_have_no_watermark() {
    let mut brief = common::sample_brief();
    brief.meta.status = briefdesk::model::BriefStatus::Approved;
    let text = all_text(&Document::load_mem(&export(&brief)).expect("valid PDF"));
    assert!(!text.contains("DRAFT"));
}

#[test]
fn bookmarks_cover_every_section() {
    let pdf = Document::load_mem(&export(&common::sample_brief())).expect("valid PDF");
    let toc = pdf.get_toc().expect("an outline");
    let titles: Vec<&str> = toc.toc.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(titles, SAMPLE_HEADINGS);
    assert!(toc.toc.iter().all(|t| t.page >= 1));
}

#[test]
fn metadata_names_title_author_and_creator() {
    let brief = common::sample_brief();
    let pdf = Document::load_mem(&export(&brief)).expect("valid PDF");
    let info_id = pdf
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .expect("an Info dictionary");
    let info = pdf.get_dictionary(info_id).expect("Info");
    let field = |key: &[u8]| {
        lopdf::decode_text_string(info.get(key).expect("field present")).expect("text")
    };
    assert_eq!(field(b"Title"), brief.meta.title);
    assert_eq!(field(b"Author"), brief.meta.author);
    assert_eq!(
        field(b"Creator"),
        format!("Briefdesk {}", env!("CARGO_PKG_VERSION"))
    );
    assert!(field(b"Subject").contains("BN-2025-0142"));
    assert!(field(b"Keywords").contains("Volodymyr Zelensky"));
}

#[test]
fn citations_link_to_endnotes_and_urls_are_clickable() {
    let mut brief = common::sample_brief();
    brief.sources[0].url = "https://www.example.org/world/trilateral-summit".into();
    let doc = layout_brief(&brief, &LayoutOptions::default());
    let citations = brief.citations().count();
    for n in 1..=citations {
        assert!(doc.anchors.contains_key(&format!("note-{n}")), "note {n}");
    }
    let internal = doc
        .pages
        .iter()
        .flat_map(|p| &p.items)
        .filter(|i| {
            matches!(
                i,
                Item::Link {
                    target: briefdesk::layout::LinkTarget::Page { .. },
                    ..
                }
            )
        })
        .count();
    assert_eq!(internal, citations, "one link per citation marker");

    let pdf = Document::load_mem(&export(&brief)).expect("valid PDF");
    let mut goto = 0;
    let mut uri = 0;
    for (_, page) in pdf.get_pages() {
        for annot in pdf.get_page_annotations(page).expect("annotations") {
            let action = annot
                .get(b"A")
                .and_then(Object::as_dict)
                .expect("link action");
            match action.get(b"S").and_then(Object::as_name).expect("kind") {
                b"GoTo" => goto += 1,
                b"URI" => uri += 1,
                other => panic!("unexpected action {other:?}"),
            }
        }
    }
    assert_eq!(goto, citations);
    assert!(uri >= 1, "the source URL is a link");
}

#[test]
fn exports_are_byte_identical() {
    let brief = common::sample_brief();
    let first = export(&brief);
    // Something else exported in between must not change the bytes.
    let _ = export(&common::large_brief(5));
    let second = export(&brief);
    assert!(first == second, "two exports of one brief differ");
    assert!(
        first.len() < 150 * 1024,
        "sample PDF is {} bytes",
        first.len()
    );
}

#[test]
fn letter_paper_is_offered() {
    let options = LayoutOptions {
        paper: Paper::Letter,
    };
    let exported = export_brief(&common::sample_brief(), &options).expect("export");
    let pdf = Document::load_mem(&exported.bytes).expect("valid PDF");
    let (_, page) = pdf.get_pages().into_iter().next().expect("a page");
    let media = pdf
        .get_dictionary(page)
        .and_then(|d| d.get(b"MediaBox"))
        .and_then(Object::as_array)
        .expect("media box");
    let numbers: Vec<f32> = media
        .iter()
        .map(|o| o.as_float().expect("number"))
        .collect();
    let expected = [0.0, 0.0, 612.0, 792.0];
    assert!(
        numbers
            .iter()
            .zip(expected)
            .all(|(a, b)| (a - b).abs() < 0.01),
        "{numbers:?}"
    );
}

/// No ordinary text run reaches past the margins on any page.
fn assert_inside_margins(doc: &briefdesk::layout::Document) {
    let (left, right) = (56.0, doc.width - 56.0);
    for (i, page) in doc.pages.iter().enumerate() {
        for run in page.texts().filter(|r| r.rotation == 0.0) {
            assert!(
                run.x >= left - 0.5 && run.x + run.width <= right + 0.5,
                "page {}: `{}` runs from {} to {}",
                i + 1,
                run.text,
                run.x,
                run.x + run.width
            );
            assert!(
                run.y > 0.0 && run.y < doc.height,
                "page {}: `{}` off the page",
                i + 1,
                run.text
            );
        }
    }
}

#[test]
fn stress_brief_gives_a_valid_pdf_with_warnings_for_missing_glyphs() {
    let brief = common::stress_brief();
    let doc = layout_brief(&brief, &LayoutOptions::default());
    assert_inside_margins(&doc);
    let missing = doc
        .warnings
        .iter()
        .map(|w| match w {
            LayoutWarning::MissingGlyphs(chars) => chars.clone(),
        })
        .next()
        .expect("a missing-glyph warning");
    for c in ['🦀', '🎉', '中', '文'] {
        assert!(missing.contains(&c), "{c} not reported in {missing:?}");
    }
    assert!(doc.warnings[0].to_string().contains("U+1F980"));

    let exported = export_brief(&brief, &LayoutOptions::default()).expect("export");
    let pdf = Document::load_mem(&exported.bytes).expect("valid PDF");
    let pages = pdf.get_pages().len();
    assert!(pages > 50, "only {pages} pages");
    let last = all_text(&pdf);
    assert!(last.contains(&format!("Page {pages} of {pages}")));
}

#[test]
fn long_tables_repeat_their_header_on_every_page() {
    let doc = layout_brief(&common::stress_brief(), &LayoutOptions::default());
    let mut position_pages = BTreeSet::new();
    let mut step_pages = BTreeSet::new();
    for (i, page) in doc.pages.iter().enumerate() {
        for run in page.texts() {
            if run.text.starts_with("Seeks a trilateral") {
                position_pages.insert(i);
            }
            // The table's own cells; the timeline repeats the step in bold beside its bar.
            if run.text.starts_with("Trilateral summit of")
                && run.style == briefdesk::layout::FontStyle::Regular
            {
                step_pages.insert(i);
            }
        }
    }
    assert!(position_pages.len() > 3 && step_pages.len() > 3);
    let has = |i: usize, text: &str| doc.pages[i].texts().any(|r| r.text == text);
    for &i in &position_pages {
        assert!(
            has(i, "Stance") && has(i, "Evidence"),
            "page {} lacks the positions header",
            i + 1
        );
    }
    for &i in &step_pages {
        assert!(
            has(i, "Who") && has(i, "Status"),
            "page {} lacks the next-steps header",
            i + 1
        );
    }
}

#[test]
fn headings_are_never_last_on_a_page() {
    for brief in [common::sample_brief(), common::stress_brief()] {
        let doc = layout_brief(&brief, &LayoutOptions::default());
        let body_bottom = doc.height - 62.0;
        for entry in &doc.outline {
            let page = &doc.pages[entry.page];
            let below = page
                .texts()
                .filter(|r| r.y > entry.y + 30.0 && r.y < body_bottom && r.rotation == 0.0)
                .count();
            assert!(
                below > 0,
                "heading `{}` is alone at the bottom of page {}",
                entry.title,
                entry.page + 1
            );
        }
    }
}

#[test]
fn empty_brief_still_exports() {
    let mut brief = common::sample_brief();
    brief.sections = Default::default();
    brief.actors.clear();
    brief.issues.clear();
    brief.positions.clear();
    brief.next_steps.clear();
    brief.sources.clear();
    brief.meta.title.clear();
    let pdf = Document::load_mem(&export(&brief)).expect("valid PDF");
    assert!(all_text(&pdf).contains("Page 1 of 1"));
}

fn briefdesk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(args)
        .output()
        .expect("runs")
}

#[test]
fn cli_export_writes_the_pdf_and_failures_leave_the_target_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = common::sample_path();
    let out = dir.path().join("note.pdf");
    let run = briefdesk(&[
        "export",
        sample.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));

    // A broken brief: one clear error, the existing PDF untouched, no stray temporary file.
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(format: 1, brief: (meta: oops").expect("write");
    let run = briefdesk(&[
        "export",
        broken.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("broken.ron:1:"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert_eq!(fs::read(&out).expect("still there"), bytes);
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");

    // An unwritable destination.
    let run = briefdesk(&[
        "export",
        sample.to_str().expect("utf-8"),
        "-o",
        "/nonexistent-dir/x.pdf",
    ]);
    assert!(!run.status.success());
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("/nonexistent-dir/x.pdf"), "{err}");
    assert!(!Path::new("/nonexistent-dir/x.pdf").exists());
}

#[test]
fn every_page_carries_banners_tlp_and_footer() {
    use briefdesk::model::{Marking, MarkingLevel, Tlp};
    let mut brief = common::large_brief(60);
    brief.meta.marking = Marking::uk(MarkingLevel::Secret);
    brief.meta.marking.caveats = vec!["UK EYES ONLY".into()];
    brief.meta.tlp = Some(Tlp::AmberStrict);
    let doc = layout_brief(&brief, &LayoutOptions::default());
    let total = doc.pages.len();
    assert!(total > 3);
    for (i, page) in doc.pages.iter().enumerate() {
        let banners: Vec<_> = page
            .texts()
            .filter(|r| r.text == "SECRET – UK EYES ONLY")
            .collect();
        assert_eq!(banners.len(), 2, "top and bottom banner on page {}", i + 1);
        assert!(
            banners
                .iter()
                .all(|r| r.color == briefdesk::layout::Rgb(200, 16, 46))
        );
        let centre = banners[0].x + banners[0].width / 2.0;
        assert!((centre - doc.width / 2.0).abs() < 0.5, "banner centred");
        assert!(page.texts().any(|r| r.text == "TLP:AMBER+STRICT"));
        let footer = format!("Page {} of {total}", i + 1);
        assert!(page.texts().any(|r| r.text == footer), "{footer}");
        assert!(page.texts().any(|r| r.text == "BN-2025-0142 · version 1"));
    }

    brief.meta.marking = Marking::unmarked();
    brief.meta.tlp = None;
    let doc = layout_brief(&brief, &LayoutOptions::default());
    assert!(
        !doc.pages[0]
            .texts()
            .any(|r| r.text.contains("UNMARKED") || r.text.starts_with("TLP:"))
    );
}

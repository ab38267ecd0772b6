//! The position matrix and the next-steps timeline as printed: present, complete and on the page
//! for a busy brief (12 actors × 8 issues), and still complete when the matrix is too wide.

mod common;

use briefdesk::layout::{Document, FontStyle, Item, LayoutOptions, layout_brief};
use briefdesk::model::{Brief, Stance};
use briefdesk::pdf::export_brief;

fn outline_page(doc: &Document, title: &str) -> usize {
    doc.outline
        .iter()
        .find(|e| e.title == title)
        .unwrap_or_else(|| panic!("no bookmark `{title}`"))
        .page
}

/// Everything drawn inside the page's margins (banners and the rotated watermark aside).
fn assert_on_the_page(doc: &Document) {
    let (left, right) = (56.0, doc.width - 56.0);
    let inside = |x: f32| (left - 0.5..=right + 0.5).contains(&x);
    for (i, page) in doc.pages.iter().enumerate() {
        for item in &page.items {
            match item {
                Item::Text(run) if run.rotation == 0.0 => assert!(
                    inside(run.x) && inside(run.x + run.width),
                    "page {}: `{}` runs from {} to {}",
                    i + 1,
                    run.text,
                    run.x,
                    run.x + run.width
                ),
                Item::Rect { x, w, .. } => assert!(
                    inside(*x) && inside(x + w),
                    "page {}: box at {x}+{w}",
                    i + 1
                ),
                Item::Line { from, to, .. } => {
                    assert!(
                        inside(from.0) && inside(to.0),
                        "page {}: line {from:?}–{to:?}",
                        i + 1
                    )
                }
                _ => {}
            }
        }
    }
}

/// The matrix's cell words: (text, size) of each stance word or gap mark between the matrix
/// heading and the next-steps heading.
fn matrix_cells(doc: &Document) -> Vec<(String, f32)> {
    let (start, end) = (
        outline_page(doc, "Position matrix"),
        outline_page(doc, "Next steps"),
    );
    let mut cells = Vec::new();
    let mut inside = false;
    for page in &doc.pages[start..=end] {
        for run in page.texts() {
            if run.text == "Position matrix" {
                inside = true;
            } else if run.text == "Next steps" || run.text.starts_with("— no recorded") {
                inside = false;
            } else if inside
                && (run.text == "—"
                    || Stance::ALL
                        .iter()
                        .any(|s| run.text.split(" +").next() == Some(s.label())))
            {
                cells.push((run.text.clone(), run.size));
            }
        }
    }
    cells
}

#[test]
fn a_12_by_8_matrix_shows_every_cell_and_stays_on_the_page() {
    let brief = common::wide_brief(12, 8);
    let doc = layout_brief(&brief, &LayoutOptions::default());
    assert_on_the_page(&doc);
    let cells = matrix_cells(&doc);
    assert_eq!(cells.len(), 12 * 8, "one word per cell: {cells:?}");
    let gaps = cells.iter().filter(|(t, _)| t == "—").count();
    let filled = 12 * 8 - gaps;
    assert_eq!(filled, brief.positions.len());
    assert!(cells.iter().all(|(_, size)| *size >= 6.5), "readable size");

    // Every issue heads a column and every actor starts a row, as a reader extracts them.
    let pdf = lopdf::Document::load_mem(
        &export_brief(&brief, &LayoutOptions::default())
            .expect("export")
            .bytes,
    )
    .expect("valid PDF");
    let page = u32::try_from(outline_page(&doc, "Position matrix") + 1).expect("page");
    let text = pdf.extract_text(&[page]).expect("text");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for name in [
        "Президент 1",
        "Delegation 2",
        "Sanctions relief 7",
        "Supports",
        "Opposes",
    ] {
        assert!(
            flat.contains(name),
            "`{name}` missing from the matrix page: {flat}"
        );
    }
}

#[test]
fn a_matrix_too_wide_for_the_page_is_split_not_cut() {
    let brief: Brief = common::wide_brief(6, 20);
    let doc = layout_brief(&brief, &LayoutOptions::default());
    assert_on_the_page(&doc);
    let cells = matrix_cells(&doc);
    assert_eq!(cells.len(), 6 * 20, "every cell printed once");
    let notes: Vec<String> = doc
        .pages
        .iter()
        .flat_map(|p| p.texts())
        .filter(|r| r.text.starts_with("Issues "))
        .map(|r| r.text.clone())
        .collect();
    assert!(notes.len() >= 2, "{notes:?}");
    assert!(notes[0].starts_with("Issues 1–") && notes[0].contains("of 20"));
}

#[test]
fn the_timeline_places_every_dated_step_and_lists_the_undated() {
    let brief = common::wide_brief(12, 8);
    let doc = layout_brief(&brief, &LayoutOptions::default());
    let start = outline_page(&doc, "Timeline");
    let runs: Vec<&briefdesk::layout::TextRun> =
        doc.pages[start..].iter().flat_map(|p| p.texts()).collect();
    let label = |k: usize| format!("Step {k}:");
    // Dated steps: a bold label beside a bar; undated: listed under "Not yet dated".
    let dated: Vec<usize> = (0..10)
        .filter(|k| brief.next_steps[*k].when.from.is_some())
        .collect();
    for k in &dated {
        assert!(
            runs.iter().any(|r| r.style == FontStyle::Bold
                && r.size == 8.0
                && r.text.starts_with(&label(*k))),
            "step {k} not on the timeline"
        );
    }
    let undated_at = runs
        .iter()
        .position(|r| r.text == "Not yet dated")
        .expect("undated list");
    for k in [6, 8] {
        assert!(
            runs[undated_at..]
                .iter()
                .any(|r| r.text.contains(&label(k))),
            "step {k} not listed"
        );
    }
    // Month ticks over a three-month span, and conditions readable beside their step.
    assert!(
        runs.iter()
            .any(|r| r.text == "Sep 2025" || r.text.ends_with("Sep")),
        "no axis ticks"
    );
    assert!(
        runs.iter()
            .any(|r| r.text.starts_with("If: contingent on step 1"))
    );
    // One bar, point, arrow or stop per dated step: coloured shapes on the timeline's pages.
    assert_on_the_page(&doc);
}

#[test]
fn the_annex_prints_the_scale_the_brief_uses() {
    let mut brief = common::sample_brief();
    let text = |brief: &Brief| -> String {
        let doc = layout_brief(brief, &LayoutOptions::default());
        let start = outline_page(&doc, "Annex: Estimative language");
        doc.pages[start..]
            .iter()
            .flat_map(|p| p.texts())
            .map(|r| r.text.clone())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let icd = text(&brief);
    assert!(
        icd.contains("ICD 203") && icd.contains("roughly even chance"),
        "{icd}"
    );
    assert!(icd.contains("this brief's judgement"));
    brief.sections.assessment.scale = briefdesk::model::EstimativeScale::UkYardstick;
    let uk = text(&brief);
    assert!(uk.contains("UK probability yardstick") && uk.contains("realistic possibility"));
    assert!(!uk.contains("roughly even chance"));
}

#[test]
fn huge_names_and_steps_are_clipped_not_spilled_off_the_page() {
    let mut brief = common::wide_brief(3, 3);
    brief.actors[0].name = "Долгое имя ".repeat(200);
    brief.issues[1].name = "An issue with a name that goes on ".repeat(60);
    brief.next_steps[0].what = "https://example.org/".repeat(300);
    brief.next_steps[1].condition = "contingent on everything ".repeat(200);
    let doc = layout_brief(&brief, &LayoutOptions::default());
    assert_on_the_page(&doc);
    let bottom = doc.height - 62.0;
    for (i, page) in doc.pages.iter().enumerate() {
        for run in page.texts().filter(|r| r.rotation == 0.0) {
            // Between the text area and the footer rule nothing is ever drawn.
            assert!(
                !(bottom + 2.0..doc.height - 52.0).contains(&run.y),
                "page {}: `{}` at y {} spills past the text area",
                i + 1,
                &run.text.chars().take(30).collect::<String>(),
                run.y
            );
            assert!(run.y < doc.height, "page {} off the page", i + 1);
        }
    }
    let cells = matrix_cells(&doc);
    assert_eq!(cells.len(), 3 * 3);
    let clipped = doc
        .pages
        .iter()
        .flat_map(|p| p.texts())
        .filter(|r| r.text.ends_with('…'))
        .count();
    assert!(clipped >= 3, "long names end in an ellipsis");
}

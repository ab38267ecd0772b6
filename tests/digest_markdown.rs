//! Markdown export and digest PDFs, read back as a reader (or a reader's software) would.

mod common;

use common::{briefdesk, stderr};

use briefdesk::layout::{Item, LayoutOptions, LinkTarget, layout_digest};
use briefdesk::markdown::brief_to_markdown;
use briefdesk::model::{Brief, Marking, MarkingLevel, OptionId, PolicyOption};
use briefdesk::pdf::export_brief;
use lopdf::{Document, Object};
use std::fs;
use std::path::{Path, PathBuf};

/// The section headings the sample brief prints, in order (it has no options).
const SAMPLE_HEADINGS: [&str; 14] = [
    "Bottom line up front",
    "Issue",
    "Background",
    "Current status",
    "Actors",
    "Positions",
    "Next steps",
    "Assessment",
    "Key assumptions",
    "Recommendation",
    "Indicators to watch",
    "Information gaps",
    "Sources",
    "Notes",
];

const SECOND_TITLE: &str = "Sanctions relief and the summit track";

/// Table cells of a Markdown row, split at unescaped pipes.
fn cells(row: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut escaped = false;
    for c in row
        .trim()
        .trim_start_matches('|')
        .trim_end_matches('|')
        .chars()
    {
        if c == '|' && !escaped {
            cells.push(String::new());
        } else if let Some(last) = cells.last_mut() {
            last.push(c);
        }
        escaped = c == '\\' && !escaped;
    }
    cells.into_iter().map(|c| c.trim().to_owned()).collect()
}

/// The lines of the table that follows `## {heading}`.
fn table_rows<'a>(markdown: &'a str, heading: &str) -> Vec<&'a str> {
    markdown
        .lines()
        .skip_while(|l| *l != format!("## {heading}"))
        .skip(1)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with('|'))
        .collect()
}

#[test]
fn markdown_of_the_sample_has_every_section_a_positions_row_cyrillic_and_all_footnotes() {
    let brief = common::sample_brief();
    let md = brief_to_markdown(&brief);

    let headings: Vec<&str> = md.lines().filter_map(|l| l.strip_prefix("## ")).collect();
    assert_eq!(headings, SAMPLE_HEADINGS, "sections in the PDF's order");
    let first = md.lines().next().expect("a first line");
    assert_eq!(first, "**OFFICIAL · TLP:GREEN**");
    assert_eq!(md.lines().last(), Some(first), "banner at the bottom too");
    assert!(md.contains(&format!("\n# {}\n", brief.meta.title)));
    assert!(md.contains("BN-2025-0142 (version 1) · For information · Issued 17 August 2025"));
    assert!(
        md.contains("\n> President Trump wants a trilateral summit"),
        "BLUF quoted"
    );
    assert!(
        md.contains("**Likelihood: unlikely (20-45%, ICD 203) · Confidence: moderate confidence**")
    );
    assert!(md.contains("Зеленський"), "Cyrillic kept as written");
    assert!(md.contains("Володимир Зеленський"));

    // The first position, as a row with the PDF's five columns.
    let p = &brief.positions[0];
    let actor = &brief.actor(&p.actor).expect("actor").name;
    let rows = table_rows(&md, "Positions");
    assert_eq!(rows.len(), 2 + brief.positions.len(), "{rows:?}");
    assert_eq!(
        cells(rows[0]),
        ["Actor", "Issue", "Stance", "Position", "Evidence"]
    );
    let row = cells(rows[2]);
    assert_eq!(row[0], format!("**{actor}**"));
    assert_eq!(row[2], p.stance.label());
    assert!(row[3].starts_with(&p.summary), "{row:?}");
    // Notes are numbered in reading order: the current status's citations come first.
    let first = brief.sections.current_status_evidence.len() + 1;
    assert_eq!(row[4], format!("[^{first}]"));
    assert!(
        md.contains("Sources: [^1] [^2]"),
        "current status cites its sources"
    );
    assert!(rows.iter().all(|r| cells(r).len() == 5), "{rows:?}");

    // The next step resolved "as early as next week", as the PDF's when column shows it.
    assert!(md.contains("| “as early as next week” (not before 18 August 2025) | Contingent |"));

    // One footnote per citation, numbered 1..n in citations() order, each referenced.
    let citations: Vec<_> = brief.citations().collect();
    let definitions: Vec<&str> = md.lines().filter(|l| l.starts_with("[^")).collect();
    assert_eq!(definitions.len(), citations.len());
    for (i, (definition, (_, citation))) in definitions.iter().zip(&citations).enumerate() {
        let label = format!("[^{}]", i + 1);
        assert!(
            definition.starts_with(&format!("{label}: “")),
            "{definition}"
        );
        let quote = citation.quote.split_whitespace().next().expect("a word");
        assert!(definition.contains(quote), "{definition}");
        assert!(definition.contains("grade C3") && definition.contains("SHA-256 1d2a1f53734a"));
        let body = &md[..md.find("## Notes").expect("notes")];
        assert!(body.contains(&label), "{label} never referenced");
    }
    assert_eq!(md, brief_to_markdown(&brief), "deterministic");
}

#[test]
fn markdown_escapes_cells_omits_empty_sections_and_nests_options() {
    let mut brief = common::sample_brief();
    brief.positions[0].summary = "Either East | West\nor *neither*".into();
    brief.sections.background.clear();
    brief.sections.indicators = vec!["  ".into()];
    brief.sections.options = vec![PolicyOption {
        id: OptionId::new("o1"),
        title: "Engage early".into(),
        description: "Talk to both sides.".into(),
        pros: vec!["Cheap".into()],
        cons: vec!["Slow".into(), "Risky".into()],
    }];
    let md = brief_to_markdown(&brief);
    let rows = table_rows(&md, "Positions");
    let row = cells(rows[2]);
    assert_eq!(row.len(), 5, "the pipe split the row: {row:?}");
    assert!(
        row[3].starts_with("Either East \\| West<br>or \\*neither\\*"),
        "{row:?}"
    );
    assert!(!md.contains("## Background"));
    assert!(!md.contains("## Indicators to watch"));
    assert!(md.contains(
        "## Options\n\n### Option 1: Engage early\n\nTalk to both sides.\n\n- **For**\n  - Cheap\n- **Against**\n  - Slow\n  - Risky"
    ));
}

#[test]
fn markdown_layer_depends_only_on_the_model() {
    let source = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/markdown.rs"))
        .expect("read src/markdown.rs");
    for line in source.lines().filter(|l| l.contains("crate::")) {
        let code = line.split("//").next().unwrap_or("");
        for word in [
            "crate::layout",
            "crate::pdf",
            "crate::storage",
            "std::fs",
            "crate::app",
        ] {
            assert!(!code.contains(word), "src/markdown.rs uses {word}: {line}");
        }
    }
}

/// A temp dir holding the sample brief and a second, higher-marked brief.
fn two_briefs() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = dir.path().join("summit.ron");
    fs::copy(common::sample_path(), &first).expect("copy sample");
    let mut second: Brief = common::sample_brief();
    second.meta.title = SECOND_TITLE.into();
    second.meta.reference = "BN-2025-0200".into();
    second.meta.marking = Marking {
        caveats: vec!["UK EYES ONLY".into()],
        ..Marking::uk(MarkingLevel::Secret)
    };
    second.meta.updated = common::ts("2025-09-01T10:00:00Z");
    second
        .sections
        .background
        .push_str(" More background. ".repeat(200).as_str());
    let second_path = dir.path().join("sanctions.ron");
    briefdesk::storage::save(&second_path, &second, None).expect("save second brief");
    (dir, first, second_path)
}

fn page_text(pdf: &Document, page: u32) -> String {
    pdf.extract_text(&[page]).expect("text extracts")
}

#[test]
fn cli_export_md_writes_the_file_and_leaves_no_temp_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(common::sample_path(), dir.path().join("summit.ron")).expect("copy");
    let out = briefdesk(&["export", "summit.ron", "--format", "md"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let written = fs::read_to_string(dir.path().join("summit.md")).expect("summit.md written");
    assert_eq!(written, brief_to_markdown(&common::sample_brief()));

    let out = briefdesk(
        &["export", "summit.ron", "--format", "md", "-o", "mail.md"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(dir.path().join("mail.md")).expect("mail.md"),
        written
    );
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["mail.md", "summit.md", "summit.ron"],
        "no temp files left"
    );

    let out = briefdesk(&["export", "summit.ron", "--format", "docx"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown format is a usage error"
    );
    assert!(stderr(&out).contains("docx"));
}

#[test]
fn digest_has_a_cover_with_the_highest_marking_then_each_brief_as_printed() {
    let (dir, first, second) = two_briefs();
    let options = LayoutOptions::default();
    let load = |p: &Path| briefdesk::storage::load(p).expect("loads").brief;
    let (a, b) = (load(&first), load(&second));
    let pages_a = export_brief(&a, &options).expect("export a").pages;
    let pages_b = export_brief(&b, &options).expect("export b").pages;

    let out = briefdesk(
        &["digest", "summit.ron", "sanctions.ron", "-o", "digest.pdf"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = fs::read(dir.path().join("digest.pdf")).expect("digest written");
    let pdf = Document::load_mem(&bytes).expect("valid PDF");
    let page_ids: Vec<_> = pdf.get_pages().into_values().collect();
    assert_eq!(page_ids.len(), 1 + pages_a + pages_b);

    let cover = page_text(&pdf, 1);
    assert!(cover.contains("SECRET – UK EYES ONLY"), "{cover}");
    assert!(cover.contains("Digest of 2 briefs"), "{cover}");
    assert!(cover.contains("1 September 2025"), "latest update: {cover}");
    assert!(
        cover.contains(&a.meta.title) && cover.contains(SECOND_TITLE),
        "{cover}"
    );
    assert!(cover.contains("BN-2025-0142") && cover.contains("BN-2025-0200"));

    // The first brief's pages keep its own banner and numbering; the second's keep theirs.
    for n in 0..pages_a {
        let text = page_text(&pdf, 2 + n as u32);
        assert!(
            text.contains("OFFICIAL") && !text.contains("SECRET"),
            "page {}",
            n + 2
        );
        assert!(
            text.contains(&format!("Page {} of {pages_a}", n + 1)),
            "{text}"
        );
    }
    let text = page_text(&pdf, 2 + pages_a as u32);
    assert!(text.contains("SECRET – UK EYES ONLY"));
    assert!(text.contains(&format!("Page 1 of {pages_b}")));

    // The contents entries jump to the first page of each brief.
    let targets: Vec<_> = pdf
        .get_page_annotations(page_ids[0])
        .expect("annotations")
        .iter()
        .map(|annot| {
            let action = annot.get(b"A").and_then(Object::as_dict).expect("action");
            let dest = action.get(b"D").and_then(Object::as_array).expect("dest");
            dest[0].as_reference().expect("page reference")
        })
        .collect();
    assert_eq!(targets, [page_ids[1], page_ids[1 + pages_a]]);

    let toc = pdf.get_toc().expect("an outline");
    let top: Vec<&str> = toc
        .toc
        .iter()
        .filter(|t| t.level == 1)
        .map(|t| t.title.as_str())
        .collect();
    assert_eq!(top, [a.meta.title.as_str(), SECOND_TITLE]);
    let blufs = toc
        .toc
        .iter()
        .filter(|t| t.title == "Bottom line up front")
        .count();
    assert_eq!(blufs, 2, "each brief's sections nest under it");
    assert!(
        toc.toc
            .iter()
            .filter(|t| t.title == "Bottom line up front")
            .all(|t| t.level == 2)
    );

    let again = briefdesk(
        &["digest", "summit.ron", "sanctions.ron", "-o", "again.pdf"],
        dir.path(),
    );
    assert!(again.status.success(), "{}", stderr(&again));
    let again = fs::read(dir.path().join("again.pdf")).expect("second digest");
    assert!(again == bytes, "two digests of the same briefs differ");
}

#[test]
fn every_internal_link_stays_inside_its_own_brief() {
    let (_dir, first, second) = two_briefs();
    let load = |p: &Path| briefdesk::storage::load(p).expect("loads").brief;
    let briefs = [load(&first), load(&second)];
    let options = LayoutOptions::default();
    let doc = layout_digest(&briefs, &options, Some("Week 35"));
    let n_a = briefdesk::layout::layout_brief(&briefs[0], &options)
        .pages
        .len();
    let ranges = [1..1 + n_a, 1 + n_a..doc.pages.len()];
    let mut checked = 0;
    for range in ranges {
        for page in &doc.pages[range.clone()] {
            for item in &page.items {
                if let Item::Link {
                    target: LinkTarget::Page { index, .. },
                    ..
                } = item
                {
                    assert!(range.contains(index), "{index} outside {range:?}");
                    checked += 1;
                }
            }
        }
    }
    let citations: usize = briefs.iter().map(|b| b.citations().count()).sum();
    assert_eq!(checked, citations, "one link per citation marker");
    assert_eq!(doc.info.title, "Week 35");
    assert!(doc.anchors.contains_key("brief-2/note-1"));
}

#[test]
fn digest_refuses_a_missing_brief_and_needs_at_least_one() {
    let (dir, _, _) = two_briefs();
    let out = briefdesk(
        &["digest", "summit.ron", "missing.ron", "-o", "digest.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("missing.ron") && err.contains("cannot read"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
    assert!(!dir.path().join("digest.pdf").exists(), "nothing written");

    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(format: 1, brief: (").expect("write");
    let out = briefdesk(
        &["digest", "summit.ron", "broken.ron", "-o", "d.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.ron:"), "{}", stderr(&out));

    let out = briefdesk(&["digest", "-o", "digest.pdf"], dir.path());
    assert_eq!(out.status.code(), Some(2), "zero briefs is a usage error");
    assert!(!dir.path().join("digest.pdf").exists());
}

#[test]
fn markdown_has_the_position_matrix_and_keeps_bullets_literal() {
    let mut brief = common::sample_brief();
    brief.sections.indicators = vec!["# not a heading".into(), "1. not a list".into()];
    let md = briefdesk::markdown::brief_to_markdown(&brief);
    let at = md.find("### Position matrix").expect("matrix heading");
    let matrix: Vec<&str> = md[at..]
        .lines()
        .skip(1)
        .skip_while(|l| l.is_empty())
        .take_while(|l| l.starts_with('|'))
        .collect();
    let russia = matrix
        .iter()
        .find(|l| l.starts_with("| **Russia**"))
        .expect("Russia's row");
    assert!(
        russia.contains("Demands") && russia.contains("Opposes"),
        "{russia}"
    );
    assert!(
        matrix.iter().any(|l| l.contains(" — ")),
        "gaps are marked: {matrix:?}"
    );
    assert!(md.contains("- \\# not a heading"), "{md}");
    assert!(md.contains("- 1\\. not a list"));
}

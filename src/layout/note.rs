//! The briefing-note design: which parts of a brief go where, in which style.
//!
//! Reading order follows government briefing-note practice: title block, bottom line up front,
//! issue, background, current status, actors, positions, next steps, assessment, assumptions,
//! options, recommendation, indicators, information gaps, sources, notes.

use super::flow::{Cell, CellPart, Column, Flow, Frame, Measure, TextStyle};
use super::page::{
    Document, DocumentInfo, FontStyle, Item, LayoutWarning, LinkTarget, Page, Paper, Rgb,
};
use crate::model::{
    Brief, BriefStatus, Date, Marking, MarkingLevel, MarkingScheme, Stance, StepStatus, Tlp, When,
};
use std::collections::HashMap;

pub(crate) const INK: Rgb = Rgb(26, 26, 26);
pub(crate) const NAVY: Rgb = Rgb(31, 58, 95);
pub(crate) const GREY: Rgb = Rgb(90, 98, 110);
const LINK: Rgb = Rgb(26, 95, 180);
const BLUF_FILL: Rgb = Rgb(232, 239, 247);
const WATERMARK: Rgb = Rgb(234, 234, 234);

pub(crate) const BODY: TextStyle = TextStyle::new(FontStyle::Regular, 10.0, INK);
pub(crate) const BODY_BOLD: TextStyle = TextStyle::new(FontStyle::Bold, 10.0, INK);
pub(crate) const NOTE: TextStyle = TextStyle::new(FontStyle::Italic, 9.0, GREY);
pub(crate) const H1: TextStyle = TextStyle::new(FontStyle::Bold, 12.5, NAVY);
pub(crate) const H2: TextStyle = TextStyle::new(FontStyle::Bold, 10.5, NAVY);
pub(crate) const TITLE: TextStyle = TextStyle::new(FontStyle::Bold, 18.0, INK);
pub(crate) const LABEL: TextStyle = TextStyle::new(FontStyle::Bold, 8.5, GREY);
pub(crate) const META: TextStyle = TextStyle::new(FontStyle::Regular, 9.0, INK);
const CELL: TextStyle = TextStyle::new(FontStyle::Regular, 8.5, INK);
const CELL_BOLD: TextStyle = TextStyle::new(FontStyle::Bold, 8.5, INK);
const CELL_NOTE: TextStyle = TextStyle::new(FontStyle::Italic, 8.0, GREY);
const HEADER: TextStyle = TextStyle::new(FontStyle::Bold, 8.5, Rgb::WHITE);
const MARKER: TextStyle = TextStyle::new(FontStyle::Regular, 8.0, LINK);
pub(crate) const SMALL: TextStyle = TextStyle::new(FontStyle::Regular, 8.0, GREY);

/// How to lay a brief out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LayoutOptions {
    pub paper: Paper,
}

/// The section headings, in the order they can appear.
pub const SECTION_TITLES: [&str; 18] = [
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
    "Options",
    "Recommendation",
    "Indicators to watch",
    "Information gaps",
    "Sources",
    "Notes",
    "Annex: Estimative language",
];

/// Lays `brief` out as a briefing note.
pub fn layout_brief(brief: &Brief, options: &LayoutOptions) -> Document {
    let frame = page_frame(options.paper);
    let (width, height) = (frame.width, frame.height);
    let mut flow = Flow::new(frame);
    let notes = number_citations(brief);

    title_block(&mut flow, brief);
    flow.outline.push(super::page::OutlineEntry {
        title: SECTION_TITLES[0].to_owned(),
        level: 1,
        page: 0,
        y: flow.y,
    });
    flow.callout(
        "Bottom line up front",
        &H2,
        or_none(&brief.sections.bluf),
        &BODY,
        BLUF_FILL,
        NAVY,
    );

    let s = &brief.sections;
    prose_section(&mut flow, "Issue", &s.issue);
    prose_section(&mut flow, "Background", &s.background);
    prose_section(&mut flow, "Current status", &s.current_status);
    if !s.current_status.trim().is_empty() {
        marker_line(
            &mut flow,
            &notes,
            "sections.current_status_evidence",
            s.current_status_evidence.len(),
        );
    }
    actors_table(&mut flow, brief);
    positions_table(&mut flow, brief, &notes);
    super::figures::position_matrix(&mut flow, brief);
    steps_table(&mut flow, brief, &notes);
    super::figures::timeline(&mut flow, brief);
    assessment(&mut flow, brief);
    list_section(&mut flow, "Key assumptions", &s.key_assumptions);
    options_section(&mut flow, brief);
    prose_section(&mut flow, "Recommendation", &s.recommendation);
    list_section(&mut flow, "Indicators to watch", &s.indicators);
    list_section(&mut flow, "Information gaps", &s.information_gaps);
    flow.anchor(BODY_END);
    sources_section(&mut flow, brief);
    endnotes(&mut flow, brief);
    super::figures::estimative_annex(&mut flow, brief);

    let super::flow::Flowed {
        mut pages,
        outline,
        anchors,
        missing,
    } = flow.finish();
    let mut measure = Measure::new();
    decorate(&mut pages, brief, &frame, &mut measure);
    let mut warnings = Vec::new();
    let missing: Vec<char> = missing.into_iter().chain(measure.missing).collect();
    if !missing.is_empty() {
        let mut chars = missing;
        chars.sort_unstable();
        chars.dedup();
        warnings.push(LayoutWarning::MissingGlyphs(chars));
    }
    Document {
        paper: options.paper,
        width,
        height,
        pages,
        outline,
        info: document_info(brief),
        warnings,
        anchors,
    }
}

/// Anchor where the body ends and the sources, notes and annexes begin.
pub const BODY_END: &str = "body-end";

/// "Sources: [1] [2]" under a prose section, each number linked to its endnote.
fn marker_line(flow: &mut Flow, notes: &HashMap<String, usize>, path: &str, count: usize) {
    let numbers: Vec<usize> = (0..count)
        .filter_map(|j| notes.get(&format!("{path}[{j}]")).copied())
        .collect();
    if numbers.is_empty() {
        return;
    }
    flow.keep(MARKER.line_height());
    let top = flow.y;
    let mut x = flow.frame.left;
    x += flow.text(x, top + MARKER.size, &SMALL, "Sources: ");
    for n in numbers {
        let label = format!("[{n}]");
        let width = flow.text(x, top + MARKER.size, &MARKER, &label);
        flow.link_to_anchor(
            x - 1.0,
            top,
            width + 2.0,
            MARKER.line_height(),
            &note_anchor(n),
        );
        x += width + 2.0;
    }
    flow.y += MARKER.line_height();
}

/// The printable area of a note's page; a digest's cover uses it too, so it lines up.
pub(crate) fn page_frame(paper: Paper) -> Frame {
    let (width, height) = paper.size();
    let margin = 56.7; // 20 mm
    Frame {
        width,
        height,
        left: margin,
        right: width - margin,
        top: 60.0,
        bottom: height - 62.0,
    }
}

fn or_none(text: &str) -> &str {
    if text.trim().is_empty() {
        "Not yet written."
    } else {
        text
    }
}

/// Endnote numbers of the citations, in reading order: positions first, then next steps.
fn number_citations(brief: &Brief) -> HashMap<String, usize> {
    brief
        .citations()
        .enumerate()
        .map(|(i, (path, _))| (path, i + 1))
        .collect()
}

fn note_anchor(n: usize) -> String {
    format!("note-{n}")
}

fn title_block(flow: &mut Flow, brief: &Brief) {
    let meta = &brief.meta;
    let f = flow.frame;
    flow.text(f.left, flow.y + 9.0, &LABEL, "BRIEFING NOTE");
    let purpose = meta.purpose.label().to_uppercase();
    let w = flow.measure.width(&LABEL, &purpose);
    flow.text(f.right - w, flow.y + 9.0, &LABEL, &purpose);
    flow.y += 16.0;
    let title = if meta.title.trim().is_empty() {
        "Untitled brief"
    } else {
        meta.title.as_str()
    };
    for line in flow.measure.wrap(&TITLE, title, f.content_width()) {
        flow.keep(TITLE.line_height());
        flow.text(f.left, flow.y + TITLE.size, &TITLE, &line);
        flow.y += TITLE.line_height();
    }
    flow.y += 6.0;

    let date = |d: Option<Date>| d.map_or_else(|| "—".to_owned(), Date::long_form);
    let cutoff = meta.information_cutoff.map_or_else(
        || "—".to_owned(),
        |t| format!("{}, {:02}:{:02} UTC", t.date.long_form(), t.hour, t.minute),
    );
    let fields = [
        (
            "Reference",
            format!("{} (version {})", meta.reference, meta.version),
        ),
        ("Date of issue", date(meta.issue_date)),
        ("Purpose", meta.purpose.label().to_owned()),
        ("Information cut-off", cutoff),
        ("Author", meta.author.clone()),
        ("Reviewer", meta.reviewer.clone()),
        ("Audience", meta.audience.clone()),
        ("Status", meta.status.label().to_owned()),
    ];
    let half = f.content_width() / 2.0;
    let label_width = 96.0;
    flow.hline(f.left, f.right, flow.y, 0.6, NAVY);
    flow.y += 5.0;
    for pair in fields.chunks(2) {
        let mut row_height: f32 = 0.0;
        let top = flow.y;
        let wrapped: Vec<Vec<String>> = pair
            .iter()
            .map(|(_, value)| {
                let value = if value.trim().is_empty() {
                    "—"
                } else {
                    value
                };
                flow.measure.wrap(&META, value, half - label_width - 6.0)
            })
            .collect();
        for lines in &wrapped {
            row_height = row_height.max(lines.len() as f32 * META.line_height());
        }
        flow.keep(row_height);
        let top = top.max(flow.y);
        for (column, ((label, _), lines)) in pair.iter().zip(&wrapped).enumerate() {
            let x = f.left + column as f32 * half;
            flow.text(x, top + META.size, &LABEL, label);
            let mut baseline = top + META.size;
            for line in lines {
                flow.text(x + label_width, baseline, &META, line);
                baseline += META.line_height();
            }
        }
        flow.y = top + row_height + 1.5;
    }
    flow.y += 3.0;
    flow.hline(f.left, f.right, flow.y, 0.6, NAVY);
    flow.y += 10.0;
}

fn prose_section(flow: &mut Flow, title: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    flow.heading(title, 1, &H1, BODY.line_height() * 2.0);
    flow.prose(&BODY, text);
}

fn list_section(flow: &mut Flow, title: &str, items: &[String]) {
    let items: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
    if items.is_empty() {
        return;
    }
    flow.heading(title, 1, &H1, BODY.line_height() * 2.0);
    for item in items {
        flow.bullet(&BODY, item.trim());
    }
}

fn columns(spec: &[(&str, f32)]) -> Vec<Column> {
    spec.iter()
        .map(|(title, weight)| Column {
            title: (*title).to_owned(),
            weight: *weight,
        })
        .collect()
}

fn table_heading(flow: &mut Flow, title: &str) {
    // Keep the heading with the header row and the start of the first row.
    flow.heading(
        title,
        1,
        &H1,
        HEADER.line_height() * 2.0 + CELL.line_height() * 3.0,
    );
}

fn actors_table(flow: &mut Flow, brief: &Brief) {
    if brief.actors.is_empty() {
        return;
    }
    table_heading(flow, "Actors");
    let rows: Vec<Vec<Cell>> = brief
        .actors
        .iter()
        .map(|actor| {
            let mut name = vec![CellPart::Text(CELL_BOLD, actor.name.clone())];
            if let Some(org) = actor.affiliation.as_ref().and_then(|id| brief.actor(id))
                && org.id != actor.id
            {
                name.push(CellPart::Text(CELL_NOTE, org.name.clone()));
            }
            vec![
                Cell(name),
                Cell::plain(CELL, actor.kind.label()),
                Cell::plain(CELL, actor.role.clone()),
                Cell::plain(CELL, actor.aliases.join(", ")),
            ]
        })
        .collect();
    let cols = columns(&[
        ("Actor", 1.3),
        ("Kind", 0.9),
        ("Role", 1.8),
        ("Also written", 1.4),
    ]);
    flow.table(&cols, &rows, &HEADER, NAVY, true);
}

/// The colour a stance is printed in (and shown in the app's matrix).
pub fn stance_color(stance: Stance) -> Rgb {
    match stance {
        Stance::Supports => Rgb(27, 120, 55),
        Stance::Opposes => Rgb(178, 34, 34),
        Stance::Demands => Rgb(166, 84, 0),
        Stance::Conditional => Rgb(140, 110, 0),
        Stance::Undecided => GREY,
        Stance::Ambiguous => Rgb(106, 61, 154),
    }
}

/// The colour a next step's status is printed in (and shown in the app's timeline).
pub fn status_color(status: StepStatus) -> Rgb {
    match status {
        StepStatus::Announced => Rgb(26, 95, 180),
        StepStatus::Agreed => Rgb(27, 120, 55),
        StepStatus::Proposed => Rgb(140, 110, 0),
        StepStatus::Contingent => Rgb(166, 84, 0),
        StepStatus::Done => GREY,
        StepStatus::Cancelled => Rgb(178, 34, 34),
    }
}

fn markers(notes: &HashMap<String, usize>, path: &str, count: usize) -> CellPart {
    let labels = (0..count)
        .filter_map(|j| notes.get(&format!("{path}.evidence[{j}]")))
        .map(|n| (format!("[{n}]"), note_anchor(*n)))
        .collect();
    CellPart::Markers(MARKER, labels)
}

fn positions_table(flow: &mut Flow, brief: &Brief, notes: &HashMap<String, usize>) {
    if brief.positions.is_empty() {
        return;
    }
    table_heading(flow, "Positions");
    let rows: Vec<Vec<Cell>> = brief
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let actor = brief.actor_label(&p.actor);
            let issue = brief.issue_label(&p.issue);
            let stance_style = TextStyle::new(FontStyle::Bold, CELL.size, stance_color(p.stance));
            let mut position = vec![CellPart::Text(CELL, p.summary.clone())];
            if !p.conditions.trim().is_empty() {
                position.push(CellPart::Text(
                    CELL_NOTE,
                    format!("Conditions: {}", p.conditions.trim()),
                ));
            }
            if let Some(date) = p.stated_on {
                position.push(CellPart::Text(
                    CELL_NOTE,
                    format!("Stated {}", date.long_form()),
                ));
            }
            vec![
                Cell::plain(CELL_BOLD, actor),
                Cell::plain(CELL, issue),
                Cell::plain(stance_style, p.stance.label()),
                Cell(position),
                Cell(vec![markers(
                    notes,
                    &format!("positions[{i}]"),
                    p.evidence.len(),
                )]),
            ]
        })
        .collect();
    let cols = columns(&[
        ("Actor", 1.1),
        ("Issue", 1.2),
        ("Stance", 0.85),
        ("Position", 2.9),
        ("Evidence", 0.7),
    ]);
    flow.table(&cols, &rows, &HEADER, NAVY, true);
}

/// "as early as next week" → the phrase, then the resolved date with its qualifier.
fn when_text(when: &When) -> Vec<CellPart> {
    let mut parts = Vec::new();
    if !when.phrase.trim().is_empty() {
        parts.push(CellPart::Text(CELL, format!("“{}”", when.phrase.trim())));
    }
    if let Some(resolved) = when.resolved_text() {
        parts.push(CellPart::Text(CELL_NOTE, resolved));
    }
    if parts.is_empty() {
        parts.push(CellPart::Text(CELL_NOTE, "not known".to_owned()));
    }
    parts
}

fn steps_table(flow: &mut Flow, brief: &Brief, notes: &HashMap<String, usize>) {
    if brief.next_steps.is_empty() {
        return;
    }
    table_heading(flow, "Next steps");
    let rows: Vec<Vec<Cell>> = brief
        .next_steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mut what = vec![CellPart::Text(CELL, step.what.clone())];
            if !step.place.trim().is_empty() {
                what.push(CellPart::Text(
                    CELL_NOTE,
                    format!("Where: {}", step.place.trim()),
                ));
            }
            if !step.condition.trim().is_empty() {
                what.push(CellPart::Text(
                    CELL_NOTE,
                    format!("Condition: {}", step.condition.trim()),
                ));
            }
            what.push(markers(
                notes,
                &format!("next_steps[{i}]"),
                step.evidence.len(),
            ));
            let who: Vec<String> = step.who.iter().map(|id| brief.actor_label(id)).collect();
            let status_style =
                TextStyle::new(FontStyle::Bold, CELL.size, status_color(step.status));
            vec![
                Cell(what),
                Cell::plain(CELL, who.join(", ")),
                Cell(when_text(&step.when)),
                Cell::plain(status_style, step.status.label()),
            ]
        })
        .collect();
    let cols = columns(&[("What", 3.0), ("Who", 1.4), ("When", 1.6), ("Status", 0.9)]);
    flow.table(&cols, &rows, &HEADER, NAVY, true);
}

fn assessment(flow: &mut Flow, brief: &Brief) {
    let a = &brief.sections.assessment;
    if a.is_empty() {
        return;
    }
    flow.heading("Assessment", 1, &H1, BODY.line_height() * 3.0);
    let judgement = a.judgement();
    if !judgement.is_empty() {
        flow.paragraph(&BODY_BOLD, &judgement.join("   ·   "), 0.0);
        flow.space(4.0);
    }
    flow.prose(&BODY, &a.text);
}

fn options_section(flow: &mut Flow, brief: &Brief) {
    let options = &brief.sections.options;
    if options.is_empty() {
        return;
    }
    flow.heading("Options", 1, &H1, BODY.line_height() * 2.0);
    for (i, option) in options.iter().enumerate() {
        let title = format!("Option {}: {}", i + 1, option.title.trim());
        flow.heading(&title, 2, &H2, BODY.line_height() * 2.0);
        flow.prose(&BODY, &option.description);
        for (label, items) in [("For", &option.pros), ("Against", &option.cons)] {
            let items: Vec<&String> = items.iter().filter(|i| !i.trim().is_empty()).collect();
            if items.is_empty() {
                continue;
            }
            flow.space(3.0);
            flow.keep(BODY.line_height() * 2.0);
            flow.paragraph(&BODY_BOLD, label, 0.0);
            for item in items {
                flow.bullet(&BODY, item.trim());
            }
        }
    }
}

fn sources_section(flow: &mut Flow, brief: &Brief) {
    if brief.sources.is_empty() {
        return;
    }
    flow.heading("Sources", 1, &H1, BODY.line_height() * 3.0);
    for (i, source) in brief.sources.iter().enumerate() {
        flow.space(if i == 0 { 0.0 } else { 6.0 });
        flow.keep(BODY.line_height() * 3.0);
        flow.anchor(format!("source-{}", source.id));
        let heading = format!("{}. {}", i + 1, or_none(&source.title));
        flow.paragraph(&BODY_BOLD, &heading, 0.0);
        let mut facts = Vec::new();
        for part in [source.outlet.trim(), source.author.trim()] {
            if !part.is_empty() {
                facts.push(part.to_owned());
            }
        }
        if let Some(date) = source.published {
            facts.push(format!("published {}", date.long_form()));
        }
        if let Some(date) = source.accessed {
            facts.push(format!("accessed {}", date.long_form()));
        }
        if !facts.is_empty() {
            flow.paragraph(&BODY, &facts.join(", "), 0.0);
        }
        let grade = source.grade.map_or_else(
            || "Grade: not graded".to_owned(),
            |g| {
                format!(
                    "Grade {g}: source {}, information {}",
                    g.reliability.label().to_lowercase(),
                    g.credibility.label().to_lowercase()
                )
            },
        );
        flow.paragraph(&BODY, &grade, 0.0);
        flow.paragraph(
            &SMALL,
            &format!("SHA-256 of the text: {}", source.sha256),
            0.0,
        );
        link_paragraph(flow, &source.url);
        if !source.notes.trim().is_empty() {
            flow.paragraph(&NOTE, source.notes.trim(), 0.0);
        }
    }
}

/// A URL printed in link colour and clickable on every line it wraps onto.
fn link_paragraph(flow: &mut Flow, url: &str) {
    let url = url.trim();
    if url.is_empty() {
        return;
    }
    let style = TextStyle::new(FontStyle::Regular, 8.5, LINK);
    let lines = flow.measure.wrap(&style, url, flow.frame.content_width());
    for line in lines {
        flow.keep(style.line_height());
        let top = flow.y;
        let x = flow.frame.left;
        let width = flow.text(x, top + style.size, &style, &line);
        flow.link(
            x,
            top,
            width,
            style.line_height(),
            LinkTarget::Uri(url.to_owned()),
        );
        flow.y += style.line_height();
    }
}

fn endnotes(flow: &mut Flow, brief: &Brief) {
    let citations: Vec<_> = brief.citations().collect();
    if citations.is_empty() {
        return;
    }
    flow.heading("Notes", 1, &H1, BODY.line_height() * 2.0);
    let style = TextStyle::new(FontStyle::Regular, 8.5, INK);
    for (i, (_, citation)) in citations.iter().enumerate() {
        let n = i + 1;
        flow.keep(style.line_height() * 2.0);
        flow.anchor(note_anchor(n));
        let number = format!("[{n}]");
        let top = flow.y;
        flow.text(flow.frame.left, top + style.size, &style, &number);
        let mut text = format!("“{}”", citation.quote.trim());
        match brief.source(&citation.source) {
            Some(source) => {
                let mut parts = Vec::new();
                if !source.outlet.trim().is_empty() {
                    parts.push(source.outlet.trim().to_owned());
                }
                parts.push(format!("“{}”", source.title.trim()));
                if let Some(date) = source.published {
                    parts.push(date.long_form());
                }
                if let Some(grade) = source.grade {
                    parts.push(format!("grade {grade}"));
                }
                parts.push(format!("SHA-256 {}", source.short_digest()));
                text.push_str(" — ");
                text.push_str(&parts.join(", "));
                text.push('.');
            }
            None => text.push_str(&format!(" — unknown source `{}`.", citation.source)),
        }
        flow.paragraph(&style, &text, 22.0);
        if let Some(source) = brief.source(&citation.source)
            && !source.url.trim().is_empty()
        {
            let before = flow.frame.left;
            flow.frame.left += 22.0;
            link_paragraph(flow, &source.url);
            flow.frame.left = before;
        }
        flow.space(2.0);
    }
}

/// The banner colour of a marking level; a digest's cover uses it for its highest marking.
pub(crate) fn banner_color(level: MarkingLevel) -> Rgb {
    match level {
        MarkingLevel::Official => Rgb(40, 40, 40),
        MarkingLevel::OfficialSensitive => Rgb(0, 82, 155),
        MarkingLevel::Secret => Rgb(200, 16, 46),
        MarkingLevel::TopSecret => Rgb(230, 100, 0),
    }
}

fn tlp_colors(tlp: Tlp) -> Rgb {
    // TLP 2.0 colours, printed on black.
    match tlp {
        Tlp::Clear => Rgb::WHITE,
        Tlp::Green => Rgb(51, 255, 0),
        Tlp::Amber | Tlp::AmberStrict => Rgb(255, 192, 0),
        Tlp::Red => Rgb(255, 43, 43),
    }
}

/// The marking banner, centred at the top and bottom of a page; nothing when unmarked.
pub(crate) fn banner_items(marking: &Marking, frame: &Frame, measure: &mut Measure) -> Vec<Item> {
    if marking.scheme == MarkingScheme::Unmarked {
        return Vec::new();
    }
    let style = TextStyle::new(FontStyle::Bold, 10.0, banner_color(marking.level));
    let banner = marking.banner();
    let w = measure.width(&style, &banner);
    let x = (frame.width - w) / 2.0;
    vec![
        Item::Text(measure.run(x, 30.0, &style, &banner)),
        Item::Text(measure.run(x, frame.height - 20.0, &style, &banner)),
    ]
}

/// The TLP label in a black box at the top right of a page.
pub(crate) fn tlp_items(tlp: Tlp, frame: &Frame, measure: &mut Measure) -> Vec<Item> {
    let style = TextStyle::new(FontStyle::Bold, 8.0, tlp_colors(tlp));
    let w = measure.width(&style, tlp.label());
    let (x, y) = (frame.right - w - 8.0, 19.0);
    vec![
        Item::Rect {
            x,
            y,
            w: w + 8.0,
            h: 14.0,
            fill: Some(Rgb::BLACK),
            stroke: None,
        },
        Item::Text(measure.run(x + 4.0, y + 10.0, &style, tlp.label())),
    ]
}

/// Marking banners, TLP label, footer and DRAFT watermark on every page.
fn decorate(pages: &mut [Page], brief: &Brief, frame: &Frame, measure: &mut Measure) {
    let meta = &brief.meta;
    let total = pages.len();
    let footer_left = format!("{} · version {}", meta.reference.trim(), meta.version);
    let watermark = TextStyle::new(FontStyle::Bold, 120.0, WATERMARK);
    for (i, page) in pages.iter_mut().enumerate() {
        let mut furniture = banner_items(&meta.marking, frame, measure);
        if let Some(tlp) = meta.tlp {
            furniture.extend(tlp_items(tlp, frame, measure));
        }
        let footer_y = frame.height - 40.0;
        furniture.push(Item::Line {
            from: (frame.left, footer_y - 10.0),
            to: (frame.right, footer_y - 10.0),
            width: 0.4,
            color: Rgb(190, 196, 204),
        });
        furniture.push(Item::Text(measure.run(
            frame.left,
            footer_y,
            &SMALL,
            &footer_left,
        )));
        let page_label = format!("Page {} of {total}", i + 1);
        let w = measure.width(&SMALL, &page_label);
        furniture.push(Item::Text(measure.run(
            frame.right - w,
            footer_y,
            &SMALL,
            &page_label,
        )));
        if meta.status == BriefStatus::Draft {
            let mut run = measure.run(0.0, 0.0, &watermark, "DRAFT");
            let angle = 45.0f32.to_radians();
            let (cx, cy) = (frame.width / 2.0, frame.height / 2.0);
            let cap = watermark.size * 0.73;
            run.x = cx - run.width / 2.0 * angle.cos() + cap / 2.0 * angle.sin();
            run.y = cy + run.width / 2.0 * angle.sin() + cap / 2.0 * angle.cos();
            run.rotation = 45.0;
            // Drawn first so the text of the page sits on top of it.
            page.items.insert(0, Item::Text(run));
        }
        page.items.extend(furniture);
    }
}

fn document_info(brief: &Brief) -> DocumentInfo {
    let meta = &brief.meta;
    let mut keywords: Vec<String> = vec![meta.reference.clone()];
    keywords.extend(brief.actors.iter().map(|a| a.name.clone()));
    keywords.extend(brief.issues.iter().map(|i| i.name.clone()));
    let u = meta.updated;
    DocumentInfo {
        title: meta.title.clone(),
        author: meta.author.clone(),
        subject: format!(
            "Briefing note {} version {}, {}",
            meta.reference,
            meta.version,
            meta.purpose.label().to_lowercase()
        ),
        keywords,
        modified: u.parts(),
    }
}

//! A digest: several briefs in one document, behind a cover page with a clickable contents list.
//!
//! Each brief keeps its own pages exactly as [`layout_brief`] lays them out (its banners, TLP
//! label, "Page N of M" and watermark), so a page torn out of a digest is still correctly
//! marked. The cover carries the highest marking of all the briefs, because it travels with all
//! of them. Pure like the rest of the layout engine: the date comes from the briefs, never the
//! clock, so the same briefs always give the same document.

use super::flow::{Flow, Frame, Measure, TextStyle};
use super::note::{
    BODY_BOLD, H1, LABEL, META, NAVY, SMALL, TITLE, banner_items, page_frame, tlp_items,
};
use super::page::{
    Document, DocumentInfo, FontStyle, Item, LayoutWarning, LinkTarget, OutlineEntry, Page,
};
use super::{LayoutOptions, layout_brief};
use crate::model::{Brief, Marking, MarkingScheme, Timestamp, Tlp};
use std::collections::{BTreeMap, BTreeSet};

const PAGE_NUMBER: TextStyle = TextStyle::new(FontStyle::Bold, 10.0, NAVY);

/// The marking a document holding all of `briefs` needs: the highest level (any UK level is
/// above unmarked), with the handling caveats of every brief, in first-seen order — a caveat
/// such as UK EYES ONLY binds the material it came with whatever the level around it.
pub fn highest_marking(briefs: &[Brief]) -> Marking {
    // Unmarked briefs still carry a level field; it means nothing without a scheme.
    let rank = |m: &Marking| match m.scheme {
        MarkingScheme::Unmarked => None,
        MarkingScheme::UkGovernment => Some(m.level),
    };
    let Some(top) = briefs.iter().map(|b| rank(&b.meta.marking)).max().flatten() else {
        return Marking::unmarked();
    };
    let mut marking = Marking::uk(top);
    let mut seen = BTreeSet::new();
    for brief in briefs.iter().filter(|b| rank(&b.meta.marking).is_some()) {
        for caveat in &brief.meta.marking.caveats {
            let caveat = caveat.trim();
            // "UK EYES ONLY" and "UK Eyes Only" are one caveat; the first spelling is kept.
            if !caveat.is_empty() && seen.insert(caveat.to_uppercase()) {
                marking.caveats.push(caveat.to_owned());
            }
        }
    }
    marking
}

/// The most restrictive TLP label among `briefs`, if any has one.
pub fn strictest_tlp(briefs: &[Brief]) -> Option<Tlp> {
    // Tlp::ALL runs from least to most restrictive.
    let rank = |tlp: Tlp| Tlp::ALL.iter().position(|t| *t == tlp);
    briefs
        .iter()
        .filter_map(|b| b.meta.tlp)
        .max_by_key(|t| rank(*t))
}

/// Lays out a cover page and then every brief, in the order given.
pub fn layout_digest(briefs: &[Brief], options: &LayoutOptions, title: Option<&str>) -> Document {
    let frame = page_frame(options.paper);
    let title = match title.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_owned(),
        _ => format!(
            "Digest of {} brief{}",
            briefs.len(),
            if briefs.len() == 1 { "" } else { "s" }
        ),
    };
    let documents: Vec<Document> = briefs.iter().map(|b| layout_brief(b, options)).collect();
    let updated = briefs.iter().map(|b| b.meta.updated).max();

    // The contents list gives page numbers, which depend on how many pages the cover itself
    // takes; an entry's height does not depend on its number, so a second pass is final.
    let mut cover = layout_cover(&frame, briefs, &documents, &title, updated, 1);
    if cover.pages.len() > 1 {
        let count = cover.pages.len();
        cover = layout_cover(&frame, briefs, &documents, &title, updated, count);
    }

    let mut pages = cover.pages;
    let mut outline = Vec::new();
    let mut anchors = BTreeMap::new();
    let mut missing: BTreeSet<char> = cover.missing;
    for (k, (brief, document)) in briefs.iter().zip(documents).enumerate() {
        let offset = pages.len();
        anchors.insert(format!("brief-{}", k + 1), (offset, 0.0));
        outline.push(OutlineEntry {
            title: display_title(brief).to_owned(),
            level: 1,
            page: offset,
            y: 0.0,
        });
        outline.extend(document.outline.into_iter().map(|entry| OutlineEntry {
            level: entry.level.saturating_add(1),
            page: entry.page + offset,
            ..entry
        }));
        for (name, (page, y)) in document.anchors {
            anchors.insert(format!("brief-{}/{name}", k + 1), (page + offset, y));
        }
        for warning in document.warnings {
            match warning {
                LayoutWarning::MissingGlyphs(chars) => missing.extend(chars),
            }
        }
        pages.extend(
            document
                .pages
                .into_iter()
                .map(|page| shift_links(page, offset)),
        );
    }
    let warnings = if missing.is_empty() {
        Vec::new()
    } else {
        vec![LayoutWarning::MissingGlyphs(missing.into_iter().collect())]
    };
    Document {
        paper: options.paper,
        width: frame.width,
        height: frame.height,
        pages,
        outline,
        info: digest_info(briefs, &title, updated),
        warnings,
        anchors,
    }
}

fn display_title(brief: &Brief) -> &str {
    let title = brief.meta.title.trim();
    if title.is_empty() {
        "Untitled brief"
    } else {
        title
    }
}

/// A brief's page moved `offset` pages later: its internal links must follow.
fn shift_links(mut page: Page, offset: usize) -> Page {
    for item in &mut page.items {
        if let Item::Link {
            target: LinkTarget::Page { index, .. },
            ..
        } = item
        {
            *index += offset;
        }
    }
    page
}

struct Cover {
    pages: Vec<Page>,
    missing: BTreeSet<char>,
}

fn layout_cover(
    frame: &Frame,
    briefs: &[Brief],
    documents: &[Document],
    title: &str,
    updated: Option<Timestamp>,
    cover_pages: usize,
) -> Cover {
    let f = *frame;
    let mut flow = Flow::new(f);
    flow.text(f.left, flow.y + 9.0, &LABEL, "DIGEST OF BRIEFING NOTES");
    flow.y += 16.0;
    for line in flow.measure.wrap(&TITLE, title, f.content_width()) {
        flow.keep(TITLE.line_height());
        flow.text(f.left, flow.y + TITLE.size, &TITLE, &line);
        flow.y += TITLE.line_height();
    }
    flow.y += 6.0;
    flow.hline(f.left, f.right, flow.y, 0.6, NAVY);
    flow.y += 5.0;
    let marking = highest_marking(briefs);
    let mut facts = vec![(
        "Date",
        updated.map_or_else(|| "—".to_owned(), |u| u.date.long_form()),
    )];
    facts.push(("Highest marking", marking.banner()));
    if let Some(tlp) = strictest_tlp(briefs) {
        facts.push(("Sharing", tlp.label().to_owned()));
    }
    for (label, value) in &facts {
        flow.keep(META.line_height());
        flow.text(f.left, flow.y + META.size, &LABEL, label);
        flow.text(f.left + 96.0, flow.y + META.size, &META, value);
        flow.y += META.line_height() + 1.5;
    }
    flow.y += 3.0;
    flow.hline(f.left, f.right, flow.y, 0.6, NAVY);
    flow.y += 10.0;

    flow.heading("Contents", 1, &H1, BODY_BOLD.line_height() * 3.0);
    let number_column = 40.0;
    let text_width = f.content_width() - number_column;
    let mut start = cover_pages;
    for (brief, document) in briefs.iter().zip(documents) {
        let meta = &brief.meta;
        let title_lines = super::flow::at_most(
            flow.measure
                .wrap(&BODY_BOLD, display_title(brief), text_width),
            3,
        );
        let mut about = vec![
            format!("{} (version {})", meta.reference.trim(), meta.version),
            meta.marking.banner(),
        ];
        if let Some(tlp) = meta.tlp {
            about.push(tlp.label().to_owned());
        }
        about.push(meta.purpose.label().to_owned());
        let about_lines = flow.measure.wrap(&SMALL, &about.join(" · "), text_width);
        let height = title_lines.len() as f32 * BODY_BOLD.line_height()
            + about_lines.len() as f32 * SMALL.line_height();
        flow.keep(height + 8.0);
        let top = flow.y;
        let number = (start + 1).to_string();
        let w = flow.measure.width(&PAGE_NUMBER, &number);
        flow.text(f.right - w, top + PAGE_NUMBER.size, &PAGE_NUMBER, &number);
        for line in &title_lines {
            flow.text(f.left, flow.y + BODY_BOLD.size, &BODY_BOLD, line);
            flow.y += BODY_BOLD.line_height();
        }
        for line in &about_lines {
            flow.text(f.left, flow.y + SMALL.size, &SMALL, line);
            flow.y += SMALL.line_height();
        }
        // The whole entry, number included, jumps to the brief's first page.
        flow.link(
            f.left,
            top,
            f.content_width(),
            flow.y - top,
            LinkTarget::Page {
                index: start,
                y: 0.0,
            },
        );
        flow.y += 8.0;
        start += document.pages.len();
    }

    let flowed = flow.finish();
    let mut pages = flowed.pages;
    let mut measure = Measure::new();
    let tlp = strictest_tlp(briefs);
    for page in &mut pages {
        page.items
            .extend(banner_items(&marking, frame, &mut measure));
        if let Some(tlp) = tlp {
            page.items.extend(tlp_items(tlp, frame, &mut measure));
        }
        let label = "Contents";
        let w = measure.width(&SMALL, label);
        page.items.push(Item::Text(measure.run(
            f.right - w,
            f.height - 40.0,
            &SMALL,
            label,
        )));
    }
    let mut missing = flowed.missing;
    missing.extend(measure.missing);
    Cover { pages, missing }
}

fn digest_info(briefs: &[Brief], title: &str, updated: Option<Timestamp>) -> DocumentInfo {
    let mut authors: Vec<&str> = Vec::new();
    for brief in briefs {
        let author = brief.meta.author.trim();
        if !author.is_empty() && !authors.contains(&author) {
            authors.push(author);
        }
    }
    let references: Vec<String> = briefs
        .iter()
        .map(|b| format!("{} version {}", b.meta.reference.trim(), b.meta.version))
        .collect();
    let modified = updated.map_or((1970, 1, 1, 0, 0, 0), |u| u.parts());
    DocumentInfo {
        title: title.to_owned(),
        author: authors.join("; "),
        subject: format!(
            "Digest of {} briefing note{}: {}",
            briefs.len(),
            if briefs.len() == 1 { "" } else { "s" },
            references.join(", ")
        ),
        keywords: briefs.iter().map(|b| b.meta.reference.clone()).collect(),
        modified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::MarkingLevel;

    fn with_marking(marking: Marking) -> Brief {
        let mut brief = crate::model::template::Template::ALL[0].instantiate(
            "A brief",
            "BN-1",
            Timestamp::start_of(crate::model::Date {
                year: 2025,
                month: 1,
                day: 2,
            }),
        );
        brief.meta.marking = marking;
        brief
    }

    #[test]
    fn the_highest_marking_unites_every_caveat() {
        let mut secret = Marking::uk(MarkingLevel::Secret);
        secret.caveats = vec!["UK EYES ONLY".into()];
        let mut secret_too = Marking::uk(MarkingLevel::Secret);
        secret_too.caveats = vec!["uk eyes only".into(), "PERSONAL".into()];
        let mut official = Marking::uk(MarkingLevel::Official);
        official.caveats = vec!["LOW".into()];
        let briefs = [
            with_marking(Marking::unmarked()),
            with_marking(official),
            with_marking(secret),
            with_marking(secret_too),
        ];
        let top = highest_marking(&briefs);
        assert_eq!(top.banner(), "SECRET – LOW – UK EYES ONLY – PERSONAL");
        assert_eq!(
            highest_marking(&[with_marking(Marking::unmarked())]).scheme,
            MarkingScheme::Unmarked
        );
        assert_eq!(highest_marking(&[]).scheme, MarkingScheme::Unmarked);
    }

    #[test]
    fn pages_links_and_outline_are_offset_past_the_cover_and_earlier_briefs() {
        let brief = with_marking(Marking::uk(MarkingLevel::Official));
        let single = layout_brief(&brief, &LayoutOptions::default());
        let digest = layout_digest(
            &[brief.clone(), brief.clone()],
            &LayoutOptions::default(),
            None,
        );
        let n = single.pages.len();
        assert_eq!(digest.pages.len(), 1 + 2 * n);
        assert_eq!(digest.pages[1], single.pages[0]);
        assert_eq!(digest.anchors.get("brief-2"), Some(&(1 + n, 0.0)));
        let second: Vec<_> = digest.outline.iter().filter(|e| e.page > n).collect();
        assert_eq!(second[0].level, 1);
        assert!(second[1..].iter().all(|e| e.level >= 2));
        let cover_links: Vec<usize> = digest.pages[0]
            .items
            .iter()
            .filter_map(|i| match i {
                Item::Link {
                    target: LinkTarget::Page { index, .. },
                    ..
                } => Some(*index),
                _ => None,
            })
            .collect();
        assert_eq!(cover_links, vec![1, 1 + n]);
    }

    #[test]
    fn a_long_contents_list_numbers_pages_after_every_cover_page() {
        let brief = with_marking(Marking::uk(MarkingLevel::Official));
        let briefs = vec![brief; 40];
        let digest = layout_digest(&briefs, &LayoutOptions::default(), Some("Many"));
        let per_brief = layout_brief(&briefs[0], &LayoutOptions::default())
            .pages
            .len();
        let cover_pages = digest.pages.len() - 40 * per_brief;
        assert!(cover_pages > 1, "40 entries should not fit on one page");
        let first_target = digest
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .find_map(|i| match i {
                Item::Link {
                    target: LinkTarget::Page { index, .. },
                    ..
                } => Some(*index),
                _ => None,
            });
        assert_eq!(first_target, Some(cover_pages));
    }
}

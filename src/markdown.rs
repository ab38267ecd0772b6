//! A brief as GitHub-flavoured Markdown, for pasting into mail and chat.
//!
//! The same content in the same order as the printed note (`layout::layout_brief`): marking
//! banner, title, metadata, bottom line up front, every non-empty section, tables for actors,
//! positions (with the position matrix) and next steps, and citations as footnotes numbered exactly like the PDF's
//! endnotes (the order of `Brief::citations()`). The timeline and the estimative annex are
//! drawings and stay in the PDF. Pure: depends only on `crate::model`, does no
//! I/O, and the same brief always gives the same text.
//!
//! The analyst's text is plain text, not Markdown, so characters Markdown would act on are
//! escaped: what the reader sees is what the PDF prints.

use crate::model::{Brief, MarkingScheme, PositionMatrix, When};
use std::collections::HashMap;

/// The whole brief as Markdown, ending in one newline.
pub fn brief_to_markdown(brief: &Brief) -> String {
    let notes: HashMap<String, usize> = brief
        .citations()
        .enumerate()
        .map(|(i, (path, _))| (path, i + 1))
        .collect();
    let s = &brief.sections;
    let mut blocks: Vec<String> = Vec::new();
    let banner = banner_line(brief);
    blocks.extend(banner.clone());
    let title = brief.meta.title.trim();
    blocks.push(format!(
        "# {}",
        heading_text(if title.is_empty() {
            "Untitled brief"
        } else {
            title
        })
    ));
    blocks.push(metadata_line(brief));

    blocks.push("## Bottom line up front".to_owned());
    let bluf = if s.bluf.trim().is_empty() {
        "Not yet written."
    } else {
        s.bluf.as_str()
    };
    blocks.push(blockquote(&prose(bluf)));

    prose_section(&mut blocks, "Issue", &s.issue);
    prose_section(&mut blocks, "Background", &s.background);
    prose_section(&mut blocks, "Current status", &s.current_status);
    let status_notes: Vec<String> = (0..s.current_status_evidence.len())
        .filter_map(|j| notes.get(&format!("sections.current_status_evidence[{j}]")))
        .map(|n| format!("[^{n}]"))
        .collect();
    if !s.current_status.trim().is_empty()
        && !status_notes.is_empty()
        && let Some(last) = blocks.last_mut()
    {
        last.push_str(&format!("\n\nSources: {}", status_notes.join(" ")));
    }
    actors_table(&mut blocks, brief);
    positions_table(&mut blocks, brief, &notes);
    matrix_table(&mut blocks, brief);
    steps_table(&mut blocks, brief, &notes);
    assessment(&mut blocks, brief);
    list_section(&mut blocks, "Key assumptions", &s.key_assumptions);
    options_section(&mut blocks, brief);
    prose_section(&mut blocks, "Recommendation", &s.recommendation);
    list_section(&mut blocks, "Indicators to watch", &s.indicators);
    list_section(&mut blocks, "Information gaps", &s.information_gaps);
    sources_section(&mut blocks, brief);
    footnotes(&mut blocks, brief);
    blocks.extend(banner);

    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}

/// "**OFFICIAL – UK EYES ONLY · TLP:GREEN**"; none for an unmarked brief without a TLP label.
fn banner_line(brief: &Brief) -> Option<String> {
    let meta = &brief.meta;
    let mut parts = Vec::new();
    if meta.marking.scheme != MarkingScheme::Unmarked {
        parts.push(meta.marking.banner());
    }
    if let Some(tlp) = meta.tlp {
        parts.push(tlp.label().to_owned());
    }
    (!parts.is_empty()).then(|| format!("**{}**", inline(&parts.join(" · "))))
}

fn metadata_line(brief: &Brief) -> String {
    let meta = &brief.meta;
    let mut parts = vec![
        inline(&format!(
            "{} (version {})",
            meta.reference.trim(),
            meta.version
        )),
        meta.purpose.label().to_owned(),
    ];
    if let Some(date) = meta.issue_date {
        parts.push(format!("Issued {}", date.long_form()));
    }
    if let Some(t) = meta.information_cutoff {
        parts.push(format!(
            "Information cut-off {}, {:02}:{:02} UTC",
            t.date.long_form(),
            t.hour,
            t.minute
        ));
    }
    for (label, value) in [
        ("Author", &meta.author),
        ("Reviewer", &meta.reviewer),
        ("Audience", &meta.audience),
    ] {
        if !value.trim().is_empty() {
            parts.push(format!("{label}: {}", inline(&one_line(value))));
        }
    }
    parts.push(format!("Status: {}", meta.status.label()));
    parts.join(" · ")
}

/// Characters that would start Markdown inline syntax, escaped. `#` is left alone (it only
/// matters at the start of a line or the end of a heading, handled where that happens).
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whitespace runs, newlines included, as single spaces.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text for a heading line: one line, and no `#` that could close the heading.
fn heading_text(text: &str) -> String {
    inline(&one_line(text)).replace('#', "\\#")
}

/// An escaped line that must not start a block (heading, quote, list, rule, table) by accident.
fn paragraph_line(line: &str) -> String {
    let escaped = inline(line.trim());
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    match escaped.chars().next() {
        Some('#' | '>' | '+' | '-' | '=' | '|') => format!("\\{escaped}"),
        _ if digits > 0 && matches!(escaped[digits..].chars().next(), Some('.' | ')')) => {
            format!("{}\\{}", &escaped[..digits], &escaped[digits..])
        }
        _ => escaped,
    }
}

/// Paragraphs separated by blank lines, where lines starting "- ", "* " or "• " are bullets,
/// as the PDF reads them. Runs of bullets and runs of text are kept apart by a blank line, so
/// text after a bullet is not swallowed into it.
fn prose(text: &str) -> String {
    let mut groups: Vec<String> = Vec::new();
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        let mut current: Vec<String> = Vec::new();
        let mut in_list = false;
        for line in block.lines().filter(|l| !l.trim().is_empty()) {
            let trimmed = line.trim_start();
            let bullet = ["- ", "* ", "• "]
                .iter()
                .find_map(|marker| trimmed.strip_prefix(marker));
            if bullet.is_some() != in_list && !current.is_empty() {
                groups.push(current.join("\n"));
                current.clear();
            }
            in_list = bullet.is_some();
            match bullet {
                Some(item) => current.push(format!("- {}", paragraph_line(&one_line(item)))),
                None => current.push(paragraph_line(line)),
            }
        }
        if !current.is_empty() {
            groups.push(current.join("\n"));
        }
    }
    groups.join("\n\n")
}

fn blockquote(text: &str) -> String {
    text.lines()
        .map(|line| {
            if line.is_empty() {
                ">".to_owned()
            } else {
                format!("> {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn prose_section(blocks: &mut Vec<String>, title: &str, text: &str) {
    if text.trim().is_empty() {
        return;
    }
    blocks.push(format!("## {title}"));
    blocks.push(prose(text));
}

fn bullets(items: &[String]) -> Option<String> {
    let items: Vec<String> = items
        .iter()
        .filter(|i| !i.trim().is_empty())
        .map(|i| format!("- {}", paragraph_line(&one_line(i))))
        .collect();
    (!items.is_empty()).then(|| items.join("\n"))
}

fn list_section(blocks: &mut Vec<String>, title: &str, items: &[String]) {
    if let Some(list) = bullets(items) {
        blocks.push(format!("## {title}"));
        blocks.push(list);
    }
}

/// A table cell: escaped, `|` escaped for the table, line breaks as `<br>` so the row stays
/// on one line.
fn cell(text: &str) -> String {
    let escaped = inline(text.trim()).replace('|', "\\|");
    let lines: Vec<&str> = escaped
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("<br>")
}

/// Cell text already escaped by [`cell`], set in italics.
fn italic(escaped: &str) -> String {
    if escaped.is_empty() {
        String::new()
    } else {
        format!("*{escaped}*")
    }
}

fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let line = |cells: Vec<&str>| format!("| {} |", cells.join(" | "));
    let mut out = vec![
        line(header.to_vec()),
        line(header.iter().map(|_| "---").collect()),
    ];
    for row in rows {
        out.push(line(row.iter().map(String::as_str).collect()));
    }
    out.join("\n")
}

/// Footnote references for the evidence of one row, e.g. `[^3] [^4]`.
fn markers(notes: &HashMap<String, usize>, path: &str, count: usize) -> String {
    (0..count)
        .filter_map(|j| notes.get(&format!("{path}.evidence[{j}]")))
        .map(|n| format!("[^{n}]"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn actors_table(blocks: &mut Vec<String>, brief: &Brief) {
    if brief.actors.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = brief
        .actors
        .iter()
        .map(|actor| {
            let mut name = format!("**{}**", cell(&actor.name));
            if let Some(org) = actor.affiliation.as_ref().and_then(|id| brief.actor(id))
                && org.id != actor.id
            {
                name.push_str(&format!(" ({})", cell(&org.name)));
            }
            vec![
                name,
                actor.kind.label().to_owned(),
                cell(&actor.role),
                cell(&actor.aliases.join(", ")),
            ]
        })
        .collect();
    blocks.push("## Actors".to_owned());
    blocks.push(table(&["Actor", "Kind", "Role", "Also written"], &rows));
}

fn positions_table(blocks: &mut Vec<String>, brief: &Brief, notes: &HashMap<String, usize>) {
    if brief.positions.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = brief
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let actor = brief.actor_label(&p.actor);
            let issue = brief.issue_label(&p.issue);
            let mut position = vec![cell(&p.summary)];
            if !p.conditions.trim().is_empty() {
                position.push(italic(&cell(&format!(
                    "Conditions: {}",
                    p.conditions.trim()
                ))));
            }
            if let Some(date) = p.stated_on {
                position.push(italic(&format!("Stated {}", date.long_form())));
            }
            position.retain(|part| !part.is_empty());
            vec![
                format!("**{}**", cell(&actor)),
                cell(&issue),
                p.stance.label().to_owned(),
                position.join("<br>"),
                markers(notes, &format!("positions[{i}]"), p.evidence.len()),
            ]
        })
        .collect();
    blocks.push("## Positions".to_owned());
    blocks.push(table(
        &["Actor", "Issue", "Stance", "Position", "Evidence"],
        &rows,
    ));
}

/// "as early as next week" → the phrase in quotes, then the resolved date with its qualifier,
/// as the PDF prints it.
/// Who stands where, as the PDF's position matrix: actors holding a position × issues.
fn matrix_table(blocks: &mut Vec<String>, brief: &Brief) {
    let matrix = PositionMatrix::compact(brief);
    if matrix.actors.is_empty() || matrix.issues.is_empty() {
        return;
    }
    let mut header = vec!["Actor".to_owned()];
    header.extend(matrix.issues.iter().map(|&i| cell(&brief.issues[i].name)));
    let rows: Vec<Vec<String>> = matrix
        .actors
        .iter()
        .zip(&matrix.cells)
        .map(|(&a, row)| {
            let mut cells = vec![format!("**{}**", cell(&brief.actors[a].name))];
            cells.extend(row.iter().map(|held| match held.first() {
                Some(&p) if held.len() > 1 => {
                    format!("{} +{}", brief.positions[p].stance.label(), held.len() - 1)
                }
                Some(&p) => brief.positions[p].stance.label().to_owned(),
                None => "—".to_owned(),
            }));
            cells
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    blocks.push("### Position matrix".to_owned());
    blocks.push(table(&header, &rows));
}

fn when_text(when: &When) -> String {
    let phrase = when.phrase.trim();
    let resolved = when.resolved_text();
    match (phrase.is_empty(), resolved) {
        (false, Some(resolved)) => format!("“{}” ({resolved})", cell(phrase)),
        (false, None) => format!("“{}”", cell(phrase)),
        (true, Some(resolved)) => resolved,
        (true, None) => "not known".to_owned(),
    }
}

fn steps_table(blocks: &mut Vec<String>, brief: &Brief, notes: &HashMap<String, usize>) {
    if brief.next_steps.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = brief
        .next_steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mut what = vec![cell(&step.what)];
            if !step.place.trim().is_empty() {
                what.push(italic(&cell(&format!("Where: {}", step.place.trim()))));
            }
            if !step.condition.trim().is_empty() {
                what.push(italic(&cell(&format!(
                    "Condition: {}",
                    step.condition.trim()
                ))));
            }
            what.retain(|part| !part.is_empty());
            let mut what = what.join("<br>");
            let refs = markers(notes, &format!("next_steps[{i}]"), step.evidence.len());
            if !refs.is_empty() {
                what.push(' ');
                what.push_str(&refs);
            }
            let who: Vec<String> = step.who.iter().map(|id| brief.actor_label(id)).collect();
            vec![
                what,
                cell(&who.join(", ")),
                when_text(&step.when),
                step.status.label().to_owned(),
            ]
        })
        .collect();
    blocks.push("## Next steps".to_owned());
    blocks.push(table(&["What", "Who", "When", "Status"], &rows));
}

fn assessment(blocks: &mut Vec<String>, brief: &Brief) {
    let a = &brief.sections.assessment;
    if a.is_empty() {
        return;
    }
    blocks.push("## Assessment".to_owned());
    let judgement = a.judgement();
    if !judgement.is_empty() {
        blocks.push(format!("**{}**", inline(&judgement.join(" · "))));
    }
    if !a.text.trim().is_empty() {
        blocks.push(prose(&a.text));
    }
}

fn options_section(blocks: &mut Vec<String>, brief: &Brief) {
    let options = &brief.sections.options;
    if options.is_empty() {
        return;
    }
    blocks.push("## Options".to_owned());
    for (i, option) in options.iter().enumerate() {
        blocks.push(format!(
            "### Option {}: {}",
            i + 1,
            heading_text(&option.title)
        ));
        if !option.description.trim().is_empty() {
            blocks.push(prose(&option.description));
        }
        let mut list = Vec::new();
        for (label, items) in [("For", &option.pros), ("Against", &option.cons)] {
            if let Some(nested) = bullets(items) {
                list.push(format!("- **{label}**"));
                list.extend(nested.lines().map(|line| format!("  {line}")));
            }
        }
        if !list.is_empty() {
            blocks.push(list.join("\n"));
        }
    }
}

/// A URL as an autolink when Markdown can take it as one; otherwise as escaped text.
fn url_text(url: &str) -> String {
    let url = url.trim();
    let autolink = (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>');
    if autolink {
        format!("<{url}>")
    } else {
        inline(&one_line(url))
    }
}

fn sources_section(blocks: &mut Vec<String>, brief: &Brief) {
    if brief.sources.is_empty() {
        return;
    }
    let mut items = Vec::new();
    for (i, source) in brief.sources.iter().enumerate() {
        let title = if source.title.trim().is_empty() {
            "Not yet written."
        } else {
            source.title.as_str()
        };
        let mut facts = Vec::new();
        for part in [source.outlet.trim(), source.author.trim()] {
            if !part.is_empty() {
                facts.push(inline(&one_line(part)));
            }
        }
        if let Some(date) = source.published {
            facts.push(format!("published {}", date.long_form()));
        }
        if let Some(date) = source.accessed {
            facts.push(format!("accessed {}", date.long_form()));
        }
        let mut line = vec![format!("**{}**", inline(&one_line(title)))];
        if !facts.is_empty() {
            line.push(facts.join(", "));
        }
        line.push(source.grade.map_or_else(
            || "Grade: not graded".to_owned(),
            |g| {
                format!(
                    "Grade {g}: source {}, information {}",
                    g.reliability.label().to_lowercase(),
                    g.credibility.label().to_lowercase()
                )
            },
        ));
        line.push(format!(
            "SHA-256 of the text: {}",
            inline(&one_line(&source.sha256))
        ));
        if !source.url.trim().is_empty() {
            line.push(url_text(&source.url));
        }
        let mut item = format!("{}. {}", i + 1, line.join(" · "));
        if !source.notes.trim().is_empty() {
            // Indented to the item's text, so the note stays inside the list item.
            item.push_str(&format!("\n\n   *{}*", inline(&one_line(&source.notes))));
        }
        items.push(item);
    }
    blocks.push("## Sources".to_owned());
    blocks.push(items.join("\n"));
}

/// The endnotes as footnote definitions, numbered in `Brief::citations()` order like the PDF.
fn footnotes(blocks: &mut Vec<String>, brief: &Brief) {
    let mut definitions = Vec::new();
    for (i, (_, citation)) in brief.citations().enumerate() {
        let mut text = format!("“{}”", inline(&one_line(&citation.quote)));
        match brief.source(&citation.source) {
            Some(source) => {
                let mut parts = Vec::new();
                if !source.outlet.trim().is_empty() {
                    parts.push(inline(&one_line(&source.outlet)));
                }
                parts.push(format!("“{}”", inline(&one_line(&source.title))));
                if let Some(date) = source.published {
                    parts.push(date.long_form());
                }
                if let Some(grade) = source.grade {
                    parts.push(format!("grade {grade}"));
                }
                parts.push(format!("SHA-256 {}", inline(source.short_digest())));
                text.push_str(" — ");
                text.push_str(&parts.join(", "));
                text.push('.');
                if !source.url.trim().is_empty() {
                    text.push(' ');
                    text.push_str(&url_text(&source.url));
                }
            }
            None => text.push_str(&format!(
                " — unknown source {}.",
                inline(citation.source.as_str())
            )),
        }
        definitions.push(format!("[^{}]: {text}", i + 1));
    }
    if !definitions.is_empty() {
        blocks.push("## Notes".to_owned());
        blocks.push(definitions.join("\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeQualifier;

    #[test]
    fn markdown_syntax_in_the_analysts_text_is_escaped() {
        assert_eq!(inline("a*b_[c]"), "a\\*b\\_\\[c\\]");
        assert_eq!(paragraph_line("# not a heading"), "\\# not a heading");
        assert_eq!(paragraph_line("1. not a list"), "1\\. not a list");
        assert_eq!(cell("a | b\nc"), "a \\| b<br>c");
        assert_eq!(heading_text("Issue #"), "Issue \\#");
    }

    #[test]
    fn text_after_a_bullet_is_its_own_paragraph() {
        assert_eq!(
            prose("Intro\n- one\n- two\nAfter"),
            "Intro\n\n- one\n- two\n\nAfter"
        );
    }

    #[test]
    fn when_reads_like_the_pdf() {
        let date = |d| crate::model::Date::new(2025, 8, d);
        let when = When {
            phrase: "as early as next week".into(),
            from: date(22),
            to: None,
            qualifier: TimeQualifier::Earliest,
        };
        assert_eq!(
            when_text(&when),
            "“as early as next week” (not before 22 August 2025)"
        );
        assert_eq!(when_text(&When::default()), "not known");
    }
}

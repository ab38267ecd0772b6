//! The printed figures of a briefing note: the position matrix, the next-steps timeline and the
//! estimative-language annex. Geometry comes from [`super::chart`], shared with the app's views.

use super::chart::{Mark, PositionMatrix, Timeline, step_detail, step_line};
use super::flow::{Flow, TextStyle, at_most};
use super::note::{BODY, BODY_BOLD, GREY, H1, H2, INK, NAVY, NOTE, stance_color, status_color};
use super::page::{FontStyle, Item, Rgb};
use crate::model::{Brief, Confidence, Likelihood, Stance, StepStatus};

/// Font sizes the matrix tries, largest first; the last is the smallest still readable in print.
const MATRIX_SIZES: [f32; 5] = [8.5, 8.0, 7.5, 7.0, MATRIX_MIN_SIZE];
pub const MATRIX_MIN_SIZE: f32 = 6.5;
const PAD: f32 = 3.0;
const RULE: Rgb = Rgb(190, 196, 204);
const GAP: Rgb = Rgb(160, 166, 174);
const GRID: Rgb = Rgb(225, 228, 232);

/// A colour washed out towards white, for cell and bar fills.
pub fn tint(color: Rgb, strength: f32) -> Rgb {
    let mix = |c: u8| (255.0 - (255.0 - f32::from(c)) * strength).round() as u8;
    Rgb(mix(color.0), mix(color.1), mix(color.2))
}

fn line(flow: &mut Flow, from: (f32, f32), to: (f32, f32), width: f32, color: Rgb) {
    flow.pages.last_mut().into_iter().for_each(|page| {
        page.items.push(Item::Line {
            from,
            to,
            width,
            color,
        })
    });
}

/// The matrix of who stands where, after the positions table. Shrinks its font to fit the page
/// width; when even the smallest readable size is too wide, the issues are split into groups,
/// each a table of its own with the actor column repeated. Nothing is ever cut off.
pub fn position_matrix(flow: &mut Flow, brief: &Brief) {
    let matrix = PositionMatrix::compact(brief);
    if matrix.actors.is_empty() || matrix.issues.is_empty() {
        return;
    }
    let content = flow.frame.content_width();
    let crowded = matrix.cells.iter().flatten().any(|held| held.len() > 1);
    let fit = |flow: &Flow, size: f32| {
        let bold = TextStyle::new(FontStyle::Bold, size, INK);
        let stance = Stance::ALL
            .iter()
            .map(|s| {
                let word = if crowded {
                    format!("{} +9", s.label())
                } else {
                    s.label().to_owned()
                };
                flow.measure.width(&bold, &word)
            })
            .fold(0.0, f32::max);
        let names = matrix
            .actors
            .iter()
            .map(|&a| flow.measure.width(&bold, &brief.actors[a].name))
            .fold(0.0, f32::max);
        let actor_col = (names + 2.0 * PAD).min(content * 0.25);
        let min_col = stance + 2.0 * PAD;
        (actor_col, min_col)
    };
    let n = matrix.issues.len();
    let chosen = MATRIX_SIZES.iter().find_map(|&size| {
        let (actor_col, min_col) = fit(flow, size);
        (actor_col + n as f32 * min_col <= content).then_some((size, actor_col, n))
    });
    let (size, actor_col, per_table) = chosen.unwrap_or_else(|| {
        let (actor_col, min_col) = fit(flow, MATRIX_MIN_SIZE);
        let per = ((content - actor_col) / min_col).floor().max(1.0) as usize;
        (MATRIX_MIN_SIZE, actor_col, per)
    });
    let header_style = TextStyle::new(FontStyle::Bold, size, Rgb::WHITE);
    let name_style = TextStyle::new(FontStyle::Bold, size, INK);
    flow.heading(
        "Position matrix",
        2,
        &H2,
        header_style.line_height() * 3.0 + name_style.line_height() * 2.0,
    );
    let groups: Vec<&[usize]> = matrix.issues.chunks(per_table.max(1)).collect();
    for (g, group) in groups.iter().enumerate() {
        if groups.len() > 1 {
            let first = g * per_table + 1;
            let note = format!(
                "Issues {first}–{} of {n} (the matrix is split to stay readable)",
                first + group.len() - 1
            );
            flow.space(4.0);
            flow.keep(NOTE.line_height() + header_style.line_height() * 3.0);
            flow.paragraph(&NOTE, &note, 0.0);
        }
        let columns: Vec<usize> = (g * per_table..g * per_table + group.len()).collect();
        let col_width = (content - actor_col) / group.len() as f32;
        let header: Vec<Vec<String>> = group
            .iter()
            .map(|&i| {
                at_most(
                    flow.measure
                        .wrap(&header_style, &brief.issues[i].name, col_width - 2.0 * PAD),
                    6,
                )
            })
            .collect();
        let header_height = header.iter().map(Vec::len).max().unwrap_or(1) as f32
            * header_style.line_height()
            + 2.0 * PAD;
        let draw_header = |flow: &mut Flow| {
            let (left, top) = (flow.frame.left, flow.y);
            flow.rect(left, top, content, header_height, Some(NAVY), None);
            flow.text(
                left + PAD,
                top + PAD + header_style.size,
                &header_style,
                "Actor",
            );
            for (c, lines) in header.iter().enumerate() {
                let x = left + actor_col + c as f32 * col_width + PAD;
                for (l, text) in lines.iter().enumerate() {
                    let baseline =
                        top + PAD + header_style.size + l as f32 * header_style.line_height();
                    flow.text(x, baseline, &header_style, text);
                }
            }
            flow.y += header_height;
        };
        flow.keep(header_height + name_style.line_height() * 2.0 + 2.0 * PAD);
        draw_header(flow);
        for (row, &a) in matrix.actors.iter().enumerate() {
            let names = at_most(
                flow.measure
                    .wrap(&name_style, &brief.actors[a].name, actor_col - 2.0 * PAD),
                5,
            );
            let height = names.len().max(1) as f32 * name_style.line_height() + 2.0 * PAD;
            if height > flow.room() {
                flow.new_page();
                draw_header(flow);
            }
            let (left, top) = (flow.frame.left, flow.y);
            for (l, text) in names.iter().enumerate() {
                let baseline = top + PAD + name_style.size + l as f32 * name_style.line_height();
                flow.text(left + PAD, baseline, &name_style, text);
            }
            for (c, &column) in columns.iter().enumerate() {
                let x = left + actor_col + c as f32 * col_width;
                let held = &matrix.cells[row][column];
                let baseline = top + PAD + name_style.size;
                match held.first().map(|&p| &brief.positions[p]) {
                    Some(position) => {
                        let color = stance_color(position.stance);
                        flow.rect(
                            x + 0.75,
                            top + 0.75,
                            col_width - 1.5,
                            height - 1.5,
                            Some(tint(color, 0.16)),
                            None,
                        );
                        let mut word = position.stance.label().to_owned();
                        if held.len() > 1 {
                            word.push_str(&format!(" +{}", held.len() - 1));
                        }
                        let style = TextStyle::new(FontStyle::Bold, size, color);
                        flow.text(x + PAD, baseline, &style, &word);
                    }
                    None => {
                        let style = TextStyle::new(FontStyle::Regular, size, GAP);
                        flow.text(x + PAD, baseline, &style, "—");
                    }
                }
            }
            flow.y += height;
            let (l, r, y) = (flow.frame.left, flow.frame.right, flow.y);
            flow.hline(l, r, y, 0.4, RULE);
        }
    }
    flow.space(3.0);
    let gaps = matrix.gaps();
    let mut legend = if gaps == 0 {
        "Every listed actor's position on every issue is recorded.".to_owned()
    } else {
        format!(
            "— no recorded position ({gaps} gap{}).",
            if gaps == 1 { "" } else { "s" }
        )
    };
    if crowded {
        legend.push_str(" “+n”: more positions in the same cell.");
    }
    flow.paragraph(&NOTE, &legend, 0.0);
}

/// The next steps on a date axis, after the next-steps table: bars for ranges, an arrow for "not
/// before", a stop line for "by", coloured by status; undated steps listed beneath.
pub fn timeline(flow: &mut Flow, brief: &Brief) {
    let t = Timeline::of(&brief.next_steps);
    if t.dated.is_empty() {
        return;
    }
    let what_style = TextStyle::new(FontStyle::Bold, 8.0, INK);
    let note_style = TextStyle::new(FontStyle::Italic, 7.5, GREY);
    let tick_style = TextStyle::new(FontStyle::Regular, 7.0, GREY);
    let content = flow.frame.content_width();
    let label_width = content * 0.36;
    let axis_left = flow.frame.left + label_width + 8.0;
    let axis_width = flow.frame.right - 6.0 - axis_left;
    let x_of = |f: f32| axis_left + f * axis_width;
    flow.heading(
        "Timeline",
        2,
        &H2,
        tick_style.line_height() + 6.0 + what_style.line_height() * 3.0,
    );
    let header_height = tick_style.line_height() + 6.0;
    let draw_axis = |flow: &mut Flow| {
        let top = flow.y;
        let mut free_from = f32::MIN;
        for tick in &t.ticks {
            let x = x_of(t.fraction(tick.date));
            let width = flow.measure.width(&tick_style, &tick.label);
            let left = (x - width / 2.0).clamp(axis_left - 4.0, axis_left + axis_width - width);
            if left >= free_from {
                flow.text(left, top + tick_style.size, &tick_style, &tick.label);
                free_from = left + width + 4.0;
            }
            line(
                flow,
                (x, top + tick_style.line_height() + 1.0),
                (x, top + header_height),
                0.5,
                GREY,
            );
        }
        let y = top + header_height;
        line(flow, (axis_left, y), (axis_left + axis_width, y), 0.6, GREY);
        flow.y = y + 2.0;
    };
    flow.keep(header_height + 30.0);
    draw_axis(flow);
    let mut statuses: Vec<StepStatus> = Vec::new();
    for entry in &t.dated {
        let step = &brief.next_steps[entry.step];
        if !statuses.contains(&step.status) {
            statuses.push(step.status);
        }
        let mut lines: Vec<(TextStyle, String)> = at_most(
            flow.measure
                .wrap(&what_style, step.what.trim(), label_width),
            4,
        )
        .into_iter()
        .map(|l| (what_style, l))
        .collect();
        let mut notes = vec![step_detail(brief, step)];
        if !step.condition.trim().is_empty() {
            notes.push(format!("If: {}", step.condition.trim()));
        }
        for note in notes {
            lines.extend(
                at_most(flow.measure.wrap(&note_style, &note, label_width), 3)
                    .into_iter()
                    .map(|l| (note_style, l)),
            );
        }
        let height = lines.iter().map(|(s, _)| s.line_height()).sum::<f32>() + 2.0 * PAD;
        if height > flow.room() {
            flow.new_page();
            draw_axis(flow);
        }
        let top = flow.y;
        for tick in &t.ticks {
            let x = x_of(t.fraction(tick.date));
            line(flow, (x, top), (x, top + height), 0.3, GRID);
        }
        let mut y = top + PAD;
        for (style, text) in &lines {
            flow.text(flow.frame.left, y + style.size, style, text);
            y += style.line_height();
        }
        let color = status_color(step.status);
        let mid = top + PAD + what_style.size * 0.65;
        draw_mark(flow, t.mark(entry), &x_of, mid, color);
        flow.y = top + height;
        let (l, r, y) = (flow.frame.left, flow.frame.right, flow.y);
        flow.hline(l, r, y, 0.3, RULE);
    }
    flow.space(4.0);
    legend(flow, &statuses);
    if !t.undated.is_empty() {
        flow.space(3.0);
        flow.keep(BODY.line_height() * 2.0);
        flow.paragraph(&BODY_BOLD, "Not yet dated", 0.0);
        for &i in &t.undated {
            let text = step_line(brief, &brief.next_steps[i]);
            flow.bullet(&NOTE, &text);
        }
    }
}

/// Draws one step's mark centred on `mid`.
fn draw_mark(flow: &mut Flow, mark: Mark, x_of: &dyn Fn(f32) -> f32, mid: f32, color: Rgb) {
    let h = 6.0;
    match mark {
        Mark::Bar { from, to, hollow } => {
            let (x0, x1) = (x_of(from), x_of(to).max(x_of(from) + 2.0));
            let (fill, stroke) = if hollow {
                (Some(tint(color, 0.25)), Some((color, 0.8)))
            } else {
                (Some(color), None)
            };
            flow.rect(x0, mid - h / 2.0, x1 - x0, h, fill, stroke);
        }
        Mark::Point { at } => {
            let x = x_of(at);
            flow.rect(x - h / 2.0, mid - h / 2.0, h, h, Some(color), None);
        }
        Mark::Earliest { at, arrow_to } => {
            let (x, end) = (x_of(at), x_of(arrow_to));
            flow.rect(x - 1.5, mid - h / 2.0, 3.0, h, Some(color), None);
            line(flow, (x, mid), (end, mid), 1.2, color);
            line(flow, (end, mid), (end - 4.0, mid - 3.0), 1.2, color);
            line(flow, (end, mid), (end - 4.0, mid + 3.0), 1.2, color);
        }
        Mark::Deadline { line_from, at } => {
            let (start, x) = (x_of(line_from), x_of(at));
            line(flow, (start, mid), (x, mid), 1.2, color);
            line(
                flow,
                (x, mid - h / 2.0 - 1.0),
                (x, mid + h / 2.0 + 1.0),
                2.0,
                color,
            );
        }
    }
}

fn legend(flow: &mut Flow, statuses: &[StepStatus]) {
    let style = TextStyle::new(FontStyle::Regular, 7.5, GREY);
    let row = style.line_height() + 2.0;
    flow.keep(row * 2.0);
    let mut x = flow.frame.left;
    let top = flow.y;
    for status in statuses {
        flow.rect(x, top + 2.0, 8.0, 6.0, Some(status_color(*status)), None);
        x += 11.0;
        x += flow.text(x, top + style.size, &style, status.label()) + 10.0;
    }
    flow.y += row;
    let marks: [(Mark, &str); 4] = [
        (Mark::Point { at: 0.5 }, "on that day"),
        (
            Mark::Bar {
                from: 0.0,
                to: 1.0,
                hollow: true,
            },
            "around (approximate)",
        ),
        (
            Mark::Earliest {
                at: 0.1,
                arrow_to: 1.0,
            },
            "not before",
        ),
        (
            Mark::Deadline {
                line_from: 0.0,
                at: 0.95,
            },
            "by (deadline)",
        ),
    ];
    let mut x = flow.frame.left;
    let top = flow.y;
    for (mark, label) in marks {
        let x0 = x;
        draw_mark(flow, mark, &|f| x0 + f * 22.0, top + 4.5, GREY);
        x += 26.0;
        x += flow.text(x, top + style.size, &style, label) + 12.0;
    }
    flow.y += row;
}

/// What the brief's likelihood words and confidence levels mean, so a reader can decode them.
pub fn estimative_annex(flow: &mut Flow, brief: &Brief) {
    let a = &brief.sections.assessment;
    if a.is_empty() {
        return;
    }
    flow.heading(
        "Annex: Estimative language",
        1,
        &H1,
        BODY.line_height() * 4.0,
    );
    flow.paragraph(
        &BODY,
        &format!(
            "This brief states likelihood in the words of {}. Likelihood (how probable an outcome is) and confidence (how good the evidence and reasoning behind the judgement are) are separate judgements and are stated apart.",
            a.scale.in_sentence()
        ),
        0.0,
    );
    flow.space(4.0);
    let cell = TextStyle::new(FontStyle::Regular, 8.5, INK);
    let bold = TextStyle::new(FontStyle::Bold, 8.5, NAVY);
    let row = cell.line_height() + 3.0;
    let left = flow.frame.left;
    for band in Likelihood::ALL {
        let (term, range) = a.scale.term(band);
        flow.keep(row);
        let style = if a.likelihood == Some(band) {
            bold
        } else {
            cell
        };
        let top = flow.y;
        flow.text(left + 4.0, top + style.size, &style, term);
        flow.text(left + 170.0, top + style.size, &style, range);
        if a.likelihood == Some(band) {
            flow.text(
                left + 240.0,
                top + style.size,
                &style,
                "← this brief's judgement",
            );
        }
        flow.y += row;
        flow.hline(left, left + 360.0, flow.y - 1.5, 0.3, RULE);
    }
    flow.space(6.0);
    for (level, meaning) in [
        (
            Confidence::High,
            "well-corroborated information from proven sources; the judgement could still be wrong",
        ),
        (
            Confidence::Moderate,
            "credibly sourced and plausible information, not corroborated enough for high confidence",
        ),
        (
            Confidence::Low,
            "scant, questionable or fragmented information, or sources of uncertain reliability",
        ),
    ] {
        let style = if a.confidence == Some(level) {
            BODY_BOLD
        } else {
            BODY
        };
        let label = level.label();
        let capital: String = label
            .chars()
            .take(1)
            .flat_map(char::to_uppercase)
            .chain(label.chars().skip(1))
            .collect();
        flow.paragraph(&style, &format!("{capital}: {meaning}."), 0.0);
    }
}

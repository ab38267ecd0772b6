//! The analyst views: the position matrix (who stands where) and the next-steps timeline (what
//! happens when). Both take their geometry from `layout::chart`, as the printed figures do, and
//! change the brief only through [`Edit`]s; clicking an item opens it in its editor.

use super::history::{CiteTarget, Edit, Table};
use super::{BriefdeskApp, View};
use crate::layout::chart::{Mark, PositionMatrix, Timeline, step_detail, step_line};
use crate::layout::{Rgb, stance_color, status_color};
use crate::model::{Stance, StepStatus};
use eframe::egui::{self, Color32, RichText, Sense, Stroke, pos2, vec2};

fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// A colour washed out towards the panel's background, for fills behind text.
fn wash(rgb: Rgb, dark: bool) -> Color32 {
    let base = if dark { 30.0 } else { 255.0 };
    let mix = |c: u8| (base + (f32::from(c) - base) * 0.22).round() as u8;
    Color32::from_rgb(mix(rgb.0), mix(rgb.1), mix(rgb.2))
}

/// What the user asked for in a frame; applied after drawing, so drawing borrows nothing mutably.
enum Action {
    OpenPosition(usize),
    NewPosition { actor: usize, issue: usize },
    OpenStep(usize),
    Move(Table, usize, isize),
}

/// One matrix cell as drawn: the first position's stance and what the hover shows.
struct CellView {
    position: usize,
    stance: Stance,
    more: usize,
    hover: String,
}

impl BriefdeskApp {
    /// Actors × issues: each cell shows the stance in colour with the summary on hover; a click
    /// opens the position, or creates one in an empty cell. Rows and columns move with ▲▼ ◀▶.
    pub(super) fn matrix_view(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let brief = &open.brief;
        let matrix = PositionMatrix::of(brief);
        let actor_names: Vec<String> = matrix
            .actors
            .iter()
            .map(|&a| brief.actors[a].name.clone())
            .collect();
        let issue_names: Vec<String> = matrix
            .issues
            .iter()
            .map(|&i| brief.issues[i].name.clone())
            .collect();
        let cells: Vec<Vec<Option<CellView>>> = matrix
            .cells
            .iter()
            .map(|row| {
                row.iter()
                    .map(|held| {
                        let &first = held.first()?;
                        let p = &brief.positions[first];
                        let mut hover = p.summary.trim().to_owned();
                        if !p.conditions.trim().is_empty() {
                            hover.push_str(&format!("\nConditions: {}", p.conditions.trim()));
                        }
                        if held.len() > 1 {
                            hover.push_str(&format!(
                                "\n(+{} more position{} in this cell)",
                                held.len() - 1,
                                if held.len() == 2 { "" } else { "s" }
                            ));
                        }
                        hover.push_str("\nClick to open.");
                        Some(CellView {
                            position: first,
                            stance: p.stance,
                            more: held.len() - 1,
                            hover,
                        })
                    })
                    .collect()
            })
            .collect();
        let gaps = matrix.gaps();
        let dark = self.dark;

        ui.horizontal(|ui| {
            ui.heading("Position matrix");
            ui.label(
                RichText::new(format!(
                    "{} actors × {} issues · {} position{} · {gaps} gap{}",
                    actor_names.len(),
                    issue_names.len(),
                    brief.positions.len(),
                    if brief.positions.len() == 1 { "" } else { "s" },
                    if gaps == 1 { "" } else { "s" }
                ))
                .weak(),
            );
        });
        if actor_names.is_empty() || issue_names.is_empty() {
            ui.label("Add actors and issues in the editor to see who stands where.");
            return;
        }
        stance_legend(ui);
        let mut action = None;
        egui::ScrollArea::both()
            .id_salt("matrix")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                egui::Grid::new("matrix-grid")
                    .spacing(vec2(4.0, 4.0))
                    .show(ui, |ui| {
                        ui.label("");
                        for (j, name) in issue_names.iter().enumerate() {
                            ui.vertical(|ui| {
                                ui.set_max_width(120.0);
                                ui.horizontal(|ui| {
                                    let moves = [("◀", "left"), ("▶", "right")];
                                    if let Some(by) = move_arrows(
                                        ui,
                                        j,
                                        issue_names.len(),
                                        moves,
                                        &format!("“{name}”"),
                                    ) {
                                        action = Some(Action::Move(Table::Issues, j, by));
                                    }
                                });
                                ui.add(egui::Label::new(RichText::new(name).strong()).wrap());
                            });
                        }
                        ui.end_row();
                        for (r, actor) in actor_names.iter().enumerate() {
                            ui.horizontal(|ui| {
                                ui.set_min_width(170.0);
                                let moves = [("▲", "up"), ("▼", "down")];
                                if let Some(by) =
                                    move_arrows(ui, r, actor_names.len(), moves, actor)
                                {
                                    action = Some(Action::Move(Table::Actors, r, by));
                                }
                                ui.label(RichText::new(actor).strong());
                            });
                            for (c, issue) in issue_names.iter().enumerate() {
                                let size = vec2(104.0, 26.0);
                                let label = format!("{actor} on {issue}");
                                let response = match &cells[r][c] {
                                    Some(cell) => {
                                        let mut word = cell.stance.label().to_owned();
                                        if cell.more > 0 {
                                            word.push_str(&format!(" +{}", cell.more));
                                        }
                                        let rgb = stance_color(cell.stance);
                                        let text = if dark { wash(rgb, false) } else { color(rgb) };
                                        let button = egui::Button::new(
                                            RichText::new(word).strong().color(text),
                                        )
                                        .fill(wash(rgb, dark))
                                        .min_size(size);
                                        let label = format!("{label}: {}", cell.stance.label());
                                        let response = ui.add(button).on_hover_text(&cell.hover);
                                        response.widget_info(|| {
                                            egui::WidgetInfo::labeled(
                                                egui::Role::Button,
                                                true,
                                                &label,
                                            )
                                        });
                                        if response.clicked() {
                                            action = Some(Action::OpenPosition(cell.position));
                                        }
                                        response
                                    }
                                    None => {
                                        let button = egui::Button::new(RichText::new("+").weak())
                                            .fill(Color32::TRANSPARENT)
                                            .stroke(Stroke::new(
                                                1.0,
                                                ui.visuals().widgets.noninteractive.bg_stroke.color,
                                            ))
                                            .min_size(size);
                                        let label = format!("{label}: no position");
                                        let response = ui.add(button).on_hover_text(
                                            "No recorded position: click to add one",
                                        );
                                        response.widget_info(|| {
                                            egui::WidgetInfo::labeled(
                                                egui::Role::Button,
                                                true,
                                                &label,
                                            )
                                        });
                                        if response.clicked() {
                                            action = Some(Action::NewPosition {
                                                actor: matrix.actors[r],
                                                issue: matrix.issues[c],
                                            });
                                        }
                                        response
                                    }
                                };
                                let _ = response;
                            }
                            ui.end_row();
                        }
                    });
            });
        if let Some(action) = action {
            self.act(action);
        }
    }

    /// Next steps on a date axis, coloured by status; a click opens the step.
    pub(super) fn timeline_view(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let brief = &open.brief;
        let t = Timeline::of(&brief.next_steps);
        let selected = match self.cite_target {
            Some(CiteTarget::NextStep(i)) => Some(i),
            _ => None,
        };
        ui.horizontal(|ui| {
            ui.heading("Timeline");
            ui.label(
                RichText::new(format!(
                    "{} dated · {} not yet dated",
                    t.dated.len(),
                    t.undated.len()
                ))
                .weak(),
            );
        });
        if brief.next_steps.is_empty() {
            ui.label("No next steps yet: add them in the Next steps view.");
            return;
        }
        let statuses: Vec<StepStatus> = StepStatus::ALL
            .into_iter()
            .filter(|s| brief.next_steps.iter().any(|step| step.status == *s))
            .collect();
        status_legend(ui, &statuses);
        let mut action = None;
        let text_color = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let grid = ui.visuals().widgets.noninteractive.bg_stroke.color;
        egui::ScrollArea::vertical()
            .id_salt("timeline")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let width = ui.available_width().max(360.0);
                let label_width = (width * 0.36).clamp(160.0, 340.0);
                let axis_left = label_width + 16.0;
                let axis_width = (width - axis_left - 20.0).max(80.0);
                // The axis: tick labels over their grid lines.
                let (header, _) = ui.allocate_exact_size(vec2(width, 22.0), Sense::hover());
                let painter = ui.painter().clone();
                let x_at = |left: f32, f: f32| left + axis_left + f * axis_width;
                let mut free_from = f32::MIN;
                for tick in &t.ticks {
                    let x = x_at(header.left(), t.fraction(tick.date));
                    let galley = painter.layout_no_wrap(
                        tick.label.clone(),
                        egui::FontId::proportional(11.0),
                        weak,
                    );
                    let left = x - galley.size().x / 2.0;
                    if left >= free_from {
                        free_from = left + galley.size().x + 6.0;
                        painter.galley(pos2(left, header.top() + 2.0), galley, weak);
                    }
                }
                painter.line_segment(
                    [
                        pos2(header.left() + axis_left, header.bottom() - 1.0),
                        pos2(
                            header.left() + axis_left + axis_width,
                            header.bottom() - 1.0,
                        ),
                    ],
                    Stroke::new(1.0, weak),
                );
                for entry in &t.dated {
                    let step = &brief.next_steps[entry.step];
                    let detail = step_detail(brief, step);
                    let condition = step.condition.trim();
                    let height = if condition.is_empty() { 42.0 } else { 58.0 };
                    let (rect, response) =
                        ui.allocate_exact_size(vec2(width, height), Sense::click());
                    let label = format!("Timeline: {}", step.what.trim());
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                    });
                    let mut hover = format!("{}\n{detail}", step.what.trim());
                    if !condition.is_empty() {
                        hover.push_str(&format!("\nIf: {condition}"));
                    }
                    hover.push_str("\nClick to open.");
                    let response = response.on_hover_text(hover);
                    if selected == Some(entry.step) {
                        painter.rect_filled(
                            rect,
                            4.0,
                            ui.visuals().selection.bg_fill.gamma_multiply(0.35),
                        );
                    } else if response.hovered() {
                        painter.rect_filled(rect, 4.0, ui.visuals().widgets.hovered.weak_bg_fill);
                    }
                    for tick in &t.ticks {
                        let x = x_at(rect.left(), t.fraction(tick.date));
                        painter.line_segment(
                            [pos2(x, rect.top()), pos2(x, rect.bottom())],
                            Stroke::new(0.5, grid),
                        );
                    }
                    let mut y = rect.top() + 4.0;
                    for (text, font, colour) in [
                        (
                            step.what.trim().to_owned(),
                            egui::FontId::proportional(13.0),
                            text_color,
                        ),
                        (detail, egui::FontId::proportional(11.0), weak),
                        (
                            if condition.is_empty() {
                                String::new()
                            } else {
                                format!("If: {condition}")
                            },
                            egui::FontId::proportional(11.0),
                            weak,
                        ),
                    ] {
                        if text.is_empty() {
                            continue;
                        }
                        let mut job = egui::text::LayoutJob::simple_singleline(text, font, colour);
                        job.wrap = egui::text::TextWrapping::truncate_at_width(label_width);
                        let galley = painter.layout_job(job);
                        let h = galley.size().y;
                        painter.galley(pos2(rect.left() + 4.0, y), galley, colour);
                        y += h + 1.0;
                    }
                    let mid = rect.top() + 12.0;
                    paint_mark(
                        &painter,
                        t.mark(entry),
                        |f| x_at(rect.left(), f),
                        mid,
                        color(status_color(step.status)),
                    );
                    painter.line_segment(
                        [
                            pos2(rect.left(), rect.bottom()),
                            pos2(rect.right(), rect.bottom()),
                        ],
                        Stroke::new(0.5, grid),
                    );
                    if response.clicked() {
                        action = Some(Action::OpenStep(entry.step));
                    }
                }
                if !t.undated.is_empty() {
                    ui.add_space(8.0);
                    ui.label(RichText::new("Not yet dated").strong());
                    for &i in &t.undated {
                        let step = &brief.next_steps[i];
                        let text = step_line(brief, step);
                        if ui
                            .link(RichText::new(text).color(color(status_color(step.status))))
                            .on_hover_text("Open this next step to give it a date")
                            .clicked()
                        {
                            action = Some(Action::OpenStep(i));
                        }
                    }
                }
            });
        if let Some(action) = action {
            self.act(action);
        }
    }

    fn act(&mut self, action: Action) {
        match action {
            Action::OpenPosition(i) => {
                self.view = View::Positions;
                self.cite_target = Some(CiteTarget::Position(i));
            }
            Action::OpenStep(i) => {
                self.view = View::NextSteps;
                self.cite_target = Some(CiteTarget::NextStep(i));
            }
            Action::Move(table, i, by) => self.edit(Edit::Move(table, i, by)),
            Action::NewPosition { actor, issue } => {
                let Some(open) = &self.open else { return };
                let brief = &open.brief;
                let (Some(actor), Some(issue)) = (brief.actors.get(actor), brief.issues.get(issue))
                else {
                    return;
                };
                let position = brief.new_position(actor.id.clone(), issue.id.clone());
                let index = brief.positions.len();
                self.edit(Edit::AddPosition(position));
                self.view = View::Positions;
                self.cite_target = Some(CiteTarget::Position(index));
            }
        }
    }
}

/// A pair of small arrow buttons moving row or column `i` of `len` back or forward, each with
/// an accessible name saying what it moves where ("Move Vladimir Putin up"). The step clicked.
fn move_arrows(
    ui: &mut egui::Ui,
    i: usize,
    len: usize,
    [(back, back_word), (forward, forward_word)]: [(&str, &str); 2],
    what: &str,
) -> Option<isize> {
    let mut step = None;
    for (glyph, word, enabled, by) in [
        (back, back_word, i > 0, -1),
        (forward, forward_word, i + 1 < len, 1),
    ] {
        let label = format!("Move {what} {word}");
        let response = ui
            .add_enabled(enabled, egui::Button::new(glyph).small())
            .on_hover_text(&label);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
        if response.clicked() {
            step = Some(by);
        }
    }
    step
}

fn stance_legend(ui: &mut egui::Ui) {
    ui.horizontal_wrapped(|ui| {
        for stance in Stance::ALL {
            ui.label(RichText::new("■").color(color(stance_color(stance))));
            ui.label(RichText::new(stance.label()).small());
            ui.add_space(6.0);
        }
        ui.label(RichText::new("+ no recorded position").small().weak());
    });
}

fn status_legend(ui: &mut egui::Ui, statuses: &[StepStatus]) {
    ui.horizontal_wrapped(|ui| {
        for status in statuses {
            ui.label(RichText::new("■").color(color(status_color(*status))));
            ui.label(RichText::new(status.label()).small());
            ui.add_space(6.0);
        }
        ui.separator();
        ui.label(
            RichText::new("◆ on the day   ▭ around   ├──▶ not before   ──┤ by")
                .small()
                .weak(),
        );
    });
}

/// Paints one step's mark, the same shapes the printed timeline draws.
fn paint_mark(
    painter: &egui::Painter,
    mark: Mark,
    x: impl Fn(f32) -> f32,
    mid: f32,
    colour: Color32,
) {
    let h = 10.0;
    match mark {
        Mark::Bar { from, to, hollow } => {
            let rect = egui::Rect::from_min_max(
                pos2(x(from), mid - h / 2.0),
                pos2(x(to).max(x(from) + 3.0), mid + h / 2.0),
            );
            if hollow {
                painter.rect_filled(rect, 2.0, colour.gamma_multiply(0.25));
                painter.rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(1.2, colour),
                    egui::StrokeKind::Inside,
                );
            } else {
                painter.rect_filled(rect, 2.0, colour);
            }
        }
        Mark::Point { at } => {
            let c = pos2(x(at), mid);
            let r = h / 2.0 + 1.0;
            painter.add(egui::Shape::convex_polygon(
                vec![
                    pos2(c.x, c.y - r),
                    pos2(c.x + r, c.y),
                    pos2(c.x, c.y + r),
                    pos2(c.x - r, c.y),
                ],
                colour,
                Stroke::NONE,
            ));
        }
        Mark::Earliest { at, arrow_to } => {
            let (from, to) = (x(at), x(arrow_to));
            painter.line_segment(
                [pos2(from, mid - h / 2.0), pos2(from, mid + h / 2.0)],
                Stroke::new(3.0, colour),
            );
            let stroke = Stroke::new(1.8, colour);
            painter.line_segment([pos2(from, mid), pos2(to, mid)], stroke);
            painter.line_segment([pos2(to, mid), pos2(to - 7.0, mid - 4.5)], stroke);
            painter.line_segment([pos2(to, mid), pos2(to - 7.0, mid + 4.5)], stroke);
        }
        Mark::Deadline { line_from, at } => {
            let (from, to) = (x(line_from), x(at));
            painter.line_segment([pos2(from, mid), pos2(to, mid)], Stroke::new(1.8, colour));
            painter.line_segment(
                [pos2(to, mid - h / 2.0 - 1.0), pos2(to, mid + h / 2.0 + 1.0)],
                Stroke::new(3.0, colour),
            );
        }
    }
}

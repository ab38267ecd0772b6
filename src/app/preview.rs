//! Draws the layout engine's pages with egui: the same pages the PDF writer draws.

use crate::layout::{Document, FontStyle, Item, Rgb};
use eframe::egui::{self, Color32, FontFamily, FontId, Rect, Stroke, Vec2};

pub fn family(style: FontStyle) -> FontFamily {
    match style {
        FontStyle::Regular => FontFamily::Proportional,
        FontStyle::Bold => FontFamily::Name("bd-bold".into()),
        FontStyle::Italic => FontFamily::Name("bd-italic".into()),
    }
}

fn color(rgb: Rgb) -> Color32 {
    Color32::from_rgb(rgb.0, rgb.1, rgb.2)
}

/// Paints every page of `doc` one under the other, scaled to `width`.
pub fn show(ui: &mut egui::Ui, doc: &Document, width: f32) {
    let scale = (width / doc.width).max(0.2);
    let page_size = Vec2::new(doc.width, doc.height) * scale;
    for (index, page) in doc.pages.iter().enumerate() {
        let (rect, _) = ui.allocate_exact_size(page_size, egui::Sense::hover());
        if !ui.is_rect_visible(rect) {
            ui.add_space(12.0);
            continue;
        }
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, Color32::WHITE);
        painter.rect_stroke(
            rect,
            0.0,
            Stroke::new(1.0, Color32::from_gray(160)),
            egui::StrokeKind::Outside,
        );
        let at = |x: f32, y: f32| rect.min + Vec2::new(x, y) * scale;
        for item in &page.items {
            match item {
                Item::Text(run) => {
                    let font = FontId::new(run.size * scale, family(run.style));
                    let galley = painter.layout_no_wrap(run.text.clone(), font, color(run.color));
                    // Runs are positioned by baseline; egui places galleys by their top.
                    let ascent = run.size * scale * 0.93;
                    if run.rotation == 0.0 {
                        painter.galley(
                            at(run.x, run.y) - Vec2::new(0.0, ascent),
                            galley,
                            Color32::WHITE,
                        );
                    } else {
                        let angle = -run.rotation.to_radians();
                        let offset = Vec2::new(ascent * angle.sin(), -ascent * angle.cos());
                        let shape = egui::epaint::TextShape::new(
                            at(run.x, run.y) + offset,
                            galley,
                            Color32::WHITE,
                        )
                        .with_angle(angle);
                        painter.add(shape);
                    }
                }
                Item::Line {
                    from,
                    to,
                    width,
                    color: c,
                } => {
                    painter.line_segment(
                        [at(from.0, from.1), at(to.0, to.1)],
                        Stroke::new(width * scale, color(*c)),
                    );
                }
                Item::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => {
                    let r = Rect::from_min_size(at(*x, *y), Vec2::new(*w, *h) * scale);
                    if let Some(fill) = fill {
                        painter.rect_filled(r, 0.0, color(*fill));
                    }
                    if let Some((c, width)) = stroke {
                        painter.rect_stroke(
                            r,
                            0.0,
                            Stroke::new(width * scale, color(*c)),
                            egui::StrokeKind::Middle,
                        );
                    }
                }
                Item::Link { .. } => {}
            }
        }
        let label = format!("{} / {}", index + 1, doc.pages.len());
        ui.label(egui::RichText::new(label).small().weak());
        ui.add_space(8.0);
    }
}

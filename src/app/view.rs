//! The window's panels and forms. Widgets never change the brief directly: they produce
//! [`Edit`]s that [`BriefdeskApp::edit`] applies, so every change is undoable.

use super::commands::Command;
use super::history::{CiteTarget, Edit, Table, TextField};
use super::suggest::Proposal;
use super::{AfterSave, BriefdeskApp, Modal, View};
use crate::layout::FontStyle;
use crate::model::{
    ActorKind, AdmiraltyGrade, BriefStatus, Citation, Confidence, Date, EstimativeScale,
    Likelihood, MarkingLevel, MarkingScheme, Purpose, Severity, Stance, StepStatus, TimeQualifier,
    Tlp, template::Template,
};
use eframe::egui::{self, Color32, RichText};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// Puts the bundled fonts first, so Cyrillic and Greek render in the UI as in the PDF.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    // The layout engine's own copies, so the binary carries each font once.
    let bundled = crate::layout::Fonts::bundled();
    for (name, style) in [
        ("bd-regular", FontStyle::Regular),
        ("bd-bold", FontStyle::Bold),
        ("bd-italic", FontStyle::Italic),
    ] {
        let bytes = bundled.face(style).bytes();
        fonts
            .font_data
            .insert(name.into(), Arc::new(egui::FontData::from_static(bytes)));
    }
    let fallbacks = fonts
        .families
        .get(&egui::FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    if let Some(family) = fonts.families.get_mut(&egui::FontFamily::Proportional) {
        family.insert(0, "bd-regular".into());
    }
    for (style, name) in [
        (FontStyle::Bold, "bd-bold"),
        (FontStyle::Italic, "bd-italic"),
    ] {
        let mut list = vec![name.to_owned()];
        list.extend(fallbacks.iter().cloned());
        fonts.families.insert(super::preview::family(style), list);
    }
    ctx.set_fonts(fonts);
}

fn combo<T: PartialEq + Copy>(
    ui: &mut egui::Ui,
    id: impl std::hash::Hash + std::fmt::Debug,
    label: &str,
    value: &mut T,
    options: &[T],
    name: impl Fn(T) -> String,
) -> bool {
    let before = *value;
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text(name(*value))
        .show_ui(ui, |ui| {
            for option in options {
                ui.selectable_value(value, *option, name(*option));
            }
        });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, label));
    *value != before
}

fn labelled_text(ui: &mut egui::Ui, label: &str, value: &mut String, width: f32) -> egui::Response {
    let l = ui.label(label);
    ui.add(egui::TextEdit::singleline(value).desired_width(width))
        .labelled_by(l.id)
}

/// An optional date typed as YYYY-MM-DD; returns the new value when it parses (or is cleared).
fn date_field(
    ui: &mut egui::Ui,
    id: egui::Id,
    label: &str,
    value: Option<Date>,
) -> Option<Option<Date>> {
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
    let l = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(90.0)
                .hint_text("YYYY-MM-DD"),
        )
        .labelled_by(l.id);
    let parsed: Option<Option<Date>> = if text.trim().is_empty() {
        Some(None)
    } else {
        text.trim().parse::<Date>().ok().map(Some)
    };
    if parsed.is_none() {
        ui.colored_label(Color32::from_rgb(200, 40, 40), "not a date");
    }
    if response.has_focus() || parsed.is_none() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    match parsed {
        Some(new) if response.changed() && new != value => Some(new),
        _ => None,
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl BriefdeskApp {
    /// The whole app, one frame.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.fonts_installed {
            install_fonts(&ctx);
            self.fonts_installed = true;
        }
        ctx.set_theme(if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
        self.handle_input(&ctx);
        self.poll_jobs();
        self.autosave();
        self.refresh_layout();
        if self.layout_pending() {
            ctx.request_repaint_after(std::time::Duration::from_millis(300));
        }
        if !self.jobs.is_empty() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("workspace")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| self.workspace_panel(ui));
        egui::Panel::right("reader")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| self.reader_panel(ui));
        egui::CentralPanel::default().show(ui, |ui| self.central(ui));
        self.modals(&ctx);
        self.paste_window(&ctx);
    }

    fn handle_input(&mut self, ctx: &egui::Context) {
        // Shortcuts with Shift first: egui matches Ctrl+Z "logically", which also accepts
        // Ctrl+Shift+Z, so Redo must get its chance before Undo.
        let mut commands = Command::ALL;
        commands.sort_by_key(|c| !c.shortcut().is_some_and(|s| s.modifiers.shift));
        for command in commands {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.run_command(command, ctx);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.import_articles(&dropped);
        }
        if ctx.input(|i| i.viewport().close_requested())
            && !self.quit
            && self.open.as_ref().is_some_and(super::OpenBrief::is_dirty)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(Modal::UnsavedChanges(AfterSave::Quit));
        }
    }

    fn command_button(&mut self, ui: &mut egui::Ui, command: Command) {
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
        }
        if ui.add(button).clicked() {
            let ctx = ui.ctx().clone();
            self.run_command(command, &ctx);
            ui.close();
        }
    }

    fn menu_bar(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for c in [
                    Command::NewBrief,
                    Command::OpenWorkspace,
                    Command::ImportArticles,
                    Command::Save,
                    Command::SaveAs,
                    Command::ExportPdf,
                ] {
                    self.command_button(ui, c);
                }
                if ui
                    .button("Paste article…")
                    .on_hover_text("Paste an article's text to add it to the library and the brief")
                    .clicked()
                {
                    self.paste = Some(String::new());
                    ui.close();
                }
                let recent: Vec<PathBuf> = self.recent.iter().skip(1).cloned().collect();
                ui.menu_button("Recent workspaces", |ui| {
                    if recent.is_empty() {
                        ui.label(RichText::new("none yet").weak());
                    }
                    for dir in recent {
                        if ui.button(dir.display().to_string()).clicked() {
                            self.request_workspace(dir);
                            ui.close();
                        }
                    }
                });
                ui.separator();
                self.command_button(ui, Command::Quit);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self
                    .open
                    .as_ref()
                    .and_then(|o| o.history.undo_label())
                    .map(str::to_owned);
                let redo = self
                    .open
                    .as_ref()
                    .and_then(|o| o.history.redo_label())
                    .map(str::to_owned);
                ui.add_enabled_ui(undo.is_some(), |ui| self.command_button(ui, Command::Undo));
                if let Some(label) = undo {
                    ui.label(RichText::new(format!("  ({label})")).weak().small());
                }
                ui.add_enabled_ui(redo.is_some(), |ui| self.command_button(ui, Command::Redo));
                self.command_button(ui, Command::Find);
            });
            ui.menu_button("View", |ui| {
                for c in [
                    Command::ShowEditor,
                    Command::ShowPositions,
                    Command::ShowNextSteps,
                    Command::ShowMatrix,
                    Command::ShowTimeline,
                    Command::ShowPreview,
                    Command::ToggleTheme,
                ] {
                    self.command_button(ui, c);
                }
            });
            ui.menu_button("Help", |ui| {
                self.command_button(ui, Command::Shortcuts);
                self.command_button(ui, Command::About);
            });
            ui.separator();
            for (view, label) in [
                (View::Editor, "Editor"),
                (View::Positions, "Positions"),
                (View::NextSteps, "Next steps"),
                (View::Matrix, "Matrix"),
                (View::Timeline, "Timeline"),
                (View::Preview, "PDF preview"),
            ] {
                ui.selectable_value(&mut self.view, view, label);
            }
        });
        if let Some(mut query) = self.find.take() {
            let mut close = false;
            ui.horizontal(|ui| {
                let l = ui.label("Find");
                ui.add(
                    egui::TextEdit::singleline(&mut query)
                        .id_salt("find")
                        .desired_width(240.0),
                )
                .labelled_by(l.id);
                close = ui.button("Close").clicked();
            });
            if !close {
                self.find = Some(query);
            }
        }
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match &self.open {
                Some(open) if open.is_dirty() => {
                    ui.colored_label(Color32::from_rgb(200, 120, 0), "● Unsaved changes");
                }
                Some(_) => {
                    ui.label("Saved");
                }
                None => {
                    ui.label("No brief open");
                }
            }
            if let Some(at) = self.last_autosave {
                ui.separator();
                ui.label(format!(
                    "Autosaved {:02}:{:02}:{:02}",
                    at.hour, at.minute, at.second
                ));
            }
            ui.separator();
            let (errors, warnings) = self.problem_counts();
            ui.label(count_problems(errors, warnings));
            if let Some(job) = self.busy() {
                ui.separator();
                ui.spinner();
                ui.add(
                    egui::ProgressBar::new(0.5)
                        .animate(true)
                        .desired_width(120.0)
                        .text(job.to_owned()),
                );
            }
            if let Some(notice) = self.notices.last() {
                ui.separator();
                let text = RichText::new(&notice.text);
                if notice.error {
                    ui.colored_label(Color32::from_rgb(200, 40, 40), text);
                } else {
                    ui.label(text);
                }
            }
        });
    }

    fn workspace_panel(&mut self, ui: &mut egui::Ui) {
        ui.heading("Workspace");
        ui.label(
            RichText::new(self.root.display().to_string())
                .small()
                .weak(),
        );
        let l = ui.label("Filter");
        ui.add(egui::TextEdit::singleline(&mut self.filter).hint_text("title, reference…"))
            .labelled_by(l.id);
        ui.separator();
        let filter = self.filter.to_lowercase();
        let open_path = self.open.as_ref().map(|o| o.path.clone());
        let dirty = self.open.as_ref().is_some_and(super::OpenBrief::is_dirty);
        let mut to_open = None;
        egui::ScrollArea::vertical()
            .id_salt("briefs")
            .max_height(ui.available_height() * 0.6)
            .show(ui, |ui| {
                for entry in &self.entries {
                    let name = entry
                        .path
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    match &entry.summary {
                        Ok(s) => {
                            let haystack =
                                format!("{} {} {}", s.title, s.reference, name).to_lowercase();
                            if !filter.is_empty() && !haystack.contains(&filter) {
                                continue;
                            }
                            let selected = open_path.as_deref() == Some(entry.path.as_path());
                            let dot = if selected && dirty { "● " } else { "" };
                            let response = ui.selectable_label(
                                selected,
                                RichText::new(format!("{dot}{}", s.title)).strong(),
                            );
                            ui.label(
                                RichText::new(format!(
                                    "{} · {} · {} · {}",
                                    s.reference, s.date, s.marking, s.status
                                ))
                                .small()
                                .weak(),
                            );
                            if response.clicked() && !selected {
                                to_open = Some(entry.path.clone());
                            }
                        }
                        Err(err) => {
                            if !filter.is_empty() && !name.to_lowercase().contains(&filter) {
                                continue;
                            }
                            ui.colored_label(Color32::from_rgb(200, 40, 40), format!("⚠ {name}"));
                            ui.label(
                                RichText::new(err)
                                    .small()
                                    .color(Color32::from_rgb(170, 60, 60)),
                            );
                        }
                    }
                    ui.add_space(4.0);
                }
            });
        if let Some(path) = to_open {
            self.request_open(&path);
        }
        ui.separator();
        ui.label(RichText::new("Articles").strong());
        let mut add_source = None;
        // An article the open brief already cites (same text) is marked, not offered again.
        let cited_digests: Vec<&str> = self
            .open
            .as_ref()
            .map(|open| {
                open.brief
                    .sources
                    .iter()
                    .map(|s| s.sha256.as_str())
                    .collect()
            })
            .unwrap_or_default();
        for article in &self.articles {
            let name = article
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !filter.is_empty() && !name.to_lowercase().contains(&filter) {
                continue;
            }
            let cited = self.article_digests.get(article).is_some_and(|kept| {
                !kept.digests.is_empty()
                    && kept
                        .digests
                        .iter()
                        .all(|d| cited_digests.contains(&d.as_str()))
            });
            ui.horizontal(|ui| {
                ui.label(RichText::new(&name).small());
                if cited {
                    ui.label(RichText::new("cited").small().weak())
                        .on_hover_text("The open brief already cites this article");
                } else if self.open.is_some() && ui.small_button("Add as source").clicked() {
                    add_source = Some(article.clone());
                }
            });
        }
        if let Some(path) = add_source {
            self.add_article_as_source(&path);
        }
    }

    fn add_article_as_source(&mut self, path: &std::path::Path) {
        match crate::import::import_file(path) {
            Ok(articles) => {
                for article in &articles {
                    self.add_source_from(article);
                }
            }
            Err(err) => self.notify(err.to_string(), true),
        }
    }

    /// The assistant's proposals for the source in the reader, each with Accept and Reject.
    fn suggestions_list(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let Some(source) = open.brief.sources.get(self.reader.source) else {
            return;
        };
        let source_id = source.id.clone();
        let actor_name = |id: &crate::model::ActorId, extra: &[crate::model::Actor]| {
            open.brief
                .actors
                .iter()
                .chain(extra)
                .find(|a| &a.id == id)
                .map_or_else(|| id.to_string(), |a| a.name.clone())
        };
        let current = self.suggestions.as_ref().filter(|l| l.source == source_id);
        let mut action: Option<(Proposal, bool)> = None;
        let mut suggest = false;
        egui::CollapsingHeader::new("Suggestions")
            .id_salt("suggestions")
            .default_open(true)
            .show(ui, |ui| {
                if ui
                    .button("Suggest from this source")
                    .on_hover_text(
                        "Find actors, positions and next steps in this article; nothing is added until you accept it",
                    )
                    .clicked()
                {
                    suggest = true;
                }
                let Some(list) = current else {
                    return;
                };
                let items = &list.items;
                if items.actors.is_empty() && items.positions.is_empty() && items.next_steps.is_empty() {
                    ui.label(RichText::new("Nothing left to review.").weak());
                }
                egui::ScrollArea::vertical()
                    .id_salt("suggestion-rows")
                    .max_height(220.0)
                    .show(ui, |ui| {
                        let mut row = |ui: &mut egui::Ui, text: String, proposal: Proposal| {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(RichText::new("suggested").small().color(egui::Color32::from_rgb(160, 100, 0)));
                                let accept = ui.small_button("Accept").on_hover_text("Copy into the brief with its citation");
                                accept.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Accept {text}")));
                                if accept.clicked() {
                                    action = Some((proposal, true));
                                }
                                let reject = ui.small_button("Reject").on_hover_text("Hide this suggestion");
                                reject.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Reject {text}")));
                                if reject.clicked() {
                                    action = Some((proposal, false));
                                }
                                ui.label(text);
                            });
                        };
                        for (i, a) in items.actors.iter().enumerate() {
                            row(ui, format!("Actor: {} ({})", a.name, a.kind.label()), Proposal::Actor(i));
                        }
                        for (i, p) in items.positions.iter().enumerate() {
                            row(
                                ui,
                                format!(
                                    "Position: {} {} \u{2014} {} [\u{201c}{}\u{201d}]",
                                    actor_name(&p.actor, &items.actors),
                                    p.stance.label().to_lowercase(),
                                    short(&p.summary, 90),
                                    p.evidence.first().map_or("", |c| c.quote.as_str()).chars().take(60).collect::<String>()
                                ),
                                Proposal::Position(i),
                            );
                        }
                        for (i, s) in items.next_steps.iter().enumerate() {
                            row(
                                ui,
                                format!("Next step: {} \u{2014} {}", s.when.phrase, short(&s.what, 90)),
                                Proposal::NextStep(i),
                            );
                        }
                    });
            });
        match action {
            Some((proposal, true)) => self.accept(proposal),
            Some((proposal, false)) => self.reject(proposal),
            None => {}
        }
        if suggest {
            self.suggest_from_source(self.reader.source);
        }
    }

    /// Accept / Reject for an item the brief holds as suggested.
    fn suggested_badge(&mut self, ui: &mut egui::Ui, table: Table, i: usize) {
        ui.label(
            RichText::new("suggested")
                .small()
                .color(egui::Color32::from_rgb(160, 100, 0)),
        );
        if ui
            .small_button("Accept")
            .on_hover_text("Keep this suggestion")
            .clicked()
        {
            self.accept_in_brief(table, i);
        }
        if ui
            .small_button("Reject")
            .on_hover_text("Remove this suggestion")
            .clicked()
        {
            self.edit(Edit::Remove(table, i));
        }
    }

    /// The "Paste article" box: text pasted here becomes an article and a source.
    fn paste_window(&mut self, ctx: &egui::Context) {
        let Some(mut text) = self.paste.take() else {
            return;
        };
        let mut keep = true;
        let mut import = false;
        egui::Window::new("Paste article")
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                ui.label("Paste the article (Ctrl+V). Optional first lines: Title:, Source:, URL:, Date:, then a blank line.");
                egui::ScrollArea::vertical().max_height(320.0).show(ui, |ui| {
                    ui.add(
                        egui::TextEdit::multiline(&mut text)
                            .desired_rows(12)
                            .desired_width(f32::INFINITY),
                    )
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::MultilineTextInput, true, "Article text"));
                });
                ui.horizontal(|ui| {
                    if ui.add_enabled(!text.trim().is_empty() && self.open.is_some(), egui::Button::new("Import")).clicked() {
                        import = true;
                    }
                    if ui.button("Cancel").clicked() {
                        keep = false;
                    }
                });
            });
        if import {
            self.import_pasted(&text);
        } else if keep {
            self.paste = Some(text);
        }
    }

    fn reader_panel(&mut self, ui: &mut egui::Ui) {
        ui.heading("Source reader");
        let Some(open) = &self.open else {
            ui.label("Open a brief to read its sources.");
            return;
        };
        if open.brief.sources.is_empty() {
            ui.label("This brief has no sources yet. Add an article from the workspace list.");
            return;
        }
        let count = open.brief.sources.len();
        self.reader.source = self.reader.source.min(count - 1);
        let titles: Vec<String> = open.brief.sources.iter().map(|s| s.title.clone()).collect();
        let mut chosen = self.reader.source;
        let l = ui.label("Source");
        egui::ComboBox::from_id_salt("reader-source")
            .selected_text(titles[chosen].chars().take(48).collect::<String>())
            .width(ui.available_width() - 8.0)
            .show_ui(ui, |ui| {
                for (i, title) in titles.iter().enumerate() {
                    ui.selectable_value(&mut chosen, i, title);
                }
            })
            .response
            .labelled_by(l.id);
        if chosen != self.reader.source {
            self.reader.source = chosen;
            self.reader.selection = None;
        }
        let target_label = match self.cite_target {
            Some(CiteTarget::Position(i)) => open
                .brief
                .positions
                .get(i)
                .map(|p| format!("position {}: {}", i + 1, short(&p.summary, 40))),
            Some(CiteTarget::NextStep(i)) => open
                .brief
                .next_steps
                .get(i)
                .map(|s| format!("next step {}: {}", i + 1, short(&s.what, 40))),
            Some(CiteTarget::CurrentStatus) => Some("the current status".to_owned()),
            None => None,
        };
        let mut cite = false;
        ui.horizontal_wrapped(|ui| {
            let can_cite = self.reader.selection.is_some() && target_label.is_some();
            if ui
                .add_enabled(can_cite, egui::Button::new("Cite selection"))
                .on_hover_text(
                    "Attach the selected words to the position or next step being edited",
                )
                .clicked()
            {
                cite = true;
            }
            match &target_label {
                Some(label) => ui.label(RichText::new(format!("→ {label}")).small()),
                None => ui.label(
                    RichText::new("Select a position or next step to cite into.")
                        .small()
                        .weak(),
                ),
            };
        });
        if cite {
            self.cite_selection();
        }
        self.suggestions_list(ui);
        let Some(open) = &self.open else { return };
        let Some(source) = open.brief.sources.get(self.reader.source) else {
            return;
        };
        let highlights: Vec<(usize, usize)> = match self.cite_target {
            Some(CiteTarget::Position(i)) => open
                .brief
                .positions
                .get(i)
                .map(|p| {
                    p.evidence
                        .iter()
                        .filter(|c| c.source == source.id)
                        .map(|c| (c.start, c.end))
                        .collect()
                })
                .unwrap_or_default(),
            Some(CiteTarget::NextStep(i)) => open
                .brief
                .next_steps
                .get(i)
                .map(|p| {
                    p.evidence
                        .iter()
                        .filter(|c| c.source == source.id)
                        .map(|c| (c.start, c.end))
                        .collect()
                })
                .unwrap_or_default(),
            Some(CiteTarget::CurrentStatus) => open
                .brief
                .sections
                .current_status_evidence
                .iter()
                .filter(|c| c.source == source.id)
                .map(|c| (c.start, c.end))
                .collect(),
            None => Vec::new(),
        };
        let text = source.text.clone();
        let mut layouter = move |ui: &egui::Ui, buf: &dyn egui::TextBuffer, wrap_width: f32| {
            let text = buf.as_str();
            let mut job = egui::text::LayoutJob::default();
            job.wrap.max_width = wrap_width;
            let font = egui::TextStyle::Body.resolve(ui.style());
            let normal = egui::TextFormat::simple(font.clone(), ui.visuals().text_color());
            let marked = egui::TextFormat {
                background: Color32::from_rgb(255, 236, 150),
                color: Color32::BLACK,
                ..egui::TextFormat::simple(font, Color32::BLACK)
            };
            let mut at = 0;
            let mut ranges = highlights.clone();
            ranges.sort_unstable();
            for (start, end) in ranges {
                if start < at
                    || end > text.len()
                    || !text.is_char_boundary(start)
                    || !text.is_char_boundary(end)
                {
                    continue;
                }
                job.append(&text[at..start], 0.0, normal.clone());
                job.append(&text[start..end], 0.0, marked.clone());
                at = end;
            }
            job.append(&text[at..], 0.0, normal);
            ui.fonts_mut(|f| f.layout_job(job))
        };
        egui::ScrollArea::vertical()
            .id_salt("reader-text")
            .show(ui, |ui| {
                let mut view: &str = &text;
                let output = egui::TextEdit::multiline(&mut view)
                    .id(egui::Id::unique("reader-text"))
                    .desired_width(f32::INFINITY)
                    .layouter(&mut layouter)
                    .show(ui);
                output.response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Source text")
                });
                // Only a focused reader reports its selection; the last one is kept while the user
                // moves to the "Cite selection" button.
                if let Some(range) = output.cursor_range {
                    let chars = range.as_sorted_char_range();
                    let (a, b) = (chars.start.0, chars.end.0);
                    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
                    self.reader.selection = (a != b).then(|| (byte(a), byte(b)));
                }
            });
    }

    /// Attaches the reader's selection to the position or next step being edited.
    pub fn cite_selection(&mut self) {
        let (Some(open), Some(target), Some((start, end))) =
            (&self.open, self.cite_target, self.reader.selection)
        else {
            return;
        };
        let Some(source) = open.brief.sources.get(self.reader.source) else {
            return;
        };
        match Citation::of(source, start, end) {
            Some(citation) => self.edit(Edit::Cite(target, citation)),
            None => self.notify("The selection is not a valid passage of the source", true),
        }
    }

    fn central(&mut self, ui: &mut egui::Ui) {
        if self.open.is_none() {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("No brief open");
                ui.label(
                    "Choose a brief on the left, or create one with File → New brief (Ctrl+N).",
                );
            });
            return;
        }
        match self.view {
            View::Editor => self.editor(ui),
            View::Positions => self.positions_view(ui),
            View::NextSteps => self.steps_view(ui),
            View::Matrix => self.matrix_view(ui),
            View::Timeline => self.timeline_view(ui),
            View::Preview => {
                let width = (ui.available_width() - 24.0).clamp(200.0, 900.0);
                egui::ScrollArea::vertical()
                    .id_salt("preview")
                    .show(ui, |ui| {
                        if let Some(doc) = self.preview_document() {
                            super::preview::show(ui, doc, width);
                        }
                    });
            }
        }
    }

    fn problems(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let (errors, warnings) = self.problem_counts();
        let diagnostics = open.diagnostics.clone();
        let silenced = open.brief.silenced_checks.clone();
        let mut title = format!("Problems ({})", count_problems(errors, warnings));
        let in_force = silenced
            .iter()
            .filter(|c| crate::model::is_silenceable(c))
            .count();
        if in_force > 0 {
            title.push_str(&format!(
                ", {in_force} check{} silenced",
                if in_force == 1 { "" } else { "s" }
            ));
        }
        let mut change: Option<Vec<String>> = None;
        egui::CollapsingHeader::new(title)
            .id_salt("problems")
            .default_open(errors > 0)
            .show(ui, |ui| {
                for d in diagnostics {
                    let colour = if d.severity == Severity::Error {
                        Color32::from_rgb(200, 40, 40)
                    } else {
                        Color32::from_rgb(190, 120, 0)
                    };
                    ui.horizontal_wrapped(|ui| {
                        if ui
                            .link(
                                RichText::new(format!("{}: {} ({})", d.code, d.message, d.path))
                                    .color(colour),
                            )
                            .clicked()
                        {
                            self.go_to(&d.path);
                        }
                        if crate::model::is_silenceable(d.code)
                            && ui
                                .small_button(format!("Silence {}", d.code))
                                .on_hover_text(format!(
                                    "Stop reporting {} for this brief (it stays listed below and can be restored)",
                                    d.code
                                ))
                                .clicked()
                        {
                            let mut codes = silenced.clone();
                            if !codes.iter().any(|c| c == d.code) {
                                codes.push(d.code.to_owned());
                                codes.sort();
                            }
                            change = Some(codes);
                        }
                    });
                }
                if !silenced.is_empty() {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new("Silenced for this brief:").small().weak());
                        for code in &silenced {
                            let meaning = crate::model::CHECKS
                                .iter()
                                .find(|(c, _)| c == code)
                                .map_or("unknown check", |(_, m)| m);
                            if ui
                                .small_button(format!("Restore {code}"))
                                .on_hover_text(format!("{code}: {meaning}. Click to report it again."))
                                .clicked()
                            {
                                change = Some(silenced.iter().filter(|c| *c != code).cloned().collect());
                            }
                        }
                    });
                }
            });
        if let Some(codes) = change {
            self.edit(Edit::SetSilencedChecks(codes));
        }
    }

    /// Shows the field a diagnostic names.
    pub fn go_to(&mut self, path: &str) {
        let index = |prefix: &str| {
            path.strip_prefix(prefix)
                .and_then(|rest| rest.split(']').next())
                .and_then(|n| n.parse::<usize>().ok())
        };
        if let Some(i) = index("positions[") {
            self.view = View::Positions;
            self.cite_target = Some(CiteTarget::Position(i));
        } else if let Some(i) = index("next_steps[") {
            self.view = View::NextSteps;
            self.cite_target = Some(CiteTarget::NextStep(i));
        } else {
            self.view = View::Editor;
            if path.starts_with("sections.current_status_evidence") {
                self.cite_target = Some(CiteTarget::CurrentStatus);
            }
        }
        self.focus_path = Some(path.to_owned());
    }

    fn field_problems(&self, ui: &mut egui::Ui, path: &str) {
        if let Some(open) = &self.open {
            for d in open.diagnostics.iter().filter(|d| d.path.starts_with(path)) {
                ui.colored_label(
                    Color32::from_rgb(200, 40, 40),
                    RichText::new(format!("{} {}", d.code, d.message)).small(),
                );
            }
        }
    }

    fn editor(&mut self, ui: &mut egui::Ui) {
        egui::ScrollArea::vertical()
            .id_salt("editor")
            .show(ui, |ui| {
                self.problems(ui);
                self.find_results(ui);
                self.details_form(ui);
                ui.separator();
                for field in TextField::ALL {
                    self.text_section(ui, field);
                    if field == TextField::Assessment {
                        self.judgement_form(ui);
                    }
                }
                ui.separator();
                self.actors_form(ui);
                ui.separator();
                self.issues_form(ui);
                ui.separator();
                self.options_form(ui);
                ui.separator();
                self.sources_form(ui);
            });
    }

    fn find_results(&mut self, ui: &mut egui::Ui) {
        let Some(query) = self.find.clone().filter(|q| q.trim().len() >= 2) else {
            return;
        };
        let Some(open) = &self.open else { return };
        let needle = query.to_lowercase();
        let mut hits: Vec<(String, String)> = Vec::new();
        for field in TextField::ALL {
            if field.get(&open.brief).to_lowercase().contains(&needle) {
                hits.push((field.path().to_owned(), field.label().to_owned()));
            }
        }
        for (i, p) in open.brief.positions.iter().enumerate() {
            if p.summary.to_lowercase().contains(&needle)
                || p.conditions.to_lowercase().contains(&needle)
            {
                hits.push((
                    format!("positions[{i}].summary"),
                    format!("Position {}: {}", i + 1, short(&p.summary, 50)),
                ));
            }
        }
        for (i, s) in open.brief.next_steps.iter().enumerate() {
            if s.what.to_lowercase().contains(&needle)
                || s.condition.to_lowercase().contains(&needle)
            {
                hits.push((
                    format!("next_steps[{i}].what"),
                    format!("Next step {}: {}", i + 1, short(&s.what, 50)),
                ));
            }
        }
        ui.group(|ui| {
            ui.label(format!("{} matches for “{query}”", hits.len()));
            for (path, label) in hits.into_iter().take(30) {
                if ui.link(label).clicked() {
                    self.go_to(&path);
                }
            }
        });
    }

    fn text_section(&mut self, ui: &mut egui::Ui, field: TextField) {
        let Some(open) = &self.open else { return };
        let mut text = field.get(&open.brief);
        let label = ui.label(RichText::new(field.label()).strong());
        let rows = if matches!(
            field,
            TextField::Background | TextField::Assessment | TextField::CurrentStatus
        ) {
            5
        } else {
            3
        };
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .id_salt(field.path())
                    .desired_rows(rows)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        if self
            .focus_path
            .as_deref()
            .is_some_and(|p| p.starts_with(field.path()))
        {
            response.scroll_to_me(Some(egui::Align::Center));
            response.request_focus();
            self.focus_path = None;
        }
        if response.changed() {
            self.edit(Edit::SetText(field, text));
        }
        self.field_problems(ui, field.path());
        if field == TextField::CurrentStatus {
            self.current_status_evidence(ui);
        }
        ui.add_space(6.0);
    }

    /// The current status's citations, and the switch that makes "Cite selection" cite into it.
    fn current_status_evidence(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let evidence = open.brief.sections.current_status_evidence.clone();
        ui.horizontal_wrapped(|ui| {
            let citing = self.cite_target == Some(CiteTarget::CurrentStatus);
            if ui
                .selectable_label(citing, "Cite into current status")
                .on_hover_text("Then select words in the source reader and press “Cite selection”")
                .clicked()
            {
                self.cite_target = (!citing).then_some(CiteTarget::CurrentStatus);
            }
            ui.label(RichText::new("Evidence:").small());
        });
        // Its problems show with the current status's own (their paths share a prefix).
        self.evidence_chips(ui, CiteTarget::CurrentStatus, &evidence);
    }

    fn details_form(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let mut meta = open.brief.meta.clone();
        let before = meta.clone();
        ui.heading("Details");
        egui::Grid::new("details")
            .num_columns(4)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                labelled_text(ui, "Title", &mut meta.title, 320.0);
                labelled_text(ui, "Reference", &mut meta.reference, 140.0);
                ui.end_row();
                let l = ui.label("Version");
                ui.add(egui::DragValue::new(&mut meta.version).range(1..=999))
                    .labelled_by(l.id);
                ui.label("Purpose");
                combo(
                    ui,
                    "purpose",
                    "Purpose",
                    &mut meta.purpose,
                    &Purpose::ALL,
                    |p| p.label().to_owned(),
                );
                ui.end_row();
                labelled_text(ui, "Audience", &mut meta.audience, 320.0);
                labelled_text(ui, "Author", &mut meta.author, 140.0);
                ui.end_row();
                labelled_text(ui, "Reviewer", &mut meta.reviewer, 320.0);
                ui.label("Status");
                combo(
                    ui,
                    "status",
                    "Status",
                    &mut meta.status,
                    &[BriefStatus::Draft, BriefStatus::Approved],
                    |s| s.label().to_owned(),
                );
                ui.end_row();
                if let Some(date) = date_field(
                    ui,
                    egui::Id::unique("issue-date"),
                    "Date of issue",
                    meta.issue_date,
                ) {
                    meta.issue_date = date;
                }
                ui.label("TLP");
                let mut tlp = meta.tlp;
                let options: Vec<Option<Tlp>> = std::iter::once(None)
                    .chain(Tlp::ALL.into_iter().map(Some))
                    .collect();
                combo(ui, "tlp", "TLP", &mut tlp, &options, |t| {
                    t.map_or("none".into(), |t| t.label().to_owned())
                });
                meta.tlp = tlp;
                ui.end_row();
                ui.label("Marking");
                ui.horizontal(|ui| {
                    combo(
                        ui,
                        "scheme",
                        "Marking scheme",
                        &mut meta.marking.scheme,
                        &[MarkingScheme::Unmarked, MarkingScheme::UkGovernment],
                        |s| match s {
                            MarkingScheme::Unmarked => "Unmarked".into(),
                            MarkingScheme::UkGovernment => "UK Government".into(),
                        },
                    );
                    if meta.marking.scheme == MarkingScheme::UkGovernment {
                        combo(
                            ui,
                            "level",
                            "Marking level",
                            &mut meta.marking.level,
                            &MarkingLevel::ALL,
                            |l| l.label().to_owned(),
                        );
                    }
                });
                let mut caveats = meta.marking.caveats.join(", ");
                if labelled_text(ui, "Caveats", &mut caveats, 140.0).changed() {
                    meta.marking.caveats = split_list(&caveats);
                }
                ui.end_row();
            });
        self.field_problems(ui, "meta");
        if meta != before {
            self.edit(Edit::SetMetadata(Box::new(meta)));
        }
    }

    fn judgement_form(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let mut a = open.brief.sections.assessment.clone();
        let before = a.clone();
        ui.horizontal(|ui| {
            ui.label("Scale");
            combo(
                ui,
                "scale",
                "Estimative scale",
                &mut a.scale,
                &EstimativeScale::ALL,
                |s| s.label().to_owned(),
            );
            ui.label("Likelihood");
            let scale = a.scale;
            let options: Vec<Option<Likelihood>> = std::iter::once(None)
                .chain(Likelihood::ALL.into_iter().map(Some))
                .collect();
            combo(
                ui,
                "likelihood",
                "Likelihood",
                &mut a.likelihood,
                &options,
                |l| {
                    l.map_or("not stated".into(), |l| {
                        let (t, r) = scale.term(l);
                        format!("{t} ({r})")
                    })
                },
            );
            ui.label("Confidence");
            let options: Vec<Option<Confidence>> = vec![
                None,
                Some(Confidence::Low),
                Some(Confidence::Moderate),
                Some(Confidence::High),
            ];
            combo(
                ui,
                "confidence",
                "Confidence",
                &mut a.confidence,
                &options,
                |c| c.map_or("not stated".into(), |c| c.label().to_owned()),
            );
        });
        if a.scale != before.scale
            || a.likelihood != before.likelihood
            || a.confidence != before.confidence
        {
            self.edit(Edit::SetAssessmentJudgement(Box::new(a)));
        }
        ui.add_space(6.0);
    }

    fn row_buttons(&mut self, ui: &mut egui::Ui, table: Table, i: usize, len: usize) {
        if ui
            .add_enabled(i > 0, egui::Button::new("↑"))
            .on_hover_text("Move up")
            .clicked()
        {
            self.edit(Edit::Move(table, i, -1));
        }
        if ui
            .add_enabled(i + 1 < len, egui::Button::new("↓"))
            .on_hover_text("Move down")
            .clicked()
        {
            self.edit(Edit::Move(table, i, 1));
        }
        if ui.button("✕").on_hover_text("Remove").clicked() {
            self.edit(Edit::Remove(table, i));
        }
    }

    fn actors_form(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let actors = open.brief.actors.clone();
        ui.heading("Actors");
        egui::Grid::new("actors")
            .num_columns(5)
            .striped(true)
            .show(ui, |ui| {
                for (i, actor) in actors.iter().enumerate() {
                    let mut a = actor.clone();
                    ui.add(
                        egui::TextEdit::singleline(&mut a.name)
                            .desired_width(150.0)
                            .hint_text("Name"),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            format!("Actor {} name", i + 1),
                        )
                    });
                    combo(
                        ui,
                        ("actor-kind", i),
                        "Kind",
                        &mut a.kind,
                        &ActorKind::ALL,
                        |k| k.label().to_owned(),
                    );
                    ui.add(
                        egui::TextEdit::singleline(&mut a.role)
                            .desired_width(200.0)
                            .hint_text("Role or title"),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            format!("Actor {} role", i + 1),
                        )
                    });
                    let mut aliases = a.aliases.join(", ");
                    let aliases_edit = ui.add(
                        egui::TextEdit::singleline(&mut aliases)
                            .desired_width(180.0)
                            .hint_text("Also written"),
                    );
                    aliases_edit.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            format!("Actor {} aliases", i + 1),
                        )
                    });
                    if aliases_edit.changed() {
                        a.aliases = split_list(&aliases);
                    }
                    ui.horizontal(|ui| {
                        self.row_buttons(ui, Table::Actors, i, actors.len());
                        if actor.suggested {
                            self.suggested_badge(ui, Table::Actors, i);
                        }
                    });
                    ui.end_row();
                    if &a != actor {
                        self.edit(Edit::SetActor(i, a));
                    }
                }
            });
        if ui.button("Add actor").clicked() {
            let n = actors.len() + 1;
            self.edit(Edit::AddActor(crate::model::Actor {
                id: crate::model::ActorId::new(format!("actor-{n}")),
                name: format!("New actor {n}"),
                kind: ActorKind::Person,
                role: String::new(),
                affiliation: None,
                aliases: Vec::new(),
                suggested: false,
            }));
        }
    }

    fn issues_form(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let issues = open.brief.issues.clone();
        ui.heading("Issues");
        egui::Grid::new("issues")
            .num_columns(3)
            .striped(true)
            .show(ui, |ui| {
                for (i, issue) in issues.iter().enumerate() {
                    let mut x = issue.clone();
                    ui.add(egui::TextEdit::singleline(&mut x.name).desired_width(240.0))
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::TextInput,
                                true,
                                format!("Issue {} name", i + 1),
                            )
                        });
                    ui.add(
                        egui::TextEdit::singleline(&mut x.description)
                            .desired_width(300.0)
                            .hint_text("What is disputed"),
                    )
                    .widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::TextInput,
                            true,
                            format!("Issue {} description", i + 1),
                        )
                    });
                    ui.horizontal(|ui| self.row_buttons(ui, Table::Issues, i, issues.len()));
                    ui.end_row();
                    if &x != issue {
                        self.edit(Edit::SetIssue(i, x));
                    }
                }
            });
        if ui.button("Add issue").clicked() {
            let n = issues.len() + 1;
            self.edit(Edit::AddIssue(crate::model::Issue {
                id: crate::model::IssueId::new(format!("issue-{n}")),
                name: format!("New issue {n}"),
                description: String::new(),
            }));
        }
    }

    fn options_form(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let options = open.brief.sections.options.clone();
        ui.heading("Options");
        for (i, option) in options.iter().enumerate() {
            let mut o = option.clone();
            ui.group(|ui| {
                ui.horizontal(|ui| {
                    labelled_text(ui, &format!("Option {}", i + 1), &mut o.title, 300.0);
                    self.row_buttons(ui, Table::Options, i, options.len());
                });
                let l = ui.label("Description");
                ui.add(
                    egui::TextEdit::multiline(&mut o.description)
                        .desired_rows(2)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
                ui.columns(2, |cols| {
                    for (col, (label, list)) in cols.iter_mut().zip([
                        ("For (one per line)", &mut o.pros),
                        ("Against (one per line)", &mut o.cons),
                    ]) {
                        let mut text = list.join("\n");
                        let l = col.label(label);
                        if col
                            .add(egui::TextEdit::multiline(&mut text).desired_rows(2))
                            .labelled_by(l.id)
                            .changed()
                        {
                            *list = text.lines().map(str::to_owned).collect();
                        }
                    }
                });
            });
            if &o != option {
                self.edit(Edit::SetOption(i, o));
            }
        }
        if ui.button("Add option").clicked() {
            let n = options.len() + 1;
            self.edit(Edit::AddOption(crate::model::PolicyOption {
                id: crate::model::OptionId::new(format!("option-{n}")),
                title: format!("Option {n}"),
                description: String::new(),
                pros: Vec::new(),
                cons: Vec::new(),
            }));
        }
    }

    fn sources_form(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let sources = open.brief.sources.clone();
        ui.heading("Sources");
        for (i, source) in sources.iter().enumerate() {
            let mut s = source.clone();
            ui.group(|ui| {
                ui.horizontal(|ui| {
                    labelled_text(ui, &format!("Source {}", i + 1), &mut s.title, 360.0);
                    self.row_buttons(ui, Table::Sources, i, sources.len());
                });
                ui.horizontal(|ui| {
                    labelled_text(ui, "Outlet", &mut s.outlet, 160.0);
                    labelled_text(ui, "URL", &mut s.url, 260.0);
                });
                ui.horizontal(|ui| {
                    if let Some(date) = date_field(
                        ui,
                        egui::Id::unique(("published", i)),
                        "Published",
                        s.published,
                    ) {
                        s.published = date;
                    }
                    ui.label("Admiralty grade");
                    let mut grade = s.grade.map(|g| g.to_string()).unwrap_or_default();
                    let grades: Vec<String> = std::iter::once(String::new())
                        .chain(
                            "ABCDEF"
                                .chars()
                                .flat_map(|r| (1..=6).map(move |c| format!("{r}{c}"))),
                        )
                        .collect();
                    egui::ComboBox::from_id_salt(("grade", i))
                        .selected_text(if grade.is_empty() {
                            "not graded".to_owned()
                        } else {
                            grade.clone()
                        })
                        .show_ui(ui, |ui| {
                            for g in &grades {
                                ui.selectable_value(
                                    &mut grade,
                                    g.clone(),
                                    if g.is_empty() { "not graded" } else { g },
                                );
                            }
                        })
                        .response
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Admiralty grade")
                        });
                    s.grade = grade.parse::<AdmiraltyGrade>().ok();
                    ui.label(
                        RichText::new(format!("SHA-256 {}", s.short_digest()))
                            .small()
                            .weak(),
                    );
                });
                self.field_problems(ui, &format!("sources[{i}]"));
            });
            if &s != source {
                self.edit(Edit::SetSource(i, Box::new(s)));
            }
        }
    }

    fn evidence_chips(&mut self, ui: &mut egui::Ui, target: CiteTarget, evidence: &[Citation]) {
        ui.horizontal_wrapped(|ui| {
            for (j, c) in evidence.iter().enumerate() {
                let chip = ui
                    .add(
                        egui::Button::new(
                            RichText::new(format!("“{}”", short(&c.quote, 28))).small(),
                        )
                        .small(),
                    )
                    .on_hover_text(format!(
                        "{} bytes {}..{}: “{}” (click to remove)",
                        c.source, c.start, c.end, c.quote
                    ));
                if chip.clicked() {
                    self.edit(Edit::Uncite(target, j));
                }
            }
            if evidence.is_empty() {
                ui.label(
                    RichText::new("no evidence")
                        .small()
                        .color(Color32::from_rgb(190, 120, 0)),
                );
            }
        });
    }

    fn positions_view(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let brief = &open.brief;
        let actors: Vec<(crate::model::ActorId, String)> = brief
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        let issues: Vec<(crate::model::IssueId, String)> = brief
            .issues
            .iter()
            .map(|x| (x.id.clone(), x.name.clone()))
            .collect();
        let positions = brief.positions.clone();
        let fresh = match (actors.first(), issues.first()) {
            (Some(actor), Some(issue)) => {
                Some(brief.new_position(actor.0.clone(), issue.0.clone()))
            }
            _ => None,
        };
        ui.horizontal(|ui| {
            ui.heading(format!("Positions ({})", positions.len()));
            if ui.button("Add position").clicked()
                && let Some(position) = fresh.clone()
            {
                self.edit(Edit::AddPosition(position));
                self.cite_target = Some(CiteTarget::Position(positions.len()));
            }
        });
        let row_height = ui.spacing().interact_size.y + 6.0;
        let selected = match self.cite_target {
            Some(CiteTarget::Position(i)) => Some(i),
            _ => None,
        };
        egui::ScrollArea::vertical()
            .id_salt("positions")
            .max_height(ui.available_height() * 0.6)
            .show_rows(ui, row_height, positions.len(), |ui, rows| {
                for i in rows {
                    let p = &positions[i];
                    let mut x = p.clone();
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(selected == Some(i), format!("{:>3}", i + 1))
                            .on_hover_text("Edit this position and cite into it")
                            .clicked()
                        {
                            self.cite_target = Some(CiteTarget::Position(i));
                        }
                        if x.suggested {
                            self.suggested_badge(ui, Table::Positions, i);
                        }
                        let actor_name = |id: &crate::model::ActorId| {
                            actors
                                .iter()
                                .find(|a| &a.0 == id)
                                .map_or_else(|| format!("? {id}"), |a| a.1.clone())
                        };
                        egui::ComboBox::from_id_salt(("p-actor", i))
                            .width(130.0)
                            .selected_text(actor_name(&x.actor))
                            .show_ui(ui, |ui| {
                                for (id, name) in &actors {
                                    ui.selectable_value(&mut x.actor, id.clone(), name);
                                }
                            })
                            .response
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Actor")
                            });
                        let issue_name = |id: &crate::model::IssueId| {
                            issues
                                .iter()
                                .find(|a| &a.0 == id)
                                .map_or_else(|| format!("? {id}"), |a| a.1.clone())
                        };
                        egui::ComboBox::from_id_salt(("p-issue", i))
                            .width(150.0)
                            .selected_text(short(&issue_name(&x.issue), 24))
                            .show_ui(ui, |ui| {
                                for (id, name) in &issues {
                                    ui.selectable_value(&mut x.issue, id.clone(), name);
                                }
                            })
                            .response
                            .widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::ComboBox, true, "Issue")
                            });
                        combo(
                            ui,
                            ("p-stance", i),
                            "Stance",
                            &mut x.stance,
                            &Stance::ALL,
                            |s| s.label().to_owned(),
                        );
                        ui.add(
                            egui::TextEdit::singleline(&mut x.summary)
                                .desired_width(ui.available_width() - 130.0)
                                .hint_text("The position in one line"),
                        )
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::TextInput,
                                true,
                                format!("Position {} summary", i + 1),
                            )
                        });
                        ui.label(RichText::new(format!("[{}]", x.evidence.len())).small())
                            .on_hover_text("citations");
                        self.row_buttons(ui, Table::Positions, i, positions.len());
                    });
                    if x != *p {
                        self.edit(Edit::SetPosition(i, x));
                    }
                }
            });
        ui.separator();
        if let Some(i) = selected
            && let Some(p) = positions.get(i)
        {
            let mut x = p.clone();
            ui.label(
                RichText::new(format!("Position {}: {}", i + 1, short(&p.summary, 80))).strong(),
            );
            let l = ui.label("Conditions or red lines");
            ui.add(
                egui::TextEdit::multiline(&mut x.conditions)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(l.id);
            ui.horizontal(|ui| {
                if let Some(date) = date_field(
                    ui,
                    egui::Id::unique(("stated", i)),
                    "Stated on",
                    x.stated_on,
                ) {
                    x.stated_on = date;
                }
            });
            ui.label("Evidence (select words in the source reader, then “Cite selection”):");
            self.evidence_chips(ui, CiteTarget::Position(i), &p.evidence);
            self.field_problems(ui, &format!("positions[{i}]"));
            if x != *p {
                self.edit(Edit::SetPosition(i, x));
            }
        }
    }

    fn steps_view(&mut self, ui: &mut egui::Ui) {
        let Some(open) = &self.open else { return };
        let brief = &open.brief;
        let actors: Vec<(crate::model::ActorId, String)> = brief
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect();
        let steps = brief.next_steps.clone();
        ui.horizontal(|ui| {
            ui.heading(format!("Next steps ({})", steps.len()));
            if ui.button("Add next step").clicked() {
                let n = steps.len() + 1;
                self.edit(Edit::AddNextStep(crate::model::NextStep {
                    id: crate::model::StepId::new(format!("s-new-{n}")),
                    what: String::new(),
                    who: Vec::new(),
                    when: Default::default(),
                    place: String::new(),
                    status: StepStatus::Proposed,
                    condition: String::new(),
                    evidence: Vec::new(),
                    suggested: false,
                }));
                self.cite_target = Some(CiteTarget::NextStep(n - 1));
            }
        });
        let selected = match self.cite_target {
            Some(CiteTarget::NextStep(i)) => Some(i),
            _ => None,
        };
        let row_height = ui.spacing().interact_size.y + 6.0;
        egui::ScrollArea::vertical()
            .id_salt("steps")
            .max_height(ui.available_height() * 0.55)
            .show_rows(ui, row_height, steps.len(), |ui, rows| {
                for i in rows {
                    let s = &steps[i];
                    let mut x = s.clone();
                    ui.horizontal(|ui| {
                        if ui
                            .selectable_label(selected == Some(i), format!("{:>3}", i + 1))
                            .on_hover_text("Edit this next step and cite into it")
                            .clicked()
                        {
                            self.cite_target = Some(CiteTarget::NextStep(i));
                        }
                        if x.suggested {
                            self.suggested_badge(ui, Table::NextSteps, i);
                        }
                        // The row's other controls take about 570 points; "what" gets the rest,
                        // so the status and row buttons stay inside a narrow centre panel.
                        let what_width = (ui.available_width() - 570.0).clamp(120.0, 360.0);
                        ui.add(
                            egui::TextEdit::singleline(&mut x.what)
                                .desired_width(what_width)
                                .hint_text("What happens"),
                        )
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::TextInput,
                                true,
                                format!("Next step {} what", i + 1),
                            )
                        });
                        let who: Vec<String> = x
                            .who
                            .iter()
                            .map(|id| {
                                actors
                                    .iter()
                                    .find(|a| &a.0 == id)
                                    .map_or_else(|| format!("? {id}"), |a| a.1.clone())
                            })
                            .collect();
                        ui.menu_button(
                            short(
                                &if who.is_empty() {
                                    "who?".to_owned()
                                } else {
                                    who.join(", ")
                                },
                                20,
                            ),
                            |ui| {
                                for (id, name) in &actors {
                                    let mut on = x.who.contains(id);
                                    if ui.checkbox(&mut on, name).changed() {
                                        if on {
                                            x.who.push(id.clone())
                                        } else {
                                            x.who.retain(|w| w != id)
                                        }
                                    }
                                }
                            },
                        );
                        // Without a phrase the resolved date still says when.
                        let when_hint = x
                            .when
                            .resolved_text()
                            .unwrap_or_else(|| "when, as written".to_owned());
                        ui.add(
                            egui::TextEdit::singleline(&mut x.when.phrase)
                                .desired_width(130.0)
                                .hint_text(when_hint),
                        )
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(
                                egui::Role::TextInput,
                                true,
                                format!("Next step {} when", i + 1),
                            )
                        });
                        combo(
                            ui,
                            ("s-status", i),
                            "Status",
                            &mut x.status,
                            &StepStatus::ALL,
                            |s| s.label().to_owned(),
                        );
                        ui.label(RichText::new(format!("[{}]", x.evidence.len())).small());
                        self.row_buttons(ui, Table::NextSteps, i, steps.len());
                    });
                    if x != *s {
                        self.edit(Edit::SetNextStep(i, x));
                    }
                }
            });
        ui.separator();
        if let Some(i) = selected
            && let Some(s) = steps.get(i)
        {
            let mut x = s.clone();
            ui.label(
                RichText::new(format!("Next step {}: {}", i + 1, short(&s.what, 80))).strong(),
            );
            ui.horizontal(|ui| {
                labelled_text(ui, "Where", &mut x.place, 200.0);
                labelled_text(ui, "Condition", &mut x.condition, 320.0);
            });
            ui.horizontal(|ui| {
                if let Some(date) =
                    date_field(ui, egui::Id::unique(("from", i)), "From", x.when.from)
                {
                    x.when.from = date;
                }
                if let Some(date) = date_field(ui, egui::Id::unique(("to", i)), "To", x.when.to) {
                    x.when.to = date;
                }
                ui.label("Qualifier");
                combo(
                    ui,
                    ("qualifier", i),
                    "Qualifier",
                    &mut x.when.qualifier,
                    &TimeQualifier::ALL,
                    |q| q.label().to_owned(),
                );
            });
            ui.label("Evidence (select words in the source reader, then “Cite selection”):");
            self.evidence_chips(ui, CiteTarget::NextStep(i), &s.evidence);
            self.field_problems(ui, &format!("next_steps[{i}]"));
            if x != *s {
                self.edit(Edit::SetNextStep(i, x));
            }
        }
    }

    fn modals(&mut self, ctx: &egui::Context) {
        let Some(modal) = self.modal.take() else {
            return;
        };
        let mut keep = true;
        let response = egui::Modal::new(egui::Id::unique("modal")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            match &modal {
                Modal::UnsavedChanges(after) => {
                    ui.heading("Unsaved changes");
                    ui.label("This brief has changes that are not saved.");
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            keep = false;
                            if self.save() {
                                self.continue_after(after.clone(), ctx);
                            }
                        }
                        if ui.button("Discard").clicked() {
                            keep = false;
                            self.discard_recovery();
                            if let Some(open) = &mut self.open {
                                open.brief = open.saved.clone();
                            }
                            self.continue_after(after.clone(), ctx);
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                }
                Modal::Conflict => {
                    ui.heading("Changed on disk");
                    ui.label("Someone else changed this brief's file since you opened it. Overwrite their version, or keep editing and save under another name?");
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            keep = false;
                            self.save_overwriting();
                        }
                        if ui.button("Save as…").clicked() {
                            keep = false;
                            self.save_as();
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                }
                Modal::Restore(recovered) => {
                    ui.heading("Restore unsaved changes?");
                    ui.label(format!("Briefdesk kept edits to this brief that were not saved (last changed {}).", recovered.meta.updated));
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            keep = false;
                            self.restore((**recovered).clone());
                        }
                        if ui.button("Discard").clicked() {
                            keep = false;
                            self.discard_recovery();
                        }
                    });
                }
                Modal::NewBrief { title, template } => {
                    let mut title = title.clone();
                    let mut template = *template;
                    ui.heading("New brief");
                    let l = ui.label("Title");
                    ui.add(egui::TextEdit::singleline(&mut title)).labelled_by(l.id);
                    ui.label("Template");
                    for t in Template::ALL {
                        ui.radio_value(&mut template, t, t.label());
                    }
                    let mut done = false;
                    ui.horizontal(|ui| {
                        if ui.add_enabled(!title.trim().is_empty(), egui::Button::new("Create")).clicked() {
                            done = true;
                        }
                        if ui.button("Cancel").clicked() {
                            keep = false;
                        }
                    });
                    if done {
                        keep = false;
                        self.create_brief(&title, template);
                    } else if keep {
                        self.modal = Some(Modal::NewBrief { title, template });
                    }
                }
                Modal::Shortcuts => {
                    ui.heading("Keyboard shortcuts");
                    egui::Grid::new("shortcuts").show(ui, |ui| {
                        for c in Command::ALL {
                            if let Some(s) = c.shortcut() {
                                ui.label(c.label());
                                ui.label(ctx.format_shortcut(&s));
                                ui.end_row();
                            }
                        }
                    });
                    if ui.button("Close").clicked() {
                        keep = false;
                    }
                }
                Modal::About => {
                    ui.heading(format!("Briefdesk {}", env!("CARGO_PKG_VERSION")));
                    ui.label("Compose sourced briefing notes from article summaries, offline.");
                    ui.label("Fonts: DejaVu Sans Condensed (Bitstream Vera licence).");
                    if ui.button("Close").clicked() {
                        keep = false;
                    }
                }
            }
        });
        if response.should_close()
            && !matches!(
                modal,
                Modal::UnsavedChanges(_) | Modal::Restore(_) | Modal::Conflict
            )
        {
            keep = false;
        }
        if keep && self.modal.is_none() {
            self.modal = Some(modal);
        }
    }
}

/// "1 error, 2 warnings".
fn count_problems(errors: usize, warnings: usize) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    format!(
        "{errors} error{}, {warnings} warning{}",
        plural(errors),
        plural(warnings)
    )
}

fn short(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// The app in a real window: reports launch-to-first-frame time and takes a screenshot on request.
pub struct Windowed {
    app: BriefdeskApp,
    screenshot: Option<PathBuf>,
    started: std::time::Instant,
    frames: u32,
    shot: Arc<Mutex<Option<Arc<egui::ColorImage>>>>,
}

impl Windowed {
    pub fn new(
        app: BriefdeskApp,
        screenshot: Option<PathBuf>,
        started: std::time::Instant,
    ) -> Self {
        Self {
            app,
            screenshot,
            started,
            frames: 0,
            shot: Arc::new(Mutex::new(None)),
        }
    }
}

impl eframe::App for Windowed {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 1 {
            eprintln!(
                "briefdesk: first frame {} ms after launch",
                self.started.elapsed().as_millis()
            );
        }
        self.app.ui(ui);
        let Some(path) = self.screenshot.clone() else {
            return;
        };
        let ctx = ui.ctx().clone();
        if self.frames == 5 {
            let slot = self.shot.clone();
            let repaint = ctx.clone();
            ctx.request_screenshot(move |image| {
                if let Ok(mut slot) = slot.lock() {
                    *slot = Some(image);
                }
                repaint.request_repaint();
            });
        }
        ctx.request_repaint();
        let taken = self.shot.lock().ok().and_then(|mut s| s.take());
        if let Some(image) = taken {
            match write_png(&path, &image) {
                Ok(()) => eprintln!("briefdesk: saved screenshot {}", path.display()),
                Err(err) => eprintln!(
                    "briefdesk: cannot save screenshot {}: {err}",
                    path.display()
                ),
            }
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let [w, h] = image.size;
    let mut bytes = Vec::with_capacity(w * h * 4);
    for pixel in &image.pixels {
        bytes.extend_from_slice(&pixel.to_array());
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, w as u32, h as u32);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(&bytes).map_err(|e| e.to_string())?;
    }
    crate::storage::replace_file(path, &out, false).map_err(|e| e.to_string())
}

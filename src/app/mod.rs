//! The desktop app (eframe/egui): workspace, structured brief editor, source reader with
//! citing, live PDF preview, undo/redo, autosave and recovery.
//!
//! [`BriefdeskApp::ui`] is the whole app; eframe calls it for the real window and egui_kittest
//! calls it in tests, so tests drive the real app. State changes go through
//! [`history::Edit`]s; the desktop's edges (file dialogs, clock) are injected.

mod analyst;
pub mod commands;
pub mod history;
pub mod preview;
pub mod recovery;
pub mod seams;
pub mod suggest;
mod view;

use crate::layout::{self, LayoutOptions};
use crate::model::{
    Brief, Clock, Context, Diagnostic, Severity, Timestamp, template::Template, validate,
    validate_in,
};
use crate::storage::{self, Fingerprint, SaveError, Workspace};
use commands::Command;
use eframe::egui;
use history::{CiteTarget, Edit, History, seconds};
use seams::FileDialogs;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

/// The central views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Editor,
    Positions,
    NextSteps,
    /// Actors × issues: who stands where.
    Matrix,
    /// Next steps on a date axis.
    Timeline,
    Preview,
}

/// A brief open for editing.
pub struct OpenBrief {
    pub path: PathBuf,
    pub brief: Brief,
    /// The brief as last loaded or saved, to tell whether there are unsaved changes.
    saved: Brief,
    fingerprint: Option<Fingerprint>,
    pub history: History,
    /// Bumped on every change; the preview and autosave follow it.
    pub revision: u64,
    autosaved_revision: u64,
    pub diagnostics: Vec<Diagnostic>,
}

impl OpenBrief {
    fn new(path: PathBuf, brief: Brief, fingerprint: Option<Fingerprint>) -> Self {
        let diagnostics = validate(&brief);
        Self {
            path,
            saved: brief.clone(),
            brief,
            fingerprint,
            history: History::default(),
            revision: 0,
            autosaved_revision: 0,
            diagnostics,
        }
    }

    pub fn is_dirty(&self) -> bool {
        self.brief != self.saved
    }
}

/// A row of the workspace list.
pub struct Entry {
    pub path: PathBuf,
    pub summary: Result<BriefSummary, String>,
}

pub struct BriefSummary {
    pub title: String,
    pub reference: String,
    pub date: String,
    pub marking: String,
    pub status: String,
}

/// A message for the user in the status bar and the notification list.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

/// What to do once the user has answered "Save / Discard / Cancel".
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSave {
    Open(PathBuf),
    NewBrief,
    OpenWorkspace(PathBuf),
    Quit,
}

/// Dialogs inside the window.
pub enum Modal {
    UnsavedChanges(AfterSave),
    Conflict,
    Restore(Box<Brief>),
    NewBrief { title: String, template: Template },
    Shortcuts,
    About,
}

/// Work running off the UI thread.
enum JobResult {
    Exported {
        path: PathBuf,
        pages: usize,
        warnings: Vec<String>,
    },
    Imported {
        imported: usize,
        errors: Vec<String>,
    },
    Suggested {
        source: crate::model::SourceId,
        items: Box<crate::analysis::Suggestions>,
    },
    Failed(String),
}

struct Job {
    label: String,
    receiver: mpsc::Receiver<JobResult>,
}

/// The source reader's state.
#[derive(Default)]
pub struct Reader {
    /// Index into the open brief's sources.
    pub source: usize,
    /// The selected text as a byte range of the source text.
    pub selection: Option<(usize, usize)>,
}

/// How often unsaved edits are written to the recovery file, in seconds.
pub const AUTOSAVE_SECS: i64 = 5;

/// The text digests of one article file, as of its modification time.
pub struct ArticleDigests {
    modified: Option<std::time::SystemTime>,
    pub digests: Vec<String>,
}

pub struct BriefdeskApp {
    pub root: PathBuf,
    pub entries: Vec<Entry>,
    pub articles: Vec<PathBuf>,
    /// The SHA-256 of each article file's text (several for a feed, none for a file that does
    /// not import), so the library can tell which ones the open brief cites. Kept by path and
    /// modification time: a rescan after every save re-reads only new or changed files.
    pub article_digests: HashMap<PathBuf, ArticleDigests>,
    pub open: Option<OpenBrief>,
    pub view: View,
    pub notices: Vec<Notice>,
    pub filter: String,
    pub reader: Reader,
    pub cite_target: Option<CiteTarget>,
    pub modal: Option<Modal>,
    pub dark: bool,
    pub find: Option<String>,
    /// Time of the last autosave, for the status bar.
    pub last_autosave: Option<Timestamp>,
    /// A field to scroll to and highlight (a diagnostic's path).
    pub focus_path: Option<String>,
    /// Workspaces opened before, most recent first.
    pub recent: Vec<PathBuf>,
    /// Where the recent list is kept; `None` keeps it in memory only (tests).
    recent_file: Option<PathBuf>,
    /// What the drafting assistant proposes for the source in the reader.
    pub suggestions: Option<suggest::SuggestionList>,
    /// The "Paste article" box, while open.
    pub paste: Option<String>,
    dialogs: Box<dyn FileDialogs>,
    clock: Box<dyn Clock>,
    jobs: Vec<Job>,
    preview: Option<(u64, layout::Document)>,
    /// When the open brief last changed, to lay it out again once typing pauses.
    last_change: Option<std::time::Instant>,
    last_autosave_secs: i64,
    fonts_installed: bool,
    quit: bool,
}

impl BriefdeskApp {
    /// The app on `root`, with the first brief in it open.
    pub fn new(
        root: impl Into<PathBuf>,
        dialogs: Box<dyn FileDialogs>,
        clock: Box<dyn Clock>,
    ) -> Self {
        let last_autosave_secs = seconds(clock.now());
        let mut app = Self {
            root: root.into(),
            entries: Vec::new(),
            articles: Vec::new(),
            article_digests: HashMap::new(),
            open: None,
            view: View::Editor,
            notices: Vec::new(),
            filter: String::new(),
            reader: Reader::default(),
            cite_target: None,
            modal: None,
            dark: false,
            find: None,
            last_autosave: None,
            focus_path: None,
            recent: Vec::new(),
            recent_file: None,
            suggestions: None,
            paste: None,
            dialogs,
            clock,
            jobs: Vec::new(),
            preview: None,
            last_change: None,
            last_autosave_secs,
            fonts_installed: false,
            quit: false,
        };
        app.rescan();
        if let Some(first) = app
            .entries
            .iter()
            .find(|e| e.summary.is_ok())
            .map(|e| e.path.clone())
        {
            app.open_brief(&first);
        }
        app
    }

    pub fn notify(&mut self, text: impl Into<String>, error: bool) {
        self.notices.push(Notice {
            text: text.into(),
            error,
        });
        if self.notices.len() > 50 {
            self.notices.remove(0);
        }
    }

    /// Re-reads the workspace folder.
    pub fn rescan(&mut self) {
        match Workspace::open(&self.root).and_then(|ws| Ok((ws.scan()?, ws.article_paths()))) {
            Ok((entries, articles)) => {
                self.entries = entries
                    .into_iter()
                    .map(|entry| Entry {
                        summary: entry
                            .result
                            .map(|loaded| summarise(&loaded.brief))
                            .map_err(|e| e.to_string()),
                        path: entry.path,
                    })
                    .collect();
                let mut known = std::mem::take(&mut self.article_digests);
                for path in &articles {
                    let modified = std::fs::metadata(path).and_then(|m| m.modified()).ok();
                    let digests = match known.remove(path) {
                        Some(kept) if kept.modified == modified => kept,
                        _ => ArticleDigests {
                            modified,
                            digests: crate::import::import_file(path)
                                .map(|found| found.into_iter().map(|a| a.sha256).collect())
                                .unwrap_or_default(),
                        },
                    };
                    self.article_digests.insert(path.clone(), digests);
                }
                self.articles = articles;
            }
            Err(err) => {
                self.entries.clear();
                let text = format!("cannot open workspace {}: {err}", self.root.display());
                self.notify(text, true);
            }
        }
    }

    /// Opens a brief, asking first if the current one has unsaved changes.
    pub fn request_open(&mut self, path: &Path) {
        if self.open.as_ref().is_some_and(OpenBrief::is_dirty) {
            self.modal = Some(Modal::UnsavedChanges(AfterSave::Open(path.to_path_buf())));
        } else {
            self.open_brief(path);
        }
    }

    fn open_brief(&mut self, path: &Path) {
        match storage::load(path) {
            Ok(loaded) => {
                let pending = recovery::pending(path, Some(&loaded.brief));
                self.open = Some(OpenBrief::new(
                    loaded.path,
                    loaded.brief,
                    loaded.fingerprint,
                ));
                self.reader = Reader::default();
                self.cite_target = None;
                self.preview = None;
                if let Some(recovered) = pending {
                    self.modal = Some(Modal::Restore(Box::new(recovered)));
                }
            }
            Err(err) => self.notify(err.to_string(), true),
        }
    }

    /// Applies one named edit to the open brief.
    pub fn edit(&mut self, edit: Edit) {
        let now = self.clock.now();
        if let Some(open) = &mut self.open {
            open.history.apply(&mut open.brief, edit, now);
            open.brief.meta.updated = now;
            self.changed();
        }
    }

    fn changed(&mut self) {
        let body_pages = self.preview.as_ref().map(|(_, doc)| doc.body_pages());
        self.last_change = Some(std::time::Instant::now());
        if let Some(open) = &mut self.open {
            open.revision += 1;
            // The page count is the last layout's until the next one (see `refresh_layout`).
            open.diagnostics = validate_in(&open.brief, &Context { body_pages });
        }
    }

    /// Whether the open brief has changed since it was last laid out.
    pub fn layout_pending(&self) -> bool {
        self.open.as_ref().is_some_and(|open| {
            self.preview
                .as_ref()
                .is_none_or(|(rev, _)| *rev != open.revision)
        })
    }

    /// Lays the open brief out again once typing pauses, so the preview and the two-page check
    /// follow the brief without laying out a long brief on every keystroke.
    pub fn refresh_layout(&mut self) {
        let idle_for = self
            .last_change
            .map_or(std::time::Duration::MAX, |t| t.elapsed());
        if !self.layout_pending() || idle_for < std::time::Duration::from_millis(300) {
            return;
        }
        let pages = self.preview_document().map(layout::Document::body_pages);
        if let Some(open) = &mut self.open {
            open.diagnostics = validate_in(&open.brief, &Context { body_pages: pages });
        }
    }

    pub fn undo(&mut self) {
        if let Some(open) = &mut self.open
            && let Some(label) = open.history.undo(&mut open.brief)
        {
            self.changed();
            self.notify(format!("Undid {label}"), false);
        }
    }

    pub fn redo(&mut self) {
        if let Some(open) = &mut self.open
            && let Some(label) = open.history.redo(&mut open.brief)
        {
            self.changed();
            self.notify(format!("Redid {label}"), false);
        }
    }

    /// Saves the open brief; a file changed on disk since it was loaded is not overwritten.
    pub fn save(&mut self) -> bool {
        let Some(open) = &mut self.open else {
            return false;
        };
        match storage::save(&open.path, &open.brief, open.fingerprint.as_ref()) {
            Ok(fingerprint) => {
                open.fingerprint = Some(fingerprint);
                open.saved = open.brief.clone();
                open.history.seal();
                recovery::clear(&open.path);
                let text = format!("Saved {}", open.path.display());
                self.notify(text, false);
                self.rescan();
                true
            }
            Err(SaveError::Conflict { .. }) => {
                self.modal = Some(Modal::Conflict);
                false
            }
            Err(err) => {
                self.notify(err.to_string(), true);
                false
            }
        }
    }

    /// Saves over whatever is on disk (after the user chose to in the conflict dialog).
    pub fn save_overwriting(&mut self) -> bool {
        if let Some(open) = &mut self.open {
            open.fingerprint = std::fs::read(&open.path)
                .ok()
                .map(|bytes| Fingerprint::of(&bytes));
        }
        self.save()
    }

    pub fn save_as(&mut self) {
        let Some(open) = &self.open else { return };
        let name = format!(
            "{}.ron",
            storage::naming::file_stem_for_title(&open.brief.meta.title)
        );
        let Some(path) = self.dialogs.save_brief(&self.root, &name) else {
            return;
        };
        let fingerprint = std::fs::read(&path).ok().map(|b| Fingerprint::of(&b));
        if let Some(open) = &mut self.open {
            open.path = path;
            open.fingerprint = fingerprint;
        }
        self.save();
    }

    /// Creates a brief from a template in the workspace and opens it.
    pub fn create_brief(&mut self, title: &str, template: Template) {
        let now = self.clock.now();
        let result = Workspace::open(&self.root)
            .map_err(|e| e.to_string())
            .and_then(|ws| {
                let brief =
                    template.instantiate(title.trim(), &ws.next_reference(now.date.year), now);
                ws.create(&brief).map_err(|e| e.to_string())
            });
        match result {
            Ok((path, _)) => {
                self.rescan();
                self.open_brief(&path);
                self.notify(format!("Created {}", path.display()), false);
            }
            Err(err) => self.notify(format!("cannot create the brief: {err}"), true),
        }
    }

    /// Exports the open brief to a PDF chosen in the save dialog, off the UI thread.
    pub fn export_pdf(&mut self) {
        let Some(open) = &self.open else { return };
        let suggested = open.path.with_extension("pdf");
        let Some(target) = self.dialogs.save_pdf(&suggested) else {
            return;
        };
        let brief = open.brief.clone();
        let (sender, receiver) = mpsc::channel();
        let label = format!("Exporting {}", target.display());
        std::thread::spawn(move || {
            let result = match crate::pdf::export_brief(&brief, &LayoutOptions::default()) {
                Ok(exported) => match storage::replace_file(&target, &exported.bytes, false) {
                    Ok(()) => JobResult::Exported {
                        path: target,
                        pages: exported.pages,
                        warnings: exported.warnings.iter().map(ToString::to_string).collect(),
                    },
                    Err(err) => {
                        JobResult::Failed(format!("cannot write {}: {err}", target.display()))
                    }
                },
                Err(err) => JobResult::Failed(format!("cannot export: {err}")),
            };
            let _ = sender.send(result);
        });
        self.jobs.push(Job { label, receiver });
    }

    /// Collects finished background work.
    pub fn poll_jobs(&mut self) {
        let mut finished = Vec::new();
        self.jobs.retain(|job| match job.receiver.try_recv() {
            Ok(result) => {
                finished.push(result);
                false
            }
            Err(mpsc::TryRecvError::Empty) => true,
            Err(mpsc::TryRecvError::Disconnected) => {
                finished.push(JobResult::Failed(format!(
                    "{} stopped unexpectedly",
                    job.label
                )));
                false
            }
        });
        for result in finished {
            match result {
                JobResult::Exported {
                    path,
                    pages,
                    warnings,
                } => {
                    self.notify(
                        format!("Exported {} ({pages} pages)", path.display()),
                        false,
                    );
                    for warning in warnings {
                        self.notify(format!("{}: {warning}", path.display()), true);
                    }
                }
                JobResult::Imported { imported, errors } => {
                    for err in errors {
                        self.notify(err, true);
                    }
                    if imported > 0 {
                        let plural = if imported == 1 { "" } else { "s" };
                        self.notify(format!("Imported {imported} article{plural}"), false);
                        self.rescan();
                    }
                }
                JobResult::Suggested { source, items } => self.show_suggestions(source, *items),
                JobResult::Failed(err) => self.notify(err, true),
            }
        }
    }

    /// Waits for background work to finish (tests and quitting).
    pub fn wait_for_jobs(&mut self) {
        while !self.jobs.is_empty() {
            std::thread::sleep(std::time::Duration::from_millis(5));
            self.poll_jobs();
        }
    }

    pub fn busy(&self) -> Option<&str> {
        self.jobs.first().map(|j| j.label.as_str())
    }

    /// Writes unsaved edits to the recovery file when they are older than the autosave period.
    pub fn autosave(&mut self) {
        let now = self.clock.now();
        if seconds(now) - self.last_autosave_secs < AUTOSAVE_SECS {
            return;
        }
        self.last_autosave_secs = seconds(now);
        let Some(open) = &mut self.open else { return };
        if !open.is_dirty() || open.autosaved_revision == open.revision {
            return;
        }
        match recovery::write(&open.path, &open.brief) {
            Ok(_) => {
                open.autosaved_revision = open.revision;
                self.last_autosave = Some(now);
            }
            Err(err) => self.notify(format!("autosave failed: {err}"), true),
        }
    }

    /// Replaces the open brief with recovered edits (kept unsaved).
    pub fn restore(&mut self, recovered: Brief) {
        let now = self.clock.now();
        if let Some(open) = &mut self.open {
            open.history
                .apply(&mut open.brief, Edit::Restore(Box::new(recovered)), now);
            self.changed();
            self.notify("Restored unsaved changes from the recovery file", false);
        }
    }

    pub fn discard_recovery(&mut self) {
        if let Some(open) = &self.open {
            recovery::clear(&open.path);
        }
    }

    /// The laid-out pages of the open brief, recomputed when it changed.
    pub fn preview_document(&mut self) -> Option<&layout::Document> {
        let open = self.open.as_ref()?;
        if self
            .preview
            .as_ref()
            .is_none_or(|(rev, _)| *rev != open.revision)
        {
            let doc = layout::layout_brief(&open.brief, &LayoutOptions::default());
            self.preview = Some((open.revision, doc));
        }
        self.preview.as_ref().map(|(_, doc)| doc)
    }

    pub fn run_command(&mut self, command: Command, ctx: &egui::Context) {
        match command {
            Command::NewBrief => {
                if self.open.as_ref().is_some_and(OpenBrief::is_dirty) {
                    self.modal = Some(Modal::UnsavedChanges(AfterSave::NewBrief));
                } else {
                    self.modal = Some(Modal::NewBrief {
                        title: String::new(),
                        template: Template::ForInformation,
                    });
                }
            }
            Command::OpenWorkspace => {
                if let Some(dir) = self.dialogs.pick_workspace() {
                    self.request_workspace(dir);
                }
            }
            Command::ImportArticles => {
                let files = self.dialogs.pick_articles();
                self.import_articles(&files);
            }
            Command::Save => {
                self.save();
            }
            Command::SaveAs => self.save_as(),
            Command::ExportPdf => self.export_pdf(),
            Command::Quit => self.request_quit(ctx),
            Command::Undo => self.undo(),
            Command::Redo | Command::RedoAlt => self.redo(),
            Command::Find => self.find = Some(self.find.take().unwrap_or_default()),
            Command::ShowEditor => self.view = View::Editor,
            Command::ShowPositions => self.view = View::Positions,
            Command::ShowNextSteps => self.view = View::NextSteps,
            Command::ShowMatrix => self.view = View::Matrix,
            Command::ShowTimeline => self.view = View::Timeline,
            Command::ShowPreview => self.view = View::Preview,
            Command::ToggleTheme => self.dark = !self.dark,
            Command::Shortcuts => self.modal = Some(Modal::Shortcuts),
            Command::About => self.modal = Some(Modal::About),
        }
    }

    /// Keeps the recent-workspaces list in `file` (one path per line) and records this one.
    pub fn with_recent_file(mut self, file: PathBuf) -> Self {
        if let Ok(text) = std::fs::read_to_string(&file) {
            self.recent = text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(PathBuf::from)
                .collect();
        }
        self.recent_file = Some(file);
        self.remember_workspace();
        self
    }

    fn remember_workspace(&mut self) {
        let root = std::fs::canonicalize(&self.root).unwrap_or_else(|_| self.root.clone());
        self.recent.retain(|p| p != &root);
        self.recent.insert(0, root);
        self.recent.truncate(8);
        if let Some(file) = &self.recent_file {
            let text: String = self
                .recent
                .iter()
                .map(|p| format!("{}\n", p.display()))
                .collect();
            let written = file
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| storage::replace_file(file, text.as_bytes(), false));
            if let Err(err) = written {
                let message = format!(
                    "cannot remember recent workspaces in {}: {err}",
                    file.display()
                );
                self.notify(message, true);
            }
        }
    }

    /// Opens another workspace, asking first about unsaved changes.
    pub fn request_workspace(&mut self, dir: PathBuf) {
        if self.open.as_ref().is_some_and(OpenBrief::is_dirty) {
            self.modal = Some(Modal::UnsavedChanges(AfterSave::OpenWorkspace(dir)));
        } else {
            self.switch_workspace(dir);
        }
    }

    pub fn switch_workspace(&mut self, dir: PathBuf) {
        self.root = dir;
        self.remember_workspace();
        self.open = None;
        self.preview = None;
        self.rescan();
        if let Some(first) = self
            .entries
            .iter()
            .find(|e| e.summary.is_ok())
            .map(|e| e.path.clone())
        {
            self.open_brief(&first);
        }
    }

    /// Imports article files (text, Markdown, HTML, feeds) into the workspace's `articles/`
    /// library, off the UI thread; each failure is reported with its file and problem.
    pub fn import_articles(&mut self, files: &[PathBuf]) {
        if files.is_empty() {
            return;
        }
        let dir = self.root.join(storage::ARTICLES_DIR);
        let files = files.to_vec();
        let (sender, receiver) = mpsc::channel();
        let label = format!(
            "Importing {} file{}",
            files.len(),
            if files.len() == 1 { "" } else { "s" }
        );
        std::thread::spawn(move || {
            let mut imported = 0;
            let mut errors = Vec::new();
            for file in &files {
                match crate::import::import_file(file) {
                    Ok(articles) => {
                        for article in &articles {
                            match storage::store_article(&dir, article) {
                                Ok(_) => imported += 1,
                                Err(err) => errors.push(format!(
                                    "cannot store an article from {}: {err}",
                                    file.display()
                                )),
                            }
                        }
                    }
                    Err(err) => errors.push(format!("cannot import {err}")),
                }
            }
            let _ = sender.send(JobResult::Imported { imported, errors });
        });
        self.jobs.push(Job { label, receiver });
    }

    /// Imports pasted text as an article and adds it to the open brief as a source.
    pub fn import_pasted(&mut self, text: &str) {
        match crate::import::import_bytes("clipboard.txt", text.as_bytes()) {
            Ok(articles) => {
                let dir = self.root.join(storage::ARTICLES_DIR);
                for article in articles {
                    if let Err(err) = storage::store_article(&dir, &article) {
                        self.notify(format!("cannot store the pasted article: {err}"), true);
                    }
                    self.add_source_from(&article);
                }
                self.rescan();
            }
            Err(err) => self.notify(format!("cannot import the pasted text: {err}"), true),
        }
    }

    /// Adds an article to the open brief as a source snapshot and shows it in the reader.
    pub fn add_source_from(&mut self, article: &crate::model::Article) {
        let Some(open) = &self.open else { return };
        let base = crate::model::slug(if article.title.is_empty() {
            "source"
        } else {
            &article.title
        });
        let id = crate::model::unique_slug(base, |c| {
            open.brief.sources.iter().any(|s| s.id.as_str() == c)
        });
        let source = article.to_source(crate::model::SourceId::new(id), Some(self.now().date));
        self.edit(Edit::AddSource(source));
        if let Some(open) = &self.open {
            self.reader.source = open.brief.sources.len().saturating_sub(1);
        }
        self.suggestions = None;
    }

    fn request_quit(&mut self, ctx: &egui::Context) {
        if self.open.as_ref().is_some_and(OpenBrief::is_dirty) {
            self.modal = Some(Modal::UnsavedChanges(AfterSave::Quit));
        } else {
            self.quit = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Carries out what was waiting on the Save / Discard / Cancel question.
    fn continue_after(&mut self, action: AfterSave, ctx: &egui::Context) {
        match action {
            AfterSave::Open(path) => self.open_brief(&path),
            AfterSave::NewBrief => {
                self.modal = Some(Modal::NewBrief {
                    title: String::new(),
                    template: Template::ForInformation,
                })
            }
            AfterSave::OpenWorkspace(dir) => self.switch_workspace(dir),
            AfterSave::Quit => {
                self.quit = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    pub fn problem_counts(&self) -> (usize, usize) {
        self.open.as_ref().map_or((0, 0), |open| {
            let errors = open
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Error)
                .count();
            (errors, open.diagnostics.len() - errors)
        })
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}

fn summarise(brief: &Brief) -> BriefSummary {
    let meta = &brief.meta;
    BriefSummary {
        title: meta.title.clone(),
        reference: meta.reference.clone(),
        date: meta
            .issue_date
            .map_or_else(|| meta.updated.date.to_string(), |d| d.to_string()),
        marking: meta.marking.banner(),
        status: meta.status.label().to_owned(),
    }
}

impl eframe::App for BriefdeskApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui(ui);
    }
}

/// Why the window could not be opened.
pub fn run(workspace: PathBuf, screenshot: Option<PathBuf>, view: View) -> Result<(), String> {
    let started = std::time::Instant::now();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Briefdesk")
            .with_inner_size([1400.0, 860.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Briefdesk",
        options,
        Box::new(move |_cc| {
            let mut app = BriefdeskApp::new(
                workspace,
                Box::new(seams::NativeDialogs),
                Box::new(crate::system::SystemClock),
            );
            if let Some(file) = recent_workspaces_file() {
                app = app.with_recent_file(file);
            }
            app.view = view;
            if view == View::Positions
                && app
                    .open
                    .as_ref()
                    .is_some_and(|o| !o.brief.positions.is_empty())
            {
                app.cite_target = Some(CiteTarget::Position(0));
            }
            Ok(Box::new(view::Windowed::new(app, screenshot, started)))
        }),
    )
    .map_err(|e| e.to_string())
}

pub use view::install_fonts;

/// `$XDG_CONFIG_HOME/briefdesk/recent-workspaces` (or under `~/.config`).
fn recent_workspaces_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("briefdesk").join("recent-workspaces"))
}

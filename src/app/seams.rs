//! The app's edges to the desktop, behind small traits so tests need no desktop: file dialogs.
//! (The clock seam is `model::Clock`.)

use std::path::{Path, PathBuf};

/// Native file dialogs. Every method returns `None` when the user cancels.
pub trait FileDialogs {
    fn save_pdf(&mut self, suggested: &Path) -> Option<PathBuf>;
    fn save_brief(&mut self, folder: &Path, suggested_name: &str) -> Option<PathBuf>;
    fn pick_workspace(&mut self) -> Option<PathBuf>;
    fn pick_articles(&mut self) -> Vec<PathBuf>;
}

/// The real dialogs (rfd: XDG desktop portal on Linux).
pub struct NativeDialogs;

impl FileDialogs for NativeDialogs {
    fn save_pdf(&mut self, suggested: &Path) -> Option<PathBuf> {
        let mut dialog = rfd::FileDialog::new().add_filter("PDF", &["pdf"]);
        if let Some(dir) = suggested.parent() {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = suggested.file_name() {
            dialog = dialog.set_file_name(name.to_string_lossy());
        }
        dialog.save_file()
    }

    fn save_brief(&mut self, folder: &Path, suggested_name: &str) -> Option<PathBuf> {
        rfd::FileDialog::new()
            .add_filter("Brief", &["ron"])
            .set_directory(folder)
            .set_file_name(suggested_name)
            .save_file()
    }

    fn pick_workspace(&mut self) -> Option<PathBuf> {
        rfd::FileDialog::new().pick_folder()
    }

    fn pick_articles(&mut self) -> Vec<PathBuf> {
        rfd::FileDialog::new()
            .add_filter(
                "Articles",
                &["txt", "md", "html", "htm", "xml", "rss", "atom"],
            )
            .pick_files()
            .unwrap_or_default()
    }
}

/// Dialogs that answer from a script, for tests and headless runs.
#[derive(Default)]
pub struct ScriptedDialogs {
    pub pdf: Option<PathBuf>,
    pub brief: Option<PathBuf>,
    pub workspace: Option<PathBuf>,
    pub articles: Vec<PathBuf>,
}

impl FileDialogs for ScriptedDialogs {
    fn save_pdf(&mut self, _: &Path) -> Option<PathBuf> {
        self.pdf.clone()
    }
    fn save_brief(&mut self, _: &Path, _: &str) -> Option<PathBuf> {
        self.brief.clone()
    }
    fn pick_workspace(&mut self) -> Option<PathBuf> {
        self.workspace.clone()
    }
    fn pick_articles(&mut self) -> Vec<PathBuf> {
        self.articles.clone()
    }
}

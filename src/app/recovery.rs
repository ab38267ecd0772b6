//! Autosave: unsaved edits are written every few seconds to a recovery file beside the
//! workspace's briefs (never over the brief itself), and offered back after a crash.

use crate::model::Brief;
use crate::storage::{self, format};
use std::path::{Path, PathBuf};

/// Folder, inside the workspace, holding recovery files.
pub const RECOVERY_DIR: &str = ".briefdesk-recovery";

/// Where unsaved edits of the brief at `brief_path` are kept.
pub fn recovery_path(brief_path: &Path) -> Option<PathBuf> {
    let dir = brief_path.parent()?;
    let name = brief_path.file_name()?;
    Some(dir.join(RECOVERY_DIR).join(name))
}

/// Writes `brief` to its recovery file.
pub fn write(brief_path: &Path, brief: &Brief) -> Result<PathBuf, String> {
    let path = recovery_path(brief_path).ok_or("the brief has no folder")?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let text = format::encode(brief).map_err(|e| e.to_string())?;
    storage::replace_file(&path, text.as_bytes(), false)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// Unsaved edits left by an earlier session, if they differ from what is on disk.
pub fn pending(brief_path: &Path, on_disk: Option<&Brief>) -> Option<Brief> {
    let path = recovery_path(brief_path)?;
    if !path.exists() {
        return None;
    }
    match storage::load(&path) {
        Ok(loaded) if Some(&loaded.brief) != on_disk => Some(loaded.brief),
        _ => None,
    }
}

/// Forgets the recovery file once its content is saved or discarded.
pub fn clear(brief_path: &Path) {
    if let Some(path) = recovery_path(brief_path) {
        let _ = std::fs::remove_file(path);
    }
}

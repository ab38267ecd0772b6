//! Crash-safe file replacement: a write either lands whole or not at all, and the previous
//! content is kept in a small ring of backups beside the workspace.
//!
//! Invariant: at every instant the target path holds either the complete old content or the
//! complete new content (temporary file in the same folder, fsync, rename, fsync the folder).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Folder, inside the brief's folder, that keeps earlier versions of each brief.
pub const HISTORY_DIR: &str = ".briefdesk-history";

/// How many earlier versions of each brief are kept.
pub const HISTORY_DEPTH: usize = 5;

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// Where the `n`th previous version (1 = most recent) of `target` is kept.
pub fn backup_path(target: &Path, n: usize) -> Option<PathBuf> {
    let dir = target.parent()?;
    let name = target.file_name()?.to_string_lossy();
    Some(dir.join(HISTORY_DIR).join(format!("{name}.{n}")))
}

/// Replaces `target` with `bytes` atomically, keeping the old content as backup 1.
pub fn replace_file(target: &Path, bytes: &[u8], keep_backup: bool) -> io::Result<()> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file path"))?;
    let tmp = dir.join(format!(
        ".{}.{}-{}.tmp",
        name.to_string_lossy(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let result = write_synced(&tmp, bytes).and_then(|()| {
        if keep_backup && target.exists() {
            // A failed backup must not block the save itself: the new content matters more.
            let _ = rotate_backups(target);
        }
        fs::rename(&tmp, target)
    });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_dir(&dir);
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the rename itself durable; not all platforms can open a directory, so best effort.
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Shifts the ring up by one and links the current content in as backup 1.
///
/// A save killed part-way through a rotation can leave a gap in the ring; the gap is closed
/// first, so later saves never lose more history than the ring's depth.
fn rotate_backups(target: &Path) -> io::Result<()> {
    let Some(first) = backup_path(target, 1) else {
        return Ok(());
    };
    if let Some(history) = first.parent() {
        fs::create_dir_all(history)?;
    }
    let kept: Vec<PathBuf> = (1..=HISTORY_DEPTH)
        .filter_map(|n| backup_path(target, n))
        .filter(|path| path.exists())
        .collect();
    // Close gaps: moving towards lower numbers in ascending order never overwrites a backup.
    for (slot, from) in kept.iter().enumerate() {
        if let Some(to) = backup_path(target, slot + 1)
            && to != *from
        {
            fs::rename(from, to)?;
        }
    }
    for n in (1..=kept.len().min(HISTORY_DEPTH - 1)).rev() {
        if let (Some(from), Some(to)) = (backup_path(target, n), backup_path(target, n + 1)) {
            fs::rename(from, to)?;
        }
    }
    // A hard link is instant and atomic; copying is the fallback on file systems without links.
    if fs::hard_link(target, &first).is_err() {
        let bytes = fs::read(target)?;
        write_synced(&first, &bytes)?;
    }
    Ok(())
}

//! A workspace is a folder of briefs (`*.ron`) and the articles they draw on (`articles/`).
//!
//! Invariants: a corrupt brief never hides the others (each file is loaded on its own and
//! listed with its error); a save never overwrites a file that changed on disk since it was
//! loaded, nor one written by a newer Briefdesk.

use super::atomic::replace_file;
use super::error::{LoadError, LoadProblem, SaveError};
use super::format::{self, Decoded, FORMAT_VERSION, MAX_BRIEF_BYTES};
use super::locate::line_col;
use super::naming::file_stem_for_title;
use crate::model::Brief;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Folder inside a workspace that holds article files.
pub const ARTICLES_DIR: &str = "articles";

/// Identifies the exact bytes of a file as last seen, to detect changes made by someone else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint([u8; 32]);

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        Self(Sha256::digest(bytes).into())
    }
}

/// A brief loaded from disk, with what is needed to save it back safely.
#[derive(Clone, Debug)]
pub struct LoadedBrief {
    pub path: PathBuf,
    pub brief: Brief,
    /// The file's bytes when loaded (or last saved); `None` for a brief never saved.
    pub fingerprint: Option<Fingerprint>,
    /// The older format the file was migrated from, if it was.
    pub migrated_from: Option<u32>,
    /// The file's text when loaded, for locating diagnostics.
    pub text: String,
}

/// Reads a file, refusing anything larger than `limit` bytes before reading it all.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, LoadProblem> {
    let file = fs::File::open(path).map_err(LoadProblem::Io)?;
    let size = file.metadata().map_err(LoadProblem::Io)?.len();
    if size > limit {
        return Err(LoadProblem::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(LoadProblem::Io)?;
    if bytes.len() as u64 > limit {
        return Err(LoadProblem::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

fn text_of(bytes: Vec<u8>) -> Result<String, LoadProblem> {
    String::from_utf8(bytes).map_err(|err| {
        let offset = err.utf8_error().valid_up_to();
        let valid = String::from_utf8_lossy(&err.as_bytes()[..offset]).into_owned();
        let (line, column) = line_col(&valid, offset);
        LoadProblem::NotUtf8 {
            line,
            column,
            offset,
        }
    })
}

/// Loads one brief file.
pub fn load(path: &Path) -> Result<LoadedBrief, LoadError> {
    let wrap = |problem| LoadError {
        path: path.to_path_buf(),
        problem,
    };
    let bytes = read_bounded(path, MAX_BRIEF_BYTES).map_err(wrap)?;
    let fingerprint = Fingerprint::of(&bytes);
    let text = text_of(bytes).map_err(wrap)?;
    let Decoded {
        brief,
        migrated_from,
    } = format::decode(&text).map_err(wrap)?;
    Ok(LoadedBrief {
        path: path.to_path_buf(),
        brief,
        fingerprint: Some(fingerprint),
        migrated_from,
        text,
    })
}

/// Saves `brief` to `path` atomically.
///
/// `expected` is the fingerprint of the file as it was loaded; `None` means the file must not
/// exist yet. If the file on disk differs, nothing is written and [`SaveError::Conflict`] is
/// returned so the caller can ask the user. Returns the new fingerprint.
pub fn save(
    path: &Path,
    brief: &Brief,
    expected: Option<&Fingerprint>,
) -> Result<Fingerprint, SaveError> {
    let io_err = |error| SaveError::Io {
        path: path.to_path_buf(),
        error,
    };
    let on_disk = match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(io_err(err)),
    };
    if let Some(bytes) = &on_disk {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        if let Some(found) = format::sniff_format(&head)
            && found > FORMAT_VERSION
        {
            return Err(SaveError::NewerFormat {
                path: path.to_path_buf(),
                found,
            });
        }
    }
    let unchanged = match (&on_disk, expected) {
        (None, None) => true,
        (Some(bytes), Some(expected)) => Fingerprint::of(bytes) == *expected,
        _ => false,
    };
    if !unchanged {
        return Err(SaveError::Conflict {
            path: path.to_path_buf(),
        });
    }
    let text = format::encode(brief).map_err(|err| SaveError::Encode {
        path: path.to_path_buf(),
        message: err.to_string(),
    })?;
    if on_disk.as_deref() == Some(text.as_bytes()) {
        return Ok(Fingerprint::of(text.as_bytes()));
    }
    replace_file(path, text.as_bytes(), true).map_err(io_err)?;
    Ok(Fingerprint::of(text.as_bytes()))
}

/// One brief file found in a workspace: loaded, or broken with its error.
#[derive(Debug)]
pub struct WorkspaceEntry {
    pub path: PathBuf,
    pub result: Result<LoadedBrief, LoadError>,
}

/// A folder of briefs.
#[derive(Clone, Debug)]
pub struct Workspace {
    root: PathBuf,
}

impl Workspace {
    /// Opens an existing folder as a workspace.
    pub fn open(root: impl Into<PathBuf>) -> io::Result<Self> {
        let root = root.into();
        if !root.is_dir() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("{}: no such workspace folder", root.display()),
            ));
        }
        Ok(Self { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The brief files (`*.ron`, not hidden), sorted by name.
    pub fn brief_paths(&self) -> io::Result<Vec<PathBuf>> {
        let mut paths = Vec::new();
        for entry in fs::read_dir(&self.root)? {
            let path = entry?.path();
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let visible = name.is_some_and(|n| !n.starts_with('.'));
            if visible && path.extension().is_some_and(|e| e == "ron") && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        Ok(paths)
    }

    /// Loads every brief; broken files are listed with their error, not skipped.
    pub fn scan(&self) -> io::Result<Vec<WorkspaceEntry>> {
        Ok(self
            .brief_paths()?
            .into_iter()
            .map(|path| WorkspaceEntry {
                result: load(&path),
                path,
            })
            .collect())
    }

    /// The article files in `articles/`, sorted by name; empty if there is no such folder.
    pub fn article_paths(&self) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = fs::read_dir(self.root.join(ARTICLES_DIR))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        paths.sort();
        paths
    }

    /// A path for a new brief titled `title` that no file occupies yet.
    pub fn free_path_for(&self, title: &str) -> PathBuf {
        let stem = file_stem_for_title(title);
        let mut path = self.root.join(format!("{stem}.ron"));
        let mut n = 2;
        while path.exists() {
            path = self.root.join(format!("{stem}-{n}.ron"));
            n += 1;
        }
        path
    }

    /// Saves a new brief under a name derived from its title; never replaces an existing file.
    pub fn create(&self, brief: &Brief) -> Result<(PathBuf, Fingerprint), SaveError> {
        let path = self.free_path_for(&brief.meta.title);
        let fingerprint = save(&path, brief, None)?;
        Ok((path, fingerprint))
    }

    /// The next free registry reference `BN-YYYY-NNNN` for `year`, after those in the workspace.
    pub fn next_reference(&self, year: i32) -> String {
        let prefix = format!("BN-{year}-");
        let highest = self
            .scan()
            .unwrap_or_default()
            .iter()
            .filter_map(|e| e.result.as_ref().ok())
            .filter_map(|b| {
                b.brief
                    .meta
                    .reference
                    .strip_prefix(&prefix)?
                    .parse::<u32>()
                    .ok()
            })
            .max()
            .unwrap_or(0);
        format!("{prefix}{:04}", highest + 1)
    }
}

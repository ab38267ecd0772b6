//! Errors from reading and writing brief files. Every variant names the file; syntax errors
//! carry the line and column so an analyst can fix a hand-edited file.

use std::io;
use std::path::PathBuf;

/// What is wrong with a brief file's content.
#[derive(Debug, thiserror::Error)]
pub enum LoadProblem {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Io(io::Error),
    /// The file is larger than any real brief.
    #[error("the file is {size} bytes, more than the {limit}-byte limit for a brief")]
    TooLarge { size: u64, limit: u64 },
    /// The bytes are not UTF-8 text.
    #[error("{line}:{column}: the file is not valid UTF-8 text (byte {offset})")]
    NotUtf8 {
        line: usize,
        column: usize,
        offset: usize,
    },
    /// The text is not a valid brief.
    #[error("{line}:{column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Written by a newer Briefdesk; refusing to read it protects it from being overwritten.
    #[error(
        "written by a newer Briefdesk (format {found}; this version reads up to {supported}); update Briefdesk to open it"
    )]
    NewerFormat { found: u32, supported: u32 },
    /// A format number that no Briefdesk ever wrote.
    #[error("unknown brief format {found}")]
    UnknownFormat { found: u32 },
}

impl LoadProblem {
    /// Line and column of the problem, when it has one.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            Self::NotUtf8 { line, column, .. } | Self::Syntax { line, column, .. } => {
                Some((*line, *column))
            }
            _ => None,
        }
    }
}

/// A brief file that could not be loaded.
///
/// Displayed compiler-style, `path:line:col: message`, so editors and terminals can jump to it.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub problem: LoadProblem,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.problem.position() {
            Some(_) => write!(f, "{}:{}", self.path.display(), self.problem),
            None => write!(f, "{}: {}", self.path.display(), self.problem),
        }
    }
}

// No `source`: the message already ends with the reason, and an error chain would print
// it twice.
impl std::error::Error for LoadError {}

/// Why a save did not happen. In every case the file on disk is unchanged.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
    #[error("{}: cannot save: the brief cannot be written as RON: {message}", path.display())]
    Encode { path: PathBuf, message: String },
    /// Someone else changed (or created, or deleted) the file since it was loaded.
    #[error("{}: not saved: the file changed on disk since it was opened", path.display())]
    Conflict { path: PathBuf },
    /// The file on disk was written by a newer Briefdesk and must not be overwritten.
    #[error(
        "{}: not saved: the file on disk was written by a newer Briefdesk (format {found}) and is left untouched",
        path.display()
    )]
    NewerFormat { path: PathBuf, found: u32 },
}

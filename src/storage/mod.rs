//! Briefs on disk: the RON format and its versions, crash-safe saving with backups, conflict
//! detection, and workspaces (folders of briefs and articles).
//!
//! Architecture invariant: this is the only module that reads or writes brief files.

mod articles;
mod atomic;
mod error;
pub mod format;
pub mod locate;
pub mod naming;
mod workspace;

pub use articles::{Stored, store_article};
pub use atomic::{HISTORY_DEPTH, HISTORY_DIR, backup_path, replace_file};
pub use error::{LoadError, LoadProblem, SaveError};
pub use workspace::*;

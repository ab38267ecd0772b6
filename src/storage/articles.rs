//! The workspace's article library: imported articles kept as header text files in
//! `articles/`, one per article, never overwriting a different article of the same name.

use super::atomic::replace_file;
use super::naming::file_stem_for_title;
use crate::model::Article;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// What happened to one article put into the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    Added(PathBuf),
    /// The same text is already in the library under this file.
    AlreadyThere(PathBuf),
}

impl std::fmt::Display for Stored {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Added(path) => write!(f, "added {}", path.display()),
            Self::AlreadyThere(path) => write!(f, "already in the library: {}", path.display()),
        }
    }
}

/// Writes `article` into `dir` as `<title>.txt` (atomically), unless the library already holds
/// the same text.
pub fn store_article(dir: &Path, article: &Article) -> io::Result<Stored> {
    fs::create_dir_all(dir)?;
    let text = article.to_header_text();
    let stem = file_stem_for_title(&article.title);
    let mut n = 1;
    loop {
        let name = if n == 1 {
            format!("{stem}.txt")
        } else {
            format!("{stem}-{n}.txt")
        };
        let path = dir.join(name);
        match fs::read(&path) {
            Ok(existing) if existing == text.as_bytes() => return Ok(Stored::AlreadyThere(path)),
            Ok(_) => n += 1,
            Err(err) if err.kind() == io::ErrorKind::NotFound => {
                replace_file(&path, text.as_bytes(), false)?;
                return Ok(Stored::Added(path));
            }
            Err(err) => return Err(err),
        }
    }
}

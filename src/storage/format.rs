//! The on-disk form of a brief: a RON envelope `(format: N, brief: (..))`, pretty-printed with
//! a stable field order so that a git diff of two versions shows only what changed.
//!
//! Invariant: the writer only ever writes [`FORMAT_VERSION`]; older versions are migrated on
//! load by [`decode`]; a newer version is refused, never guessed at.

use super::error::LoadProblem;
use crate::model::Brief;
use serde::{Deserialize, Serialize};

/// The format version this build writes. Bump it, add a migration step in [`decode`] and a
/// golden file under `tests/golden/` whenever the shape of [`Brief`] changes incompatibly.
pub const FORMAT_VERSION: u32 = 2;

/// Briefs larger than this are refused before parsing (a 500-position brief is about 1 MB).
pub const MAX_BRIEF_BYTES: u64 = 64 * 1024 * 1024;

const HEADER: &str =
    "// Briefdesk brief. Plain RON: edit with care, then run `briefdesk check` on this file.\n";

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: u32,
    brief: &'a Brief,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    #[allow(dead_code)]
    format: u32,
    brief: Brief,
}

/// The brief as file text.
pub fn encode(brief: &Brief) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .separate_tuple_members(true)
        .escape_strings(false);
    let body = ron::ser::to_string_pretty(
        &EnvelopeOut {
            format: FORMAT_VERSION,
            brief,
        },
        config,
    )?;
    Ok(format!("{HEADER}{body}\n"))
}

/// Reads the `format:` number at the head of a brief file without parsing the rest, so that a
/// file from a newer version is recognised even if the rest is unreadable to this build.
pub fn sniff_format(text: &str) -> Option<u32> {
    let mut rest = text.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("//") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("#!") {
            rest = after.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(after) = rest.strip_prefix("/*") {
            rest = after.split_once("*/").map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let rest = rest.strip_prefix('(')?.trim_start();
    let rest = rest.strip_prefix("format")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// Parses file text into the current [`Brief`], migrating older formats.
pub fn decode(text: &str) -> Result<Decoded, LoadProblem> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match sniff_format(text) {
        Some(found) if found > FORMAT_VERSION => Err(LoadProblem::NewerFormat {
            found,
            supported: FORMAT_VERSION,
        }),
        Some(0) => Err(LoadProblem::UnknownFormat { found: 0 }),
        // Format 2 added `silenced_checks` and `current_status_evidence`, both empty by default,
        // so a format-1 file reads as a format-2 brief with nothing silenced and nothing cited.
        found => {
            let envelope: EnvelopeIn = ron::Options::default()
                .with_recursion_limit(128)
                .from_str(text)
                .map_err(|err| LoadProblem::Syntax {
                    line: err.span.start.line,
                    column: err.span.start.col,
                    message: err.code.to_string(),
                })?;
            Ok(Decoded {
                brief: envelope.brief,
                migrated_from: found.filter(|&v| v < FORMAT_VERSION),
            })
        }
    }
}

/// A brief read from text, with the format it was migrated from, if any.
#[derive(Debug)]
pub struct Decoded {
    pub brief: Brief,
    pub migrated_from: Option<u32>,
}

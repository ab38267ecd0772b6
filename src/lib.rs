//! Briefdesk: compose sourced briefing notes from article summaries, offline.
//!
//! `model` is the pure domain core; `storage` keeps briefs as RON files in a workspace folder;
//! `cli` is the command-line front end. See ARCHITECTURE.md for how they fit together.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod import;
pub mod layout;
pub mod markdown;
pub mod model;
pub mod pdf;
pub mod storage;
pub mod system;

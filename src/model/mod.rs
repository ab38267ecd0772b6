//! The domain core: what an analyst writes, with no knowledge of files, windows or PDF.
//!
//! Architecture invariant: nothing under `src/model/` imports egui, eframe, printpdf or
//! `std::fs` (checked by `tests/layering.rs`). Storage, analysis, layout and UI depend on this
//! module; it depends on none of them.

mod article;
mod brief;
mod ids;
mod marking;
mod matrix;
mod source;
pub mod template;
mod time;
mod validate;

pub use article::*;
pub use brief::*;
pub use ids::*;
pub use marking::*;
pub use matrix::*;
pub use source::*;
pub use time::*;
pub use validate::*;

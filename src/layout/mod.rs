//! The one layout engine: turns a brief into pages of positioned text, lines, boxes and links.
//!
//! It is pure (no file system, no PDF library, no UI): [`layout_brief`] returns a [`Document`]
//! that the PDF writer (`crate::pdf`) draws and that the app's preview can draw too, so the
//! preview and the exported PDF cannot disagree. [`layout_digest`] puts several briefs, each laid
//! out unchanged, behind one cover page. Text is measured with the bundled fonts' real
//! advances and kerning and broken at Unicode line-break opportunities.

pub mod digest;
pub mod flow;
pub mod fonts;
mod note;
pub mod page;

pub use digest::layout_digest;
pub use fonts::{FontFace, Fonts};
pub use note::{LayoutOptions, SECTION_TITLES, layout_brief};
pub use page::*;

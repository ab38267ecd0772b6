//! The one layout engine: turns a brief into pages of positioned text, lines, boxes and links.
//!
//! It is pure (no file system, no PDF library, no UI): [`layout_brief`] returns a [`Document`]
//! that the PDF writer (`crate::pdf`) draws and that the app's preview can draw too, so the
//! preview and the exported PDF cannot disagree. [`layout_digest`] puts several briefs, each laid
//! out unchanged, behind one cover page. Text is measured with the bundled fonts' real
//! advances and kerning and broken at Unicode line-break opportunities.

pub mod chart;
pub mod digest;
mod figures;
pub mod flow;
pub mod fonts;
mod note;
pub mod page;

pub use digest::layout_digest;
pub use fonts::{FontFace, Fonts};
pub use note::{BODY_END, LayoutOptions, SECTION_TITLES, layout_brief, stance_color, status_color};
pub use page::*;

/// What validation needs to know about how `brief` lays out (for the two-page check).
pub fn check_context(
    brief: &crate::model::Brief,
    options: &LayoutOptions,
) -> crate::model::Context {
    crate::model::Context {
        body_pages: Some(layout_brief(brief, options).body_pages()),
    }
}

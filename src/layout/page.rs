//! Positioned pages: what the layout engine produces and what the PDF writer and the app's
//! preview draw. Coordinates are points (1/72 inch) from the page's top-left corner, y down.

use std::collections::BTreeMap;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// Components as 0.0–1.0 fractions.
    pub fn fractions(self) -> [f32; 3] {
        [self.0, self.1, self.2].map(|c| f32::from(c) / 255.0)
    }
}

/// The bundled font faces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FontStyle {
    Regular,
    Bold,
    Italic,
}

impl FontStyle {
    pub const ALL: [FontStyle; 3] = [Self::Regular, Self::Bold, Self::Italic];
}

/// Paper sizes a brief can be printed on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.28, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// A run of text on one baseline in one font.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Start of the baseline.
    pub x: f32,
    pub y: f32,
    pub style: FontStyle,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
    /// Kerning: (byte offset of a character, points to add before it; negative tightens).
    pub kerning: Vec<(usize, f32)>,
    /// Counter-clockwise rotation about (x, y), in degrees; 0 for ordinary text.
    pub rotation: f32,
    /// Measured advance width in points (unrotated).
    pub width: f32,
}

/// Where a link goes.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkTarget {
    Uri(String),
    /// A place inside the document: zero-based page index and y of the target's top.
    Page {
        index: usize,
        y: f32,
    },
}

/// One drawing operation on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Text(TextRun),
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    },
    /// A clickable area; draws nothing.
    Link {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        target: LinkTarget,
    },
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
}

impl Page {
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|item| match item {
            Item::Text(run) => Some(run),
            _ => None,
        })
    }
}

/// An entry in the document outline (PDF bookmarks).
#[derive(Clone, Debug, PartialEq)]
pub struct OutlineEntry {
    pub title: String,
    /// 1 for sections, 2 for their subsections; an entry nests under the nearest earlier entry
    /// of a lower level, so a digest can put each brief above its sections.
    pub level: u8,
    pub page: usize,
    pub y: f32,
}

/// Document properties a reader's "Properties" dialog shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DocumentInfo {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// When the brief was last changed, as (year, month, day, hour, minute, second) in UTC.
    pub modified: (i32, u8, u8, u8, u8, u8),
}

/// Something the reader should know about how the document was laid out.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum LayoutWarning {
    /// Characters the bundled fonts cannot draw; they print as empty boxes.
    MissingGlyphs(Vec<char>),
}

impl std::fmt::Display for LayoutWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::MissingGlyphs(chars) => {
                let list: Vec<String> = chars
                    .iter()
                    .map(|c| format!("{c} (U+{:04X})", u32::from(*c)))
                    .collect();
                write!(
                    f,
                    "the bundled fonts cannot draw {} character{}, shown as empty boxes: {}",
                    chars.len(),
                    if chars.len() == 1 { "" } else { "s" },
                    list.join(", ")
                )
            }
        }
    }
}

/// A laid-out document: the pages plus what travels with them.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub paper: Paper,
    pub width: f32,
    pub height: f32,
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub info: DocumentInfo,
    pub warnings: Vec<LayoutWarning>,
    /// Named places (e.g. endnotes), for tests and the preview's "go to".
    pub anchors: BTreeMap<String, (usize, f32)>,
}

impl Document {
    /// Pages the body fills: everything before the sources, notes and annexes.
    pub fn body_pages(&self) -> usize {
        self.anchors
            .get(super::note::BODY_END)
            .map_or(self.pages.len(), |(page, _)| page + 1)
    }
}

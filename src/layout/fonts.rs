//! The bundled fonts (DejaVu Sans Condensed, `assets/fonts/`) and their real metrics: glyph
//! advances from `hmtx` and pair kerning from the `kern` table, read with ttf-parser.
//!
//! The fonts are compiled into the binary so a brief prints the same on every machine.

use super::page::FontStyle;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;
use ttf_parser::{Face, GlyphId};

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../assets/fonts/DejaVuSansCondensed-Oblique.ttf");

/// Code points whose glyph and advance each face keeps in a table: Latin, Greek, Cyrillic
/// and general punctuation (dashes, quotes, ellipsis), which is nearly all a brief contains.
const COMMON: [std::ops::Range<u32>; 2] = [0..0x0530, 0x2000..0x2070];

/// Where `c` sits in a face's table of common characters.
fn common_slot(c: char) -> Option<usize> {
    let code = c as u32;
    let [first, second] = &COMMON;
    if first.contains(&code) {
        Some(code as usize)
    } else if second.contains(&code) {
        Some(first.len() + (code - second.start) as usize)
    } else {
        None
    }
}

/// Hashes a kerning pair key (two glyph ids) with one multiply: the default SipHash cost
/// more than the rest of measuring a character.
#[derive(Default)]
pub struct PairHasher(u64);

impl Hasher for PairHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u32(&mut self, key: u32) {
        self.0 = u64::from(key).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// One face with the metrics the layout needs.
pub struct FontFace {
    bytes: &'static [u8],
    face: Face<'static>,
    units_per_em: f32,
    /// Glyph and advance (in em) of the common characters (see `common_slot`), looked up
    /// once: the cmap lookup per character was a fifth of the layout's time.
    common: Vec<(u16, f32)>,
    /// Pair kerning in em keyed by `left << 16 | right` glyph ids, read once from `kern`.
    pairs: HashMap<u32, f32, BuildHasherDefault<PairHasher>>,
    /// The same for ASCII pairs as a flat 128×128 table, since most text is ASCII.
    ascii_pairs: Vec<f32>,
}

impl FontFace {
    fn parse(bytes: &'static [u8]) -> Option<Self> {
        let face = Face::parse(bytes, 0).ok()?;
        let units_per_em = f32::from(face.units_per_em());
        let common: Vec<(u16, f32)> = COMMON
            .iter()
            .flat_map(|range| range.clone())
            .map(|code| {
                let glyph = char::from_u32(code)
                    .and_then(|c| face.glyph_index(c))
                    .unwrap_or(GlyphId(0));
                let advance = f32::from(face.glyph_hor_advance(glyph).unwrap_or(0)) / units_per_em;
                (glyph.0, advance)
            })
            .collect();
        let ascii = &common[..128];
        let mut pairs = HashMap::default();
        if let Some(kern) = face.tables().kern {
            for subtable in kern
                .subtables
                .into_iter()
                .filter(|s| s.horizontal && !s.variable)
            {
                if let ttf_parser::kern::Format::Format0(table) = subtable.format {
                    for pair in table.pairs {
                        pairs
                            .entry(pair.pair)
                            .or_insert(f32::from(pair.value) / units_per_em);
                    }
                }
            }
        }
        let mut ascii_pairs = vec![0.0; 128 * 128];
        for (l, (left, _)) in ascii.iter().enumerate() {
            for (r, (right, _)) in ascii.iter().enumerate() {
                let key = u32::from(*left) << 16 | u32::from(*right);
                ascii_pairs[l * 128 + r] = pairs.get(&key).copied().unwrap_or(0.0);
            }
        }
        Some(Self {
            bytes,
            face,
            units_per_em,
            common,
            pairs,
            ascii_pairs,
        })
    }

    /// The TrueType file, for embedding.
    pub fn bytes(&self) -> &'static [u8] {
        self.bytes
    }

    /// The glyph for `c`, or `None` when the face cannot draw it.
    pub fn glyph(&self, c: char) -> Option<u16> {
        if let Some(&(glyph, _)) = common_slot(c).and_then(|i| self.common.get(i)) {
            return (glyph != 0).then_some(glyph);
        }
        self.face.glyph_index(c).map(|g| g.0)
    }

    /// Advance of `c` in em; the .notdef box's advance when the face lacks it.
    pub fn advance(&self, c: char) -> f32 {
        if let Some(&(_, advance)) = common_slot(c).and_then(|i| self.common.get(i)) {
            return advance;
        }
        let glyph = self.face.glyph_index(c).unwrap_or(GlyphId(0));
        f32::from(self.face.glyph_hor_advance(glyph).unwrap_or(0)) / self.units_per_em
    }

    /// Pair kerning between two glyphs, in em (negative tightens).
    pub fn kerning(&self, left: u16, right: u16) -> f32 {
        let key = u32::from(left) << 16 | u32::from(right);
        self.pairs.get(&key).copied().unwrap_or(0.0)
    }

    /// Pair kerning between two characters whose glyphs are known, in em; fast for ASCII.
    pub fn glyph_kerning(
        &self,
        (left, left_glyph): (char, u16),
        (right, right_glyph): (char, u16),
    ) -> f32 {
        if left.is_ascii() && right.is_ascii() {
            return self.ascii_pairs[left as usize * 128 + right as usize];
        }
        self.kerning(left_glyph, right_glyph)
    }

    /// Pair kerning between two characters, in em; fast for ASCII.
    pub fn char_kerning(&self, left: char, right: char) -> f32 {
        if left.is_ascii() && right.is_ascii() {
            return self.ascii_pairs[left as usize * 128 + right as usize];
        }
        match (self.glyph(left), self.glyph(right)) {
            (Some(l), Some(r)) => self.kerning(l, r),
            _ => 0.0,
        }
    }

    /// Height above the baseline, in em.
    pub fn ascent(&self) -> f32 {
        f32::from(self.face.ascender()) / self.units_per_em
    }

    /// Depth below the baseline, in em (positive).
    pub fn descent(&self) -> f32 {
        -f32::from(self.face.descender()) / self.units_per_em
    }
}

/// The three bundled faces.
pub struct Fonts {
    regular: FontFace,
    bold: FontFace,
    italic: FontFace,
}

impl Fonts {
    /// The fonts compiled into Briefdesk. They are checked by a test, so failing to parse them
    /// is a build defect, not something a user can cause.
    pub fn bundled() -> &'static Fonts {
        static FONTS: OnceLock<Fonts> = OnceLock::new();
        FONTS.get_or_init(|| {
            let parse = |bytes| FontFace::parse(bytes).expect("the bundled fonts parse");
            Fonts {
                regular: parse(REGULAR),
                bold: parse(BOLD),
                italic: parse(ITALIC),
            }
        })
    }

    pub fn face(&self, style: FontStyle) -> &FontFace {
        match style {
            FontStyle::Regular => &self.regular,
            FontStyle::Bold => &self.bold,
            FontStyle::Italic => &self.italic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_cover_latin_cyrillic_and_greek() {
        let fonts = Fonts::bundled();
        for style in FontStyle::ALL {
            let face = fonts.face(style);
            for c in "AzÉßŁЗеленськийΑθήνα€“”—…".chars() {
                assert!(face.glyph(c).is_some(), "{style:?} lacks {c}");
            }
            for lacking in ['中', '🦀'] {
                assert!(face.glyph(lacking).is_none(), "{lacking}");
            }
        }
    }

    #[test]
    fn kerning_tightens_av() {
        let face = Fonts::bundled().face(FontStyle::Regular);
        let (a, v) = (face.glyph('A').unwrap(), face.glyph('V').unwrap());
        assert!(face.kerning(a, v) < 0.0);
    }
}

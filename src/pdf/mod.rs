//! The PDF writer: draws the layout engine's pages with printpdf. The only module that knows
//! about printpdf; it adds nothing to the layout, so the PDF shows exactly what the preview shows.
//!
//! Fonts are subset to the glyphs used (printpdf only subsets with its heavy `text_layout`
//! feature, so allsorts, already in printpdf's tree, does it here). The outline is written
//! through lopdf because printpdf's bookmarks are flat and sorted by name. The output is
//! deterministic: fixed resource names, dates and document id taken from the brief.

use crate::layout::{
    Document, FontStyle, Fonts, Item, LayoutOptions, LayoutWarning, LinkTarget, Page, Rgb, TextRun,
    layout_brief, layout_digest,
};
use crate::model::Brief;
use lopdf::{Dictionary, Object, ObjectId, StringFormat};
use printpdf::{
    Actions, BorderArray, Color, ColorArray, Destination, FontId, Line, LinePoint, LinkAnnotation,
    Op, PaintMode, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point,
    Pt, Rect, TextItem, TextMatrix,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// Why a PDF could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("cannot embed the {0:?} font: {1}")]
    Font(FontStyle, String),
    #[error("cannot write the PDF structure: {0}")]
    Write(String),
}

/// An exported PDF and what the reader should be told about it.
pub struct Exported {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub warnings: Vec<LayoutWarning>,
}

/// Lays out `brief` and writes it as PDF bytes.
pub fn export_brief(brief: &Brief, options: &LayoutOptions) -> Result<Exported, PdfError> {
    let document = layout_brief(brief, options);
    let bytes = write_pdf(&document)?;
    Ok(Exported {
        bytes,
        pages: document.pages.len(),
        warnings: document.warnings,
    })
}

/// Lays out `briefs` as a digest (a cover page, then each brief's own pages) and writes it.
pub fn export_digest(
    briefs: &[Brief],
    options: &LayoutOptions,
    title: Option<&str>,
) -> Result<Exported, PdfError> {
    let document = layout_digest(briefs, options, title);
    let bytes = write_pdf(&document)?;
    Ok(Exported {
        bytes,
        pages: document.pages.len(),
        warnings: document.warnings,
    })
}

fn font_id(style: FontStyle) -> FontId {
    FontId(
        match style {
            FontStyle::Regular => "BdSans",
            FontStyle::Bold => "BdSansBold",
            FontStyle::Italic => "BdSansItalic",
        }
        .to_owned(),
    )
}

/// The characters a document draws in one face. A bitmap for the Basic Multilingual Plane:
/// every character of every run passes through here, and a tree insert per character cost
/// more than subsetting the three faces.
#[derive(Default)]
struct UsedChars {
    bmp: Vec<u64>,
    astral: BTreeSet<char>,
}

impl UsedChars {
    fn extend(&mut self, text: &str) {
        if self.bmp.is_empty() {
            self.bmp = vec![0; 0x10000 / 64];
        }
        for c in text.chars() {
            let code = c as usize;
            match self.bmp.get_mut(code / 64) {
                Some(word) => *word |= 1 << (code % 64),
                None => {
                    self.astral.insert(c);
                }
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = char> + '_ {
        let bmp = self.bmp.iter().enumerate().flat_map(|(i, &word)| {
            (0..64)
                .filter(move |bit| word & (1 << bit) != 0)
                .filter_map(move |bit| char::from_u32((i * 64 + bit) as u32))
        });
        bmp.chain(self.astral.iter().copied())
    }
}

/// A subset font program and printpdf's parse of it.
type EmbeddedFace = (Vec<u8>, ParsedFont);

/// The TrueType bytes of `style` reduced to the glyphs for `chars`.
fn subset_font(style: FontStyle, chars: &UsedChars) -> Result<Vec<u8>, PdfError> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{CmapTarget, SubsetProfile, subset};
    let face = Fonts::bundled().face(style);
    let mut glyphs: Vec<u16> = chars.iter().filter_map(|c| face.glyph(c)).collect();
    glyphs.push(0); // .notdef must come first
    glyphs.sort_unstable();
    glyphs.dedup();
    let fail = |e: &dyn std::fmt::Debug| PdfError::Font(style, format!("{e:?}"));
    let data = ReadScope::new(face.bytes())
        .read::<FontData<'_>>()
        .map_err(|e| fail(&e))?;
    let provider = data.table_provider(0).map_err(|e| fail(&e))?;
    subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode).map_err(|e| fail(&e))
}

fn color(rgb: Rgb) -> Color {
    let [r, g, b] = rgb.fractions();
    Color::Rgb(printpdf::Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// The TJ items of a run: text split where kerning applies.
fn text_items(run: &TextRun) -> Vec<TextItem> {
    let mut items = Vec::with_capacity(run.kerning.len() * 2 + 1);
    let mut start = 0;
    for &(at, points) in &run.kerning {
        if at > start && at <= run.text.len() {
            items.push(TextItem::Text(run.text[start..at].to_owned()));
            start = at;
        }
        // TJ offsets are thousandths of an em, positive moving left.
        items.push(TextItem::Offset(-points / run.size * 1000.0));
    }
    items.push(TextItem::Text(run.text[start..].to_owned()));
    items
}

fn page_ops(page: &Page, height: f32) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.items.len() * 4);
    let flip = |y: f32| Pt(height - y);
    // Consecutive runs share one text object; font and colour are set only when they change.
    let mut in_text = false;
    let mut font: Option<(FontStyle, f32)> = None;
    let mut fill: Option<Rgb> = None;
    for item in &page.items {
        if in_text && !matches!(item, Item::Text(_)) {
            ops.push(Op::EndTextSection);
            in_text = false;
            font = None;
        }
        match item {
            Item::Text(run) => {
                if run.text.is_empty() {
                    continue;
                }
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                if font != Some((run.style, run.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(font_id(run.style)),
                        size: Pt(run.size),
                    });
                    font = Some((run.style, run.size));
                }
                if fill != Some(run.color) {
                    ops.push(Op::SetFillColor {
                        col: color(run.color),
                    });
                    fill = Some(run.color);
                }
                let matrix = if run.rotation == 0.0 {
                    TextMatrix::Translate(Pt(run.x), flip(run.y))
                } else {
                    TextMatrix::TranslateRotate(Pt(run.x), flip(run.y), run.rotation)
                };
                ops.push(Op::SetTextMatrix { matrix });
                ops.push(Op::ShowText {
                    items: text_items(run),
                });
            }
            Item::Line {
                from,
                to,
                width,
                color: c,
            } => {
                ops.push(Op::SetOutlineColor { col: color(*c) });
                ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                let point = |(x, y): (f32, f32)| LinePoint {
                    p: Point {
                        x: Pt(x),
                        y: flip(y),
                    },
                    bezier: false,
                };
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![point(*from), point(*to)],
                        is_closed: false,
                    },
                });
            }
            Item::Rect {
                x,
                y,
                w,
                h,
                fill: fill_colour,
                stroke,
            } => {
                let rect = |mode| Rect {
                    x: Pt(*x),
                    y: flip(y + h),
                    width: Pt(*w),
                    height: Pt(*h),
                    mode: Some(mode),
                    winding_order: None,
                };
                if let Some(colour) = fill_colour {
                    ops.push(Op::SetFillColor {
                        col: color(*colour),
                    });
                    fill = Some(*colour);
                    ops.push(Op::DrawRectangle {
                        rectangle: rect(PaintMode::Fill),
                    });
                }
                if let Some((c, width)) = stroke {
                    ops.push(Op::SetOutlineColor { col: color(*c) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(*width) });
                    ops.push(Op::DrawRectangle {
                        rectangle: rect(PaintMode::Stroke),
                    });
                }
            }
            Item::Link { x, y, w, h, target } => {
                let actions = match target {
                    LinkTarget::Uri(uri) => Actions::Uri(uri.clone()),
                    LinkTarget::Page { index, y } => Actions::Goto(Destination::Xyz {
                        page: index + 1,
                        left: None,
                        top: Some(height - y + 12.0),
                        zoom: None,
                    }),
                };
                ops.push(Op::LinkAnnotation {
                    link: LinkAnnotation::new(
                        Rect::from_xywh(Pt(*x), flip(y + h), Pt(*w), Pt(*h)),
                        actions,
                        Some(BorderArray::Solid([0.0, 0.0, 0.0])),
                        Some(ColorArray::Transparent),
                        None,
                    ),
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    ops
}

/// `YYYY-MM-DD hh:mm:ss` UTC as printpdf's date type.
fn pdf_date(
    (year, month, day, hour, minute, second): (i32, u8, u8, u8, u8, u8),
) -> printpdf::DateTime {
    printpdf::DateTime::new_in_offset(
        printpdf::Date { year, month, day },
        printpdf::Time {
            hour,
            minute,
            second,
            millisecond: 0,
        },
        printpdf::Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    )
}

/// Draws laid-out pages as a PDF file's bytes.
pub fn write_pdf(document: &Document) -> Result<Vec<u8>, PdfError> {
    let mut pdf = PdfDocument::new(&document.info.title);

    let mut used: BTreeMap<FontStyle, UsedChars> = BTreeMap::new();
    for page in &document.pages {
        for run in page.texts() {
            used.entry(run.style).or_default().extend(&run.text);
        }
    }
    // The faces are independent, so subset and parse them side by side; this thread takes
    // the first face rather than waiting idle.
    let prepare =
        |style: FontStyle, chars: &UsedChars| -> Result<(Vec<u8>, ParsedFont), PdfError> {
            let bytes = subset_font(style, chars)?;
            let parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new())
                .ok_or_else(|| PdfError::Font(style, "the subset font does not parse".into()))?;
            Ok((bytes, parsed))
        };
    let faces: Vec<(FontStyle, &UsedChars)> = used.iter().map(|(s, c)| (*s, c)).collect();
    let prepared: Vec<(FontStyle, Result<EmbeddedFace, PdfError>)> = std::thread::scope(|scope| {
        let prepare = &prepare;
        let handles: Vec<_> = faces
            .iter()
            .skip(1)
            .map(|&(style, chars)| (style, scope.spawn(move || prepare(style, chars))))
            .collect();
        let mut results: Vec<_> = faces
            .first()
            .map(|&(style, chars)| (style, prepare(style, chars)))
            .into_iter()
            .collect();
        results.extend(handles.into_iter().map(|(style, handle)| {
            let result = handle
                .join()
                .unwrap_or_else(|_| Err(PdfError::Font(style, "subsetting failed".into())));
            (style, result)
        }));
        results
    });
    let mut programs: Vec<Vec<u8>> = Vec::new();
    for (style, result) in prepared {
        let (bytes, parsed) = result?;
        programs.push(bytes);
        pdf.resources
            .fonts
            .map
            .insert(font_id(style), PdfFont::new(parsed));
    }

    let (w, h) = (document.width, document.height);
    let pages: Vec<PdfPage> = document
        .pages
        .iter()
        .map(|page| PdfPage::new(Pt(w).into(), Pt(h).into(), page_ops(page, h)))
        .collect();
    pdf.with_pages(pages);

    let info = &mut pdf.metadata.info;
    let date = pdf_date(document.info.modified);
    info.creation_date = date;
    info.modification_date = date;
    info.metadata_date = date;
    info.author = document.info.author.clone();
    info.subject = document.info.subject.clone();
    info.keywords = document.info.keywords.clone();
    info.creator = format!("Briefdesk {}", env!("CARGO_PKG_VERSION"));
    info.producer = format!("Briefdesk {} (printpdf)", env!("CARGO_PKG_VERSION"));

    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    // Compress the font programs on another core while printpdf serialises the pages.
    let (mut lo, compressed) = std::thread::scope(|scope| {
        let fonts = scope.spawn(|| {
            programs
                .iter()
                .map(|program| (program.as_slice(), deflate(program)))
                .collect::<Vec<_>>()
        });
        let lo = pdf.to_lopdf_document(&options, &mut warnings);
        (lo, fonts.join().unwrap_or_default())
    });
    for object in lo.objects.values_mut() {
        if let Object::Stream(stream) = object
            && stream.dict.get(b"Filter").is_err()
            && let Some((_, Some(packed))) = compressed
                .iter()
                .find(|(program, _)| *program == stream.content.as_slice())
        {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(packed.clone());
        }
    }
    finish_document(&mut lo, document)?;
    compress_streams(&mut lo);
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes)
        .map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(bytes)
}

/// printpdf writes link annotations inline; the PDF specification asks for indirect objects,
/// which strict readers and validators expect.
fn indirect_annotations(lo: &mut lopdf::Document, page_ids: &[ObjectId]) {
    for &page in page_ids {
        let Ok(Object::Array(annots)) = lo
            .get_dictionary(page)
            .and_then(|d| d.get(b"Annots"))
            .cloned()
        else {
            continue;
        };
        let mut refs = Vec::with_capacity(annots.len());
        for annot in annots {
            match annot {
                Object::Dictionary(mut dict) => {
                    dict.set("P", Object::Reference(page));
                    refs.push(Object::Reference(lo.add_object(Object::Dictionary(dict))));
                }
                other => refs.push(other),
            }
        }
        if let Ok(dict) = lo.get_dictionary_mut(page) {
            if refs.is_empty() {
                dict.remove(b"Annots");
            } else {
                dict.set("Annots", Object::Array(refs));
            }
        }
    }
}

/// Flate-compresses every stream not yet filtered, on two threads. lopdf's own `compress`
/// uses the slowest level on one thread, which triples export time for a few percent of size.
fn compress_streams(lo: &mut lopdf::Document) {
    let mut streams: Vec<&mut lopdf::Stream> = lo
        .objects
        .values_mut()
        .filter_map(|object| match object {
            Object::Stream(stream)
                if stream.dict.get(b"Filter").is_err() && stream.content.len() >= 64 =>
            {
                Some(stream)
            }
            _ => None,
        })
        .collect();
    // Balance the two halves by size: largest first, alternating.
    streams.sort_by_key(|s| std::cmp::Reverse(s.content.len()));
    let (mut left, mut right): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
    let (mut left_size, mut right_size) = (0, 0);
    for stream in streams {
        if left_size <= right_size {
            left_size += stream.content.len();
            left.push(stream);
        } else {
            right_size += stream.content.len();
            right.push(stream);
        }
    }
    std::thread::scope(|scope| {
        scope.spawn(move || left.into_iter().for_each(compress_stream));
        right.into_iter().for_each(compress_stream);
    });
}

/// Zlib-compressed bytes at the export's compression level, if compression succeeds.
fn deflate(bytes: &[u8]) -> Option<Vec<u8>> {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    let mut encoder = ZlibEncoder::new(
        Vec::with_capacity(bytes.len() / 2),
        Compression::new(COMPRESSION_LEVEL),
    );
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

fn compress_stream(stream: &mut lopdf::Stream) {
    use flate2::{Compression, write::ZlibEncoder};
    use std::io::Write;
    let mut encoder = ZlibEncoder::new(
        Vec::with_capacity(stream.content.len() / 2),
        Compression::new(COMPRESSION_LEVEL),
    );
    if encoder.write_all(&stream.content).is_ok()
        && let Ok(compressed) = encoder.finish()
        && compressed.len() < stream.content.len()
    {
        stream
            .dict
            .set("Filter", Object::Name(b"FlateDecode".to_vec()));
        stream.set_content(compressed);
    }
}

const COMPRESSION_LEVEL: u32 = 3;

/// A PDF text string: UTF-16BE with a byte-order mark, so any script survives.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Adds the nested outline and a document id derived from the content, and drops printpdf's
/// empty PDF/X marker.
fn finish_document(lo: &mut lopdf::Document, document: &Document) -> Result<(), PdfError> {
    let err = |e: lopdf::Error| PdfError::Write(e.to_string());
    let root = lo
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(err)?;
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(dict) = lo.get_dictionary_mut(info)
    {
        dict.remove(b"GTS_PDFXVersion");
    }

    let page_ids: Vec<ObjectId> = lo.get_pages().into_values().collect();
    indirect_annotations(lo, &page_ids);
    if !document.outline.is_empty() && !page_ids.is_empty() {
        let outlines = lo.new_object_id();
        // Each entry's parent is the nearest earlier entry of a lower level, so any depth nests
        // (a digest puts briefs above their sections); a list of only levels 1 and 2 gives the
        // same tree, and so the same bytes, as before.
        let mut top: Vec<usize> = Vec::new();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); document.outline.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, entry) in document.outline.iter().enumerate() {
            while open
                .last()
                .is_some_and(|&p| document.outline[p].level >= entry.level)
            {
                open.pop();
            }
            match open.last() {
                Some(&parent) => children[parent].push(i),
                None => top.push(i),
            }
            open.push(i);
        }
        let ids: Vec<ObjectId> = document
            .outline
            .iter()
            .map(|_| lo.new_object_id())
            .collect();
        let dest = |i: usize| {
            let entry = &document.outline[i];
            let page = page_ids[entry.page.min(page_ids.len() - 1)];
            Object::Array(vec![
                Object::Reference(page),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Real(document.height - entry.y + 6.0),
                Object::Null,
            ])
        };
        let link_siblings =
            |lo: &mut lopdf::Document,
             siblings: &[usize],
             parent: ObjectId,
             children_of: &dyn Fn(usize) -> Vec<usize>| {
                for (k, &i) in siblings.iter().enumerate() {
                    let mut dict = Dictionary::new();
                    dict.set("Title", text_string(&document.outline[i].title));
                    dict.set("Parent", Object::Reference(parent));
                    dict.set("Dest", dest(i));
                    if k > 0 {
                        dict.set("Prev", Object::Reference(ids[siblings[k - 1]]));
                    }
                    if let Some(&next) = siblings.get(k + 1) {
                        dict.set("Next", Object::Reference(ids[next]));
                    }
                    let children = children_of(i);
                    if let (Some(&first), Some(&last)) = (children.first(), children.last()) {
                        dict.set("First", Object::Reference(ids[first]));
                        dict.set("Last", Object::Reference(ids[last]));
                        dict.set("Count", Object::Integer(-(children.len() as i64)));
                    }
                    lo.objects.insert(ids[i], Object::Dictionary(dict));
                }
            };
        let children_of = |i: usize| children[i].clone();
        link_siblings(lo, &top, outlines, &children_of);
        for (parent, kids) in children.iter().enumerate() {
            link_siblings(lo, kids, ids[parent], &children_of);
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Outlines".to_vec()));
        if let (Some(&first), Some(&last)) = (top.first(), top.last()) {
            dict.set("First", Object::Reference(ids[first]));
            dict.set("Last", Object::Reference(ids[last]));
        }
        dict.set("Count", Object::Integer(top.len() as i64));
        lo.objects.insert(outlines, Object::Dictionary(dict));
        let catalog = lo.get_dictionary_mut(root).map_err(err)?;
        catalog.set("Outlines", Object::Reference(outlines));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }

    // The same brief gives the same id, so re-exports are byte-identical.
    let mut hasher = Sha256::new();
    let i = &document.info;
    hasher.update(format!(
        "{}\u{0}{}\u{0}{}\u{0}{:?}\u{0}{}",
        i.title,
        i.author,
        i.subject,
        i.modified,
        document.pages.len()
    ));
    let id = hasher.finalize()[..16].to_vec();
    lo.trailer.set(
        "ID",
        Object::Array(vec![
            Object::String(id.clone(), StringFormat::Hexadecimal),
            Object::String(id, StringFormat::Hexadecimal),
        ]),
    );
    Ok(())
}

//! The page-filling machinery: measures and breaks text, places paragraphs, headings, boxes
//! and tables down the page, and starts new pages when the space runs out.

use super::fonts::Fonts;
use super::page::{FontStyle, Item, LinkTarget, OutlineEntry, Page, Rgb, TextRun};
use std::collections::{BTreeMap, BTreeSet};
use unicode_linebreak::linebreaks;

/// Font, size and colour of a piece of text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub font: FontStyle,
    pub size: f32,
    pub color: Rgb,
}

impl TextStyle {
    pub const fn new(font: FontStyle, size: f32, color: Rgb) -> Self {
        Self { font, size, color }
    }

    pub fn line_height(&self) -> f32 {
        self.size * 1.32
    }
}

/// Characters dropped from drawing rather than reported: they have no visible form.
fn is_invisible(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{2060}')
}

/// Measures text with the bundled fonts and remembers characters they cannot draw.
pub struct Measure {
    pub fonts: &'static Fonts,
    pub missing: BTreeSet<char>,
}

impl Measure {
    pub fn new() -> Self {
        Self {
            fonts: Fonts::bundled(),
            missing: BTreeSet::new(),
        }
    }

    /// Width of `text` in points, with kerning.
    pub fn width(&self, style: &TextStyle, text: &str) -> f32 {
        let face = self.fonts.face(style.font);
        let mut width = 0.0;
        let mut previous: Option<char> = None;
        for c in text.chars().filter(|c| !is_invisible(*c)) {
            width += face.advance(c);
            if let Some(left) = previous {
                width += face.char_kerning(left, c);
            }
            previous = Some(c);
        }
        width * style.size
    }

    /// Widths of `text` without its trailing white space and with it, in one pass: the
    /// line breaker needs both for every segment.
    fn trimmed_and_full_width(&self, style: &TextStyle, text: &str) -> (f32, f32) {
        let face = self.fonts.face(style.font);
        let (mut width, mut trimmed) = (0.0, 0.0);
        let mut previous: Option<char> = None;
        for c in text.chars() {
            if !is_invisible(c) {
                width += face.advance(c);
                if let Some(left) = previous {
                    width += face.char_kerning(left, c);
                }
                previous = Some(c);
            }
            if !c.is_whitespace() {
                trimmed = width;
            }
        }
        (trimmed * style.size, width * style.size)
    }

    /// A positioned run of `text`, its kerning worked out and missing glyphs noted.
    pub fn run(&mut self, x: f32, y: f32, style: &TextStyle, text: &str) -> TextRun {
        let face = self.fonts.face(style.font);
        let mut clean = String::with_capacity(text.len());
        let mut kerning = Vec::new();
        let mut width = 0.0;
        let mut previous: Option<(char, u16)> = None;
        for c in text.chars() {
            let c = if c == '\t' { ' ' } else { c };
            if is_invisible(c) {
                continue;
            }
            let glyph = face.glyph(c);
            if glyph.is_none() {
                self.missing.insert(c);
            }
            if let (Some(left), Some(right)) = (previous, glyph) {
                let kern = face.glyph_kerning(left, (c, right));
                if kern != 0.0 {
                    kerning.push((clean.len(), kern * style.size));
                    width += kern;
                }
            }
            width += face.advance(c);
            clean.push(c);
            previous = glyph.map(|g| (c, g));
        }
        TextRun {
            x,
            y,
            style: style.font,
            size: style.size,
            color: style.color,
            text: clean,
            kerning,
            rotation: 0.0,
            width: width * style.size,
        }
    }

    /// Breaks `text` into lines no wider than `max_width`, at the Unicode line-break
    /// opportunities; a word longer than a line is broken between characters.
    pub fn wrap(&self, style: &TextStyle, text: &str, max_width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let paragraph = paragraph.trim_end_matches('\r');
            let mut line = String::new();
            let mut line_width = 0.0;
            let mut start = 0;
            for (end, _) in linebreaks(paragraph) {
                let segment = &paragraph[start..end];
                start = end;
                let (visible_width, segment_width) = self.trimmed_and_full_width(style, segment);
                if line_width + visible_width <= max_width + 0.01 {
                    line.push_str(segment);
                    line_width += segment_width;
                    continue;
                }
                if !line.trim().is_empty() {
                    lines.push(line.trim_end().to_owned());
                }
                line.clear();
                line_width = 0.0;
                if visible_width <= max_width {
                    line.push_str(segment);
                    line_width = segment_width;
                    continue;
                }
                // A word (or URL) wider than the line: break it between characters.
                for c in segment.chars() {
                    let w = self.width(style, c.encode_utf8(&mut [0; 4]));
                    if line_width + w > max_width && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                        line_width = 0.0;
                    }
                    line.push(c);
                    line_width += w;
                }
            }
            lines.push(line.trim_end().to_owned());
        }
        lines
    }
}

impl Default for Measure {
    fn default() -> Self {
        Self::new()
    }
}

/// The printable area of a page, in points from the top-left corner.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub width: f32,
    pub height: f32,
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

impl Frame {
    pub fn content_width(&self) -> f32 {
        self.right - self.left
    }
}

/// A table cell: parts stacked top to bottom.
pub struct Cell(pub Vec<CellPart>);

pub enum CellPart {
    /// A paragraph in one style.
    Text(TextStyle, String),
    /// Citation markers: (label, anchor of the note it links to).
    Markers(TextStyle, Vec<(String, String)>),
}

impl Cell {
    pub fn plain(style: TextStyle, text: impl Into<String>) -> Self {
        Cell(vec![CellPart::Text(style, text.into())])
    }
}

pub struct Column {
    pub title: String,
    /// Share of the table's width.
    pub weight: f32,
}

/// One laid-out line inside a cell: runs at x offsets, some linking to anchors.
struct CellLine {
    height: f32,
    ascent: f32,
    runs: Vec<(f32, TextStyle, String, Option<String>)>,
}

const CELL_PAD_X: f32 = 4.0;
const CELL_PAD_Y: f32 = 3.5;
const RULE: Rgb = Rgb(190, 196, 204);

/// What a finished flow hands over.
pub struct Flowed {
    pub pages: Vec<Page>,
    pub outline: Vec<OutlineEntry>,
    pub anchors: BTreeMap<String, (usize, f32)>,
    /// Characters the fonts could not draw.
    pub missing: BTreeSet<char>,
}

/// Fills pages from top to bottom.
pub struct Flow {
    pub measure: Measure,
    pub frame: Frame,
    pub pages: Vec<Page>,
    /// Where the next block starts on the current page.
    pub y: f32,
    pub outline: Vec<OutlineEntry>,
    pub anchors: BTreeMap<String, (usize, f32)>,
    /// Links placed before their anchor was known: (page, item index, anchor).
    pending_links: Vec<(usize, usize, String)>,
}

impl Flow {
    pub fn new(frame: Frame) -> Self {
        Self {
            measure: Measure::new(),
            frame,
            pages: vec![Page::default()],
            y: frame.top,
            outline: Vec::new(),
            anchors: BTreeMap::new(),
            pending_links: Vec::new(),
        }
    }

    pub fn page_index(&self) -> usize {
        self.pages.len() - 1
    }

    fn push(&mut self, item: Item) {
        if let Some(page) = self.pages.last_mut() {
            page.items.push(item);
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.frame.top;
    }

    /// Room left on this page below the cursor.
    pub fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    /// Starts a new page unless `height` fits below the cursor (an empty page always "fits").
    pub fn keep(&mut self, height: f32) {
        if height > self.room() && self.y > self.frame.top + 0.5 {
            self.new_page();
        }
    }

    pub fn space(&mut self, height: f32) {
        if self.y > self.frame.top + 0.5 {
            self.y = (self.y + height).min(self.frame.bottom);
        }
    }

    pub fn anchor(&mut self, name: impl Into<String>) {
        self.anchors
            .insert(name.into(), (self.page_index(), self.y));
    }

    pub fn text(&mut self, x: f32, baseline: f32, style: &TextStyle, text: &str) -> f32 {
        let run = self.measure.run(x, baseline, style, text);
        let width = run.width;
        self.push(Item::Text(run));
        width
    }

    pub fn rect(
        &mut self,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Rgb>,
        stroke: Option<(Rgb, f32)>,
    ) {
        self.push(Item::Rect {
            x,
            y,
            w,
            h,
            fill,
            stroke,
        });
    }

    pub fn hline(&mut self, x1: f32, x2: f32, y: f32, width: f32, color: Rgb) {
        self.push(Item::Line {
            from: (x1, y),
            to: (x2, y),
            width,
            color,
        });
    }

    pub fn link(&mut self, x: f32, y: f32, w: f32, h: f32, target: LinkTarget) {
        self.push(Item::Link { x, y, w, h, target });
    }

    /// A link to an anchor that may be placed later; resolved by [`Flow::finish`].
    pub fn link_to_anchor(&mut self, x: f32, y: f32, w: f32, h: f32, anchor: &str) {
        let page = self.page_index();
        let index = self.pages[page].items.len();
        self.link(x, y, w, h, LinkTarget::Page { index: 0, y: 0.0 });
        self.pending_links.push((page, index, anchor.to_owned()));
    }

    /// A heading, kept on the same page as at least `keep_with_next` points of what follows.
    pub fn heading(&mut self, text: &str, level: u8, style: &TextStyle, keep_with_next: f32) {
        let line = style.line_height();
        self.space(if level == 1 { 12.0 } else { 6.0 });
        self.keep(line + 6.0 + keep_with_next);
        self.outline.push(OutlineEntry {
            title: text.to_owned(),
            level,
            page: self.page_index(),
            y: self.y,
        });
        let lines = self.measure.wrap(style, text, self.frame.content_width());
        for text_line in lines {
            let baseline = self.y + style.size;
            self.text(self.frame.left, baseline, style, &text_line);
            self.y += line;
        }
        if level == 1 {
            let (l, r, y) = (self.frame.left, self.frame.right, self.y + 1.0);
            self.hline(l, r, y, 0.6, style.color);
            self.y += 5.0;
        } else {
            self.y += 2.0;
        }
    }

    /// A wrapped paragraph starting `indent` points in from the left margin.
    pub fn paragraph(&mut self, style: &TextStyle, text: &str, indent: f32) {
        let width = self.frame.content_width() - indent;
        let line = style.line_height();
        for text_line in self.measure.wrap(style, text, width) {
            self.keep(line);
            let baseline = self.y + style.size;
            self.text(self.frame.left + indent, baseline, style, &text_line);
            self.y += line;
        }
    }

    /// Paragraphs separated by blank lines; lines starting "- ", "* " or "• " become bullets.
    pub fn prose(&mut self, style: &TextStyle, text: &str) {
        let mut first = true;
        for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
            if !first {
                self.space(style.size * 0.6);
            }
            first = false;
            let mut plain = String::new();
            for line in block.lines() {
                let trimmed = line.trim_start();
                let bullet = ["- ", "* ", "• "]
                    .iter()
                    .find_map(|marker| trimmed.strip_prefix(marker));
                match bullet {
                    Some(item) => {
                        if !plain.is_empty() {
                            self.paragraph(style, std::mem::take(&mut plain).trim_end(), 0.0);
                        }
                        self.bullet(style, item);
                    }
                    None => {
                        plain.push_str(line);
                        plain.push('\n');
                    }
                }
            }
            if !plain.is_empty() {
                self.paragraph(style, plain.trim_end(), 0.0);
            }
        }
    }

    pub fn bullet(&mut self, style: &TextStyle, text: &str) {
        let line = style.line_height();
        self.keep(line);
        let baseline = self.y + style.size;
        self.text(self.frame.left + 4.0, baseline, style, "•");
        self.paragraph(style, text, 14.0);
    }

    /// A shaded box with a coloured bar on its left, holding a title and text; one that cannot
    /// fit on a page flows on as ordinary paragraphs.
    pub fn callout(
        &mut self,
        title: &str,
        title_style: &TextStyle,
        text: &str,
        style: &TextStyle,
        fill: Rgb,
        bar: Rgb,
    ) {
        let pad = 8.0;
        let inner = self.frame.content_width() - 2.0 * pad - 4.0;
        let lines = self.measure.wrap(style, text, inner);
        let height =
            pad * 2.0 + title_style.line_height() + 2.0 + lines.len() as f32 * style.line_height();
        if height > self.frame.bottom - self.frame.top {
            self.heading(title, 2, title_style, style.line_height() * 2.0);
            self.prose(style, text);
            return;
        }
        self.keep(height);
        let (x, y, w) = (self.frame.left, self.y, self.frame.content_width());
        self.rect(x, y, w, height, Some(fill), None);
        self.rect(x, y, 3.5, height, Some(bar), None);
        let text_x = x + pad + 4.0;
        let mut baseline = y + pad + title_style.size;
        self.text(text_x, baseline, title_style, title);
        baseline += title_style.line_height() + 2.0;
        for line in &lines {
            self.text(text_x, baseline, style, line);
            baseline += style.line_height();
        }
        self.y = y + height;
    }

    fn cell_lines(&mut self, cell: &Cell, width: f32) -> Vec<CellLine> {
        let mut out = Vec::new();
        for part in &cell.0 {
            match part {
                CellPart::Text(style, text) => {
                    if text.trim().is_empty() {
                        continue;
                    }
                    for line in self.measure.wrap(style, text.trim(), width) {
                        out.push(CellLine {
                            height: style.line_height(),
                            ascent: style.size,
                            runs: vec![(0.0, *style, line, None)],
                        });
                    }
                }
                CellPart::Markers(style, markers) => {
                    let gap = style.size * 0.3;
                    let empty = || CellLine {
                        height: style.line_height(),
                        ascent: style.size,
                        runs: Vec::new(),
                    };
                    let mut line = empty();
                    let mut x = 0.0;
                    for (label, anchor) in markers {
                        let w = self.measure.width(style, label);
                        if x > 0.0 && x + w > width {
                            out.push(std::mem::replace(&mut line, empty()));
                            x = 0.0;
                        }
                        line.runs
                            .push((x, *style, label.clone(), Some(anchor.clone())));
                        x += w + gap;
                    }
                    if !line.runs.is_empty() {
                        out.push(line);
                    }
                }
            }
        }
        out
    }

    fn draw_cell_lines(&mut self, x: f32, top: f32, lines: &[CellLine]) {
        let mut y = top;
        for line in lines {
            for (dx, style, text, anchor) in &line.runs {
                let width = self.text(x + dx, y + line.ascent, style, text);
                if let Some(anchor) = anchor {
                    self.link_to_anchor(x + dx - 1.0, y, width + 2.0, line.height, anchor);
                }
            }
            y += line.height;
        }
    }

    /// Draws a header row laid out once by [`Flow::table`].
    fn table_header(&mut self, cells: &[Vec<CellLine>], xs: &[(f32, f32)], fill: Rgb) {
        let height = row_height(cells);
        let (left, width) = (self.frame.left, self.frame.content_width());
        let top = self.y;
        self.rect(left, top, width, height, Some(fill), None);
        for (lines, (x, _)) in cells.iter().zip(xs) {
            self.draw_cell_lines(*x, top + CELL_PAD_Y, lines);
        }
        self.y += height;
    }

    /// A table whose header row repeats on every page it spans; rows taller than a page are
    /// split between lines.
    pub fn table(
        &mut self,
        columns: &[Column],
        rows: &[Vec<Cell>],
        header_style: &TextStyle,
        header_fill: Rgb,
        keep_after_heading: bool,
    ) {
        let total: f32 = columns
            .iter()
            .map(|c| c.weight)
            .sum::<f32>()
            .max(f32::EPSILON);
        let mut x = self.frame.left;
        let xs: Vec<(f32, f32)> = columns
            .iter()
            .map(|c| {
                let w = self.frame.content_width() * c.weight / total;
                let cell = (x + CELL_PAD_X, (w - 2.0 * CELL_PAD_X).max(8.0));
                x += w;
                cell
            })
            .collect();
        let laid: Vec<Vec<Vec<CellLine>>> = rows
            .iter()
            .map(|row| {
                row.iter()
                    .zip(&xs)
                    .map(|(cell, (_, w))| self.cell_lines(cell, *w))
                    .collect()
            })
            .collect();
        let header: Vec<Vec<CellLine>> = columns
            .iter()
            .zip(&xs)
            .map(|(c, (_, w))| self.cell_lines(&Cell::plain(*header_style, c.title.clone()), *w))
            .collect();
        let header_height = row_height(&header);
        let first_row = laid.first().map_or(0.0, |cells| row_height(cells));
        if !keep_after_heading {
            self.keep(header_height + first_row.min(60.0));
        }
        self.table_header(&header, &xs, header_fill);
        let page_capacity = self.frame.bottom - self.frame.top - header_height;
        for cells in &laid {
            let mut cursors = vec![0usize; cells.len()];
            loop {
                let remaining: Vec<&[CellLine]> = cells
                    .iter()
                    .zip(&cursors)
                    .map(|(lines, &at)| &lines[at.min(lines.len())..])
                    .collect();
                let needed = remaining
                    .iter()
                    .map(|lines| lines.iter().map(|l| l.height).sum::<f32>())
                    .fold(0.0, f32::max)
                    + 2.0 * CELL_PAD_Y;
                let fresh = cursors.iter().all(|&c| c == 0);
                if needed <= self.room() {
                    let top = self.y;
                    for (lines, (x, _)) in remaining.iter().zip(&xs) {
                        self.draw_cell_lines(*x, top + CELL_PAD_Y, lines);
                    }
                    self.y += needed;
                    let (l, r, y) = (self.frame.left, self.frame.right, self.y);
                    self.hline(l, r, y, 0.4, RULE);
                    break;
                }
                let min_line = remaining
                    .iter()
                    .filter_map(|lines| lines.first().map(|l| l.height))
                    .fold(f32::MAX, f32::min);
                if (fresh && needed <= page_capacity) || self.room() < min_line + 2.0 * CELL_PAD_Y {
                    self.new_page();
                    self.table_header(&header, &xs, header_fill);
                    continue;
                }
                // Draw what fits of each cell, then carry on over the page.
                let top = self.y;
                let limit = self.room() - 2.0 * CELL_PAD_Y;
                for (column, (x, _)) in xs.iter().enumerate() {
                    let lines = remaining[column];
                    let mut used = 0.0;
                    let mut count = 0;
                    while count < lines.len() && used + lines[count].height <= limit {
                        used += lines[count].height;
                        count += 1;
                    }
                    self.draw_cell_lines(*x, top + CELL_PAD_Y, &lines[..count]);
                    cursors[column] += count;
                }
                self.new_page();
                self.table_header(&header, &xs, header_fill);
            }
        }
    }

    /// Resolves links to anchors and hands over the pages.
    pub fn finish(mut self) -> Flowed {
        for (page, index, anchor) in std::mem::take(&mut self.pending_links) {
            let (target_page, y) = self.anchors.get(&anchor).copied().unwrap_or((0, 0.0));
            if let Some(Item::Link { target, .. }) = self
                .pages
                .get_mut(page)
                .and_then(|p| p.items.get_mut(index))
            {
                *target = LinkTarget::Page {
                    index: target_page,
                    y,
                };
            }
        }
        Flowed {
            pages: self.pages,
            outline: self.outline,
            anchors: self.anchors,
            missing: self.measure.missing,
        }
    }
}

/// Wrapped lines cut to `max`, the last ending in "…", so one huge name cannot outgrow a page.
pub fn at_most(mut lines: Vec<String>, max: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.pop();
            last.push('…');
        }
    }
    lines
}

fn row_height(cells: &[Vec<CellLine>]) -> f32 {
    cells
        .iter()
        .map(|lines| lines.iter().map(|l| l.height).sum::<f32>())
        .fold(0.0, f32::max)
        + 2.0 * CELL_PAD_Y
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: TextStyle = TextStyle::new(FontStyle::Regular, 10.0, Rgb::BLACK);

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let m = Measure::new();
        let text = "Russia's terms — NATO renunciation, demilitarisation and recognition of five annexed regions — remain unacceptable to Kyiv.";
        let lines = m.wrap(&BODY, text, 120.0);
        assert!(lines.len() > 3);
        for line in &lines {
            assert!(m.width(&BODY, line) <= 120.01, "{line}");
        }
        let rejoined: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        let original: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(rejoined, original);
    }

    #[test]
    fn words_longer_than_a_line_are_broken() {
        let m = Measure::new();
        let url = format!("https://example.org/{}", "x".repeat(500));
        let lines = m.wrap(&BODY, &url, 100.0);
        assert!(lines.len() > 10);
        assert!(lines.iter().all(|l| m.width(&BODY, l) <= 100.01));
        assert_eq!(lines.concat(), url);
    }

    #[test]
    fn missing_glyphs_are_remembered() {
        let mut m = Measure::new();
        let run = m.run(0.0, 0.0, &BODY, "ok 中 Зеленський");
        assert!(run.width > 0.0);
        assert_eq!(m.missing.iter().collect::<Vec<_>>(), vec![&'中']);
    }
}

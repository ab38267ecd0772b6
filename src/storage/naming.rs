//! Turns a brief's title into a safe, readable file name.
//!
//! Invariant: the result is never empty, has no path separators, no leading dot, no `..`, is not
//! a reserved device name on Windows, and is at most [`MAX_STEM_BYTES`] bytes; letters of any
//! script are kept, so "Зеленський" still gives a usable name.

/// Longest file stem produced, in bytes (well under the 255-byte limit of common file systems).
pub const MAX_STEM_BYTES: usize = 80;

const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A lower-case, dash-separated file stem for `title` (without extension).
pub fn file_stem_for_title(title: &str) -> String {
    let mut stem = String::new();
    let mut pending_dash = false;
    for ch in title.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            if pending_dash && !stem.is_empty() {
                if stem.len() + 1 + ch.len_utf8() > MAX_STEM_BYTES {
                    break;
                }
                stem.push('-');
            }
            pending_dash = false;
            if stem.len() + ch.len_utf8() > MAX_STEM_BYTES {
                break;
            }
            stem.push(ch);
        } else if !matches!(ch, '\'' | '’') {
            // Apostrophes vanish ("Kyiv's" → "kyivs"); every other mark separates words.
            pending_dash = true;
        }
    }
    if stem.is_empty() {
        return "untitled".to_owned();
    }
    let device = stem.split('-').next().unwrap_or_default();
    if RESERVED.contains(&device) {
        stem.insert_str(0, "brief-");
    }
    stem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_become_safe_names() {
        let cases = [
            ("Trump–Putin–Zelensky summit", "trump-putin-zelensky-summit"),
            ("../../etc/passwd", "etc-passwd"),
            ("..", "untitled"),
            ("", "untitled"),
            ("   ", "untitled"),
            ("CON", "brief-con"),
            ("nul: notes", "brief-nul-notes"),
            ("C:\\Windows\\System32", "c-windows-system32"),
            ("Зеленський і мир", "зеленський-і-мир"),
            ("北京 会谈", "北京-会谈"),
            ("Brief 🚀 launch", "brief-launch"),
            ("a/b\\c", "a-b-c"),
        ];
        for (title, want) in cases {
            assert_eq!(file_stem_for_title(title), want, "{title:?}");
        }
    }

    #[test]
    fn names_are_bounded_at_a_character_boundary() {
        let long = "Зеленський ".repeat(50);
        let stem = file_stem_for_title(&long);
        assert!(stem.len() <= MAX_STEM_BYTES, "{}", stem.len());
        assert!(!stem.ends_with('-'));
        assert!(stem.starts_with("зеленський-зеленський"));
    }
}

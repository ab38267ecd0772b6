//! Architecture invariant: the domain core (`src/model/`) knows nothing of UI, PDF, the file
//! system or the modules built on top of it.

use std::fs;
use std::path::Path;

const FORBIDDEN: &[&str] = &[
    "egui",
    "eframe",
    "printpdf",
    "rfd",
    "std::fs",
    "std::net",
    "std::process",
    "std::time::SystemTime",
    "crate::storage",
    "crate::cli",
    "crate::layout",
    "crate::pdf",
    "crate::app",
    "crate::system",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src/model") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `file:line: uses `word`` for every use of a forbidden word under `dir` (comments ignored).
fn violations(dir: &str, forbidden: &[&str], skip: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty(), "no sources under {dir}");
    let mut found = Vec::new();
    for file in files
        .iter()
        .filter(|f| !skip.iter().any(|s| f.to_string_lossy().contains(s)))
    {
        let text = fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                if code.contains(word) {
                    found.push(format!("{}:{}: uses `{word}`", file.display(), n + 1));
                }
            }
        }
    }
    found
}

#[test]
fn the_domain_core_depends_on_nothing_above_it() {
    let found = violations("src/model", FORBIDDEN, &[]);
    assert!(
        found.is_empty(),
        "layering rule broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_layout_engine_is_pure() {
    let found = violations(
        "src/layout",
        &[
            "egui",
            "eframe",
            "printpdf",
            "lopdf",
            "rfd",
            "std::fs",
            "crate::storage",
            "crate::pdf",
            "crate::app",
            "crate::cli",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "layout must stay pure:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_pdf_writer_uses_printpdf() {
    let found = violations("src", &["printpdf::", "use printpdf"], &["src/pdf/"]);
    assert!(
        found.is_empty(),
        "printpdf outside src/pdf:\n{}",
        found.join("\n")
    );
}

#[test]
fn only_the_app_uses_egui() {
    let found = violations("src", &["egui", "eframe", "rfd::"], &["src/app/"]);
    assert!(
        found.is_empty(),
        "egui outside src/app:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_drafting_assistant_is_pure_and_offline() {
    let found = violations(
        "src/analysis",
        &[
            "egui",
            "eframe",
            "printpdf",
            "rfd",
            "std::fs",
            "std::net",
            "std::process",
            "crate::storage",
            "crate::layout",
            "crate::pdf",
            "crate::app",
            "crate::cli",
            "crate::import",
        ],
        &[],
    );
    assert!(
        found.is_empty(),
        "analysis must stay pure:\n{}",
        found.join("\n")
    );
}

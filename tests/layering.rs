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

#[test]
fn the_domain_core_depends_on_nothing_above_it() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(
        files.len() >= 5,
        "expected the core's modules, found {files:?}"
    );
    let mut violations = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read source");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    violations.push(format!("{}:{}: uses `{word}`", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        violations.is_empty(),
        "layering rule broken:\n{}",
        violations.join("\n")
    );
}

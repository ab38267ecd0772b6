//! Runs the drafting assistant on an article many times, for profiling (`perf record`).
//! `cargo run --release --example analyze_loop -- ARTICLE [N]`

use briefdesk::analysis::analyze;
use briefdesk::import::import_file;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next().map(PathBuf::from) else {
        eprintln!("usage: analyze_loop ARTICLE [N]");
        std::process::exit(2);
    };
    let n: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(2000);
    let article = match import_file(&path) {
        Ok(mut articles) if !articles.is_empty() => articles.remove(0),
        Ok(_) => {
            eprintln!("{}: no article", path.display());
            std::process::exit(1);
        }
        Err(err) => {
            eprintln!("{err}");
            std::process::exit(1);
        }
    };
    let mut found = 0;
    for _ in 0..n {
        found += analyze(&article).positions.len();
    }
    println!("{found}");
}

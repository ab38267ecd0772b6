//! Test helper for `tests/storage_safety.rs`: saves a brief over and over until killed.
//!
//! Usage: `save_loop BRIEF.ron SAMPLE.ron`. Each save stamps the brief's title and version
//! with a fresh counter, so the test can tell which complete version survived a kill.

use briefdesk::storage;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let (Some(target), Some(sample)) = (args.next(), args.next()) else {
        eprintln!("usage: save_loop BRIEF.ron SAMPLE.ron");
        return ExitCode::FAILURE;
    };
    let mut brief = match storage::load(&sample) {
        Ok(loaded) => loaded.brief,
        Err(err) => {
            eprintln!("{err}");
            return ExitCode::FAILURE;
        }
    };
    let (mut fingerprint, mut counter) = match storage::load(&target) {
        Ok(loaded) => (loaded.fingerprint, loaded.brief.meta.version),
        Err(_) => (None, 0),
    };
    let mut first = true;
    loop {
        counter += 1;
        brief.meta.version = counter;
        brief.meta.title = format!("Saved version {counter}");
        match storage::save(&target, &brief, fingerprint.as_ref()) {
            Ok(new) => fingerprint = Some(new),
            Err(err) => {
                eprintln!("{err}");
                return ExitCode::FAILURE;
            }
        }
        if first {
            println!("started");
            first = false;
        }
    }
}

//! The real `briefdesk` binary, run as a user would run it.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn briefdesk(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the briefdesk binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A throwaway workspace holding a copy of the sample brief.
fn sample_workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let ws = dir.path().join("briefs");
    fs::create_dir(&ws).expect("workspace");
    fs::copy(common::sample_path(), ws.join("summit.ron")).expect("copy sample");
    dir
}

#[test]
fn check_passes_on_the_shipped_sample_workspace() {
    let out = briefdesk(&["check", "briefs"], Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("checked 1 brief: 0 errors, 0 warnings"));
}

#[test]
fn check_reports_a_hand_broken_brief_with_line_and_column() {
    let dir = sample_workspace();
    let file = dir.path().join("briefs/summit.ron");
    let text = fs::read_to_string(&file).expect("read");
    // Break it the way a hand edit would: a stance name misspelt.
    let broken = text.replacen("stance: Supports", "stance: Suports", 1);
    assert_ne!(broken, text, "the sample has a Supports stance");
    let line_no = broken
        .lines()
        .position(|l| l.contains("Suports"))
        .expect("edited line")
        + 1;
    fs::write(&file, broken).expect("write");

    let out = briefdesk(&["check"], dir.path());
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{printed}");
    let expected = format!("briefs/summit.ron:{line_no}:");
    assert!(
        printed.contains(&expected),
        "want {expected} in:\n{printed}"
    );
    assert!(printed.contains("Suports"), "{printed}");
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn check_reports_a_dangling_reference_at_its_line() {
    let dir = sample_workspace();
    let file = dir.path().join("briefs/summit.ron");
    let text = fs::read_to_string(&file).expect("read");
    let broken = text.replacen("actor: \"putin\"", "actor: \"rasputin\"", 1);
    assert_ne!(broken, text);
    let line_no = broken
        .lines()
        .position(|l| l.contains("rasputin"))
        .expect("edited line")
        + 1;
    fs::write(&file, broken).expect("write");

    let out = briefdesk(&["check"], dir.path());
    let printed = stdout(&out);
    assert_eq!(out.status.code(), Some(1), "{printed}");
    assert!(
        printed.contains(&format!("briefs/summit.ron:{line_no}:")) && printed.contains("BD003"),
        "{printed}"
    );
}

#[test]
fn list_shows_reference_status_marking_and_title() {
    let dir = sample_workspace();
    let out = briefdesk(&["list"], dir.path());
    let printed = stdout(&out);
    assert!(out.status.success(), "{printed}");
    for expected in ["BN-2025-0142", "Draft", "OFFICIAL", "Trump"] {
        assert!(
            printed.contains(expected),
            "{expected} missing in:\n{printed}"
        );
    }
}

#[test]
fn new_creates_a_brief_that_loads_and_list_shows_it() {
    let dir = sample_workspace();
    let out = briefdesk(
        &[
            "new",
            "--title",
            "Grain corridor talks",
            "--template",
            "decision",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let created = dir.path().join("briefs/grain-corridor-talks.ron");
    let loaded = briefdesk::storage::load(&created).expect("the new brief loads");
    assert_eq!(loaded.brief.meta.title, "Grain corridor talks");
    assert!(stdout(&briefdesk(&["list"], dir.path())).contains("Grain corridor talks"));
}

#[test]
fn new_with_an_unknown_template_is_one_clear_error() {
    let dir = sample_workspace();
    let out = briefdesk(&["new", "--title", "X", "--template", "memo"], dir.path());
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("unknown template `memo`"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn check_on_a_missing_file_names_it() {
    let dir = sample_workspace();
    let out = briefdesk(&["check", "nowhere.ron"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("nowhere.ron"), "{}", stderr(&out));
}

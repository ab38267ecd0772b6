//! The real `briefdesk` binary, run as a user would run it.

mod common;

use common::{briefdesk, stderr, stdout};

use std::fs;
use std::path::Path;

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

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(path)
        .display()
        .to_string()
}

#[test]
fn import_puts_articles_in_the_library_once_and_reports_bad_files() {
    let dir = sample_workspace();
    let feed = dir.path().join("wire.rss");
    fs::write(
        &feed,
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Talks resume</title><link>https://example.org/1</link>
<pubDate>Tue, 10 Jun 2025 04:00:00 GMT</pubDate><description>Envoys met in Geneva.</description></item>
<item><title>Vote delayed</title><link>https://example.org/2</link>
<description>&lt;p&gt;The vote was put off.&lt;/p&gt;</description></item>
</channel></rss>"#,
    )
    .expect("feed");
    let binary = dir.path().join("photo.txt");
    fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0, 1, 2]).expect("binary");
    let story = fixture("tests/fixtures/articles/vienna-iaea-talks.txt");
    let out = briefdesk(&["import", &story, "wire.rss", "photo.txt"], dir.path());
    assert!(!out.status.success(), "a bad file makes the run fail");
    assert!(stderr(&out).contains("photo.txt"), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("imported 3 articles"),
        "{}",
        stdout(&out)
    );
    let library = dir.path().join("briefs/articles");
    let talks = fs::read_to_string(library.join("talks-resume.txt")).expect("feed item stored");
    assert!(talks.starts_with("Title: Talks resume\n"));
    assert!(talks.contains("Date: 2025-06-10\n"));
    assert!(talks.contains("URL: https://example.org/1\n"));
    assert!(talks.ends_with("Envoys met in Geneva.\n"));
    // Importing the same article again does not duplicate it.
    let again = briefdesk(&["import", "wire.rss"], dir.path());
    assert!(again.status.success());
    assert!(
        stdout(&again).contains("already in the library"),
        "{}",
        stdout(&again)
    );
    assert_eq!(fs::read_dir(&library).expect("library").count(), 3);
}

#[test]
fn analyze_json_has_the_agreed_shape_with_exact_offsets() {
    let seed = fixture("briefs/articles/000_443a827814897e09.txt");
    let out = briefdesk(&["analyze", &seed, "--json"], Path::new("."));
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("one JSON object");
    let body = fs::read_to_string(&seed).expect("seed");
    let body = body.trim();
    for quote in json["quotes"].as_array().expect("quotes") {
        let (start, end) = (
            quote["start"].as_u64().expect("start") as usize,
            quote["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            Some(quote["text"].as_str().expect("text")),
            body.get(start..end)
        );
    }
    let steps = json["next_steps"].as_array().expect("next steps");
    assert!(steps.iter().any(|s| s["when"] == "as early as next week"
        && s["qualifier"] == "earliest"
        && s["date_from"].is_null()));
    // A readable report without --json.
    let text = briefdesk(&["analyze", &seed], Path::new("."));
    assert!(stdout(&text).contains("NEXT STEPS"));
    assert!(stdout(&text).contains("Vladimir Putin"));
}

#[test]
fn draft_makes_a_brief_of_suggestions_that_loads_and_checks() {
    let dir = sample_workspace();
    let seed = fixture("briefs/articles/000_443a827814897e09.txt");
    let out = briefdesk(&["draft", &seed, "-o", "draft.ron"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("suggested actor"), "{}", stdout(&out));
    let brief = briefdesk::storage::load(&dir.path().join("draft.ron")).expect("draft loads");
    assert!(brief.brief.positions.iter().all(|p| p.suggested));
    assert!(!brief.brief.next_steps.is_empty());
    // The draft never overwrites an existing file.
    let again = briefdesk(&["draft", &seed, "-o", "draft.ron"], dir.path());
    assert!(!again.status.success());
    // Without -o it goes into the workspace under a new name.
    let into = briefdesk(&["draft", &seed], dir.path());
    assert!(into.status.success(), "{}", stderr(&into));
    let check = briefdesk(&["check", "briefs"], dir.path());
    assert!(
        stdout(&check).contains("checked 2 briefs"),
        "{}",
        stdout(&check)
    );
}

#[test]
fn a_draft_in_a_fresh_workspace_keeps_its_article_in_the_library() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("ws")).expect("an empty workspace");
    let seed = fixture("briefs/articles/000_443a827814897e09.txt");
    let out = briefdesk(&["-w", "ws", "draft", &seed], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let library: Vec<_> = fs::read_dir(dir.path().join("ws/articles"))
        .expect("the draft made the workspace's library")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(library.len(), 1, "{library:?}");
    let kept = fs::read_to_string(&library[0]).expect("article text");
    assert!(kept.contains("Zelensky"), "{kept}");
    // Drafting again from the same article does not file it twice.
    let again = briefdesk(&["-w", "ws", "draft", &seed], dir.path());
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        fs::read_dir(dir.path().join("ws/articles"))
            .expect("library")
            .count(),
        1
    );
}

#[test]
fn analyze_refuses_binary_and_missing_files_clearly() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("blob.txt"), [0u8, 159, 146, 150, 0, 0]).expect("blob");
    let out = briefdesk(&["analyze", "blob.txt"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("blob.txt"), "{}", stderr(&out));
    let missing = briefdesk(&["analyze", "nowhere.txt"], dir.path());
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("nowhere.txt"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn check_runs_the_tradecraft_checks_and_honours_silenced_ones() {
    let dir = sample_workspace();
    let file = dir.path().join("briefs/summit.ron");
    let text = fs::read_to_string(&file).expect("read");
    // A hedge in the assessment, and the silenced two-page check restored.
    let hedged = text
        .replacen(
            "We judge that a trilateral summit",
            "We judge that a trilateral summit might happen; one",
            1,
        )
        .replacen("\"BD012\",", "", 1);
    assert_ne!(hedged, text);
    fs::write(&file, &hedged).expect("write");
    let out = briefdesk(&["check"], dir.path());
    let printed = stdout(&out);
    assert!(out.status.success(), "warnings only: {printed}");
    let line_no = hedged
        .lines()
        .position(|l| l.contains("might happen"))
        .expect("line")
        + 1;
    assert!(
        printed.contains(&format!("summit.ron:{line_no}:")) && printed.contains("warning[BD015]"),
        "{printed}"
    );
    assert!(printed.contains("“might” is a vague hedge"), "{printed}");
    assert!(
        printed.contains("warning[BD012]") && printed.contains("4 pages"),
        "{printed}"
    );

    // Silencing the hedge check hides it and says so.
    let silenced = hedged.replacen(
        "silenced_checks: [",
        "silenced_checks: [\n            \"BD015\",",
        1,
    );
    fs::write(&file, silenced).expect("write");
    let printed = stdout(&briefdesk(&["check"], dir.path()));
    assert!(!printed.contains("BD015"), "{printed}");
    assert!(printed.contains("(1 silenced)"), "{printed}");
}

#[test]
fn check_codes_lists_every_check_once() {
    let out = briefdesk(&["check", "--codes"], Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(out.status.success());
    let printed = stdout(&out);
    for n in 1..=17 {
        let code = format!("BD{n:03}");
        assert_eq!(
            printed.lines().filter(|l| l.starts_with(&code)).count(),
            1,
            "{code} in:\n{printed}"
        );
    }
    assert!(printed.contains("BD003") && printed.contains("(cannot be silenced)"));
}

#[test]
fn help_gives_every_subcommand_its_own_description() {
    let out = briefdesk(&["--help"], Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(out.status.success(), "{}", stderr(&out));
    let help = stdout(&out);
    let commands: Vec<(String, String)> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .map(|l| {
            let l = l.trim();
            let (name, about) = l.split_once(' ').unwrap_or((l, ""));
            (name.to_owned(), about.trim().to_owned())
        })
        .collect();
    assert!(commands.len() >= 10, "{help}");
    for (name, about) in &commands {
        assert!(!about.is_empty(), "`{name}` has no description:\n{help}");
    }
    let about = |name: &str| {
        commands
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| a.clone())
            .unwrap_or_default()
    };
    assert!(
        about("import").starts_with("Import article files"),
        "{help}"
    );
    assert!(
        about("new").starts_with("Create a new brief file"),
        "{help}"
    );
}

#[test]
fn a_missing_file_is_named_once_with_its_reason_once() {
    let dir = sample_workspace();
    let out = briefdesk(&["export", "no-such-brief.ron"], dir.path());
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no-such-brief.ron: cannot read the file"),
        "{err}"
    );
    let reason = std::io::Error::from(std::io::ErrorKind::NotFound).to_string();
    let os_reason = fs::read("no-such-brief.ron")
        .err()
        .map(|e| e.to_string())
        .unwrap_or(reason);
    assert_eq!(err.matches(&os_reason).count(), 1, "{err}");
}

#[test]
fn output_cut_short_by_its_reader_is_not_a_crash() {
    // "briefdesk analyze … | head": the reader closes the pipe before the output ends.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_briefdesk"))
        .args([
            "analyze",
            "briefs/articles/000_443a827814897e09.txt",
            "--json",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("run briefdesk");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

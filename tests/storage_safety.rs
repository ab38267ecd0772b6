//! Briefs are never lost: interrupted saves, corrupt files, newer formats and concurrent edits.

mod common;

use briefdesk::model::Brief;
use briefdesk::storage::{self, LoadProblem, SaveError, Workspace, backup_path, format};
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

/// The `save_loop` example; `cargo test` builds examples, a filtered run may not have.
fn save_loop_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let debug_dir = exe.parent().and_then(Path::parent).expect("target dir");
    let binary = debug_dir
        .join("examples")
        .join(format!("save_loop{}", std::env::consts::EXE_SUFFIX));
    if !binary.exists() {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--example", "save_loop"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("run cargo");
        assert!(status.success(), "building the save_loop example failed");
    }
    binary
}

/// A small deterministic generator, so failures reproduce.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

fn is_saved_version(brief: &Brief, base: &Brief) -> bool {
    let n = brief.meta.version;
    let mut expected = base.clone();
    expected.meta.version = n;
    expected.meta.title = format!("Saved version {n}");
    n >= 1 && *brief == expected
}

#[test]
fn killing_a_save_at_random_moments_always_leaves_a_saved_version() {
    let binary = save_loop_binary();
    assert!(
        binary.exists(),
        "build examples first: {}",
        binary.display()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("brief.ron");
    let base = common::sample_brief();
    let mut rng = Lcg(42);
    let mut last_version = 0;
    for round in 0..25 {
        let mut child = Command::new(&binary)
            .arg(&target)
            .arg(common::sample_path())
            .stdout(Stdio::piped())
            .spawn()
            .expect("spawn save loop");
        let mut line = String::new();
        if let Some(stdout) = child.stdout.take() {
            BufReader::new(stdout).read_line(&mut line).expect("read");
        }
        assert_eq!(
            line.trim(),
            "started",
            "round {round}: the saver did not start"
        );
        std::thread::sleep(Duration::from_micros(rng.next() % 20_000));
        child.kill().expect("kill");
        child.wait().expect("wait");

        let loaded = storage::load(&target).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(
            is_saved_version(&loaded.brief, &base),
            "round {round}: torn write"
        );
        assert!(
            loaded.brief.meta.version > last_version,
            "round {round}: went backwards"
        );
        last_version = loaded.brief.meta.version;
    }
    // Every kept backup is a complete saved version, newest first. A kill part-way through
    // moving the ring up leaves one empty slot, never more; a kill after the old content was
    // linked as backup 1 but before the new content landed leaves backup 1 equal to the brief
    // (and a later save may shift that copy down), so versions only never increase.
    let mut kept = 0;
    let mut newer = last_version;
    for n in 1..=storage::HISTORY_DEPTH {
        let backup = backup_path(&target, n).expect("backup path");
        if !backup.exists() {
            continue;
        }
        let loaded = storage::load(&backup).unwrap_or_else(|e| panic!("backup {n}: {e}"));
        assert!(is_saved_version(&loaded.brief, &base), "backup {n} is torn");
        assert!(
            loaded.brief.meta.version <= newer,
            "backup {n} is out of order"
        );
        newer = loaded.brief.meta.version;
        kept += 1;
    }
    assert!(
        kept >= storage::HISTORY_DEPTH - 1,
        "only {kept} backups kept"
    );
    // The next save that runs to completion closes any gap.
    let current = fs::read(&target).expect("read brief");
    storage::replace_file(&target, &current, true).expect("save");
    for n in 1..=storage::HISTORY_DEPTH {
        let backup = backup_path(&target, n).expect("backup path");
        assert!(backup.exists(), "backup {n} missing after a full save");
    }
    assert!(last_version > 25, "the saver made progress: {last_version}");
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write fixture");
    path
}

fn load_problem(path: &Path) -> LoadProblem {
    match storage::load(path) {
        Ok(_) => panic!("{} should not load", path.display()),
        Err(err) => {
            assert_eq!(err.path, path);
            assert!(
                err.to_string().starts_with(&path.display().to_string()),
                "{err}"
            );
            err.problem
        }
    }
}

fn position_of(path: &Path) -> (usize, usize) {
    let problem = load_problem(path);
    problem
        .position()
        .unwrap_or_else(|| panic!("no line/column in: {problem}"))
}

#[test]
fn corrupt_files_are_reported_with_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = fs::read_to_string(common::sample_path()).expect("sample");

    // Truncated at many points: always an error with a position, never a panic.
    for cut in (0..sample.len())
        .step_by(997)
        .filter(|c| sample.is_char_boundary(*c))
    {
        let path = write(dir.path(), "truncated.ron", &sample[..cut]);
        let (line, _) = position_of(&path);
        assert!(line >= 1);
    }

    // A wrong type points at the offending line.
    let wrong = sample.replacen("version: 1,", "version: \"one\",", 1);
    let line_of_version = sample
        .lines()
        .position(|l| l.contains("version: 1,"))
        .expect("field")
        + 1;
    let path = write(dir.path(), "wrong-type.ron", &wrong);
    assert_eq!(position_of(&path).0, line_of_version);

    // An impossible date is named with its position.
    let bad_date = sample.replacen("\"2025-08-17\"", "\"2025-02-30\"", 1);
    let path = write(dir.path(), "bad-date.ron", &bad_date);
    let problem = load_problem(&path);
    assert!(problem.to_string().contains("2025-02-30"), "{problem}");
    assert!(problem.position().is_some());

    // Invalid UTF-8 on line 3.
    let mut bytes = b"// brief\n(\n    format: 1, \xff\xfe\n".to_vec();
    bytes.extend_from_slice(b")");
    let path = write(dir.path(), "latin1.ron", &bytes);
    assert_eq!(position_of(&path), (3, 16));

    // Random bytes.
    let mut rng = Lcg(7);
    for round in 0..50 {
        let len = (rng.next() % 4096) as usize;
        let noise: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let path = write(dir.path(), &format!("noise-{round}.ron"), &noise);
        assert!(storage::load(&path).is_err());
    }

    // Deeply nested brackets hit the recursion limit instead of the stack.
    let nested = format!("(format: 1, brief: {}", "(".repeat(100_000));
    let path = write(dir.path(), "nested.ron", nested);
    position_of(&path);
    let nested = format!("(format: 1, brief: (meta: {}", "[".repeat(1_000_000));
    let path = write(dir.path(), "nested-seq.ron", nested);
    position_of(&path);

    // An empty file.
    let path = write(dir.path(), "empty.ron", "");
    position_of(&path);
}

#[test]
fn a_50_mb_file_is_rejected_with_a_position_and_a_huge_one_by_size() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut big =
        String::from("(\n    format: 1,\n    brief: (\n        meta: (\n            title: \"");
    big.push_str(&"x".repeat(50 * 1024 * 1024));
    big.push_str("\",\n    ),\n)\n");
    let path = write(dir.path(), "big.ron", big);
    let (line, _) = position_of(&path);
    assert!(line >= 5, "{line}");

    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).expect("create");
    file.set_len(format::MAX_BRIEF_BYTES + 1)
        .expect("sparse file");
    assert!(matches!(load_problem(&path), LoadProblem::TooLarge { .. }));
}

#[test]
fn a_file_from_a_newer_version_is_refused_and_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sample = fs::read_to_string(common::sample_path()).expect("sample");
    let current = format!("format: {},", storage::format::FORMAT_VERSION);
    assert!(
        sample.contains(&current),
        "the sample is written in the current format"
    );
    let newer = sample.replacen(&current, "format: 99,", 1).replacen(
        "meta: (",
        "meta: (\n            future_field: Wormhole(3),",
        1,
    );
    let path = write(dir.path(), "newer.ron", &newer);

    let problem = load_problem(&path);
    assert!(
        matches!(problem, LoadProblem::NewerFormat { found: 99, .. }),
        "{problem}"
    );
    assert!(problem.to_string().contains("newer Briefdesk"));

    // Even a save that claims to know the file's content must not replace it.
    let brief = common::sample_brief();
    let fingerprint = storage::Fingerprint::of(newer.as_bytes());
    let err = storage::save(&path, &brief, Some(&fingerprint)).expect_err("refused");
    assert!(
        matches!(err, SaveError::NewerFormat { found: 99, .. }),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        newer,
        "left byte-for-byte unchanged"
    );
}

#[test]
fn saving_over_a_file_changed_on_disk_reports_a_conflict() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brief.ron");
    let mut brief = common::sample_brief();
    let fingerprint = storage::save(&path, &brief, None).expect("first save");

    // A new file must not replace an existing one.
    assert!(matches!(
        storage::save(&path, &brief, None),
        Err(SaveError::Conflict { .. })
    ));

    // Someone else edits the file.
    let theirs = fs::read_to_string(&path)
        .expect("read")
        .replace("Draft", "Approved");
    fs::write(&path, &theirs).expect("external edit");
    brief.sections.bluf = "My edit".into();
    let err = storage::save(&path, &brief, Some(&fingerprint)).expect_err("conflict");
    assert!(matches!(err, SaveError::Conflict { .. }));
    assert!(err.to_string().contains("changed on disk"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        theirs,
        "their edit survives"
    );

    // Someone else deletes it.
    fs::remove_file(&path).expect("delete");
    assert!(matches!(
        storage::save(&path, &brief, Some(&fingerprint)),
        Err(SaveError::Conflict { .. })
    ));
}

#[test]
fn each_save_keeps_the_previous_versions_in_a_ring() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("brief.ron");
    let mut brief = common::sample_brief();
    let mut fingerprint = None;
    for n in 1..=8 {
        brief.meta.version = n;
        fingerprint = Some(storage::save(&path, &brief, fingerprint.as_ref()).expect("save"));
    }
    for back in 1..=storage::HISTORY_DEPTH {
        let backup = backup_path(&path, back).expect("backup path");
        let loaded = storage::load(&backup).expect("backup loads");
        assert_eq!(loaded.brief.meta.version, 8 - back as u32);
    }
    assert!(
        !backup_path(&path, storage::HISTORY_DEPTH + 1)
            .expect("path")
            .exists()
    );
    // No temporary files are left behind, and the workspace lists only the brief.
    let names: Vec<_> = fs::read_dir(dir.path())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 2, "brief + history folder: {names:?}");
    assert_eq!(
        Workspace::open(dir.path())
            .expect("open")
            .brief_paths()
            .expect("ls")
            .len(),
        1
    );
}

#[test]
fn a_corrupt_brief_does_not_hide_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::copy(common::sample_path(), dir.path().join("a-good.ron")).expect("copy");
    write(
        dir.path(),
        "b-broken.ron",
        "(format: 1, brief: (meta: (title: 3",
    );
    fs::copy(common::sample_path(), dir.path().join("c-good.ron")).expect("copy");
    write(dir.path(), "notes.txt", "not a brief");
    let entries = Workspace::open(dir.path())
        .expect("open")
        .scan()
        .expect("scan");
    let summary: Vec<(String, bool)> = entries
        .iter()
        .map(|e| {
            (
                e.path
                    .file_name()
                    .expect("name")
                    .to_string_lossy()
                    .into_owned(),
                e.result.is_ok(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("a-good.ron".into(), true),
            ("b-broken.ron".into(), false),
            ("c-good.ron".into(), true)
        ]
    );
    let err = entries[1].result.as_ref().expect_err("broken");
    assert!(err.problem.position().is_some(), "{err}");
}

#[test]
fn new_briefs_get_unique_sanitised_names() {
    let dir = tempfile::tempdir().expect("temp dir");
    let workspace = Workspace::open(dir.path()).expect("open");
    let mut brief = common::sample_brief();
    brief.meta.title = "../../Зеленський: talks?".into();
    let (first, _) = workspace.create(&brief).expect("create");
    let (second, _) = workspace.create(&brief).expect("create again");
    assert_eq!(first, dir.path().join("зеленський-talks.ron"));
    assert_eq!(second, dir.path().join("зеленський-talks-2.ron"));
    assert_eq!(workspace.next_reference(2025), "BN-2025-0143");
}

#[test]
fn a_save_closes_gaps_left_in_the_backup_ring_by_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = write(dir.path(), "brief.ron", "v9");
    let history = dir.path().join(storage::HISTORY_DIR);
    fs::create_dir_all(&history).expect("history dir");
    // A crash mid-rotation left versions 8, 6 and 5 in slots 1, 3 and 5.
    for (slot, content) in [(1, "v8"), (3, "v6"), (5, "v5")] {
        write(&history, &format!("brief.ron.{slot}"), content);
    }
    storage::replace_file(&target, b"v10", true).expect("save");
    let ring: Vec<String> = (1..=storage::HISTORY_DEPTH)
        .map(|n| {
            let path = backup_path(&target, n).expect("backup path");
            fs::read_to_string(path).unwrap_or_default()
        })
        .collect();
    assert_eq!(ring, ["v9", "v8", "v6", "v5", ""]);
    assert_eq!(fs::read_to_string(&target).expect("brief"), "v10");
}

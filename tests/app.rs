//! The real app, driven headless through egui_kittest as a user would drive it.

mod common;

use briefdesk::app::seams::ScriptedDialogs;
use briefdesk::app::{BriefdeskApp, Modal, View, recovery};
use briefdesk::model::{Clock, Timestamp};
use eframe::egui::{self, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A clock the test moves forward by hand.
#[derive(Clone)]
struct TestClock(Arc<Mutex<Timestamp>>);

impl TestClock {
    fn new() -> Self {
        Self(Arc::new(Mutex::new(common::ts("2025-08-17T09:00:00Z"))))
    }
    fn advance(&self, seconds: i64) {
        let mut now = self.0.lock().expect("clock");
        let total = now.date.days_since_epoch() * 86_400
            + i64::from(now.hour) * 3600
            + i64::from(now.minute) * 60
            + i64::from(now.second)
            + seconds;
        *now = Timestamp::from_unix_seconds(total).expect("valid time");
    }
}

impl Clock for TestClock {
    fn now(&self) -> Timestamp {
        *self.0.lock().expect("clock")
    }
}

/// A workspace holding a copy of the sample brief.
fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let brief = dir.path().join("summit.ron");
    fs::copy(common::sample_path(), &brief).expect("copy sample");
    (dir, brief)
}

fn harness(
    root: &Path,
    dialogs: ScriptedDialogs,
    clock: TestClock,
) -> Harness<'static, BriefdeskApp> {
    let app = BriefdeskApp::new(root, Box::new(dialogs), Box::new(clock));
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.ui(ui), app)
}

/// Selects `quote` in the source reader, as a drag with the mouse would: focus and a selection.
fn select_in_reader(h: &mut Harness<'_, BriefdeskApp>, quote: &str) {
    let text = brief(h).sources[0].text.clone();
    let start = text.find(quote).expect("quote in source");
    let (from, to) = (
        text[..start].chars().count(),
        text[..start + quote.len()].chars().count(),
    );
    let id = egui::Id::unique("reader-text");
    let mut state = egui::text_edit::TextEditState::load(&h.ctx, id).expect("reader state");
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(from),
            egui::text::CCursor::new(to),
        )));
    state.store(&h.ctx, id);
    h.ctx.memory_mut(|m| m.request_focus(id));
    h.run();
    assert!(
        h.state().reader.selection.is_some(),
        "selection seen by the reader"
    );
}

fn brief<'h>(h: &'h Harness<'_, BriefdeskApp>) -> &'h briefdesk::model::Brief {
    &h.state().open.as_ref().expect("a brief is open").brief
}

#[test]
fn opens_the_sample_and_edits_it_end_to_end() {
    let (dir, path) = workspace();
    let pdf = dir.path().join("out/summit.pdf");
    fs::create_dir(dir.path().join("out")).expect("dir");
    let dialogs = ScriptedDialogs {
        pdf: Some(pdf.clone()),
        ..Default::default()
    };
    let mut h = harness(dir.path(), dialogs, TestClock::new());
    h.run();
    assert_eq!(brief(&h).meta.reference, "BN-2025-0142");

    // Type into the bottom line.
    h.get_by_label("Bottom line up front").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.get_by_label("Bottom line up front")
        .type_text(" Watch Friday.");
    h.run();
    assert!(
        brief(&h).sections.bluf.contains(" Watch Friday."),
        "{}",
        brief(&h).sections.bluf
    );

    // Add an actor.
    let actors = brief(&h).actors.len();
    h.get_by_label("Add actor").click_accesskit();
    h.run();
    assert_eq!(brief(&h).actors.len(), actors + 1);

    // Add a position and cite a passage selected in the source reader.
    h.get_by_label("Positions").click();
    h.run();
    assert_eq!(h.state().view, View::Positions);
    let positions = brief(&h).positions.len();
    h.get_by_label("Add position").click();
    h.run();
    assert_eq!(brief(&h).positions.len(), positions + 1);
    let quote = "Zelensky has consistently rejected any territorial concessions.";
    select_in_reader(&mut h, quote);
    assert!(
        h.state().cite_target.is_some(),
        "the new position is the cite target"
    );
    h.get_by_label("Cite selection").click();
    h.run();
    let cited = &brief(&h).positions[positions].evidence;
    assert_eq!(cited.len(), 1, "one citation attached");
    assert_eq!(cited[0].quote, quote);
    assert!(cited[0].matches(&brief(&h).sources[0]));

    // Add a next step.
    h.get_by_label("Next steps").click();
    h.run();
    let steps = brief(&h).next_steps.len();
    h.get_by_label("Add next step").click();
    h.run();
    assert_eq!(brief(&h).next_steps.len(), steps + 1);

    // Undo and redo.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(brief(&h).next_steps.len(), steps);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(brief(&h).next_steps.len(), steps + 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(brief(&h).next_steps.len(), steps + 1);

    // Save: the file on disk changed and loads back as the edited brief.
    let before = fs::read(&path).expect("read");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_ne!(fs::read(&path).expect("read"), before);
    let loaded = briefdesk::storage::load(&path).expect("saved brief loads");
    assert_eq!(&loaded.brief, brief(&h));
    assert!(!h.state().open.as_ref().expect("open").is_dirty());

    // Export through the substituted dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::E);
    h.run_steps(2);
    h.state_mut().wait_for_jobs();
    h.run();
    assert!(
        h.state()
            .notices
            .iter()
            .any(|n| n.text.starts_with("Exported")),
        "{:?}",
        h.state().notices
    );
    let bytes = fs::read(&pdf).expect("the PDF exists");
    let parsed = lopdf::Document::load_mem(&bytes).expect("the PDF parses");
    let pages: Vec<u32> = parsed.get_pages().keys().copied().collect();
    assert!(
        parsed
            .extract_text(&pages)
            .expect("text")
            .contains("Watch Friday.")
    );
}

#[test]
fn a_corrupt_brief_is_listed_with_its_error_and_the_app_keeps_working() {
    let (dir, _) = workspace();
    fs::write(dir.path().join("broken.ron"), "(format: 1, brief: (meta: [").expect("write");
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    h.get_by_label("⚠ broken.ron");
    let error = h
        .state()
        .entries
        .iter()
        .find(|e| e.path.ends_with("broken.ron"))
        .and_then(|e| e.summary.as_ref().err())
        .expect("listed with an error")
        .clone();
    assert!(error.contains("broken.ron:1:"), "{error}");
    h.get_by_label_contains(&error[..error.len().min(30)]);
    // The sample still opened and can be edited.
    h.get_by_label("Add issue").click_accesskit();
    h.run();
    assert_eq!(
        brief(&h).issues.len(),
        common::sample_brief().issues.len() + 1
    );
}

#[test]
fn unsaved_edits_are_autosaved_and_offered_back_after_a_crash() {
    let (dir, path) = workspace();
    let clock = TestClock::new();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), clock.clone());
    h.run();
    h.get_by_label("Add actor").click_accesskit();
    h.run();
    let edited = brief(&h).clone();
    assert!(
        recovery::recovery_path(&path).is_some_and(|p| !p.exists()),
        "not autosaved yet"
    );
    clock.advance(6);
    h.run();
    let recovery_file = recovery::recovery_path(&path).expect("recovery path");
    assert!(
        recovery_file.exists(),
        "autosaved after the period: {:?}",
        h.state().notices
    );
    assert_eq!(
        briefdesk::storage::load(&path).expect("original").brief,
        common::sample_brief(),
        "the brief itself is untouched"
    );
    drop(h); // the "crash": nothing saved

    let mut h = harness(dir.path(), ScriptedDialogs::default(), clock);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::Restore(_))));
    h.get_by_label("Restore").click();
    h.run();
    assert_eq!(brief(&h).actors, edited.actors);
    assert!(
        h.state().open.as_ref().expect("open").is_dirty(),
        "restored edits stay unsaved"
    );
}

#[test]
fn the_preview_draws_the_layout_engine_pages() {
    let (dir, _) = workspace();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    h.get_by_label("PDF preview").click();
    h.run();
    let pages = h.state_mut().preview_document().expect("pages").pages.len();
    assert!(pages >= 2);
    h.get_by_label(&format!("1 / {pages}"));
}

#[test]
fn workspaces_are_remembered_and_switching_asks_about_unsaved_changes() {
    let (first, _) = workspace();
    let (second, _) = workspace();
    let list = first.path().join("config/recent");
    let dialogs = ScriptedDialogs {
        workspace: Some(second.path().to_path_buf()),
        ..Default::default()
    };
    let app = BriefdeskApp::new(first.path(), Box::new(dialogs), Box::new(TestClock::new()))
        .with_recent_file(list.clone());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(|ui, app: &mut BriefdeskApp| app.ui(ui), app);
    h.run();
    h.get_by_label("Add issue").click_accesskit();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(matches!(h.state().modal, Some(Modal::UnsavedChanges(_))));
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().root, second.path());
    let remembered = fs::read_to_string(&list).expect("recent list written");
    let lines: Vec<&str> = remembered.lines().collect();
    assert_eq!(lines.len(), 2, "{remembered}");
    assert!(lines[1].ends_with(&*first.path().file_name().expect("name").to_string_lossy()));
}

#[test]
fn dropped_and_imported_articles_land_in_the_workspace() {
    let (dir, _) = workspace();
    let outside = tempfile::tempdir().expect("temp dir");
    let article = outside.path().join("grain-deal.txt");
    fs::write(
        &article,
        "Title: Grain deal\n\nKYIV (Reuters) - Talks resume.",
    )
    .expect("write");
    let missing = outside.path().join("missing.txt");
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    h.state_mut().import_articles(&[article, missing]);
    h.state_mut().wait_for_jobs();
    h.run();
    assert!(dir.path().join("articles/grain-deal.txt").exists());
    assert!(
        h.state()
            .articles
            .iter()
            .any(|a| a.ends_with("grain-deal.txt"))
    );
    let notices: Vec<&str> = h.state().notices.iter().map(|n| n.text.as_str()).collect();
    assert!(
        notices.iter().any(|n| n.contains("missing.txt")),
        "{notices:?}"
    );
    h.get_by_label("grain-deal.txt");
}

#[test]
fn suggestions_from_a_source_are_accepted_with_their_citation_or_rejected() {
    let (dir, _) = workspace();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    let positions_before = brief(&h).positions.len();
    let steps_before = brief(&h).next_steps.len();
    h.get_by_label("Suggest from this source").click_accesskit();
    h.run_steps(2);
    h.state_mut().wait_for_jobs();
    h.run();
    let proposed = h
        .state()
        .suggestions
        .as_ref()
        .map(|s| s.items.positions.len())
        .expect("suggestions listed");
    assert!(proposed >= 5, "{proposed} positions proposed");
    // Nothing is added until the analyst accepts it.
    assert_eq!(brief(&h).positions.len(), positions_before);

    h.get_by_label_contains("Accept Position: Russia demands")
        .click_accesskit();
    h.run();
    let brief_now = brief(&h);
    assert_eq!(brief_now.positions.len(), positions_before + 1);
    let accepted = brief_now.positions.last().expect("accepted position");
    assert!(!accepted.suggested);
    assert_eq!(accepted.stance, briefdesk::model::Stance::Demands);
    let citation = accepted.evidence.first().expect("citation");
    assert!(citation.quote.contains("Moscow, however, has insisted"));
    let source = &brief_now.sources[0];
    assert_eq!(&source.text[citation.start..citation.end], citation.quote);
    // Accepting is one undo step.
    assert_eq!(
        h.state().open.as_ref().and_then(|o| o.history.undo_label()),
        Some("accept suggestion")
    );

    // Rejecting hides the proposal and changes nothing in the brief.
    let remaining = h
        .state()
        .suggestions
        .as_ref()
        .map(|s| s.items.next_steps.len());
    h.get_by_label_contains("Reject Next step: as early as next week")
        .click_accesskit();
    h.run();
    assert_eq!(
        h.state()
            .suggestions
            .as_ref()
            .map(|s| s.items.next_steps.len()),
        remaining.map(|n| n - 1)
    );
    assert_eq!(brief(&h).next_steps.len(), steps_before);
    assert!(
        h.query_by_label_contains("Reject Next step: as early as next week")
            .is_none()
    );
}

fn press(h: &mut Harness<'_, BriefdeskApp>, key: Key) {
    h.key_press_modifiers(Modifiers::COMMAND, key);
    h.run();
}

#[test]
fn the_matrix_opens_a_position_creates_one_in_a_gap_and_reorders_rows() {
    use briefdesk::app::history::CiteTarget;
    let (dir, _) = workspace();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    press(&mut h, Key::Num4);
    assert_eq!(h.state().view, View::Matrix);

    // A filled cell opens its position in the positions editor.
    let b = brief(&h);
    let putin = b
        .positions
        .iter()
        .position(|p| p.actor.as_str() == "putin")
        .expect("Putin's position");
    let issue = b
        .issue(&b.positions[putin].issue)
        .expect("issue")
        .name
        .clone();
    let stance = b.positions[putin].stance.label();
    h.get_by_label(&format!("Vladimir Putin on {issue}: {stance}"))
        .click();
    h.run();
    assert_eq!(h.state().view, View::Positions);
    assert_eq!(h.state().cite_target, Some(CiteTarget::Position(putin)));

    // An empty cell creates the missing position, for that actor and issue, and opens it.
    press(&mut h, Key::Num4);
    let before = brief(&h).positions.len();
    h.get_by_label("Vladimir Putin on NATO membership for Ukraine: no position")
        .click();
    h.run();
    let b = brief(&h);
    assert_eq!(b.positions.len(), before + 1);
    let new = &b.positions[before];
    assert_eq!(new.actor.as_str(), "putin");
    assert_eq!(
        b.issue(&new.issue).expect("issue").name,
        "NATO membership for Ukraine"
    );
    assert_eq!(h.state().cite_target, Some(CiteTarget::Position(before)));
    assert_eq!(h.state().view, View::Positions);

    // Rows and columns reorder the brief's actors and issues, one undo step each.
    press(&mut h, Key::Num4);
    let order = |h: &Harness<'_, BriefdeskApp>| -> Vec<String> {
        brief(h).actors.iter().map(|a| a.name.clone()).collect()
    };
    let before = order(&h);
    let putin_row = before
        .iter()
        .position(|n| n == "Vladimir Putin")
        .expect("row");
    h.get_by_label("Move Vladimir Putin up").click();
    h.run();
    let after = order(&h);
    assert_eq!(after[putin_row - 1], "Vladimir Putin");
    let issues_before: Vec<String> = brief(&h).issues.iter().map(|i| i.name.clone()).collect();
    h.get_by_label(&format!("Move “{}” right", issues_before[0]))
        .click();
    h.run();
    assert_eq!(brief(&h).issues[1].name, issues_before[0]);
    press(&mut h, Key::Z);
    press(&mut h, Key::Z);
    assert_eq!(order(&h), before);
}

#[test]
fn the_timeline_shows_dated_steps_on_the_axis_and_opens_one_when_clicked() {
    use briefdesk::app::history::CiteTarget;
    let (dir, _) = workspace();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    h.get_by_label("Timeline").click();
    h.run();
    assert_eq!(h.state().view, View::Timeline);
    let b = brief(&h);
    let oval = b
        .next_steps
        .iter()
        .position(|s| s.what.starts_with("Oval Office"))
        .expect("step");
    let undated = b
        .next_steps
        .iter()
        .find(|s| s.when.from.is_none())
        .expect("an undated step");
    let undated_what = undated.what.clone();
    h.get_by_label(&format!("Timeline: {}", b.next_steps[oval].what));
    // Steps without a date are listed apart, not placed on the axis.
    assert!(
        h.query_by_label(&format!("Timeline: {undated_what}"))
            .is_none()
    );
    assert!(h.query_by_label_contains(&undated_what).is_some());
    h.get_by_label("2 dated · 1 not yet dated");

    h.get_by_label(&format!("Timeline: {}", brief(&h).next_steps[oval].what))
        .click();
    h.run();
    assert_eq!(h.state().view, View::NextSteps);
    assert_eq!(h.state().cite_target, Some(CiteTarget::NextStep(oval)));
}

#[test]
fn a_warning_can_be_silenced_for_the_brief_and_restored() {
    use briefdesk::app::history::{Edit, TextField};
    let (dir, _) = workspace();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    h.state_mut()
        .edit(Edit::SetText(TextField::Bluf, "Word ".repeat(70)));
    h.run();
    let codes = |h: &Harness<'_, BriefdeskApp>| -> Vec<&'static str> {
        h.state()
            .open
            .as_ref()
            .expect("open")
            .diagnostics
            .iter()
            .map(|d| d.code)
            .collect()
    };
    assert!(codes(&h).contains(&"BD011"));
    h.get_by_label_contains("Problems (0 errors, 1 warning)")
        .click();
    h.run();
    h.get_by_label("Silence BD011").click();
    h.run();
    assert!(!codes(&h).contains(&"BD011"));
    assert!(brief(&h).silenced_checks.contains(&"BD011".to_owned()));
    h.get_by_label("Restore BD011").click();
    h.run();
    assert!(codes(&h).contains(&"BD011"));
    assert!(!brief(&h).silenced_checks.contains(&"BD011".to_owned()));
}

#[test]
fn the_current_status_cites_a_passage_selected_in_the_reader() {
    use briefdesk::app::history::CiteTarget;
    let (dir, _) = workspace();
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    let before = brief(&h).sections.current_status_evidence.len();
    h.get_by_label("Cite into current status").click();
    h.run();
    assert_eq!(h.state().cite_target, Some(CiteTarget::CurrentStatus));
    h.get_by_label_contains("→ the current status");

    let quote = "Zelensky has consistently rejected any territorial concessions.";
    select_in_reader(&mut h, quote);
    h.get_by_label("Cite selection").click();
    h.run();
    let cited = &brief(&h).sections.current_status_evidence;
    assert_eq!(cited.len(), before + 1);
    assert_eq!(cited[before].quote, quote);
    assert!(cited[before].matches(&brief(&h).sources[0]));
    // One undo step takes it away again.
    press(&mut h, Key::Z);
    assert_eq!(brief(&h).sections.current_status_evidence.len(), before);
}

#[test]
fn an_article_added_as_a_source_is_marked_cited_in_the_library() {
    let (dir, _) = workspace();
    let outside = tempfile::tempdir().expect("temp dir");
    let article = outside.path().join("port-talks.txt");
    fs::write(
        &article,
        "Title: Port talks\n\nODESA (Reuters) - Port talks resume on Friday, officials said.",
    )
    .expect("write");
    let mut h = harness(dir.path(), ScriptedDialogs::default(), TestClock::new());
    h.run();
    h.state_mut().import_articles(&[article]);
    h.state_mut().wait_for_jobs();
    h.run();
    let sources_before = brief(&h).sources.len();
    h.get_by_label("Add as source").click_accesskit();
    h.run();
    assert_eq!(brief(&h).sources.len(), sources_before + 1);
    assert!(brief(&h).sources.iter().any(|s| s.title == "Port talks"));
    // Offered once: the library now says the brief cites it.
    h.get_by_label("cited");
    assert!(h.query_by_label("Add as source").is_none());
}

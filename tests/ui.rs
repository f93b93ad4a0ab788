//! End-to-end UI tests of the main flow: egui_kittest drives the real app (menus, typed-path
//! prompts, keyboard shortcuts) and every step checks the project model.
#![cfg(feature = "gui")]

mod ui_harness;

use alinea::model::Project;
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use ui_harness::*;

#[test]
fn create_align_merge_undo_redo_confirm_save_reopen() {
    let dir = tempfile::tempdir().expect("tempdir");
    // `alinea` with no arguments opens the last project.
    let last = dir.path().join("last.alinea");
    let tiny = alinea::model::Version::from_sentences(
        "tiny",
        alinea::model::Lang::new("en"),
        &[vec!["One."]],
    );
    let mut tiny = Project::new(vec![tiny]);
    tiny.alignment.rows.push(alinea::model::Row {
        cells: vec![0..1],
        score: 1.0,
        status: alinea::model::RowStatus::Auto,
    });
    alinea::project::save(&last, &tiny).expect("save");
    let mut start = start_options(dir.path(), Vec::new());
    start.settings.last_project = Some(last);
    let mut h = harness(start);
    h.run();
    assert_eq!(h.state().project(), &tiny, "the last project opens");

    // New project from two fixture files, through the menu and the typed-path prompt.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("New project").click();
    h.run();
    assert!(h.state().get().session.is_none());
    h.get_by_label("Add files…").click();
    h.run();
    let en = fixture("harbour.en.txt");
    let ru = fixture("harbour.ru.txt");
    h.get_by_label("Path:").click();
    h.run();
    h.get_by_label("Path:")
        .type_text(&format!("{}; {}", en.display(), ru.display()));
    h.run();
    h.get_by_label("OK").click();
    wait_for_jobs(&mut h);
    let draft = h.state().get().ui.new_project.as_ref().expect("draft");
    assert_eq!(draft.versions.len(), 2);
    assert_eq!(draft.versions[0].sentences.len(), 5);

    // Align.
    h.get_by_label("Align").click();
    h.step();
    wait_for_jobs(&mut h);
    let aligned = h.state().project().clone();
    assert_eq!(aligned.versions.len(), 2);
    aligned.validate().expect("valid alignment");
    let rows_before = aligned.alignment.rows.len();
    assert!(rows_before >= 2);

    // Merge row 1 with row 2 (keyboard: Ctrl+M on the current cell).
    h.key_press_modifiers(Modifiers::COMMAND, Key::M);
    h.run();
    let merged = h.state().project().clone();
    assert_eq!(merged.alignment.rows.len(), rows_before - 1);
    assert_eq!(
        merged.alignment.rows[0].cells[0],
        aligned.alignment.rows[0].cells[0].start..aligned.alignment.rows[1].cells[0].end
    );

    // Undo (Ctrl+Z), redo (Ctrl+Shift+Z), undo again and redo with Ctrl+Y.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project(), &aligned);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(h.state().project(), &merged);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().project(), &merged);

    // Confirm the row (Enter), then move down and confirm the next from the Edit menu.
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().project().alignment.rows[0].is_confirmed());
    h.key_press(Key::ArrowDown);
    h.run();
    let cursor = h.state().get().session.as_ref().expect("session").cursor;
    assert_eq!(cursor.row, 1, "arrow down moves the current cell");
    h.get_by_label("Edit").click();
    h.run();
    h.get_all_by_label_contains("Confirm row")
        .find(|n| {
            let node = n.accesskit_node();
            node.role() == egui::accesskit::Role::Button
                && node.label().is_some_and(|l| l.starts_with("Confirm row"))
        })
        .expect("Confirm row in the Edit menu")
        .click();
    h.run();
    let confirmed = h.state().project().clone();
    assert!(confirmed.alignment.rows[1].is_confirmed());
    assert!(h.state().get().title().starts_with('•'), "unsaved mark");

    // Save (Ctrl+S asks for a path: the project was never saved).
    let saved = dir.path().join("harbour.alinea");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    type_path(&mut h, &saved);
    assert!(saved.exists());
    let session = h.state().get().session.as_ref().expect("session");
    assert!(!session.is_dirty());
    assert!(!h.state().get().title().starts_with('•'));
    assert_eq!(h.state().get().settings.recent.first(), Some(&saved));

    // Reopen in a fresh app, as `alinea harbour.alinea` would.
    let mut again = harness(start_options(dir.path(), vec![saved.clone()]));
    wait_for_jobs(&mut again);
    let reopened = again.state().project();
    assert_eq!(reopened.versions, confirmed.versions);
    assert_eq!(reopened.alignment, confirmed.alignment);
}

#[test]
fn first_run_builds_the_sample_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness_with(start_options(dir.path(), Vec::new()), false);
    h.step();
    wait_for_jobs(&mut h);
    let p = h.state().project();
    assert_eq!(p.versions.len(), 5, "five languages");
    assert_eq!(p.versions[p.alignment.pivot].lang.as_str(), "vi");
    p.validate().expect("valid alignment");
    assert!(
        h.state()
            .get()
            .session
            .as_ref()
            .expect("session")
            .path
            .is_none()
    );
}

#[test]
fn find_filters_rows_and_steps_through_hits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    assert_eq!(h.state().project().versions.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find:").click();
    h.run();
    h.get_by_label("Find:").type_text("2030");
    h.run();
    h.run();
    let app = h.state().get();
    assert_eq!(app.ui.find.hits.len(), 2, "one hit per version");
    let hit_row = app.ui.find.hits[0].row;
    h.key_press(Key::F3);
    h.run();
    let cursor = h.state().get().session.as_ref().expect("session").cursor;
    assert_eq!(cursor.row, hit_row);
}

#[test]
fn unsaved_changes_are_recovered_after_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    h.key_press(Key::Enter);
    h.run();
    // Losing focus writes the recovery file (in the background).
    h.event(egui::Event::WindowFocused(false));
    wait_for_recovery_write(&mut h);
    let expected = h.state().project().clone();
    drop(h); // a crash: no clean exit

    let mut h = harness(start_options(dir.path(), Vec::new()));
    h.run();
    h.get_by_label("Recover").click();
    wait_for_jobs(&mut h);
    assert_eq!(h.state().project().alignment, expected.alignment);
    assert!(
        h.state()
            .get()
            .session
            .as_ref()
            .expect("session")
            .is_dirty()
    );
}

#[test]
fn an_unreadable_recovery_file_is_reported_by_name_when_recovering() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = start_options(dir.path(), Vec::new());
    std::fs::create_dir_all(&options.recovery_dir).expect("folder");
    let snapshot = options.recovery_dir.join("recovery.alinea");
    std::fs::write(&snapshot, "(not a project").expect("write");
    let mut h = harness(options);
    h.run();
    h.get_by_label("Recover").click();
    wait_for_jobs(&mut h);
    assert!(h.state().get().session.is_none());
    let shown = notice_texts(&h, true);
    assert!(
        shown
            .iter()
            .any(|t| t.contains("could not be recovered") && t.contains("recovery.alinea")),
        "{shown:?}"
    );
    // Discarding at the next start removes it.
    drop(h);
    let mut h = harness(start_options(dir.path(), Vec::new()));
    h.run();
    h.get_by_label("Discard").click();
    wait_for_jobs(&mut h);
    assert!(!snapshot.exists());
}

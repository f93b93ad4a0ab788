//! End-to-end UI tests of opening and saving projects, which run as background jobs so a big
//! project does not freeze the window: the answer to "save changes?" waits for the save, a
//! corrupt file leaves the open project alone, and a save of an older snapshot leaves the
//! project marked unsaved.
#![cfg(feature = "gui")]

mod ui_harness;

use alinea::gui::action::Action;
use alinea::gui::job_results;
use alinea::gui::jobs::JobResult;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_harness::*;

fn app<'a>(h: &'a mut Harness<'static, TestApp>) -> &'a mut alinea::gui::AlineaApp {
    h.state_mut().app.as_mut().expect("app created")
}

fn errors(h: &Harness<'static, TestApp>) -> Vec<String> {
    notice_texts(h, true)
}

#[test]
fn save_changes_first_then_the_new_project_opens() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let path = dir.path().join("harbour.alinea");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    type_path(&mut h, &path);
    assert!(path.exists());

    // Ctrl+S saves in the background; a save cannot be cancelled, so no Cancel is offered.
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.step();
    let jobs = &h.state().get().jobs;
    assert!(jobs.is_busy(), "the save runs as a job");
    assert!(!jobs.can_cancel());
    wait_for_jobs(&mut h);
    assert!(
        !h.state()
            .get()
            .session
            .as_ref()
            .expect("session")
            .is_dirty()
    );

    // Confirm a row, then ask for a new project: "save changes?" → Save.
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let edited = h.state().project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Save").click();
    wait_for_jobs(&mut h);
    h.run();

    // The save finished, then the new project opened.
    let on_disk = alinea::project::load(&path).expect("saved project loads");
    assert_eq!(on_disk.alignment, edited.alignment);
    let app = h.state().get();
    assert!(app.session.is_none(), "the old project is closed");
    assert!(app.ui.new_project.is_some(), "the new project is open");
    assert!(errors(&h).is_empty(), "{:?}", errors(&h));
}

#[test]
fn a_corrupt_project_file_leaves_the_open_project_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let before = h.state().project().clone();
    let bad = dir.path().join("broken.alinea");
    std::fs::write(
        &bad,
        "ProjectFile(format_version: 1, project: Project(versions: [",
    )
    .expect("write");
    app(&mut h).push(Action::OpenPath(bad));
    h.step();
    h.run();
    h.get_by_label("Discard").click();
    wait_for_jobs(&mut h);
    assert_eq!(h.state().project(), &before);
    let errors = errors(&h);
    assert!(
        errors.iter().any(|e| e.contains("broken.alinea")),
        "the message names the file: {errors:?}"
    );
}

#[test]
fn a_project_opens_in_the_background_and_replaces_the_current_one() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let path = dir.path().join("other.alinea");
    let mut other = h.state().project().clone();
    other.alignment.rows[0].status = alinea::model::RowStatus::Confirmed;
    alinea::project::save(&path, &other).expect("save");
    // Discard the unsaved new project when asked.
    app(&mut h).push(Action::OpenPath(path.clone()));
    h.step();
    h.run();
    h.get_by_label("Discard").click();
    wait_for_jobs(&mut h);
    let session = h.state().get().session.as_ref().expect("session");
    assert_eq!(session.project().alignment, other.alignment);
    assert_eq!(session.path.as_deref(), Some(path.as_path()));
    assert!(!session.is_dirty());
}

#[test]
fn a_save_of_an_older_snapshot_leaves_later_edits_unsaved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let path = dir.path().join("harbour.alinea");
    let snapshot_revision = h
        .state()
        .get()
        .session
        .as_ref()
        .expect("session")
        .history
        .revision();
    let view = h.state().project().view.clone();
    // An edit lands while the (simulated) save of the earlier snapshot is running.
    h.key_press(Key::Enter);
    h.run();
    let ctx = h.ctx.clone();
    job_results::take_in(
        app(&mut h),
        &ctx,
        JobResult::Saved {
            path: path.clone(),
            revision: snapshot_revision,
            view,
        },
    );
    let session = h.state().get().session.as_ref().expect("session");
    assert_eq!(session.path.as_deref(), Some(path.as_path()));
    assert!(
        session.is_dirty(),
        "the confirm made after the snapshot is not saved"
    );
}

#[test]
fn versions_loaded_from_files_are_named_after_the_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let h = aligned_harbour(dir.path());
    let project = h.state().project();
    let names: Vec<&str> = project.versions.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names, ["harbour.en.txt", "harbour.ru.txt"]);
    assert_eq!(
        project.versions[0].source_path.as_deref(),
        Some(fixture("harbour.en.txt").as_path())
    );
}

//! No lost work: the real binary (run headless, see `gui::headless`) opens a project,
//! confirms a row, and is killed with SIGKILL two seconds later; the next start offers the
//! edit back, and a project saved or opened is remembered at once, not on a clean exit.
#![cfg(feature = "gui")]

mod ui_harness;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use alinea::gui::settings::AppSettings;
use alinea::model::{Lang, Project, RowStatus, Version};
use alinea::project::RecoveryFolder;
use egui_kittest::kittest::Queryable;
use ui_harness::*;

fn small_project() -> Project {
    let a = Version::from_sentences("a.en", Lang::new("en"), &[vec!["One.", "Two."]]);
    let b = Version::from_sentences("b.ru", Lang::new("ru"), &[vec!["Один.", "Два."]]);
    let mut p = Project::new(vec![a, b]);
    p.alignment = alinea::align::align(
        &p.versions,
        0,
        &Default::default(),
        &alinea::progress::Progress::new(),
    )
    .expect("align");
    p
}

#[test]
fn an_edit_survives_a_kill_two_seconds_later() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("P.alinea");
    let project = small_project();
    assert!(!project.alignment.rows[0].is_confirmed());
    alinea::project::save(&path, &project).expect("save");
    let recovery = dir.path().join("recovery");

    let mut child = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .arg(&path)
        .env(alinea::gui::headless::HEADLESS_ENV, "1")
        .env(alinea::gui::headless::RECOVERY_DIR_ENV, &recovery)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the app");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("read");
    if line.trim() != "edited" {
        let _ = child.kill();
        let out = child.wait_with_output().expect("output");
        // A binary built without the `gui` feature (e.g. by a concurrent
        // `--no-default-features` build in a shared target folder) says so here.
        panic!(
            "the app did not make its edit: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    std::thread::sleep(Duration::from_secs(2));
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    // Opening the project also remembered it at once (the app never exited cleanly).
    let settings = AppSettings::read_from(&recovery).expect("settings written");
    assert_eq!(settings.last_project.as_deref(), Some(path.as_path()));
    let left = RecoveryFolder::new(&recovery)
        .pending()
        .expect("a recovery file")
        .expect("it loads");
    assert_eq!(left.project.alignment.rows[0].status, RowStatus::Confirmed);
    assert_eq!(left.origin.as_deref(), Some(path.as_path()));

    // The next start offers the edit back.
    let mut h = harness(start_options(dir.path(), Vec::new()));
    h.run();
    h.get_by_label("Recover").click();
    wait_for_jobs(&mut h);
    assert!(h.state().project().alignment.rows[0].is_confirmed());
}

#[test]
fn a_saved_project_is_reopened_after_a_crash() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.run();
    let path = dir.path().join("saved.alinea");
    type_path(&mut h, &path);
    assert!(path.exists());
    drop(h); // a crash: eframe's storage is never written

    let mut h = harness(start_options(dir.path(), Vec::new()));
    wait_for_jobs(&mut h);
    let session = h.state().get().session.as_ref().expect("a project");
    assert_eq!(session.path.as_deref(), Some(path.as_path()));
}

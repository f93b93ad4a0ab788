//! Dialogs and small things that behave as on a desktop: the typed-path Save dialog has the
//! cursor in its field, proposes `<project>.alinea`, confirms with Enter, cancels with
//! Escape and shows errors inside; the untouched sample is not "unsaved"; "1 hit"; the
//! status bar names the pair with the real pivot.
#![cfg(feature = "gui")]

mod ui_harness;

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use ui_harness::*;

fn type_chars(h: &mut egui_kittest::Harness<'static, TestApp>, text: &str) {
    h.event(egui::Event::Text(text.to_string()));
    h.run();
}

#[test]
fn the_save_dialog_proposes_a_name_takes_enter_and_shows_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let prompt = h
        .state()
        .get()
        .ui
        .path_prompt
        .as_ref()
        .expect("the typed-path dialog");
    let cwd = std::env::current_dir().expect("cwd");
    assert_eq!(
        prompt.text,
        cwd.join("harbour.alinea").display().to_string()
    );
    // The cursor is in the field: typing replaces the proposal without clicking it first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_chars(
        &mut h,
        &dir.path()
            .join("no/such/folder/x.alinea")
            .display()
            .to_string(),
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().get().ui.path_prompt.is_some(), "stays open");
    h.get_by_label_contains("No such folder");
    // Fix the path and confirm with Enter.
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    let path = dir.path().join("kept.alinea");
    type_chars(&mut h, &path.display().to_string());
    h.key_press(Key::Enter);
    wait_for_jobs(&mut h);
    assert!(h.state().get().ui.path_prompt.is_none());
    assert!(path.exists(), "saved by Enter");
    // Escape cancels.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    h.run();
    assert!(h.state().get().ui.path_prompt.is_some());
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().get().ui.path_prompt.is_none());
}

#[test]
fn the_untouched_sample_is_not_unsaved() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = harness(start_options(dir.path(), Vec::new()));
    h.step();
    wait_for_jobs(&mut h);
    let s = h.state().get().session.as_ref().expect("the sample");
    assert!(!s.is_dirty(), "nothing to save");
    assert!(!h.state().get().title().contains('•'));
    // Once edited, it is.
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().get().session.as_ref().expect("s").is_dirty());
}

#[test]
fn one_hit_and_the_pair_with_the_real_pivot() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    // The cursor starts on the pivot (English) column: the pair is English - Russian.
    h.get_by_label("en - ru");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find:").type_text("Monday");
    h.run();
    h.get_by_label("1 hit");
}

//! End-to-end UI tests of the editing commands, the sentence editor, pasting and view settings.
#![cfg(feature = "gui")]

mod ui_harness;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_harness::*;

#[test]
fn columns_zoom_and_theme_are_view_settings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let revision = |h: &Harness<'static, TestApp>| {
        h.state()
            .get()
            .session
            .as_ref()
            .expect("session")
            .history
            .revision()
    };
    let before = revision(&h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    h.run();
    assert_eq!(h.state().project().view.font_size, 16.0);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::D);
    h.run();
    assert!(h.state().project().view.dark_mode);
    // Move the Russian column first, then hide English: the cursor follows to a shown column.
    h.state_mut()
        .app
        .as_mut()
        .expect("app")
        .push(alinea::gui::action::Action::MoveColumn {
            version: 1,
            offset: -1,
        });
    h.run();
    h.state_mut()
        .app
        .as_mut()
        .expect("app")
        .push(alinea::gui::action::Action::ToggleColumn(0));
    h.run();
    let session = h.state().get().session.as_ref().expect("session");
    assert_eq!(session.column_order(), vec![1, 0]);
    assert_eq!(session.visible_columns(), vec![1]);
    assert_eq!(session.cursor.version, 1);
    assert_eq!(revision(&h), before, "view changes are not undoable edits");
    assert!(
        h.state()
            .get()
            .session
            .as_ref()
            .expect("session")
            .view_dirty
    );
}

#[test]
fn sentence_editor_splits_at_a_word_and_undo_restores() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let before = h.state().project().clone();
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("opened").click();
    h.run();
    let after = h.state().project().clone();
    assert_eq!(after.versions[0].sentences.len(), 6);
    assert_eq!(after.versions[0].sentence_text(0), "The new harbour");
    assert_eq!(after.versions[0].sentence_text(1), "opened on Monday.");
    after.validate().expect("still valid");
    // Join them again from the editor, then undo the join and the split.
    h.get_all_by_label("Join with next")
        .next()
        .expect("join button")
        .click();
    h.run();
    assert_eq!(h.state().project().versions[0].sentences.len(), 5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project(), &after);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project(), &before);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.state().get().ui.sentence_editor.is_none());
}

#[test]
fn pasted_text_becomes_a_version_with_detected_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ru = fixture("harbour.ru.txt");
    let mut h = aligned_harbour(dir.path());
    // Ctrl+N on an unsaved project asks first; Discard.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().get().ui.new_project.is_some());
    h.get_by_label("Paste text").click();
    h.run();
    h.get_by_label("Text:").click();
    h.run();
    let text = std::fs::read_to_string(&ru).expect("fixture");
    h.get_by_label("Text:").type_text(&text);
    h.run();
    h.get_by_label("Add pasted text").click();
    h.run();
    let draft = h.state().get().ui.new_project.as_ref().expect("draft");
    assert_eq!(draft.versions.len(), 1);
    assert_eq!(draft.versions[0].name, "pasted text 1");
    assert_eq!(draft.versions[0].sentences.len(), 5);
    assert_eq!(draft.versions[0].lang.as_str(), "ru");
}

#[test]
fn move_sentence_and_empty_cells_from_the_keyboard() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = aligned_harbour(dir.path());
    let start = h.state().project().clone();
    let cell = |h: &Harness<'static, TestApp>, row: usize, v: usize| {
        h.state().project().alignment.rows[row].cells[v].clone()
    };
    // Current cell: row 1, pivot column. Alt+Down moves its sentence into row 2.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(cell(&h, 0, 0), 0..0);
    assert_eq!(cell(&h, 1, 0), 0..2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project(), &start);
    // Right arrow to the Russian column, Insert an empty cell, then Delete removes it again.
    h.key_press(Key::ArrowRight);
    h.run();
    let rows = start.alignment.rows.len();
    h.key_press(Key::Insert);
    h.run();
    assert_eq!(cell(&h, 0, 1), 0..0);
    assert_eq!(cell(&h, 1, 1), 0..1);
    assert_eq!(h.state().project().alignment.rows.len(), rows + 1);
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().project(), &start);
    // Undo the removal, then redo it: history keeps both steps.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().alignment.rows.len(), rows + 1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().project(), &start);
}

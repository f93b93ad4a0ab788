//! The current row stays in view: every command that moves the selection scrolls the grid to
//! it (centred when it was far), and each filter keeps its own scroll position.
#![cfg(feature = "gui")]

use alinea::gui::AlineaApp;
use alinea::gui::panels::find::RowFilter;
use alinea::gui::session::Session;
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// `rows` one-to-one rows in two versions; every seventh row has a low score.
fn long_project(rows: usize) -> Project {
    let text = |lang: &str, i: usize| format!("{lang} sentence number {i} of the long report.");
    let version = |lang: &str| {
        let sentences: Vec<String> = (0..rows).map(|i| text(lang, i)).collect();
        let para: Vec<&str> = sentences.iter().map(String::as_str).collect();
        Version::from_sentences(lang, Lang::new(lang), &[para])
    };
    let mut p = Project::new(vec![version("en"), version("ru")]);
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..rows)
            .map(|i| Row {
                cells: vec![i..i + 1; 2],
                score: if i % 7 == 3 { 0.2 } else { 0.9 },
                status: RowStatus::Auto,
            })
            .collect(),
    };
    p
}

fn harness(rows: usize) -> Harness<'static, Option<AlineaApp>> {
    let dir = std::env::temp_dir().join("alinea-ui-navigation");
    let project = long_project(rows);
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_ui_state(
            move |ui, app: &mut Option<AlineaApp>| {
                let app = app.get_or_insert_with(|| {
                    let session = Session::new(project.clone(), Some(dir.join("long.alinea")));
                    let mut app = AlineaApp::with_session(ui.ctx(), session, dir.clone());
                    app.native_dialogs = false;
                    app
                });
                app.show(ui);
            },
            None,
        )
}

fn app<'h>(h: &'h Harness<'static, Option<AlineaApp>>) -> &'h AlineaApp {
    h.state().as_ref().expect("app")
}

fn cursor_row(h: &Harness<'static, Option<AlineaApp>>) -> usize {
    app(h).session.as_ref().expect("session").cursor.row
}

/// Asserts the current row is fully inside the rows the grid shows.
fn assert_cursor_in_view(h: &Harness<'static, Option<AlineaApp>>, what: &str) {
    let row = cursor_row(h);
    let view = app(h).ui.table.rows_in_view();
    assert!(
        view.contains(&row),
        "{what}: row {row} is not in view ({view:?})"
    );
}

/// Asserts the current row is near the middle of the view (it was far away).
fn assert_cursor_centred(h: &Harness<'static, Option<AlineaApp>>, what: &str) {
    assert_cursor_in_view(h, what);
    let row = cursor_row(h);
    let view = app(h).ui.table.rows_in_view();
    let shown = app(h).ui.table.display_rows();
    let pos = shown.partition_point(|&r| r < row);
    let (first, last) = (
        shown.partition_point(|&r| r < view.start),
        shown.partition_point(|&r| r < view.end),
    );
    let middle = (first + last) / 2;
    // The last rows cannot be centred: the grid ends there.
    if last < shown.len() {
        assert!(
            pos.abs_diff(middle) <= (last - first) / 4 + 1,
            "{what}: row {row} at {pos} is not centred in {first}..{last}"
        );
    }
}

fn press(h: &mut Harness<'static, Option<AlineaApp>>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

#[test]
fn ctrl_end_page_down_and_ctrl_home_keep_the_row_in_view() {
    let mut h = harness(2000);
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::End);
    assert_eq!(cursor_row(&h), 1999);
    assert_cursor_in_view(&h, "Ctrl+End");
    press(&mut h, Modifiers::COMMAND, Key::Home);
    assert_eq!(cursor_row(&h), 0);
    assert_cursor_in_view(&h, "Ctrl+Home");
    for i in 0..5 {
        press(&mut h, Modifiers::NONE, Key::PageDown);
        assert_cursor_in_view(&h, &format!("PageDown {i}"));
    }
    assert!(cursor_row(&h) > 20, "PageDown moved: {}", cursor_row(&h));
}

#[test]
fn next_weak_row_and_find_next_keep_the_row_in_view() {
    let mut h = harness(2000);
    h.run();
    for _ in 0..3 {
        press(&mut h, Modifiers::NONE, Key::F8);
        assert_eq!(cursor_row(&h) % 7, 3, "a weak row");
        assert_cursor_in_view(&h, "next weak row");
    }
    // Find a sentence far down and step to it.
    press(&mut h, Modifiers::COMMAND, Key::F);
    h.get_by_label("Find:").type_text("number 1500 ");
    h.run();
    press(&mut h, Modifiers::NONE, Key::F3);
    assert_eq!(cursor_row(&h), 1500);
    assert_cursor_centred(&h, "F3 to row 1500");
}

#[test]
fn each_filter_keeps_its_own_scroll_position() {
    let mut h = harness(2000);
    h.run();
    press(&mut h, Modifiers::COMMAND, Key::End);
    let all_view = app(&h).ui.table.rows_in_view();
    let set_filter = |h: &mut Harness<'static, Option<AlineaApp>>, f: RowFilter| {
        h.state_mut().as_mut().expect("app").ui.find.filter = f;
        h.run_steps(30);
    };
    set_filter(&mut h, RowFilter::LowConfidence);
    let low_view = app(&h).ui.table.rows_in_view();
    assert!(
        !low_view.contains(&1999),
        "a new filter starts at its own position: {low_view:?}"
    );
    set_filter(&mut h, RowFilter::All);
    let back = app(&h).ui.table.rows_in_view();
    assert!(
        back.contains(&1999) && all_view.contains(&1999),
        "back to the unfiltered grid where it was: {back:?}, was {all_view:?}"
    );
}

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
        // Two clicks 2 frames apart are a double-click (kittest's default frame is 0.25 s).
        .with_step_dt(1.0 / 60.0)
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

fn row(h: &Harness<'static, Option<AlineaApp>>, r: usize) -> alinea::model::Row {
    app(h)
        .session
        .as_ref()
        .expect("session")
        .project()
        .alignment
        .rows[r]
        .clone()
}

#[test]
fn confirm_and_next_and_merge_update_the_confidence_at_once() {
    let mut h = harness(200);
    h.run();
    press(&mut h, Modifiers::NONE, Key::F8);
    assert_eq!(cursor_row(&h), 3);
    let low_before = app(&h).session.as_ref().expect("s").progress_counts().1;
    // Ctrl+Enter: confirm row 3 (sure now), on to the next weak row.
    press(&mut h, Modifiers::COMMAND, Key::Enter);
    assert!(row(&h, 3).is_confirmed());
    assert_eq!(row(&h, 3).confidence(), 1.0);
    assert_eq!(cursor_row(&h), 10);
    let low_after = app(&h).session.as_ref().expect("s").progress_counts().1;
    assert_eq!(low_after, low_before - 1);
    // Merging the weak row 10 with row 11 (matching lengths) makes a sure row: it leaves the
    // weak rows, and F8 from row 9 goes past it.
    press(&mut h, Modifiers::COMMAND, Key::M);
    assert!(row(&h, 10).score > 0.9, "score {}", row(&h, 10).score);
    press(&mut h, Modifiers::NONE, Key::ArrowUp);
    press(&mut h, Modifiers::NONE, Key::F8);
    assert_eq!(cursor_row(&h), 16, "the merged row is no longer weak");
    // The low-confidence filter follows too.
    h.state_mut().as_mut().expect("app").ui.find.filter = RowFilter::LowConfidence;
    h.run();
    let shown = app(&h).ui.table.display_rows().to_vec();
    assert!(!shown.contains(&3) && !shown.contains(&10), "{shown:?}");
    // F8 and Shift+F8 go forth and back among the weak rows.
    h.state_mut().as_mut().expect("app").ui.find.filter = RowFilter::All;
    h.run();
    press(&mut h, Modifiers::NONE, Key::F8);
    assert_eq!(cursor_row(&h), 23);
    press(&mut h, Modifiers::SHIFT, Key::F8);
    assert_eq!(cursor_row(&h), 16);
}

#[test]
fn forty_keys_in_one_frame_are_all_handled() {
    let mut h = harness(200);
    h.run();
    // Keys typed 5 ms apart arrive in one frame: every one of them counts.
    for _ in 0..40 {
        h.key_press(Key::ArrowDown);
    }
    h.run();
    assert_eq!(cursor_row(&h), 40);
    // And 40 characters typed into the find field, one event each.
    press(&mut h, Modifiers::COMMAND, Key::F);
    let typed: String = "sentence number 1 of the long report....."
        .chars()
        .take(40)
        .collect();
    for c in typed.chars() {
        h.event(egui::Event::Text(c.to_string()));
    }
    h.run();
    assert_eq!(app(&h).ui.find.query, typed);
}

#[test]
fn double_click_selects_a_word_and_does_not_open_the_editor() {
    let mut h = harness(50);
    h.run();
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    press(&mut h, Modifiers::NONE, Key::ArrowDown);
    let rect = app(&h).ui.table.cursor_cell_rect().expect("cell drawn");
    // "en sentence …": a point inside the first word (cells have 6 pt of padding).
    let at = egui::pos2(rect.left() + 9.0, rect.top() + 14.0);
    h.hover_at(at);
    h.run();
    for _ in 0..2 {
        h.drag_at(at);
        h.step();
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: Modifiers::NONE,
        });
        h.step();
    }
    h.run();
    assert!(app(&h).ui.sentence_editor.is_none(), "no sentence editor");
    let sel = app(&h).ui.glossary.selection.clone().expect("a selection");
    assert_eq!((sel.row, sel.version), (2, 0));
    assert_eq!(sel.range, 0..2, "the word “en”");
    // F2 is the explicit way to the sentence editor.
    press(&mut h, Modifiers::NONE, Key::F2);
    assert!(app(&h).ui.sentence_editor.is_some());
}

#[test]
fn dragging_a_header_edge_resizes_the_column_and_the_width_is_saved() {
    let mut h = harness(50);
    h.run();
    let (v, rect) = app(&h).ui.table.header_rects()[0];
    assert_eq!(v, 0);
    let from = egui::pos2(rect.right(), rect.center().y);
    let to = from + egui::vec2(-150.0, 0.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.step();
    h.hover_at(egui::pos2(from.x - 20.0, from.y));
    h.step();
    h.hover_at(to);
    h.step();
    h.drop_at(to);
    h.run();
    let after = app(&h).ui.table.header_rects()[0].1;
    assert!(
        (after.width() - (rect.width() - 150.0)).abs() < 2.0,
        "{} -> {}",
        rect.width(),
        after.width()
    );
    let s = app(&h).session.as_ref().expect("session");
    assert!(s.view_dirty, "a view change to save");
    let widths = s.project().view.column_widths.clone();
    assert_eq!(widths.len(), 1);
    // Saved with the project.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("w.alinea");
    alinea::project::save(&path, s.project()).expect("save");
    let back = alinea::project::load(&path).expect("load");
    assert_eq!(back.view.column_widths, widths);
}

//! End-to-end UI tests of the glossary in the app: mark a term in the grid (T), see it
//! highlighted in the other version, add a forbidden variant, get a finding, fix it (edit the
//! sentence, or accept the finding) and see it gone; undo restores each step.
#![cfg(feature = "gui")]

mod ui_harness;

use alinea::checks::FindingKind;
use alinea::glossary::TermStatus;
use alinea::gui::AlineaApp;
use alinea::gui::action::Action;
use alinea::gui::panels::glossary::CellSelection;
use alinea::model::{Lang, Project, Row, RowStatus, Version};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_harness::*;

const VI: [&str; 3] = [
    "Trạm y tế xã đã mở cửa lại.",
    "Trạm y tế huyện bị ngập nặng.",
    "Trường học đóng cửa ba ngày.",
];
const EN: [&str; 3] = [
    "The commune health centre has reopened.",
    "The district health station was badly flooded.",
    "Schools closed for three days.",
];

fn project() -> Project {
    let vi = Version::from_sentences("tram.vi.txt", Lang::new("vi"), &[VI.to_vec()]);
    let en = Version::from_sentences("centre.en.txt", Lang::new("en"), &[EN.to_vec()]);
    let mut p = Project::new(vec![vi, en]);
    for k in 0..3 {
        p.alignment.rows.push(Row {
            cells: vec![k..k + 1, k..k + 1],
            score: 1.0,
            status: RowStatus::Auto,
        });
    }
    p
}

fn open(dir: &std::path::Path) -> Harness<'static, TestApp> {
    let path = dir.join("glossary-test.alinea");
    alinea::project::save(&path, &project()).expect("save fixture project");
    let mut start = start_options(dir, Vec::new());
    start.settings.last_project = Some(path);
    let mut h = harness(start);
    h.run();
    h
}

fn app<'a>(h: &'a mut Harness<'static, TestApp>) -> &'a mut AlineaApp {
    h.state_mut().app.as_mut().expect("app")
}

/// Selects `text` in cell (row, version) as a drag would, and makes it the current cell.
fn select(h: &mut Harness<'static, TestApp>, row: usize, version: usize, text: &str) {
    let a = app(h);
    let s = a.session.as_ref().expect("session");
    let cell = s.cell_text(row, version);
    let start = cell.find(text).expect("text in cell");
    a.ui.glossary.selection = Some(CellSelection {
        row,
        version,
        range: start..start + text.len(),
    });
    a.push(Action::SelectCell { row, version });
    h.run();
}

/// The highlighted texts of cell (row, version), as drawn.
fn highlighted(h: &mut Harness<'static, TestApp>, row: usize, version: usize) -> Vec<String> {
    let a = app(h);
    let s = a.session.as_ref().expect("session");
    let cell = s.cell_text(row, version);
    s.terms
        .cell_highlights(s.project(), row, version, false)
        .iter()
        .map(|hl| cell[hl.range.clone()].to_string())
        .collect()
}

fn open_findings(h: &mut Harness<'static, TestApp>) -> Vec<(usize, FindingKind, String, bool)> {
    let a = app(h);
    let s = a.session.as_ref().expect("session");
    s.terms
        .findings()
        .iter()
        .map(|f| (f.row, f.kind, f.text.clone(), f.accepted))
        .collect()
}

#[test]
fn mark_term_highlight_forbidden_finding_fix_and_undo() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path());
    assert!(h.state().project().glossary.concepts.is_empty());

    // Mark "Trạm y tế" in the pivot (row 1) with T: a new concept, proposals for English.
    select(&mut h, 0, 0, "Trạm y tế");
    h.key_press(Key::T);
    h.run();
    let mark = app(&mut h)
        .ui
        .glossary
        .mark
        .clone()
        .expect("Mark as term window");
    assert_eq!(mark.text, "Trạm y tế");
    assert_eq!(mark.id, "trạm-y-tế");
    let proposals = &mark.proposals[1];
    assert!(
        !proposals.is_empty(),
        "counterparts proposed for the pivot term"
    );
    assert!(
        proposals
            .iter()
            .any(|c| c.text.to_lowercase().contains("health")),
        "'health' co-occurs with the term in both rows: {proposals:?}"
    );
    // One click takes a proposal; then the editor corrects it by hand.
    let first = proposals[0].text.clone();
    h.get_by_label(&first).click();
    h.run();
    let mark = app(&mut h).ui.glossary.mark.clone().expect("still open");
    assert_eq!(mark.counterparts[1].1, first);
    if let Some(m) = app(&mut h).ui.glossary.mark.as_mut() {
        m.counterparts[1].1 = "health centre".to_string();
    }
    h.get_by_label("Add to glossary").click();
    h.run();
    assert!(app(&mut h).ui.glossary.mark.is_none(), "window closed");
    let g = h.state().project().glossary.clone();
    let c = g.concepts.get("trạm-y-tế").expect("concept created");
    assert_eq!(c.terms[&Lang::new("vi")][0].text, "Trạm y tế");
    assert_eq!(c.terms[&Lang::new("en")][0].text, "health centre");

    // Highlighted in every version: both pivot rows, the English row that uses the term.
    assert_eq!(highlighted(&mut h, 0, 0), ["Trạm y tế"]);
    assert_eq!(highlighted(&mut h, 1, 0), ["Trạm y tế"]);
    assert_eq!(highlighted(&mut h, 0, 1), ["health centre"]);
    assert!(highlighted(&mut h, 2, 1).is_empty());
    // Row 2's English cell has no preferred term: a "missing" finding.
    assert_eq!(
        open_findings(&mut h),
        [(1, FindingKind::Missing, "health centre".to_string(), false)]
    );

    // Mark "health station" in English as a forbidden variant of the existing concept.
    select(&mut h, 1, 1, "health station");
    h.key_press(Key::T);
    h.run();
    h.get_by_label("Existing concept").click();
    h.run();
    h.get_by_label("trạm-y-tế").click();
    h.run();
    h.get_by_label("forbidden").click();
    h.run();
    h.get_by_label("Add to glossary").click();
    h.run();
    let en_terms =
        h.state().project().glossary.concepts["trạm-y-tế"].terms[&Lang::new("en")].clone();
    assert_eq!(en_terms[1].text, "health station");
    assert_eq!(en_terms[1].status, TermStatus::Forbidden);
    assert_eq!(highlighted(&mut h, 1, 1), ["health station"]);
    let with_forbidden = open_findings(&mut h);
    assert!(with_forbidden.contains(&(
        1,
        FindingKind::Forbidden,
        "health station".to_string(),
        false
    )));

    // The "term findings" filter shows only row 2.
    app(&mut h).ui.find.filter = alinea::gui::panels::find::RowFilter::WithFindings;
    h.run();
    assert_eq!(app(&mut h).ui.table.display_rows(), [1]);
    app(&mut h).ui.find.filter = Default::default();
    h.run();

    // Fix it by editing the sentence: the findings are gone.
    app(&mut h).push(Action::SetSentenceText {
        version: 1,
        sentence: 1,
        text: "The district health centre was badly flooded.".to_string(),
    });
    h.run();
    let cell = app(&mut h).session.as_ref().expect("s").cell_text(1, 1);
    assert_eq!(cell, "The district health centre was badly flooded.");
    assert!(
        open_findings(&mut h).is_empty(),
        "{:?}",
        open_findings(&mut h)
    );
    assert_eq!(highlighted(&mut h, 1, 1), ["health centre"]);

    // Undo restores the sentence and the findings.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(open_findings(&mut h), with_forbidden);

    // Accept the forbidden finding in the findings panel (F7): listed, no longer counted.
    h.key_press(Key::F7);
    h.run();
    let forbidden_idx = with_forbidden
        .iter()
        .position(|f| f.1 == FindingKind::Forbidden)
        .expect("forbidden");
    let buttons: Vec<_> = h.get_all_by_label("Accept").collect();
    assert_eq!(buttons.len(), with_forbidden.len());
    buttons[forbidden_idx].click();
    h.run();
    let key = {
        let s = app(&mut h).session.as_ref().expect("session");
        s.terms.findings()[forbidden_idx].key()
    };
    assert_eq!(h.state().project().accepted_findings, [key]);
    assert!(open_findings(&mut h)[forbidden_idx].3, "flagged accepted");

    // Export the report as HTML and CSV to typed paths.
    for name in ["report.html", "report.csv"] {
        let path = dir.path().join(name);
        app(&mut h).ui.glossary.report_path = path.display().to_string();
        h.get_by_label("Export").click();
        h.run();
        let text = std::fs::read_to_string(&path).expect("report written");
        assert!(text.contains("health station"), "{name}");
    }

    // Undo: not accepted; undo twice more: the forbidden term, then the concept, are gone.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().project().accepted_findings.is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().project().glossary, g);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().project().glossary.concepts.is_empty());
    assert!(highlighted(&mut h, 0, 0).is_empty());
    assert!(open_findings(&mut h).is_empty());
}

#[test]
fn glossary_is_saved_with_the_project_and_reloaded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path());
    let gpath = dir.path().join("terms.glossary.ron");
    app(&mut h).push(Action::Glossary(
        alinea::gui::action::GlossaryAction::NewGlossaryAt(gpath.clone()),
    ));
    h.run();
    select(&mut h, 2, 0, "Trường học");
    h.key_press(Key::T);
    h.run();
    h.get_by_label("Add to glossary").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    wait_for_jobs(&mut h);
    let on_disk = alinea::glossary::load(&gpath).expect("glossary written with the project");
    assert!(on_disk.concepts.contains_key("trường-học"));
    let project_path = dir.path().join("glossary-test.alinea");
    let reopened = alinea::project::load(&project_path).expect("reopen");
    assert_eq!(reopened.glossary, on_disk);
}

#[test]
fn save_into_an_existing_glossary_merges_and_conflicts_ask_mine_or_theirs() {
    use alinea::glossary::{Concept, Term};
    use alinea::gui::action::GlossaryAction;
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path());
    select(&mut h, 2, 0, "Trường học");
    h.key_press(Key::T);
    h.run();
    h.get_by_label("Add to glossary").click();
    h.run();

    // Someone else's file with another concept: saving there keeps both.
    let gpath = dir.path().join("shared.glossary.ron");
    let mut theirs = alinea::glossary::Glossary::default();
    theirs.add_term(
        "flood",
        Lang::new("en"),
        Term::new("flood", TermStatus::Preferred),
    );
    std::fs::write(&gpath, alinea::glossary::store::to_ron(&theirs)).expect("write");
    app(&mut h).push(Action::Glossary(GlossaryAction::SaveGlossaryAt(
        gpath.clone(),
    )));
    h.run();
    let on_disk = alinea::glossary::load(&gpath).expect("saved");
    assert!(on_disk.concepts.contains_key("flood"));
    assert!(on_disk.concepts.contains_key("trường-học"));
    assert_eq!(
        h.state().project().glossary,
        on_disk,
        "their concept taken in"
    );

    // Both sides change "flood" differently: the dialog asks; keep theirs.
    let mut changed = on_disk.clone();
    changed.add_term(
        "flood",
        Lang::new("ru"),
        Term::new("наводнение", TermStatus::Preferred),
    );
    std::fs::write(&gpath, alinea::glossary::store::to_ron(&changed)).expect("write");
    let mut mine: Concept = on_disk.concepts["flood"].clone();
    mine.note = "mine".to_string();
    app(&mut h).push(Action::Glossary(GlossaryAction::PutConcepts {
        label: "Edit concept",
        puts: vec![("flood".to_string(), Some(mine))],
    }));
    h.run();
    h.get_by_label("Glossary").click();
    h.run();
    h.get_by_label_contains("Save glossary").click();
    h.run();
    assert!(
        app(&mut h).ui.glossary.conflicts.is_some(),
        "conflict dialog"
    );
    assert_eq!(alinea::glossary::load(&gpath).expect("unchanged"), changed);
    h.get_by_label("Keep theirs").click();
    h.run();
    h.get_by_label("Save with these choices").click();
    h.run();
    assert!(app(&mut h).ui.glossary.conflicts.is_none());
    assert_eq!(alinea::glossary::load(&gpath).expect("saved"), changed);
    assert_eq!(h.state().project().glossary, changed);
}

#[test]
fn open_glossary_from_the_menu_imports_csv_and_highlights() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path());
    let csv = dir.path().join("terms.csv");
    std::fs::write(&csv, "vi,en\nTrường học,!Schools;school\n").expect("write csv");
    open_glossary_file(&mut h, &csv);
    let g = &h.state().project().glossary;
    assert_eq!(g.concepts.len(), 1, "{g:?}");
    assert_eq!(highlighted(&mut h, 2, 0), ["Trường học"]);
    assert_eq!(highlighted(&mut h, 2, 1), ["Schools"]);
    // An imported CSV does not become the glossary file.
    assert!(h.state().project().glossary_path.is_none());
    // Undo removes the import.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().project().glossary.concepts.is_empty());
}

#[test]
fn drag_selection_in_a_cell_feeds_mark_as_term() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = open(dir.path());
    // The first text line of row 1's pivot cell: below the menu bar and the column header,
    // right of the row numbers (layout of alignment_table: panel margin, header, cell padding).
    let menu_bottom = h.get_by_label("File").rect().bottom();
    let y = menu_bottom + 8.0 + 32.0 + 18.0;
    let from = egui::pos2(80.0, y);
    let to = egui::pos2(190.0, y);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for x in [100.0, 140.0, 190.0] {
        h.hover_at(egui::pos2(x, y));
        h.run();
    }
    h.drop_at(to);
    h.run();
    let sel = app(&mut h)
        .ui
        .glossary
        .selection
        .clone()
        .expect("a drag selection in the cell");
    assert_eq!((sel.row, sel.version), (0, 0));
    let cell = VI[0];
    let selected = &cell[sel.range.clone()];
    assert!(
        selected.len() >= 4 && cell.contains(selected),
        "selected {selected:?}"
    );
    h.key_press(Key::T);
    h.run();
    let mark = app(&mut h).ui.glossary.mark.clone().expect("Mark as term");
    assert_eq!(mark.text, selected.trim());
}

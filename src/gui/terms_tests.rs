//! Unit tests of the grid's term state: highlight offsets, selections, background builds.

use super::*;
use crate::edit::History;
use crate::glossary::Term;
use crate::model::{Row, RowStatus};

fn project() -> Project {
    let en = Version::from_sentences(
        "en",
        Lang::new("en"),
        &[vec![
            "The health station opened.",
            "A new health centre too.",
        ]],
    );
    let mut p = Project::new(vec![en]);
    p.alignment.rows.push(Row {
        cells: vec![0..2],
        score: 1.0,
        status: RowStatus::Auto,
    });
    p.glossary.add_term(
        "hc",
        Lang::new("en"),
        Term::new("health centre", TermStatus::Preferred),
    );
    p.glossary.add_term(
        "hc",
        Lang::new("en"),
        Term::new("health station", TermStatus::Forbidden),
    );
    p
}

#[test]
fn highlights_are_cell_text_offsets() {
    let p = project();
    let mut t = TermState::default();
    t.refresh(&p, &History::new(), &egui::Context::default());
    let cell = p.versions[0].cell_text(0..2);
    let hl = t.cell_highlights(&p, 0, 0, false);
    let texts: Vec<&str> = hl.iter().map(|h| &cell[h.range.clone()]).collect();
    assert_eq!(texts, ["health station", "health centre"]);
    assert_eq!(hl[0].color, FORBIDDEN_COLOR);
    assert!(t.row_has_finding(0));
}

#[test]
fn big_projects_build_in_the_background_and_text_edits_rescan() {
    let sentences: Vec<String> = (0..SYNC_BUILD_SENTENCES + 10)
        .map(|i| format!("Sentence {i} about the health station."))
        .collect();
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let en = Version::from_sentences("big", Lang::new("en"), &[refs]);
    let mut p = Project::new(vec![en]);
    p.glossary = project().glossary;
    let ctx = egui::Context::default();
    let mut t = TermState::default();
    let mut history = History::new();
    t.refresh(&p, &history, &ctx);
    assert!(t.is_building());
    for _ in 0..600 {
        if !t.is_building() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        t.refresh(&p, &history, &ctx);
    }
    assert!(!t.is_building());
    assert_eq!(t.index().len(), SYNC_BUILD_SENTENCES + 10);
    // Checked in the background too: every sentence has the forbidden term.
    assert_eq!(t.findings().len(), SYNC_BUILD_SENTENCES + 10);
    // An edit of one sentence's text is picked up at the next refresh.
    let edit = crate::edit::Edit::EditText {
        version: 0,
        sentence: 0,
        text: "Sentence 0 about the health centre.".into(),
    };
    history.apply(&mut p, "Edit text", edit).expect("edit");
    t.refresh(&p, &history, &ctx);
    assert_eq!(t.index().sentence(0, 0)[0].status, TermStatus::Preferred);
    // An edit of the alignment only leaves the index as it is.
    let generation = t.generation();
    let confirm = crate::edit::Edit::SetRowStatus {
        row: 0,
        status: RowStatus::Confirmed,
    };
    p.alignment.rows.push(Row {
        cells: vec![0..SYNC_BUILD_SENTENCES + 10],
        score: 1.0,
        status: RowStatus::Auto,
    });
    history.apply(&mut p, "Confirm", confirm).expect("confirm");
    t.refresh(&p, &history, &ctx);
    assert_eq!(t.generation(), generation, "no re-scan");
}

#[test]
fn cell_selection_maps_to_the_sentence() {
    let p = project();
    let v = &p.versions[0];
    let cell = v.cell_text(0..2);
    let at = cell.find("new").unwrap_or(0);
    let (k, r) = cell_range_to_version(v, 0..2, at..at + 3).unwrap_or((9, 0..0));
    assert_eq!(k, 1);
    assert_eq!(&v.text[r], "new");
    let across = cell.find("opened").unwrap_or(0)..at;
    assert!(cell_range_to_version(v, 0..2, across).is_none());
}

//! End-to-end UI tests of the term review queue: open a four-language project (en, ru, ar,
//! vi), mine it from the panel (background job), go to an example row (spans highlighted),
//! accept one candidate as a concept in all languages (marked in the grid at once), reject
//! another (saved in the project file, not proposed again), undo the accept.
#![cfg(feature = "gui")]

mod ui_harness;

use std::path::Path;

use alinea::glossary::TermStatus;
use alinea::gui::AlineaApp;
use alinea::gui::action::Action;
use alinea::mine::candidate_key;
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ui_harness::*;

const LANGS: [&str; 4] = ["en", "ru", "ar", "vi"];

/// The mining fixture's rows in en, ru, ar, vi, aligned one row per line.
fn project() -> Project {
    let tsv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mine/rows.tsv"),
    )
    .expect("fixture");
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let versions = LANGS
        .iter()
        .map(|l| {
            let col = header.iter().position(|h| h == l).expect("language column");
            let sents: Vec<&str> = rows.iter().map(|r| r[col]).collect();
            Version::from_sentences(&format!("report.{l}.txt"), Lang::new(l), &[sents])
        })
        .collect();
    let mut p = Project::new(versions);
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..rows.len())
            .map(|i| Row {
                cells: vec![i..i + 1; LANGS.len()],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    p
}

fn open(dir: &Path, project: &Project) -> (Harness<'static, TestApp>, std::path::PathBuf) {
    let path = dir.join("review-test.alinea");
    alinea::project::save(&path, project).expect("save fixture project");
    let mut start = start_options(dir, Vec::new());
    start.settings.last_project = Some(path.clone());
    let mut h = harness(start);
    h.run();
    wait_for_jobs(&mut h);
    (h, path)
}

fn app<'a>(h: &'a mut Harness<'static, TestApp>) -> &'a mut AlineaApp {
    h.state_mut().app.as_mut().expect("app")
}

fn queue(h: &mut Harness<'static, TestApp>) -> Vec<String> {
    app(h)
        .ui
        .review
        .candidates
        .iter()
        .map(|c| c.text.clone())
        .collect()
}

/// Opens the panel (F6) and mines with its button, waiting for the job.
fn mine(h: &mut Harness<'static, TestApp>) {
    if !app(h).ui.review.open {
        h.key_press(Key::F6);
        h.run();
    }
    assert!(app(h).ui.review.open, "F6 opens the review queue");
    let label = if app(h).ui.review.mined {
        "Mine again"
    } else {
        "Mine terms"
    };
    h.get_by_label(label).click();
    wait_for_jobs(h);
}

fn filter(h: &mut Harness<'static, TestApp>, text: &str) {
    app(h).ui.review.filter.clear();
    h.run();
    h.get_by_label("Filter:").click();
    h.run();
    h.get_by_label("Filter:").type_text(text);
    h.run();
}

#[test]
fn mine_accept_reject_and_remember() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut h, path) = open(dir.path(), &project());
    mine(&mut h);
    let found = queue(&mut h);
    for term in [
        "human rights",
        "climate change",
        "public health",
        "Standing Committee",
    ] {
        assert!(found.iter().any(|t| t == term), "{term} in {found:?}");
    }

    // Open "public health", go to its second example row: the grid moves, spans light up.
    filter(&mut h, "public health");
    h.get_all_by_label("4×").next().expect("toggle").click();
    h.run();
    assert!(app(&mut h).ui.review.expanded.is_some());
    h.get_by_label("row 6").click();
    h.run();
    let a = app(&mut h);
    let s = a.session.as_ref().expect("session");
    assert_eq!(s.cursor.row, 5, "the grid jumped to the example row");
    let spans = &a.ui.glossary.example_spans;
    let versions: Vec<usize> = spans.iter().map(|(_, v, _)| *v).collect();
    assert_eq!(
        versions,
        vec![0, 1, 2, 3],
        "the term and its counterparts: {spans:?}"
    );
    let ar_cell = s.cell_text(5, 2);
    let (_, _, ar_range) = &spans[2];
    // «للصحة العامة»: the counterpart «الصحة العامة» with the clitic ل, one span.
    assert_eq!(&ar_cell[ar_range.clone()], "للصحة العامة", "{ar_cell}");

    // Accept "human rights": one concept, all four languages, the grid marks it at once.
    filter(&mut h, "human rights");
    h.get_all_by_label("Accept").next().expect("Accept").click();
    h.run();
    let g = &h.state().project().glossary;
    let concept = g.concepts.get("human-rights").expect("new concept");
    let term = |l: &str| {
        let terms = &concept.terms[&Lang::new(l)];
        assert_eq!(terms[0].status, TermStatus::Preferred, "{l}: {terms:?}");
        terms[0].text.clone()
    };
    assert_eq!(term("en"), "human rights");
    assert!(term("ru").ends_with("человека"));
    assert_eq!(term("ar"), "حقوق الإنسان");
    assert_eq!(term("vi"), "quyền con người");
    assert!(!queue(&mut h).contains(&"human rights".to_string()));
    h.run();
    let a = app(&mut h);
    let s = a.session.as_ref().expect("session");
    let marked = s.terms.cell_highlights(s.project(), 0, 2, false);
    let ar = s.cell_text(0, 2);
    assert!(
        marked
            .iter()
            .any(|hl| ar[hl.range.clone()].contains("حقوق الإنسان")),
        "the Arabic term is marked in the grid: {marked:?}"
    );

    // Reject "climate change": gone from the queue, remembered in the project.
    filter(&mut h, "climate change");
    h.get_all_by_label("Reject").next().expect("Reject").click();
    h.run();
    let key = candidate_key(&Lang::new("en"), "climate change");
    assert_eq!(h.state().project().rejected_terms, vec![key.clone()]);
    assert!(!queue(&mut h).contains(&"climate change".to_string()));

    // Saved with the project; mining again proposes neither.
    app(&mut h).push(Action::Save);
    h.run();
    wait_for_jobs(&mut h);
    let saved = alinea::project::load(&path).expect("load saved project");
    assert_eq!(saved.rejected_terms, vec![key]);
    filter(&mut h, "");
    mine(&mut h);
    let again = queue(&mut h);
    assert!(!again.is_empty());
    assert!(!again.contains(&"climate change".to_string()), "{again:?}");
    assert!(!again.contains(&"human rights".to_string()), "{again:?}");

    // Undo takes the accepted concept out of the glossary.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(h.state().project().glossary.concepts.is_empty());
}

#[test]
fn mining_a_one_version_project_says_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut p = project();
    p.versions.truncate(1);
    for r in &mut p.alignment.rows {
        r.cells.truncate(1);
    }
    let (mut h, _) = open(dir.path(), &p);
    mine(&mut h);
    let problem = app(&mut h).ui.review.problem.clone().expect("a message");
    assert!(problem.contains("two or more versions"), "{problem}");
    assert!(queue(&mut h).is_empty());
}

#[test]
fn findings_list_filters_by_kind_and_language() {
    use alinea::checks::FindingKind;
    let dir = tempfile::tempdir().expect("tempdir");
    let en = Version::from_sentences(
        "a.en.txt",
        Lang::new("en"),
        &[vec!["We planted 1,250 trees.", "The river is clean."]],
    );
    let ru = Version::from_sentences(
        "a.ru.txt",
        Lang::new("ru"),
        &[vec!["Мы посадили 1 520 деревьев.", ""]],
    );
    let vi = Version::from_sentences(
        "a.vi.txt",
        Lang::new("vi"),
        &[vec!["Chúng tôi đã trồng 1.250 cây.", "Dòng sông sạch."]],
    );
    let mut p = Project::new(vec![en, ru, vi]);
    p.alignment.rows = (0..2)
        .map(|i| Row {
            cells: vec![i..i + 1; 3],
            score: 1.0,
            status: RowStatus::Auto,
        })
        .collect();
    let (mut h, _) = open(dir.path(), &p);
    h.key_press(Key::F7);
    h.run();
    let listed = |h: &Harness<'static, TestApp>, kind: &str| {
        h.query_all_by_label_contains(&format!("· {kind}:")).count()
    };
    assert_eq!(listed(&h, "number-mismatch"), 1);
    assert_eq!(listed(&h, "empty-translation"), 1);
    app(&mut h).ui.glossary.kind_filter = Some(FindingKind::NumberMismatch);
    h.run();
    assert_eq!(listed(&h, "number-mismatch"), 1);
    assert_eq!(listed(&h, "empty-translation"), 0);
    app(&mut h).ui.glossary.kind_filter = None;
    app(&mut h).ui.glossary.lang_filter = Some("vi".into());
    h.run();
    assert_eq!(listed(&h, "number-mismatch"), 0, "the vi number matches");
    assert_eq!(listed(&h, "empty-translation"), 0);
}

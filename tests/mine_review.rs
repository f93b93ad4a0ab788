//! Rejected term candidates in the project file: older files load with none, a saved project
//! keeps them (as a sorted set), and a project with none writes no field for them.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use std::path::Path;

use alinea::mine::review::{pending, reject};
use alinea::mine::{MineOptions, candidate_key, mine};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use alinea::progress::Progress;

fn project() -> Project {
    let en = Version::from_sentences(
        "a.en.txt",
        Lang::new("en"),
        &[vec![
            "Climate change threatens the delta.",
            "The delta suffers from climate change.",
        ]],
    );
    let ru = Version::from_sentences(
        "a.ru.txt",
        Lang::new("ru"),
        &[vec![
            "Изменение климата угрожает дельте.",
            "Дельта страдает от изменения климата.",
        ]],
    );
    let mut p = Project::new(vec![en, ru]);
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..2)
            .map(|i| Row {
                cells: vec![i..i + 1; 2],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    p
}

#[test]
fn older_project_files_load_with_no_rejections() {
    let old = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project/v0-before-envelope.alinea");
    let p = alinea::project::load(&old).unwrap();
    assert!(p.rejected_terms.is_empty());
}

#[test]
fn rejections_are_saved_and_not_proposed_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.alinea");
    let mut p = project();
    alinea::project::save(&path, &p).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("rejected_terms"), "no field while empty");

    let key = candidate_key(&Lang::new("en"), "climate change");
    assert!(reject(&mut p, &key));
    assert!(reject(&mut p, &candidate_key(&Lang::new("en"), "delta")));
    alinea::project::save(&path, &p).unwrap();
    let back = alinea::project::load(&path).unwrap();
    assert_eq!(back.rejected_terms, p.rejected_terms);
    let mut sorted = back.rejected_terms.clone();
    sorted.sort();
    assert_eq!(back.rejected_terms, sorted);

    let found = mine(&back, &MineOptions::default(), &Progress::new()).unwrap();
    assert!(found.iter().any(|c| c.text == "climate change"));
    let queue = pending(found, &back);
    assert!(queue.iter().all(|c| c.key() != key), "{queue:?}");
}

#![allow(clippy::unwrap_used, reason = "test code")]

use super::review::*;
use super::*;
use crate::glossary::TermStatus;

fn project() -> Project {
    let rows: [&[&str]; 3] = [
        &["Human rights matter.", "Права человека важны."],
        &["We defend human rights.", "Мы защищаем права человека."],
        &[
            "Respect for human rights grows.",
            "Уважение прав человека растёт.",
        ],
    ];
    super::tests::project(&["en", "ru"], &rows)
}

fn human_rights(p: &Project) -> TermCandidate {
    mine(p, &MineOptions::default(), &Progress::new())
        .unwrap()
        .into_iter()
        .find(|c| c.text == "human rights")
        .unwrap()
}

#[test]
fn key_groups_inflected_forms() {
    let en = Lang::new("en");
    assert_eq!(
        candidate_key(&en, "human rights"),
        candidate_key(&en, "Human right")
    );
    let ru = Lang::new("ru");
    assert_eq!(
        candidate_key(&ru, "права человека"),
        candidate_key(&ru, "прав человека")
    );
}

#[test]
fn accept_makes_a_concept_in_all_languages() {
    let p = project();
    let c = human_rights(&p);
    let concept = concept_from_candidate(&p.glossary, &c, &default_choices(&c)).unwrap();
    assert_eq!(concept.id, "human-rights");
    assert_eq!(concept.terms[&Lang::new("en")][0].text, "human rights");
    let ru = &concept.terms[&Lang::new("ru")][0];
    assert_eq!(ru.status, TermStatus::Preferred);
    assert!(ru.text.contains("человека"));
}

#[test]
fn accepted_and_rejected_are_not_pending() {
    let mut p = project();
    let c = human_rights(&p);
    let all = mine(&p, &MineOptions::default(), &Progress::new()).unwrap();
    assert!(reject(&mut p, &c.key()));
    assert!(!reject(&mut p, &c.key()));
    assert!(
        pending(all.clone(), &p)
            .iter()
            .all(|x| x.text != "human rights")
    );
    assert!(restore(&mut p, &c.key()));
    let concept = concept_from_candidate(&p.glossary, &c, &default_choices(&c)).unwrap();
    p.glossary.concepts.insert(concept.id.clone(), concept);
    assert!(pending(all, &p).iter().all(|x| x.text != "human rights"));
}

#[test]
fn variant_added_to_existing_concept() {
    let mut p = project();
    let c = human_rights(&p);
    let concept = concept_from_candidate(&p.glossary, &c, &default_choices(&c)).unwrap();
    p.glossary.concepts.insert(concept.id.clone(), concept);
    let ru = Lang::new("ru");
    let changed = add_counterpart(
        &p.glossary,
        "human-rights",
        &ru,
        "права людей",
        TermStatus::Forbidden,
    )
    .unwrap();
    assert!(
        changed.terms[&ru]
            .iter()
            .any(|t| t.text == "права людей" && t.status == TermStatus::Forbidden)
    );
    assert_eq!(
        add_counterpart(&p.glossary, "nope", &ru, "x", TermStatus::Allowed),
        Err(ReviewError::UnknownConcept("nope".into()))
    );
    assert_eq!(
        new_concept_id(&p.glossary, "Human rights"),
        "human-rights-2"
    );
}

#[test]
fn example_spans_cover_every_form() {
    let p = project();
    let c = human_rights(&p);
    let spans = example_spans(&p, &c, 2);
    let texts: Vec<String> = spans
        .iter()
        .map(|(v, r)| {
            p.versions[*v].cell_text(p.alignment.rows[2].cells[*v].clone())[r.clone()].to_string()
        })
        .collect();
    assert_eq!(texts, vec!["human rights", "прав человека"]);
    assert!(example_spans(&p, &c, 99).is_empty());
}

#[test]
fn cancelled_mining_stops_with_an_error() {
    let p = project();
    let progress = Progress::new();
    progress.cancel();
    assert!(matches!(
        mine(&p, &MineOptions::default(), &progress),
        Err(MineError::Cancelled(_))
    ));
    let done = Progress::new();
    mine(&p, &MineOptions::default(), &done).unwrap();
    assert_eq!(done.fraction(), 1.0, "the bar ends full");
}

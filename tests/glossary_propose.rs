//! Counterpart proposals ("mark as term") and sentence concepts on a small parallel fixture.
#![allow(clippy::unwrap_used, reason = "test code: a panic is a failed test")]

use std::path::Path;

use alinea::glossary::{
    MatcherOptions, TermMatcher, load_any, propose_counterparts, sentence_concepts,
};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};

fn version(lang: &str) -> Version {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/glossary/parallel")
        .join(format!("{lang}.txt"));
    let text = std::fs::read_to_string(path).unwrap();
    let paragraphs: Vec<Vec<&str>> = text.split("\n\n").map(|p| vec![p.trim()]).collect();
    Version::from_sentences(lang, Lang::new(lang), &paragraphs)
}

fn project() -> Project {
    let mut p = Project::new(vec![version("en"), version("ru"), version("ar")]);
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..6)
            .map(|i| Row {
                cells: vec![i..i + 1; 3],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    p
}

#[test]
fn proposes_the_counterpart_of_a_marked_term() {
    let p = project();
    let proposals = propose_counterparts(&p, 0, "Standing Committee", 3);
    assert!(proposals[0].is_empty(), "nothing for the source version");
    let ru = &proposals[1][0];
    assert_eq!(ru.text, "Постоянный комитет");
    assert_eq!(
        (ru.words, ru.rows_together, ru.rows_with_candidate),
        (2, 3, 3)
    );
    assert!((ru.score - 1.0).abs() < 1e-6);
    assert_eq!(proposals[2][0].text, "اللجنة الدائمة");
    assert!(proposals[1].len() <= 3);
    assert!(proposals[1].windows(2).all(|w| w[0].score >= w[1].score));

    let party = propose_counterparts(&p, 0, "Party Committee", 1);
    assert_eq!(party[2][0].text, "لجنة الحزب");
    assert!(propose_counterparts(&p, 0, "no such words", 3)[1].is_empty());
}

#[test]
fn sentence_concepts_are_anchors() {
    let g =
        load_any(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary/checks.csv"))
            .unwrap();
    let m = TermMatcher::new(&g, &[], MatcherOptions::default());
    let id = |s: &str| g.concept_index(s).unwrap();
    let ar = sentence_concepts(&m, &version("ar"));
    let mut row0 = vec![id("standing-committee"), id("digital-transformation")];
    row0.sort();
    assert_eq!(ar[0], row0);
    assert_eq!(ar[1], vec![id("peoples-committee")]);
    assert!(ar[5].is_empty());
    let en = sentence_concepts(&m, &version("en"));
    assert_eq!(en.len(), 6);
    assert_eq!(en[3], {
        let mut v = vec![id("party-committee"), id("digital-transformation")];
        v.sort();
        v
    });
}

#[test]
fn vietnamese_counterpart_is_never_one_syllable() {
    use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
    let en = Version::from_sentences(
        "en",
        Lang::new("en"),
        &[vec![
            "Dignity matters.",
            "We protect dignity.",
            "The law is clear.",
        ]],
    );
    let vi = Version::from_sentences(
        "vi",
        Lang::new("vi"),
        &[vec![
            "Nhân phẩm là quan trọng.",
            "Chúng tôi bảo vệ nhân phẩm.",
            "Luật rất rõ ràng.",
        ]],
    );
    let mut p = Project::new(vec![en, vi]);
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..3)
            .map(|i| Row {
                cells: vec![i..i + 1, i..i + 1],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    let proposals = alinea::glossary::propose_counterparts(&p, 0, "dignity", 3);
    assert_eq!(proposals[1][0].text.to_lowercase(), "nhân phẩm");
}

#![allow(clippy::unwrap_used, reason = "test code")]

use super::*;
use crate::model::{Alignment, Row, RowStatus, Version};

/// A project of one version per language in `langs`, one row per entry of `rows` (one
/// sentence per version each); shared with the review tests.
pub(super) fn project(langs: &[&str], rows: &[&[&str]]) -> Project {
    let versions: Vec<Version> = langs
        .iter()
        .enumerate()
        .map(|(v, l)| {
            let sents: Vec<&str> = rows.iter().map(|r| r[v]).collect();
            Version::from_sentences(l, Lang::new(l), &[sents])
        })
        .collect();
    let mut p = Project::new(versions);
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..rows.len())
            .map(|i| Row {
                cells: vec![i..i + 1; langs.len()],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    p
}

#[test]
fn russian_forms_and_vietnamese_units() {
    let p = project(
        &["en", "ru", "vi"],
        &[
            &[
                "Human rights matter.",
                "Права человека важны.",
                "Quyền con người là quan trọng.",
            ],
            &[
                "We defend human rights and dignity.",
                "Мы защищаем права человека и достоинство.",
                "Chúng tôi bảo vệ quyền con người và nhân phẩm.",
            ],
            &[
                "The law protects human rights.",
                "Закон защищает права человека.",
                "Luật bảo vệ quyền con người.",
            ],
            &[
                "Respect for human rights grows.",
                "Уважение прав человека растёт.",
                "Sự tôn trọng quyền con người tăng lên.",
            ],
            &[
                "Dignity is central.",
                "Достоинство занимает центральное место.",
                "Nhân phẩm là trung tâm.",
            ],
        ],
    );
    let found = mine(&p, &MineOptions::default(), &Progress::new()).unwrap();
    let hr = found.iter().find(|c| c.text == "human rights").unwrap();
    assert_eq!(hr.frequency, 4);
    let ru = &hr.counterparts[0].counterparts[0];
    assert_eq!(ru.text, "права человека");
    assert!(ru.forms.contains(&"прав человека".to_string()), "{ru:?}");
    assert_eq!(hr.counterparts[1].counterparts[0].text, "quyền con người");
    let dignity = found.iter().find(|c| c.text == "dignity").unwrap();
    assert_eq!(dignity.counterparts[1].counterparts[0].text, "nhân phẩm");
}

#[test]
fn bad_input_is_an_error() {
    let one = project(&["en"], &[&["A b."]]);
    assert_eq!(
        mine(&one, &MineOptions::default(), &Progress::new()),
        Err(MineError::TooFewVersions(1))
    );
    let mut unaligned = project(&["en", "ru"], &[&["A b.", "В г."]]);
    unaligned.alignment.rows.clear();
    assert_eq!(
        mine(&unaligned, &MineOptions::default(), &Progress::new()),
        Err(MineError::NoAlignment)
    );
}

#[test]
fn french_elision_inside_a_counterpart() {
    let p = project(
        &["en", "fr"],
        &[
            &[
                "We defend human rights.",
                "Nous défendons les droits de l'homme.",
            ],
            &["Human rights matter.", "Les droits de l'homme comptent."],
            &["The rule of law holds.", "L'État de droit tient."],
        ],
    );
    let found = mine(&p, &MineOptions::default(), &Progress::new()).unwrap();
    let hr = found.iter().find(|c| c.text == "human rights").unwrap();
    assert_eq!(hr.counterparts[0].counterparts[0].text, "droits de l'homme");
}

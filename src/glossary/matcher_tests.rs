//! Unit tests of the term matcher.
use super::*;
use crate::glossary::{Concept, Term};

fn glossary(entries: &[(&str, &str, &str, TermStatus)]) -> Glossary {
    let mut g = Glossary::default();
    for (id, lang, text, status) in entries {
        let c = g.concepts.entry(id.to_string()).or_insert_with(|| Concept {
            id: id.to_string(),
            ..Concept::default()
        });
        c.terms
            .entry(Lang::new(lang))
            .or_default()
            .push(Term::new(text, *status));
    }
    g
}

fn texts(m: &TermMatcher, text: &str, lang: &str) -> Vec<(String, String)> {
    m.find(text, &Lang::new(lang))
        .iter()
        .map(|o| {
            (
                m.concept_id(o.concept).to_string(),
                text[o.range()].to_string(),
            )
        })
        .collect()
}

#[test]
fn russian_inflections_and_longest_match() {
    let g = glossary(&[
        (
            "standing",
            "ru",
            "Постоянный комитет",
            TermStatus::Preferred,
        ),
        ("committee", "ru", "комитет", TermStatus::Preferred),
    ]);
    let m = TermMatcher::new(&g, &[], MatcherOptions::default());
    let found = texts(
        &m,
        "В Постоянном комитете и у Постоянного комитета; комитеты. Постоянный. Комитет",
        "ru",
    );
    assert_eq!(
        found,
        vec![
            ("standing".into(), "Постоянном комитете".into()),
            ("standing".into(), "Постоянного комитета".into()),
            ("committee".into(), "комитеты".into()),
            ("committee".into(), "Комитет".into()),
        ]
    );
}

#[test]
fn no_hits_inside_words_and_exact_mode() {
    let mut g = glossary(&[("cat", "en", "cat", TermStatus::Preferred)]);
    let mut exact = Term::new("UN", TermStatus::Preferred);
    exact.match_mode = MatchMode::Exact;
    exact.case_sensitive = true;
    g.concepts
        .entry("un".into())
        .or_default()
        .terms
        .insert(Lang::new("en"), vec![exact]);
    let m = TermMatcher::new(&g, &[], MatcherOptions::default());
    let found = texts(&m, "Concatenate cats. The UN and the un, unions.", "en");
    assert_eq!(
        found,
        vec![("cat".into(), "cats".into()), ("un".into(), "UN".into())]
    );
}

#[test]
fn same_span_for_two_concepts_is_kept_twice() {
    let g = glossary(&[
        ("a", "ru", "Постоянный комитет", TermStatus::Preferred),
        ("b", "ru", "Постоянный комитет", TermStatus::Allowed),
    ]);
    let m = TermMatcher::new(&g, &[], MatcherOptions::default());
    assert_eq!(m.find("Постоянного комитета", &Lang::new("ru")).len(), 2);
}

//! The bundled sample project: one short report in Vietnamese (the pivot), English, Russian,
//! Arabic and Malay, embedded so the app can show it from any working directory on first run.

use crate::ingest;
use crate::model::{Lang, Version};
use crate::segment::SplitMode;
use crate::pipeline;

const TEXTS: [(&str, &str, &str); 5] = [
    (
        "vi",
        "bao-cao.vi.txt",
        include_str!("../../assets/sample/bao-cao.vi.txt"),
    ),
    (
        "en",
        "report.en.txt",
        include_str!("../../assets/sample/report.en.txt"),
    ),
    (
        "ru",
        "otchet.ru.txt",
        include_str!("../../assets/sample/otchet.ru.txt"),
    ),
    (
        "ar",
        "taqrir.ar.txt",
        include_str!("../../assets/sample/taqrir.ar.txt"),
    ),
    (
        "ms",
        "laporan.ms.txt",
        include_str!("../../assets/sample/laporan.ms.txt"),
    ),
];

/// The sample glossary: a few concepts of the sample texts in all five languages, with a
/// forbidden English variant that the English text uses, so a new user sees highlights and
/// a finding. In memory only until the editor gives it a file.
pub fn glossary() -> crate::glossary::Glossary {
    let text = include_str!("../../assets/sample/sample.glossary.ron");
    ron::from_str(text).unwrap_or_default()
}

/// The sample versions, segmented, pivot (Vietnamese) first.
pub fn versions() -> Vec<Version> {
    TEXTS
        .iter()
        .map(|(lang, name, text)| {
            let doc = ingest::from_pasted(name, text);
            pipeline::version_from_document(doc, Some(Lang::new(lang)), SplitMode::Auto)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_has_five_languages_and_enough_sentences() {
        let v = versions();
        assert_eq!(v.len(), 5);
        for version in &v {
            let n = version.sentences.len();
            assert!((15..=30).contains(&n), "{}: {n} sentences", version.name);
        }
        assert!(v.iter().any(|x| x.lang.is_rtl()));
    }

    #[test]
    fn sample_glossary_parses_and_has_a_forbidden_term_in_the_english_text() {
        let g = glossary();
        assert_eq!(g.concepts.len(), 4);
        let v = versions();
        let langs: Vec<Lang> = v.iter().map(|x| x.lang.clone()).collect();
        let m = crate::glossary::TermMatcher::new(&g, &langs, Default::default());
        for version in &v {
            assert!(
                !m.find(&version.text, &version.lang).is_empty(),
                "{}",
                version.name
            );
        }
        let en = &v[1];
        assert!(
            m.find(&en.text, &en.lang)
                .iter()
                .any(|o| o.status == crate::glossary::TermStatus::Forbidden)
        );
    }
}

//! No panics and valid ranges for any input in the European rule sets, with document
//! statistics and learned tokens in play; pathological inputs finish quickly.

use alinea::model::Lang;
use alinea::segment::{LearnedRules, blank_line_paragraphs, segment_learned};
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        " ",
        "  ",
        "\n",
        "\n\n",
        ".",
        "!",
        "?",
        "…",
        "...",
        "¿",
        "¡",
        "«",
        "»",
        " »",
        "„",
        "“",
        "‚",
        "‘",
        "’",
        "\u{A0}",
        "\u{202F}",
        ":",
        ";",
        ",",
        "-",
        "10.",
        "3.",
        "1.1.2024",
        "14.30",
        "Fr.",
        "42.-",
        "Std.",
        "Min.",
        "usw.",
        "vgl.",
        "Dr.",
        "u.",
        "a.",
        "d.",
        "h.",
        "z. B.",
        "M.",
        "m.",
        "8481",
        "l'art.",
        "se-Kab.",
        "S.H.",
        "M.T.",
        "обл.",
        "и",
        "пр.",
        "م.",
        "1975",
        "September",
        "Danach",
        "danach",
        "Müller",
        "und",
        "Key",
        "Tasks",
        "Sets",
        "am",
        "der",
        "L'écart",
        "EE.",
        "UU.",
        "S.p.A.",
        "Sekr.",
        "Daerah",
        "ﻻ",
        "\u{202A}",
        "x",
    ])
    .prop_map(str::to_string)
}

fn learned() -> LearnedRules {
    let mut l = LearnedRules::default();
    for lang in ["de", "fr", "es", "it", "pt", "nl", "id", "xx"] {
        l.record(lang, "Sekr.", false);
        l.record(lang, "Min.", true);
        l.record(lang, "»", true);
    }
    l
}

proptest! {
    #[test]
    fn ranges_are_valid_for_any_input(parts in prop::collection::vec(piece(), 0..60)) {
        let text: String = parts.concat();
        let paragraphs = blank_line_paragraphs(&text);
        let learned = learned();
        for lang in ["de", "fr", "es", "it", "pt", "nl", "id", "ru", "ar", "sw"] {
            let sentences = segment_learned(&text, &paragraphs, &Lang::new(lang), &learned);
            let mut last_end = 0;
            for s in &sentences {
                let para = &paragraphs[s.paragraph];
                prop_assert!(s.range.start < s.range.end);
                prop_assert!(para.start <= s.range.start && s.range.end <= para.end);
                prop_assert!(s.range.start >= last_end);
                prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
                last_end = s.range.end;
            }
            let covered: usize = sentences.iter().map(|s| text[s.range.clone()].chars().filter(|c| !c.is_whitespace()).count()).sum();
            let total: usize = paragraphs.iter().map(|p| text[p.clone()].chars().filter(|c| !c.is_whitespace()).count()).sum();
            prop_assert_eq!(covered, total);
        }
    }
}

#[test]
fn pathological_inputs_finish() {
    let inputs = [
        "Kapitel und\n".repeat(20_000),
        "Key Tasks For The Year And\n".repeat(10_000),
        "am 10. ".repeat(20_000),
        "u. a. ".repeat(20_000),
        "« Tu ? » ".repeat(20_000),
        "a.".repeat(100_000) + " Sekr. Daerah",
        "Sekr.".repeat(50_000),
    ];
    let learned = learned();
    let started = std::time::Instant::now();
    for text in &inputs {
        for lang in ["de", "fr", "id"] {
            let sentences = segment_learned(text, &[0..text.len()], &Lang::new(lang), &learned);
            assert!(!sentences.is_empty());
        }
    }
    // Linear work: a few MB in well under a minute even in a debug build on a busy machine.
    assert!(started.elapsed().as_secs() < 60, "{:?}", started.elapsed());
}

//! End-to-end properties of the public segmentation API: ranges are trimmed, ordered, on
//! character boundaries and inside their paragraph; user rule files extend the built-in ones.

use alinea::model::Lang;
use alinea::segment::{Segmenter, blank_line_paragraphs, segment, segment_paragraph};
use proptest::prelude::*;

fn texts(text: &str, lang: &str) -> Vec<String> {
    let paragraphs = blank_line_paragraphs(text);
    segment(text, &paragraphs, &Lang::new(lang))
        .iter()
        .map(|s| text[s.range.clone()].to_string())
        .collect()
}

#[test]
fn sentences_never_cross_paragraphs() {
    // "Dr." at the end of a paragraph must not glue it to the next one.
    let text = "Bài viết của Dr.\n\nNguyễn Văn An trình bày kết quả. Hội nghị kết thúc.";
    let paragraphs = blank_line_paragraphs(text);
    assert_eq!(paragraphs.len(), 2);
    let sentences = segment(text, &paragraphs, &Lang::new("vi"));
    let got: Vec<(&str, usize)> = sentences
        .iter()
        .map(|s| (&text[s.range.clone()], s.paragraph))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Bài viết của Dr.", 0),
            ("Nguyễn Văn An trình bày kết quả.", 1),
            ("Hội nghị kết thúc.", 1),
        ]
    );
}

#[test]
fn ranges_are_trimmed_and_point_into_the_text() {
    let text = "  Giá vàng tăng mạnh.   Người dân đổ xô đi mua.  ";
    let paragraphs = vec![0..text.len()];
    let sentences = segment(text, &paragraphs, &Lang::new("vi"));
    assert_eq!(sentences.len(), 2);
    assert_eq!(&text[sentences[0].range.clone()], "Giá vàng tăng mạnh.");
    assert_eq!(sentences[1].range.start, text.find("Người").expect("word"));
}

#[test]
fn segment_paragraph_returns_relative_ranges() {
    let p = "Прибыл в г. Казань. Визит продлится два дня.";
    let ranges = segment_paragraph(p, &Lang::new("ru"));
    let got: Vec<&str> = ranges.iter().map(|r| &p[r.clone()]).collect();
    assert_eq!(got, vec!["Прибыл в г. Казань.", "Визит продлится два дня."]);
}

#[test]
fn unknown_language_uses_common_rules() {
    assert_eq!(
        texts("Dr. Tanaka arrived. He spoke briefly.", "ja"),
        vec!["Dr. Tanaka arrived.", "He spoke briefly."]
    );
}

#[test]
fn user_rule_file_adds_an_abbreviation() {
    let text = "Đoàn làm việc tại Cty. Bảo Minh sáng nay.";
    let vi = Lang::new("vi");
    let builtin = Segmenter::load(&vi, None).expect("embedded rules");
    assert_eq!(
        builtin.split(text).len(),
        2,
        "without the user rule 'Cty.' ends a sentence"
    );

    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("vi.ron"), "(never_end: [\"Cty.\"])").expect("write rules");
    let custom = Segmenter::load(&vi, Some(dir.path())).expect("user rules");
    assert_eq!(custom.split(text), vec![0..text.len()]);
}

#[test]
fn user_common_file_applies_to_every_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("common.ron"), "(never_end: [\"Xyz.\"])").expect("write");
    let seg = Segmenter::load(&Lang::new("id"), Some(dir.path())).expect("rules");
    assert_eq!(seg.split("Kata Xyz. Budi pergi.").len(), 1);
}

#[test]
fn broken_user_rule_file_is_reported_with_its_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("ms.ron"), "(never_end: [\"Tn.\"").expect("write");
    let err = Segmenter::load(&Lang::new("ms"), Some(dir.path())).expect_err("must fail");
    assert!(err.to_string().contains("ms.ron"), "{err}");
}

fn piece() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "Dr.",
        "U.S.",
        " ",
        "  ",
        "\n",
        "\n\n",
        ".",
        "...",
        "…",
        "?",
        "!",
        "؟",
        "،",
        "«",
        "»",
        "“",
        "”",
        "\"",
        "'",
        "(",
        ")",
        "[1]",
        "1.",
        "2)",
        "a.",
        "•",
        "- ",
        "Ông",
        "nói",
        "Hà",
        "Nội",
        "قال",
        "Москва",
        "г.",
        "etc.",
        "dll.",
        "40.000",
        "3,5%",
        "www.x.com",
        "\u{202A}",
        "\u{202C}",
        "A",
        "b",
        "Tn.",
        "PGS.TS.",
        "—",
        "--",
    ])
    .prop_map(str::to_string)
}

proptest! {
    #[test]
    fn ranges_are_valid_for_any_input(parts in prop::collection::vec(piece(), 0..40)) {
        let text: String = parts.concat();
        let paragraphs = blank_line_paragraphs(&text);
        for lang in ["vi", "ar", "en"] {
            let sentences = segment(&text, &paragraphs, &Lang::new(lang));
            let mut last_end = 0;
            for s in &sentences {
                let para = &paragraphs[s.paragraph];
                prop_assert!(s.range.start < s.range.end);
                prop_assert!(para.start <= s.range.start && s.range.end <= para.end);
                prop_assert!(s.range.start >= last_end);
                prop_assert!(text.is_char_boundary(s.range.start) && text.is_char_boundary(s.range.end));
                let body = &text[s.range.clone()];
                prop_assert_eq!(body, body.trim());
                last_end = s.range.end;
            }
            // Every non-space character of every paragraph is in some sentence.
            let covered: usize = sentences.iter().map(|s| text[s.range.clone()].chars().filter(|c| !c.is_whitespace()).count()).sum();
            let total: usize = paragraphs.iter().map(|p| text[p.clone()].chars().filter(|c| !c.is_whitespace()).count()).sum();
            prop_assert_eq!(covered, total);
        }
    }
}

#[test]
fn pathological_inputs_finish_and_keep_all_text() {
    let inputs = [
        "ab.Cd".repeat(20_000),
        "(a. ".repeat(20_000),
        "((((((".repeat(10_000),
        "1. ".repeat(20_000),
        "\"x. ".repeat(20_000),
        "Dr. ".repeat(20_000),
    ];
    for text in &inputs {
        let sentences = segment(text, &[0..text.len()], &Lang::new("en"));
        let covered: usize = sentences.iter().map(|s| s.range.len()).sum();
        assert!(covered <= text.len());
        assert!(!sentences.is_empty());
    }
}

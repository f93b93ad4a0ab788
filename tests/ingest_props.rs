//! Properties: loading arbitrary bytes never panics, and paragraph ranges are always valid
//! (on character boundaries, ordered, non-overlapping, trimmed, non-empty).

use alinea::ingest::{self, LoadOptions};
use alinea::model::Document;
use proptest::prelude::*;

fn assert_valid(doc: &Document) {
    let mut last_end = 0;
    for r in &doc.paragraphs {
        assert!(r.start >= last_end && r.start < r.end, "{r:?}");
        let p = doc.text.get(r.clone()).expect("range on char boundaries");
        assert_eq!(p, p.trim());
        last_end = r.end;
    }
    assert!(!doc.text.contains('\r'));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..600),
        name in prop::sample::select(vec!["a.txt", "a.md", "a.html", "a.docx", "a"]),
    ) {
        if let Ok(doc) = ingest::load_bytes(name, &bytes, &LoadOptions::default()) {
            assert_valid(&doc);
            prop_assert!(!doc.paragraphs.is_empty());
        }
    }

    #[test]
    fn pasted_text_has_valid_paragraphs(text in "(\\PC|[ \\t\\r\\n]){0,300}") {
        assert_valid(&ingest::from_pasted("pasted", &text));
    }

    #[test]
    fn markup_text_has_valid_paragraphs(
        text in "([a-zé ]{0,12}(\\n|\\n\\n|#|- |\\*|_|`|\\[|\\]|\\(|\\)|<p>|</p>|<br>|&amp;|\\|)){0,30}",
    ) {
        for name in ["a.md", "a.html", "a.txt"] {
            if let Ok(doc) = ingest::load_bytes(name, text.as_bytes(), &LoadOptions::default()) {
                assert_valid(&doc);
            }
        }
    }
}

//! The real seed documents (shared/seeds, beside the clone) are detected as the languages
//! the editors know them to be.

use std::path::Path;

use alinea::ingest::{self, LoadOptions};

const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/");

/// (file name prefix, expected language)
const EXPECTED: [(&str, &str); 5] = [
    ("000_", "ms"),
    ("001_", "ar"),
    ("002_", "ar"),
    ("003_", "ru"),
    ("004_", "id"),
];

#[test]
fn seeds_are_detected_as_their_languages() {
    let mut names: Vec<String> = std::fs::read_dir(SEEDS)
        .unwrap_or_else(|e| panic!("{SEEDS}: {e} (shared/ must lie beside the clone)"))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for (prefix, want) in EXPECTED {
        let name = names
            .iter()
            .find(|n| n.starts_with(prefix))
            .unwrap_or_else(|| panic!("no seed {prefix}* in {SEEDS}"));
        let path = Path::new(SEEDS).join(name);
        let doc = ingest::load_path(&path, &LoadOptions::default()).unwrap();
        assert_eq!(doc.encoding, "UTF-8", "{name}");
        assert!(!doc.paragraphs.is_empty(), "{name}");
        let d = ingest::language::detect(&doc.text);
        assert_eq!(d.lang.as_str(), want, "{name}: {d:?}");
        assert!(d.confidence >= 0.5, "{name}: {d:?}");
        // Every paragraph range is trimmed and inside the text.
        for r in &doc.paragraphs {
            let p = &doc.text[r.clone()];
            assert!(!p.is_empty() && p == p.trim(), "{name}: {r:?}");
        }
    }
}

#[test]
fn malay_seed_paragraphs_are_mostly_malay() {
    let name = std::fs::read_dir(SEEDS)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("000_"))
        .unwrap();
    let doc = ingest::load_path(&name, &LoadOptions::default()).unwrap();
    let per_paragraph = ingest::language::detect_paragraphs(&doc.text, &doc.paragraphs);
    assert_eq!(per_paragraph.len(), doc.paragraphs.len());
    let malay = per_paragraph
        .iter()
        .filter(|d| d.lang.as_str() == "ms")
        .count();
    let long = doc.paragraphs.iter().filter(|r| r.len() > 200).count();
    assert!(
        malay * 2 >= long,
        "{malay} of {long} long paragraphs are Malay"
    );
}

//! Property tests: any text made of the characters that break exchange formats (markup
//! characters, quotes, tabs, CR/LF, Arabic, emoji) survives TMX export → import, CSV and JSONL
//! exactly.

mod export_support;

use alinea::export::{ExportOptions, Format, tmx_read};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use proptest::prelude::*;

/// Text that starts and ends with a letter (sentences are trimmed) and has risky characters
/// inside.
fn risky_text() -> impl Strategy<Value = String> {
    "[\\t\\r\\n &<>\"';,a-zđươ\u{600}-\u{6ff}\u{1F300}-\u{1F320}]{0,24}"
        .prop_map(|inner| format!("a{inner}z"))
}

fn project_of(pairs: &[(String, String)]) -> Project {
    let vi: Vec<&str> = pairs.iter().map(|(a, _)| a.as_str()).collect();
    let ar: Vec<&str> = pairs.iter().map(|(_, b)| b.as_str()).collect();
    let mut project = Project::new(vec![
        Version::from_sentences("vi", Lang::new("vi"), &[vi]),
        Version::from_sentences("ar", Lang::new("ar"), &[ar]),
    ]);
    project.alignment = Alignment {
        pivot: 0,
        rows: (0..pairs.len())
            .map(|i| Row {
                cells: vec![i..i + 1, i..i + 1],
                score: 1.0,
                status: RowStatus::Confirmed,
            })
            .collect(),
    };
    project
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn risky_text_survives_tmx_csv_and_jsonl(pairs in prop::collection::vec((risky_text(), risky_text()), 1..6)) {
        let project = project_of(&pairs);
        let options = ExportOptions::default();

        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.tmx");
        let tmx = export_support::export(Format::Tmx, &project, &options);
        std::fs::write(&path, &tmx).unwrap();
        let imported = tmx_read::read(&path).unwrap();
        for (i, (vi, ar)) in pairs.iter().enumerate() {
            prop_assert_eq!(imported.versions[0].sentence_text(i), vi.as_str());
            prop_assert_eq!(imported.versions[1].sentence_text(i), ar.as_str());
        }
        prop_assert_eq!(export_support::export(Format::Tmx, &imported, &options), tmx);

        let csv = export_support::export(Format::Csv, &project, &options);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let records: Vec<(String, String)> = reader
            .records()
            .map(|r| { let r = r.unwrap(); (r[0].to_string(), r[1].to_string()) })
            .collect();
        prop_assert_eq!(&records, &pairs);

        let jsonl = export_support::export(Format::Jsonl, &project, &options);
        let objects: Vec<(String, String)> = jsonl
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                (v["vi"].as_str().unwrap().to_string(), v["ar"].as_str().unwrap().to_string())
            })
            .collect();
        prop_assert_eq!(&objects, &pairs);
    }
}

//! Golden-file tests: every format's output for the sample project is compared byte for byte
//! with a reviewed file in tests/golden/. After an intended change, regenerate with
//! `ALINEA_UPDATE_GOLDEN=1 cargo test --no-default-features --test export_golden` and review
//! the diff.

mod export_support;

use std::path::PathBuf;

use alinea::export::{ExportOptions, Format};
use alinea::model::Lang;

fn check_golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("ALINEA_UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("golden file writable");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with ALINEA_UPDATE_GOLDEN=1)", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file; actual output:\n{actual}"
    );
}

#[test]
fn every_format_matches_its_golden_file() {
    let project = export_support::sample();
    let options = ExportOptions::default();
    for format in [
        Format::Tmx,
        Format::Tsv,
        Format::Csv,
        Format::Jsonl,
        Format::Html,
    ] {
        let out = export_support::export(format, &project, &options);
        check_golden(&format!("sample.{}", format.extension()), &out);
    }
}

#[test]
fn filtered_exports_match_their_golden_files() {
    let project = export_support::sample();
    let pair = ExportOptions {
        confirmed_only: true,
        langs: vec![Lang::new("ar"), Lang::new("vi")],
    };
    check_golden(
        "sample.confirmed.vi-ar.tmx",
        &export_support::export(Format::Tmx, &project, &pair),
    );
    let two_arabic = export_support::sample_with_two_arabic();
    check_golden(
        "two-arabic.html",
        &export_support::export(Format::Html, &two_arabic, &ExportOptions::default()),
    );
}

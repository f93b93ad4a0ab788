//! End-to-end tests of `alinea export` and `alinea import` through the real binary.

mod export_support;

use std::path::Path;
use std::process::{Command, Output};

fn alinea(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the alinea binary runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn saved_sample(dir: &Path) {
    alinea::project::save(&dir.join("report.alinea"), &export_support::sample())
        .expect("sample project saves");
}

#[test]
fn export_to_stdout_matches_the_golden_file_and_reports_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let out = alinea(&["export", "report.alinea", "--format", "tmx"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let golden = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sample.tmx"),
    )
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), golden);
    assert!(
        stderr(&out).contains("5 rows written, 2 without text to pair skipped"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn export_with_filters_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let out = alinea(
        &[
            "export",
            "report.alinea",
            "--format",
            "csv",
            "--confirmed-only",
            "--langs",
            "ru,vi",
            "-o",
            "pairs.csv",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("pairs.csv")).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("vi,ru"));
    assert!(
        stderr(&out).contains("3 unconfirmed skipped"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("pairs.csv.part").exists());
}

#[test]
fn per_pair_writes_one_file_per_language_pair() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let out = alinea(
        &[
            "export",
            "report.alinea",
            "--format",
            "tmx",
            "--per-pair",
            "-o",
            "out/memo.tmx",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for pair in ["vi-en", "vi-ar", "vi-ru"] {
        let path = dir.path().join(format!("out/memo.{pair}.tmx"));
        let text = std::fs::read_to_string(&path).unwrap();
        let target = &pair[3..];
        assert!(text.contains(&format!("xml:lang=\"{target}\"")), "{pair}");
        assert_eq!(
            text.matches("xml:lang=").count() % 2,
            0,
            "pairs only: {pair}"
        );
    }
    let out = alinea(
        &[
            "export",
            "report.alinea",
            "--format",
            "jsonl",
            "--per-pair",
            "-o",
            "dir/",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("dir/report.vi-ru.jsonl").exists());
}

#[test]
fn import_then_export_gives_the_same_tmx() {
    let dir = tempfile::tempdir().unwrap();
    let tmx = export_support::export(
        alinea::export::Format::Tmx,
        &export_support::complete(),
        &Default::default(),
    );
    std::fs::write(dir.path().join("memory.tmx"), &tmx).unwrap();
    let out = alinea(&["import", "memory.tmx", "-o", "memory.alinea"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("3 rows in 3 languages (vi, ar, en)"),
        "{}",
        stderr(&out)
    );
    let again = alinea(&["import", "memory.tmx", "-o", "memory.alinea"], dir.path());
    assert!(!again.status.success());
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    let out = alinea(&["export", "memory.alinea", "--format", "tmx"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout), tmx);
}

#[test]
fn bad_input_fails_with_a_message_naming_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let out = alinea(
        &[
            "export",
            "report.alinea",
            "--format",
            "tsv",
            "--langs",
            "fr",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("language fr is not in the project (it has: vi,en,ar,ru)"),
        "{}",
        stderr(&out)
    );
    let out = alinea(
        &[
            "export",
            "report.alinea",
            "--format",
            "tmx",
            "--langs",
            "en,ru",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("pivot language vi"),
        "{}",
        stderr(&out)
    );
    let out = alinea(&["export", "nope.alinea", "--format", "tmx"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nope.alinea"), "{}", stderr(&out));
    std::fs::write(dir.path().join("page.tmx"), "<html><body/></html>").unwrap();
    let out = alinea(&["import", "page.tmx"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("page.tmx: not a TMX file"),
        "{}",
        stderr(&out)
    );
    let out = alinea(&["export", "report.alinea", "--format", "docx"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(2),
        "unknown formats are refused by clap"
    );
}

/// A saved sample project that refers to the fixture glossary (copied next to it).
fn saved_sample_with_glossary(dir: &Path) {
    let glossary =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/project/terms.glossary.ron");
    std::fs::copy(&glossary, dir.join("terms.glossary.ron")).expect("glossary fixture copies");
    let mut project = export_support::sample();
    project.glossary_path = Some(dir.join("terms.glossary.ron"));
    alinea::project::save(&dir.join("report.alinea"), &project).expect("sample project saves");
}

#[test]
fn exports_the_project_glossary_as_tbx_and_csv() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample_with_glossary(dir.path());
    let out = alinea(
        &[
            "export",
            "report.alinea",
            "--format",
            "tbx",
            "-o",
            "terms.tbx",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("terms.tbx: 1 concepts written"),
        "{}",
        stderr(&out)
    );
    let tbx = alinea::glossary::tbx::load_tbx(&dir.path().join("terms.tbx")).expect("tbx reads");
    let concept = &tbx.concepts["standing-committee"];
    let texts: Vec<&str> = concept
        .terms
        .values()
        .flatten()
        .map(|t| t.text.as_str())
        .collect();
    assert!(
        texts.contains(&"Ủy ban Thường vụ") && texts.contains(&"اللجنة الدائمة"),
        "{texts:?}"
    );

    let out = alinea(
        &["export", "report.alinea", "--format", "glossary-csv"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.starts_with("concept,lang,term,status"), "{csv}");
    assert!(
        csv.contains("standing-committee,vi,Ủy ban Thường vụ"),
        "{csv}"
    );
    assert!(
        csv.contains("standing-committee,ar,اللجنة الدائمة"),
        "{csv}"
    );
}

#[test]
fn glossary_export_without_a_glossary_fails_naming_the_project() {
    let dir = tempfile::tempdir().unwrap();
    saved_sample(dir.path());
    let out = alinea(&["export", "report.alinea", "--format", "tbx"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("report.alinea: nothing to export: it has no glossary"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());
}

//! Term-consistency checks on a small parallel fixture (en pivot, ru, ar; my own translations).
#![allow(clippy::unwrap_used, reason = "test code: a panic is a failed test")]

use std::path::{Path, PathBuf};
use std::process::Command;

use alinea::checks::{Finding, FindingKind, counts, html_report, run_checks, write_csv_report};
use alinea::glossary::{Glossary, load_any};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/glossary")
        .join(name)
}

fn version(lang: &str) -> Version {
    let text = std::fs::read_to_string(fixture(&format!("parallel/{lang}.txt"))).unwrap();
    let paragraphs: Vec<Vec<&str>> = text
        .split("\n\n")
        .map(|p| vec![p.trim()])
        .filter(|p| !p[0].is_empty())
        .collect();
    Version::from_sentences(&format!("{lang}.txt"), Lang::new(lang), &paragraphs)
}

fn project() -> Project {
    let mut p = Project::new(vec![version("en"), version("ru"), version("ar")]);
    let n = p.versions[0].sentences.len();
    p.alignment = Alignment {
        pivot: 0,
        rows: (0..n)
            .map(|i| Row {
                cells: vec![i..i + 1; 3],
                score: 1.0,
                status: RowStatus::Confirmed,
            })
            .collect(),
    };
    p.validate().unwrap();
    p
}

fn glossary() -> Glossary {
    load_any(&fixture("checks.csv")).unwrap()
}

fn summary(findings: &[Finding]) -> Vec<(usize, &str, &str, FindingKind, &str)> {
    findings
        .iter()
        .map(|f| {
            (
                f.row,
                f.lang.as_str(),
                f.concept.as_str(),
                f.kind,
                f.text.as_str(),
            )
        })
        .collect()
}

#[test]
fn finds_missing_forbidden_variant_collision() {
    use FindingKind::*;
    let p = project();
    let findings = run_checks(&p, &glossary());
    assert_eq!(
        summary(&findings),
        vec![
            (0, "ru", "standing-board", Collision, "Постоянный комитет"),
            (
                0,
                "ru",
                "standing-committee",
                Collision,
                "Постоянный комитет"
            ),
            (1, "ar", "peoples-committee", Missing, "اللجنة الشعبية"),
            (1, "ar", "peoples-committee", Forbidden, "لجنة الشعب"),
            (2, "ru", "party-committee", Variant, "партийным комитетом"),
            (2, "ru", "standing-board", Collision, "Постоянного комитета"),
            (
                2,
                "ru",
                "standing-committee",
                Collision,
                "Постоянного комитета"
            ),
            (
                3,
                "ru",
                "digital-transformation",
                Missing,
                "цифровая трансформация"
            ),
            (4, "ru", "standing-board", Collision, "Постоянный комитет"),
            (
                4,
                "ru",
                "standing-committee",
                Collision,
                "Постоянный комитет"
            ),
        ]
    );
    let forbidden = &findings[3];
    let ar = &p.versions[2];
    assert_eq!(&ar.text[forbidden.ranges[0].clone()], "لجنة الشعب");
    assert!(findings[2].ranges.is_empty(), "missing has no range");
}

#[test]
fn accepted_findings_are_flagged_and_not_counted() {
    let mut p = project();
    let g = glossary();
    let first = run_checks(&p, &g);
    let variant = first
        .iter()
        .find(|f| f.kind == FindingKind::Variant)
        .unwrap();
    p.accepted_findings.push(variant.key());
    let again = run_checks(&p, &g);
    assert_eq!(again.len(), first.len());
    assert_eq!(again.iter().filter(|f| f.accepted).count(), 1);
    let c = counts(&again);
    assert!(!c.contains_key(&("party-committee".to_string(), "ru".to_string())));
    assert_eq!(
        c[&("standing-committee".to_string(), "ru".to_string())].collision,
        3
    );
    assert_eq!(
        c[&("peoples-committee".to_string(), "ar".to_string())].total(),
        2
    );
    // The key names the version and sentence, not the row: stable under re-alignment.
    assert!(variant.key().contains("ru.txt") && variant.key().contains("|s2|"));
}

#[test]
fn forbidden_terms_without_alignment() {
    let p = Project::new(vec![version("ar")]);
    let findings = run_checks(&p, &glossary());
    let kinds: Vec<_> = findings.iter().map(|f| (f.row, f.kind)).collect();
    assert_eq!(kinds, vec![(1, FindingKind::Forbidden)]);
}

#[test]
fn reports_csv_and_html() {
    let p = project();
    let findings = run_checks(&p, &glossary());
    let mut csv = Vec::new();
    write_csv_report(&mut csv, &p, &findings).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("row,version,lang,concept,kind,text,accepted,sentence\n"));
    assert_eq!(csv.lines().count(), findings.len() + 1);
    assert!(csv.contains("forbidden,لجنة الشعب,no,"));
    let html = html_report(&p, &findings);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<td dir=\"rtl\" lang=\"ar\">لجنة الشعب</td>"));
    assert!(html.contains("<mark>لجنة الشعب</mark>"));
    assert!(html.contains("People&#39;s") || !html.contains("People's"));
    assert_eq!(
        html.matches("<tr").count(),
        1 + counts(&findings).len() + 1 + findings.len()
    );
}

#[test]
fn cli_check_aligns_documents_and_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("report.html");
    let out = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .arg("check")
        .arg("--glossary")
        .arg(fixture("checks.csv"))
        .args(["--lang", "en", "--lang", "ru", "--lang", "ar", "--report"])
        .arg(&report)
        .arg(fixture("parallel/en.txt"))
        .arg(fixture("parallel/ru.txt"))
        .arg(fixture("parallel/ar.txt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 10);
    let forbidden = lines.iter().find(|l| l["kind"] == "forbidden").unwrap();
    assert_eq!(forbidden["row"], 1);
    assert_eq!(forbidden["concept"], "peoples-committee");
    assert_eq!(forbidden["lang"], "ar");
    assert_eq!(forbidden["text"], "لجنة الشعب");
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("dir=\"rtl\"")
    );

    // No findings: still exit 0, no output. A TBX glossary works too.
    let tbx = dir.path().join("g.tbx");
    std::fs::write(
        &tbx,
        alinea::glossary::tbx::write_tbx(&glossary(), alinea::glossary::tbx::TbxVersion::V3),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .arg("check")
        .arg("--glossary")
        .arg(&tbx)
        .args(["--lang", "en"])
        .arg(fixture("parallel/en.txt"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_reports_a_bad_glossary_by_name() {
    let out = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(["check", "--glossary"])
        .arg(fixture("parallel/en.txt"))
        .arg(fixture("parallel/en.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("en.txt"));
}

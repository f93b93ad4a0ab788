//! `--split lines` and `--engine` on the real binary: pre-split input stays as given, the
//! choice is stored in the project, and without a usable model alignment falls back to the
//! fast engine with one clear message.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use std::path::Path;
use std::process::{Command, Output};

fn alinea(args: &[&str], model: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alinea"));
    cmd.args(args);
    if let Some(m) = model {
        cmd.env("ALINEA_MODEL", m);
    }
    cmd.env_remove("ALINEA_ENGINE");
    cmd.output().unwrap()
}

const DE: &str = "Dr. Müller kam am 10.\nSeptember 1988 an. Er blieb.\n\nZweiter Absatz.\n";
const FR: &str = "Le Dr Müller arriva le 10\nseptembre 1988. Il resta.\n\nDeuxième paragraphe.\n";

fn write_pair(dir: &Path) -> (String, String) {
    let de = dir.join("de.txt");
    let fr = dir.join("fr.txt");
    std::fs::write(&de, DE).unwrap();
    std::fs::write(&fr, FR).unwrap();
    (
        de.to_str().unwrap().to_string(),
        fr.to_str().unwrap().to_string(),
    )
}

#[test]
fn segment_lines_keeps_every_line_and_blank_lines_make_paragraphs() {
    let dir = tempfile::tempdir().unwrap();
    let (de, _) = write_pair(dir.path());
    let out = alinea(&["segment", "--split", "lines", "--lang", "de", &de], None);
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
    let texts: Vec<&str> = lines.iter().map(|l| l["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "Dr. Müller kam am 10.",
            "September 1988 an. Er blieb.",
            "Zweiter Absatz."
        ]
    );
    let paragraphs: Vec<u64> = lines
        .iter()
        .map(|l| l["paragraph"].as_u64().unwrap())
        .collect();
    assert_eq!(paragraphs, [0, 0, 1]);
    // The default still splits sentences.
    let auto = alinea(&["segment", "--lang", "de", &de], None);
    assert!(String::from_utf8(auto.stdout).unwrap().lines().count() > 3);
    let bad = alinea(&["segment", "--split", "words", &de], None);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("lines"));
}

#[test]
fn align_help_lists_split_and_engine() {
    let out = alinea(&["align", "--help"], None);
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(
        help.contains("--split") && help.contains("--engine"),
        "{help}"
    );
}

#[test]
fn without_the_model_alignment_falls_back_and_says_so_once() {
    let dir = tempfile::tempdir().unwrap();
    let (de, fr) = write_pair(dir.path());
    let missing = dir.path().join("no-such-model.bin");
    let garbage = dir.path().join("garbage.bin");
    std::fs::write(&garbage, b"E5S1 but truncated").unwrap();
    for model in [&missing, &garbage] {
        let out = alinea(
            &[
                "align", "--split", "lines", "--lang", "de,fr", "--format", "jsonl", &de, &fr,
            ],
            Some(model),
        );
        assert!(out.status.success());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&*model.to_string_lossy()), "{stderr}");
        assert!(
            stderr.contains("fast engine") && stderr.contains("fetch-model"),
            "{stderr}"
        );
        let rows = String::from_utf8(out.stdout).unwrap().lines().count();
        assert_eq!(rows, 3, "one row per line pair");
    }
    // Asking for the fast engine needs no model and says nothing.
    let fast = alinea(
        &[
            "align", "--engine", "fast", "--split", "lines", "--lang", "de,fr", &de, &fr,
        ],
        Some(&missing),
    );
    assert!(fast.status.success() && fast.stderr.is_empty());
}

#[test]
fn new_stores_the_split_mode_in_the_project() {
    let dir = tempfile::tempdir().unwrap();
    let (de, fr) = write_pair(dir.path());
    let project = dir.path().join("p.alinea");
    let out = alinea(
        &[
            "new",
            "--split",
            "lines",
            "--engine",
            "fast",
            "--lang",
            "de,fr",
            &de,
            &fr,
            "-o",
            project.to_str().unwrap(),
        ],
        None,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let loaded = alinea::project::load(&project).unwrap();
    for v in &loaded.versions {
        assert_eq!(v.split, alinea::segment::SplitMode::Lines);
        assert_eq!(v.sentences.len(), 3);
    }
}

//! End-to-end tests of `alinea mine` and of `alinea check` without a glossary: the real binary.

#![allow(
    clippy::unwrap_used,
    reason = "test code: a panic is the failure report"
)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use alinea::model::{Lang, Project, Version};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/mine")
        .join(name)
}

fn alinea(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(args)
        .output()
        .unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn mine_prints_the_jsonl_contract() {
    let files: Vec<PathBuf> = ["en", "ru", "ar"]
        .iter()
        .map(|l| fixture(&format!("{l}.txt")))
        .collect();
    let mut args = vec!["mine", "--lang", "en,ru,ar"];
    args.extend(files.iter().map(|f| f.to_str().unwrap()));
    let out = alinea(&args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = lines(&out);
    let hr = rows.iter().find(|c| c["text"] == "human rights").unwrap();
    assert_eq!(hr["lang"], "en");
    assert_eq!(hr["frequency"], 4);
    assert_eq!(hr["rows"].as_array().unwrap().len(), 4);
    let ru = &hr["counterparts"]["ru"][0];
    let forms: Vec<&str> = ru["forms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert!(
        forms.contains(&"права человека") && forms.contains(&"прав человека"),
        "{forms:?}"
    );
    assert!(ru["score"].as_f64().unwrap() > 0.5);
    assert_eq!(hr["counterparts"]["ar"][0]["text"], "حقوق الإنسان");
    let top: Vec<&str> = rows
        .iter()
        .take(12)
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(top.contains(&"Standing Committee"), "{top:?}");
}

#[test]
fn mine_bad_input_is_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let one = alinea(&["mine", fixture("en.txt").to_str().unwrap()]);
    assert_eq!(one.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&one.stderr).contains("two or more versions"));

    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = alinea(&[
        "mine",
        fixture("en.txt").to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("empty"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let a = Version::from_sentences("a.txt", Lang::new("en"), &[vec!["One sentence."]]);
    let b = Version::from_sentences("b.txt", Lang::new("ru"), &[vec!["Одно предложение."]]);
    let path = dir.path().join("unaligned.alinea");
    alinea::project::save(&path, &Project::new(vec![a, b])).unwrap();
    let out = alinea(&["mine", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    // The loader already refuses a project whose rows do not cover its sentences.
    assert!(err.contains("rows cover 0 of 1"), "{err}");
}

#[test]
fn check_without_glossary_prints_qa_findings() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en.txt");
    let ru = dir.path().join("ru.txt");
    std::fs::write(
        &en,
        "The budget rose to 1,250.5 million dollars.\n\nExports reached 3,400,000 tonnes last year.\n\n\
         The committee will meet again next spring.\n\nDetails are published at https://example.org/report.\n",
    )
    .unwrap();
    std::fs::write(
        &ru,
        "Бюджет вырос до 1 250,8 млн долларов.\n\nВ прошлом году экспорт достиг 3 400 000 тонн.\n\n\
         The committee will meet again next spring.\n\nПодробности опубликованы на https://example.org/reports.\n",
    )
    .unwrap();
    let out = alinea(&[
        "check",
        "--lang",
        "en,ru",
        en.to_str().unwrap(),
        ru.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let found = lines(&out);
    let kinds: Vec<(u64, &str)> = found
        .iter()
        .map(|f| (f["row"].as_u64().unwrap(), f["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (0, "number-mismatch"),
            (2, "untranslated"),
            (3, "url-mismatch"),
            (3, "url-mismatch")
        ]
    );
    assert_eq!(found[0]["lang"], "ru");
    assert_eq!(found[0]["version"], "ru.txt");
    assert!(found[0]["text"].as_str().unwrap().contains("1250.5"));
}

/// The QA target "≤ 5 findings on a clean pair of ~1,800 words": three Vietnamese–English
/// texts joined (1,846 words), aligned by `alinea check` itself. The one finding expected is
/// real: an English sentence with no Vietnamese counterpart ("The programme runs until 2030").
#[test]
fn check_on_a_clean_1800_word_pair_stays_short() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let parts = ["parallel/hanoi_dti_en", "parallel/rice_exports_en", "mine"];
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for lang in ["vi", "en"] {
        let text: Vec<String> = parts
            .iter()
            .map(|p| std::fs::read_to_string(root.join(p).join(format!("{lang}.txt"))).unwrap())
            .collect();
        let path = dir.path().join(format!("clean.{lang}.txt"));
        std::fs::write(&path, text.join("\n\n")).unwrap();
        paths.push(path);
    }
    let words: usize = paths
        .iter()
        .map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .split_whitespace()
                .count()
        })
        .sum();
    assert!((1700..2000).contains(&words), "{words} words");
    let out = alinea(&[
        "check",
        "--lang",
        "vi,en",
        paths[0].to_str().unwrap(),
        paths[1].to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{out:?}");
    let findings = lines(&out);
    eprintln!(
        "{} QA findings on {words} words: {findings:?}",
        findings.len()
    );
    assert!(findings.len() <= 5, "{findings:?}");
}

//! Acceptance test of the glossary issue on the real seed documents.
#![allow(clippy::unwrap_used, reason = "test code: a panic is a failed test")]
//!
//! The expected numbers were counted by hand, reading each seed and grepping every surface
//! form of every term (case-insensitive, with Arabic clitics and article spelled out, Russian
//! case endings, Malay/Indonesian as written), independently of the matcher:
//!
//! | seed | lang | party-committee | peoples-committee | standing-committee | digital-transformation |
//! |------|------|-----------------|-------------------|--------------------|------------------------|
//! | 000  | ms   | 11 «Jawatankuasa Parti» | 9 «Jawatankuasa Rakyat» | 0 | 4 «transformasi digital» (1 capitalised) |
//! | 001  | ar   | 11: لجنة الحزب 5, للجنة الحزب 3, لجنة حزب 2, للجنة حزب 1 | 1 واللجنة الشعبية + 1 forbidden لجنة الشعب | 3: اللجنة الدائمة 2, واللجنة الدائمة 1 | 4: التحول الرقمي 3, والتحول الرقمي 1 |
//! | 002  | ar   | 18 preferred: للجنة الحزب 10, بلجنة الحزب 5, لجنة الحزب 3; 1 allowed اللجنة الحزبية | 4 للجنة الشعبية + 3 forbidden لجنة الشعب | 3: اللجنة الدائمة 2, واللجنة الدائمة 1 | 2 |
//! | 003  | ru   | 18 preferred: комитета партии 17, комитете партии 1; 7 allowed: партийного комитета 4, партийным комитетом 2, партийными комитетами 1 | 3: Народного комитета 3 | 8: Постоянном комитете 4, Постоянного комитета 2, Постоянный комитет 2 | 1 цифровой трансформации |
//! | 004  | id   | 15 «Komite Partai» | 0 | 0 | 2 |
//!
//! The seeds live beside the repository (`../shared/seeds`), never inside it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

const GLOSSARY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/glossary/seeds.glossary.ron"
);
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");

fn seed(prefix: &str) -> PathBuf {
    let dir = std::fs::read_dir(SEEDS).expect("shared/seeds must sit beside the repository");
    dir.filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix} not found in {SEEDS}"))
}

struct Hit {
    concept: String,
    status: String,
    start: usize,
    end: usize,
    text: String,
}

fn terms(prefix: &str, lang: &str) -> (String, Vec<Hit>) {
    let path = seed(prefix);
    let out = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(["terms", "--glossary", GLOSSARY, "--lang", lang])
        .arg(&path)
        .output()
        .expect("run alinea");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let hits = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["lang"], lang);
            Hit {
                concept: v["concept"].as_str().unwrap().to_string(),
                status: v["status"].as_str().unwrap().to_string(),
                start: v["start"].as_u64().unwrap() as usize,
                end: v["end"].as_u64().unwrap() as usize,
                text: v["text"].as_str().unwrap().to_string(),
            }
        })
        .collect();
    (std::fs::read_to_string(path).unwrap(), hits)
}

fn counts(hits: &[Hit]) -> BTreeMap<(String, String), usize> {
    let mut c = BTreeMap::new();
    for h in hits {
        *c.entry((h.concept.clone(), h.status.clone())).or_default() += 1;
    }
    c
}

fn expect(entries: &[(&str, &str, usize)]) -> BTreeMap<(String, String), usize> {
    entries
        .iter()
        .map(|(c, s, n)| ((c.to_string(), s.to_string()), *n))
        .collect()
}

/// Byte offset of the `nth` occurrence of `needle` not followed by a letter.
fn nth_word(text: &str, needle: &str, nth: usize) -> usize {
    text.match_indices(needle)
        .filter(|(i, _)| {
            !text[i + needle.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphabetic)
        })
        .nth(nth)
        .map(|(i, _)| i)
        .unwrap_or_else(|| panic!("{needle} #{nth} not in text"))
}

fn assert_span(text: &str, hits: &[Hit], concept: &str, status: &str, needle: &str, nth: usize) {
    let start = nth_word(text, needle, nth);
    let hit = hits
        .iter()
        .find(|h| h.start == start)
        .unwrap_or_else(|| panic!("no hit at {start} ({needle})"));
    assert_eq!(
        (
            hit.concept.as_str(),
            hit.status.as_str(),
            hit.end,
            hit.text.as_str()
        ),
        (concept, status, start + needle.len(), needle)
    );
}

#[test]
fn malay_000() {
    let (text, hits) = terms("000", "ms");
    assert_eq!(
        counts(&hits),
        expect(&[
            ("digital-transformation", "preferred", 4),
            ("party-committee", "preferred", 11),
            ("peoples-committee", "preferred", 9),
        ])
    );
    assert_span(
        &text,
        &hits,
        "digital-transformation",
        "preferred",
        "Transformasi Digital",
        0,
    );
    assert_span(
        &text,
        &hits,
        "peoples-committee",
        "preferred",
        "Jawatankuasa Rakyat",
        0,
    );
}

#[test]
fn arabic_001() {
    let (text, hits) = terms("001", "ar");
    assert_eq!(
        counts(&hits),
        expect(&[
            ("digital-transformation", "preferred", 4),
            ("party-committee", "preferred", 11),
            ("peoples-committee", "forbidden", 1),
            ("peoples-committee", "preferred", 1),
            ("standing-committee", "preferred", 3),
        ])
    );
    assert_span(
        &text,
        &hits,
        "peoples-committee",
        "forbidden",
        "لجنة الشعب",
        0,
    );
    assert_span(
        &text,
        &hits,
        "peoples-committee",
        "preferred",
        "واللجنة الشعبية",
        0,
    );
    assert_span(
        &text,
        &hits,
        "digital-transformation",
        "preferred",
        "والتحول الرقمي",
        0,
    );
}

#[test]
fn arabic_002() {
    let (text, hits) = terms("002", "ar");
    assert_eq!(
        counts(&hits),
        expect(&[
            ("digital-transformation", "preferred", 2),
            ("party-committee", "allowed", 1),
            ("party-committee", "preferred", 18),
            ("peoples-committee", "forbidden", 3),
            ("peoples-committee", "preferred", 4),
            ("standing-committee", "preferred", 3),
        ])
    );
    assert_span(
        &text,
        &hits,
        "peoples-committee",
        "preferred",
        "للجنة الشعبية",
        0,
    );
    assert_span(
        &text,
        &hits,
        "party-committee",
        "preferred",
        "بلجنة الحزب",
        0,
    );
    assert_span(
        &text,
        &hits,
        "peoples-committee",
        "forbidden",
        "لجنة الشعب",
        2,
    );
}

#[test]
fn russian_003() {
    let (text, hits) = terms("003", "ru");
    assert_eq!(
        counts(&hits),
        expect(&[
            ("digital-transformation", "preferred", 1),
            ("party-committee", "allowed", 7),
            ("party-committee", "preferred", 18),
            ("peoples-committee", "preferred", 3),
            ("standing-committee", "preferred", 8),
        ])
    );
    assert_span(
        &text,
        &hits,
        "standing-committee",
        "preferred",
        "Постоянном комитете",
        0,
    );
    assert_span(
        &text,
        &hits,
        "standing-committee",
        "preferred",
        "Постоянного комитета",
        0,
    );
    assert_span(
        &text,
        &hits,
        "party-committee",
        "allowed",
        "партийными комитетами",
        0,
    );
    assert_span(
        &text,
        &hits,
        "digital-transformation",
        "preferred",
        "цифровой трансформации",
        0,
    );
}

#[test]
fn indonesian_004() {
    let (text, hits) = terms("004", "id");
    assert_eq!(
        counts(&hits),
        expect(&[
            ("digital-transformation", "preferred", 2),
            ("party-committee", "preferred", 15),
        ])
    );
    assert_span(
        &text,
        &hits,
        "party-committee",
        "preferred",
        "Komite Partai",
        0,
    );
}

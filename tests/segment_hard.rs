//! Hard sentence-splitting cases (`tests/fixtures/segment/hard/<lang>.cases`, written for
//! Alinea): exact match per case, scored per language and per language group. Each group —
//! the report languages (vi, ms, id, ru, ar, en) and the European ones (de, fr, es, it, pt,
//! nl) — must reach 95 %. `cargo test --test segment_hard -- --nocapture` prints the table and
//! every miss.

use alinea::model::Lang;
use alinea::segment::{blank_line_paragraphs, segment};

const REPORT: &[&str] = &["vi", "ms", "id", "ru", "ar", "en"];
const EUROPEAN: &[&str] = &["de", "fr", "es", "it", "pt", "nl"];
const TARGET: f64 = 0.95;
const MIN_CASES: usize = 18;

struct Case {
    line: usize,
    text: String,
    expected: Vec<String>,
}

fn unescape(s: &str) -> String {
    s.replace("\\n", "\n")
}

fn load(lang: &str) -> Vec<Case> {
    let path = format!(
        "{}/tests/fixtures/segment/hard/{lang}.cases",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).expect("fixture file");
    let mut cases: Vec<Case> = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if let Some(text) = line.strip_prefix("> ") {
            cases.push(Case {
                line: n + 1,
                text: unescape(text),
                expected: Vec::new(),
            });
        } else if let Some(sentence) = line.strip_prefix("| ") {
            let case = cases.last_mut().expect("'|' line after a '>' line");
            case.expected.push(unescape(sentence));
        }
    }
    cases
}

/// (passed, total, misses) for one language.
fn score(lang: &str) -> (usize, usize, Vec<String>) {
    let cases = load(lang);
    assert!(
        cases.len() >= MIN_CASES,
        "{lang}: only {} cases",
        cases.len()
    );
    let mut misses = Vec::new();
    for case in &cases {
        let paragraphs = blank_line_paragraphs(&case.text);
        let got: Vec<&str> = segment(&case.text, &paragraphs, &Lang::new(lang))
            .iter()
            .map(|s| &case.text[s.range.clone()])
            .collect();
        if got != case.expected {
            misses.push(format!(
                "hard/{lang}.cases:{}\n  expected: {:?}\n  got:      {:?}",
                case.line, case.expected, got
            ));
        }
    }
    (cases.len() - misses.len(), cases.len(), misses)
}

fn group(langs: &[&str]) {
    let (mut pass, mut total) = (0, 0);
    let mut all_misses = Vec::new();
    for lang in langs {
        let (p, t, misses) = score(lang);
        println!("{lang}: {p}/{t} {:.1}%", 100.0 * p as f64 / t as f64);
        pass += p;
        total += t;
        all_misses.extend(misses);
    }
    let rate = pass as f64 / total as f64;
    println!(
        "group {}: {pass}/{total} {:.1}%",
        langs.join(","),
        100.0 * rate
    );
    for m in &all_misses {
        println!("{m}");
    }
    assert!(
        rate >= TARGET,
        "{pass}/{total} = {:.1}% < 95%:\n{}",
        100.0 * rate,
        all_misses.join("\n")
    );
}

#[test]
fn report_languages_reach_95_percent() {
    group(REPORT);
}

#[test]
fn european_languages_reach_95_percent() {
    group(EUROPEAN);
}

//! Sentence-segmentation cases per language, read from `tests/fixtures/segment/<lang>.cases`
//! (format described in that directory's README).

use alinea::model::Lang;
use alinea::segment::{blank_line_paragraphs, segment};

struct Case {
    line: usize,
    text: String,
    expected: Vec<String>,
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(pos) = rest.find('\\') {
        out.push_str(&rest[..pos]);
        let tail = &rest[pos + 1..];
        if let Some(after) = tail.strip_prefix('n') {
            out.push('\n');
            rest = after;
        } else if let Some(after) = tail.strip_prefix("u{") {
            let end = after.find('}').expect("closing brace in \\u{...}");
            let code = u32::from_str_radix(&after[..end], 16).expect("hex code point");
            out.push(char::from_u32(code).expect("valid code point"));
            rest = &after[end + 1..];
        } else {
            out.push('\\');
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn load(lang: &str) -> Vec<Case> {
    let path = format!(
        "{}/tests/fixtures/segment/{lang}.cases",
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

fn run(lang: &str) {
    let cases = load(lang);
    assert!(cases.len() >= 25, "{lang}: only {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let paragraphs = blank_line_paragraphs(&case.text);
        let got: Vec<&str> = segment(&case.text, &paragraphs, &Lang::new(lang))
            .iter()
            .map(|s| &case.text[s.range.clone()])
            .collect();
        if got != case.expected {
            failures.push(format!(
                "{lang}.cases:{}\n  expected: {:#?}\n  got:      {:#?}",
                case.line, case.expected, got
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn vietnamese() {
    run("vi");
}

#[test]
fn malay() {
    run("ms");
}

#[test]
fn indonesian() {
    run("id");
}

#[test]
fn arabic() {
    run("ar");
}

#[test]
fn russian() {
    run("ru");
}

#[test]
fn english() {
    run("en");
}

//! Scores a directory of `<lang>.cases` files (format: `tests/fixtures/segment/README.md`)
//! with exact match per case, per language and per group, printing every miss.
//!
//! `cargo run --no-default-features --example score_cases -- DIR`

use alinea::model::Lang;
use alinea::segment::{blank_line_paragraphs, segment};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: score_cases DIR");
        std::process::exit(2);
    };
    let groups: [&[&str]; 2] = [
        &["vi", "ms", "id", "ru", "ar", "en"],
        &["de", "fr", "es", "it", "pt", "nl"],
    ];
    for group in groups {
        let (mut pass, mut total) = (0, 0);
        for lang in group {
            let Ok(raw) = std::fs::read_to_string(format!("{dir}/{lang}.cases")) else {
                continue;
            };
            let mut cases: Vec<(String, Vec<String>)> = Vec::new();
            for line in raw.lines() {
                if let Some(t) = line.strip_prefix("> ") {
                    cases.push((t.replace("\\n", "\n"), Vec::new()));
                } else if let Some(s) = line.strip_prefix("| ")
                    && let Some(last) = cases.last_mut()
                {
                    last.1.push(s.replace("\\n", "\n"));
                }
            }
            let mut ok = 0;
            for (text, expected) in &cases {
                let paragraphs = blank_line_paragraphs(text);
                let got: Vec<&str> = segment(text, &paragraphs, &Lang::new(lang))
                    .iter()
                    .map(|s| &text[s.range.clone()])
                    .collect();
                if &got == expected {
                    ok += 1;
                } else {
                    println!("{lang} miss\n  expected: {expected:?}\n  got:      {got:?}");
                }
            }
            println!("{lang}: {ok}/{}", cases.len());
            pass += ok;
            total += cases.len();
        }
        if total > 0 {
            println!(
                "group {}: {pass}/{total} {:.1}%",
                group.join(","),
                100.0 * pass as f64 / total as f64
            );
        }
    }
}

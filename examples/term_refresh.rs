//! Prints how long the app's term state takes on a big project: the first build (matcher,
//! index, findings) and the refresh after one sentence is edited (re-scan of that version and
//! the consistency check). Synthetic: 20,000 rows × 5 versions, 1,000 concepts.
//!
//! `cargo run --example term_refresh --profile dev --config 'profile.dev.package.alinea.opt-level=3'`

use std::time::Instant;

use alinea::edit::{Edit, History};
use alinea::glossary::{Term, TermStatus};
use alinea::gui::terms::TermState;
use alinea::model::{Lang, Project, Row, RowStatus, Version};

const ROWS: usize = 20_000;
const CONCEPTS: usize = 1_000;

fn word(n: usize) -> String {
    // Deterministic pseudo-words: consonant-vowel syllables.
    let c = ["b", "d", "k", "l", "m", "n", "p", "r", "s", "t"];
    let v = ["a", "e", "i", "o", "u"];
    let mut out = String::new();
    let mut x = n + 7;
    for _ in 0..3 {
        out.push_str(c[x % 10]);
        out.push_str(v[(x / 10) % 5]);
        x /= 50;
        x += 3;
    }
    out
}

fn main() -> Result<(), alinea::edit::EditError> {
    let langs = ["en", "ru", "ms", "id", "fr"];
    let mut seed = 12345u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed as usize
    };
    let versions: Vec<Version> = langs
        .iter()
        .map(|l| {
            let sentences: Vec<String> = (0..ROWS)
                .map(|_| {
                    let n = 12 + next() % 16;
                    let mut words: Vec<String> = (0..n).map(|_| word(next() % 5_000)).collect();
                    // Two terms per sentence on average.
                    for _ in 0..next() % 5 {
                        let c = next() % CONCEPTS;
                        let at = next() % words.len();
                        words.insert(at, format!("{} {}", word(c * 3), word(c * 3 + 1)));
                    }
                    format!("{}.", words.join(" "))
                })
                .collect();
            let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
            Version::from_sentences(l, Lang::new(l), &[refs])
        })
        .collect();
    let mut p = Project::new(versions);
    for k in 0..ROWS {
        p.alignment.rows.push(Row {
            cells: vec![k..k + 1; langs.len()],
            score: 1.0,
            status: RowStatus::Auto,
        });
    }
    for c in 0..CONCEPTS {
        for l in langs {
            let status = if c % 10 == 0 && l == "en" {
                TermStatus::Forbidden
            } else {
                TermStatus::Preferred
            };
            let text = format!("{} {}", word(c * 3), word(c * 3 + 1));
            p.glossary
                .add_term(&format!("c{c}"), Lang::new(l), Term::new(&text, status));
        }
    }
    let ctx = egui::Context::default();
    let mut t = TermState::default();
    let start = Instant::now();
    let mut history = History::new();
    t.refresh(&p, &history, &ctx);
    while t.is_building() {
        std::thread::sleep(std::time::Duration::from_millis(5));
        t.refresh(&p, &history, &ctx);
    }
    println!(
        "first build (matcher + index + findings), {ROWS} rows x {} versions, {CONCEPTS} concepts: {:.0} ms; {} occurrences, {} findings",
        langs.len(),
        start.elapsed().as_secs_f64() * 1000.0,
        t.index().len(),
        t.findings().len()
    );
    for round in 1..=3usize {
        let sentence = 100 * round;
        let text = format!("z{}", &p.versions[1].sentence_text(sentence)[1..]);
        let edit = Edit::EditText {
            version: 1,
            sentence,
            text,
        };
        history.apply(&mut p, "Edit text", edit)?;
        let start = Instant::now();
        t.refresh(&p, &history, &ctx);
        let ui_thread = start.elapsed().as_secs_f64() * 1000.0;
        while t.is_building() {
            std::thread::sleep(std::time::Duration::from_millis(1));
            t.refresh(&p, &history, &ctx);
        }
        println!(
            "after editing one sentence: UI thread {ui_thread:.0} ms (re-scan of the version, start of the check); findings ready after {:.0} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
    }
    let start = Instant::now();
    let findings = alinea::checks::check_with_index(&p, &p.glossary, t.index());
    println!(
        "of which the consistency check alone: {:.0} ms ({} findings)",
        start.elapsed().as_secs_f64() * 1000.0,
        findings.len()
    );
    let start = Instant::now();
    let mut n = 0;
    for row in 0..30 {
        for v in 0..langs.len() {
            n += t.cell_highlights(&p, row, v, false).len();
        }
    }
    println!(
        "highlights of 30 rows x 5 cells (one screen): {:.2} ms ({n} highlights)",
        start.elapsed().as_secs_f64() * 1000.0
    );
    Ok(())
}

//! Mining speed on a synthetic 5-version, 20,000-row project with a large vocabulary (the
//! other bench, `mine_bench`, repeats the 18 fixture rows, so its span tables stay small).
//!
//! Each row has 12–28 words drawn from a Zipf-like distribution over 30,000 "concepts" and 600
//! recurring two- and three-word phrases; every version writes each concept as its own
//! pseudo-word (letters only) and puts function words of its language between them, Arabic and
//! Vietnamese versions in a different word order. Deterministic (fixed seed).
//!
//! `cargo run --release --no-default-features --example mine_bench_varied [ROWS]`

use std::time::Instant;

use alinea::mine::{MineOptions, mine};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use alinea::progress::Progress;

/// A small xorshift generator (no dependency, same numbers on every run).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Roughly Zipf over 0..n: the inverse of a power law on a uniform draw.
    fn zipf(&mut self, n: u64) -> u64 {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) - 1.0) as u64 % n
    }
}

/// The pseudo-word of concept `id` in version `v`, in that version's letters.
fn word(v: usize, id: u64) -> String {
    const LETTERS: [&[char]; 5] = [
        &[
            'a', 'b', 'd', 'e', 'k', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u',
        ],
        &[
            'а', 'б', 'в', 'д', 'е', 'к', 'л', 'м', 'н', 'о', 'р', 'с', 'т',
        ],
        &[
            'ا', 'ب', 'ت', 'د', 'ر', 'س', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي',
        ],
        &[
            'a', 'ă', 'â', 'b', 'c', 'đ', 'ê', 'h', 'i', 'n', 'ô', 'ơ', 't',
        ],
        &[
            'a', 'c', 'd', 'é', 'è', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't',
        ],
    ];
    let letters = LETTERS[v % LETTERS.len()];
    let mut x = id.wrapping_mul(2654435761).wrapping_add(v as u64 * 97) % 1_000_003 + 1;
    let mut out = String::new();
    while x > 0 || out.chars().count() < 3 {
        out.push(letters[(x % letters.len() as u64) as usize]);
        x /= letters.len() as u64;
    }
    out
}

fn main() -> anyhow::Result<()> {
    let rows_wanted: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let langs = ["en", "ru", "ar", "vi", "fr"];
    let function_words = [
        ["the", "of", "and", "to", "in"],
        ["и", "в", "на", "с", "по"],
        ["في", "من", "على", "إلى", "و"],
        ["của", "và", "các", "là", "trong"],
        ["le", "de", "et", "la", "des"],
    ];
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let phrases: Vec<Vec<u64>> = (0..600)
        .map(|_| (0..2 + rng.next() % 2).map(|_| rng.zipf(30_000)).collect())
        .collect();
    let mut rows_of_ids: Vec<Vec<u64>> = Vec::with_capacity(rows_wanted);
    for _ in 0..rows_wanted {
        let len = 12 + rng.next() % 17;
        let mut ids = Vec::new();
        while (ids.len() as u64) < len {
            if rng.next().is_multiple_of(6) {
                ids.extend(&phrases[rng.zipf(phrases.len() as u64) as usize]);
            } else {
                ids.push(rng.zipf(30_000));
            }
        }
        rows_of_ids.push(ids);
    }
    let mut versions = Vec::new();
    for (v, lang) in langs.iter().enumerate() {
        let sents: Vec<String> = rows_of_ids
            .iter()
            .map(|ids| {
                let mut words: Vec<String> = Vec::new();
                for (i, &id) in ids.iter().enumerate() {
                    words.push(word(v, id));
                    if i % 3 == 2 {
                        words.push(function_words[v][(id % 5) as usize].to_string());
                    }
                }
                if v == 2 || v == 3 {
                    // Another word order: the halves of the sentence swapped.
                    let half = words.len() / 2;
                    words.rotate_left(half);
                }
                format!("{}.", words.join(" "))
            })
            .collect();
        let refs: Vec<&str> = sents.iter().map(String::as_str).collect();
        versions.push(Version::from_sentences(lang, Lang::new(lang), &[refs]));
    }
    let mut project = Project::new(versions);
    project.alignment = Alignment {
        pivot: 0,
        rows: (0..rows_wanted)
            .map(|i| Row {
                cells: vec![i..i + 1; langs.len()],
                score: 1.0,
                status: RowStatus::Auto,
            })
            .collect(),
    };
    let words: usize = project
        .versions
        .iter()
        .map(|v| v.text.split_whitespace().count())
        .sum();
    let start = Instant::now();
    let found = mine(&project, &MineOptions::default(), &Progress::new())?;
    println!(
        "{} versions × {rows_wanted} rows ({words} words, varied vocabulary): mine {:.2} s ({} candidates)",
        project.versions.len(),
        start.elapsed().as_secs_f64(),
        found.len()
    );
    Ok(())
}

//! Mining speed on a synthetic 5-version, 20,000-row project built from the seven-language
//! fixture (`tests/fixtures/mine/rows.tsv`), each row varied by a numbered word so the spans are
//! not all repeats.
//!
//! `cargo run --release --no-default-features --example mine_bench [ROWS]`

use std::time::Instant;

use alinea::checks::qa_findings;
use alinea::mine::{MineOptions, mine};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use alinea::progress::Progress;

fn main() -> anyhow::Result<()> {
    let rows_wanted: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let tsv = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mine/rows.tsv"),
    )?;
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let base: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    let keep = ["en", "ru", "ar", "vi", "fr"];
    let cols: Vec<usize> = keep
        .iter()
        .filter_map(|l| header.iter().position(|h| h == l))
        .collect();
    let mut versions = Vec::new();
    for &c in &cols {
        let sents: Vec<String> = (0..rows_wanted)
            .map(|i| {
                let b = &base[i % base.len()];
                format!("{} Item{} topic{}.", b[c], i % 997, i % 89)
            })
            .collect();
        let refs: Vec<&str> = sents.iter().map(String::as_str).collect();
        versions.push(Version::from_sentences(
            header[c],
            Lang::new(header[c]),
            &[refs],
        ));
    }
    let mut project = Project::new(versions);
    project.alignment = Alignment {
        pivot: 0,
        rows: (0..rows_wanted)
            .map(|i| Row {
                cells: vec![i..i + 1; cols.len()],
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
    let mined = start.elapsed();
    let start = Instant::now();
    let qa = qa_findings(&project);
    let checked = start.elapsed();
    println!(
        "{} versions × {rows_wanted} rows ({words} words): mine {:.2} s ({} candidates), QA {:.2} s ({} findings)",
        project.versions.len(),
        mined.as_secs_f64(),
        found.len(),
        checked.as_secs_f64(),
        qa.len()
    );
    Ok(())
}

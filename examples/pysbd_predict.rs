//! Runs the segmenter over a pySBD-style golden file and prints one JSON line per case:
//! `{"id": ..., "sentences": [...]}`, for `score.py` of the segmentation benchmark.
//!
//! Usage: `cargo run --release --no-default-features --example pysbd_predict -- GOLDEN.json [--uax]`
//! (`--uax` prints plain UAX #29 sentences instead, the baseline).

use std::path::PathBuf;

use anyhow::Context;
use serde::Deserialize;
use unicode_segmentation::UnicodeSegmentation;

use alinea::model::Lang;
use alinea::segment::{blank_line_paragraphs, segment};

#[derive(Deserialize)]
struct Case {
    id: String,
    lang: String,
    text: String,
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(
        args.next()
            .context("usage: pysbd_predict GOLDEN.json [--uax]")?,
    );
    let uax = args.next().as_deref() == Some("--uax");
    let raw = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let cases: Vec<Case> = serde_json::from_str(&raw)
        .with_context(|| format!("invalid JSON in {}", path.display()))?;
    for case in cases {
        let sentences: Vec<&str> = if uax {
            case.text
                .split_sentence_bounds()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        } else {
            let paragraphs = blank_line_paragraphs(&case.text);
            segment(&case.text, &paragraphs, &Lang::new(&case.lang))
                .iter()
                .map(|s| &case.text[s.range.clone()])
                .collect()
        };
        let line = serde_json::json!({ "id": case.id, "sentences": sentences });
        println!("{line}");
    }
    Ok(())
}

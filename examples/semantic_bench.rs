//! Release-mode figures of the semantic engine.
//!
//! `cargo run --release --no-default-features --example semantic_bench -- SRC TGT` (the
//! Text+Berg dev pair: `$D/de/dev $D/fr/dev`): model load time; embedding every sentence
//! once; aligning the pair end to end as `alinea align --split lines` does (model load,
//! embedding, alignment) and its ratio to the embedding time.
//! `... -- --big N`: a generated N × N pair (N sentences per side), embedded and aligned;
//! prints the time and the peak resident memory (VmHWM) with the model loaded.

use std::sync::Arc;
use std::time::Instant;

use alinea::align::semantic::{self, VectorCache};
use alinea::align::{AlignOptions, align};
use alinea::embed::{self, Encoder};
use alinea::ingest::LoadOptions;
use alinea::model::{Lang, Version};
use alinea::progress::Progress;
use alinea::segment::SplitMode;

fn peak_rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn load(path: &str, lang: &str) -> Version {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let spaced: String = text.lines().map(|l| format!("{l}\n\n")).collect();
    let tmp = std::env::temp_dir().join(format!("semantic_bench_{lang}.txt"));
    std::fs::write(&tmp, spaced).expect("temp file");
    alinea::pipeline::load_version(
        &tmp,
        Some(Lang::new(lang)),
        &LoadOptions::default(),
        SplitMode::Lines,
    )
    .expect("loads")
}

/// Model load + embedding + alignment; returns (seconds, rows).
fn end_to_end(versions: &[Version]) -> (f64, usize) {
    let t = Instant::now();
    let encoder = Encoder::load_verified(&embed::default_model_path()).expect("model installed");
    let mut cache = VectorCache::new(embed::MODEL_SHA256, encoder.dim());
    let vectors = semantic::sentence_vectors(&encoder, versions, &mut cache, &Progress::new())
        .expect("embeds");
    let opts = AlignOptions {
        vectors: Some(Arc::new(vectors)),
        ..AlignOptions::default()
    };
    let alignment = align(versions, 0, &opts, &Progress::new()).expect("aligns");
    (t.elapsed().as_secs_f64(), alignment.rows.len())
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("--big") {
        let n: usize = args.get(1).and_then(|x| x.parse().ok()).unwrap_or(10_000);
        let (versions, _) = alinea::align::synthetic::generate(
            n,
            1,
            alinea::align::synthetic::Distortion::default(),
            7,
        );
        let (secs, rows) = end_to_end(&versions);
        println!(
            "generated {n} x {n}: end to end {secs:.1} s, {rows} rows, peak memory {:.0} MB",
            peak_rss_mb()
        );
        return;
    }
    let [src, tgt] = &args[..] else {
        eprintln!("usage: semantic_bench SRC TGT | --big N");
        std::process::exit(2);
    };
    let versions = vec![load(src, "de"), load(tgt, "fr")];
    let sentences: usize = versions.iter().map(|v| v.sentences.len()).sum();
    let t = Instant::now();
    let encoder = Encoder::load_verified(&embed::default_model_path()).expect("model installed");
    let load_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let mut cache = VectorCache::new(embed::MODEL_SHA256, encoder.dim());
    semantic::sentence_vectors(&encoder, &versions, &mut cache, &Progress::new()).expect("embeds");
    let embed_secs = t.elapsed().as_secs_f64();
    drop(encoder);
    let (total, rows) = end_to_end(&versions);
    println!("model load (with SHA-256 check): {load_secs:.2} s");
    println!(
        "embedding {sentences} sentences once: {embed_secs:.2} s ({:.1} sentences/s)",
        sentences as f64 / embed_secs
    );
    println!(
        "aligning end to end (load + embed + align, {rows} rows): {total:.2} s = {:.2} x the embedding",
        total / embed_secs
    );
    println!("peak memory: {:.0} MB", peak_rss_mb());
}

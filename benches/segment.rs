//! Segmentation speed on mixed news text (vi, ms, id, ar, ru, en), built from the project's own
//! test cases (`tests/fixtures/segment/*.cases`) repeated to about 1 MB in total.
//!
//! Run: `cargo bench --no-default-features --bench segment`

use std::hint::black_box;

use alinea::model::Lang;
use alinea::segment::{blank_line_paragraphs, segment};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const LANGS: [&str; 6] = ["vi", "ms", "id", "ar", "ru", "en"];
const BYTES_PER_LANG: usize = 170_000;

/// The input texts of one language's cases, as paragraphs of a news text.
fn news_text(lang: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/segment/{lang}.cases",
        env!("CARGO_MANIFEST_DIR")
    );
    let raw = std::fs::read_to_string(&path).unwrap_or_default();
    let paragraphs: Vec<String> = raw
        .lines()
        .filter_map(|l| l.strip_prefix("> "))
        .map(|l| l.replace("\\n", "\n"))
        .collect();
    let mut text = String::new();
    while text.len() < BYTES_PER_LANG && !paragraphs.is_empty() {
        for p in &paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text
}

fn bench_segment(c: &mut Criterion) {
    let inputs: Vec<(Lang, String, Vec<std::ops::Range<usize>>)> = LANGS
        .iter()
        .map(|l| {
            let text = news_text(l);
            let paragraphs = blank_line_paragraphs(&text);
            (Lang::new(l), text, paragraphs)
        })
        .collect();
    let total: usize = inputs.iter().map(|(_, t, _)| t.len()).sum();
    // Warm the per-language rule cache outside the measurement.
    for (lang, text, paragraphs) in &inputs {
        black_box(segment(text, paragraphs, lang));
    }
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(total as u64));
    group.sample_size(20);
    group.bench_function("mixed_news_6_langs", |b| {
        b.iter(|| {
            let mut n = 0;
            for (lang, text, paragraphs) in &inputs {
                n += segment(black_box(text), paragraphs, lang).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);

//! Segmentation speed on mixed news text, built from the project's own test cases
//! (`tests/fixtures/segment/*.cases` and `tests/fixtures/segment/hard/*.cases`) repeated to
//! about 170 kB per language. Each language's text is one document, so every iteration
//! includes the per-document statistics pass (built on first use, see `segment::stats`).
//!
//! - `mixed_news_6_langs`: vi, ms, id, ar, ru, en (the original input, for comparison);
//! - `mixed_news_12_langs`: those six plus de, fr, es, it, pt, nl;
//! - `learned_12_langs`: the same with a project's learned "never/always split after" tokens.
//!
//! Run: `cargo bench --no-default-features --bench segment`

use std::hint::black_box;
use std::ops::Range;

use alinea::model::Lang;
use alinea::segment::{LearnedRules, blank_line_paragraphs, segment, segment_learned};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const REPORT: [&str; 6] = ["vi", "ms", "id", "ar", "ru", "en"];
const EUROPEAN: [&str; 6] = ["de", "fr", "es", "it", "pt", "nl"];
const BYTES_PER_LANG: usize = 170_000;

/// The input texts of one language's case files, as paragraphs of a news text.
fn news_text(lang: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    for dir in ["", "hard/"] {
        let path = format!(
            "{}/tests/fixtures/segment/{dir}{lang}.cases",
            env!("CARGO_MANIFEST_DIR")
        );
        let raw = std::fs::read_to_string(&path).unwrap_or_default();
        paragraphs.extend(
            raw.lines()
                .filter_map(|l| l.strip_prefix("> "))
                .map(|l| l.replace("\\n", "\n")),
        );
    }
    let mut text = String::new();
    while text.len() < BYTES_PER_LANG && !paragraphs.is_empty() {
        for p in &paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text
}

type Input = (Lang, String, Vec<Range<usize>>);

fn inputs(langs: &[&str]) -> Vec<Input> {
    langs
        .iter()
        .map(|l| {
            let text = news_text(l);
            let paragraphs = blank_line_paragraphs(&text);
            (Lang::new(l), text, paragraphs)
        })
        .collect()
}

fn bench_segment(c: &mut Criterion) {
    let six = inputs(&REPORT);
    let all: Vec<&str> = REPORT.iter().chain(EUROPEAN.iter()).copied().collect();
    let twelve = inputs(&all);
    let mut learned = LearnedRules::default();
    for (lang, before, split) in [
        ("id", "Sekr.", false),
        ("de", "Abt.", false),
        ("fr", "Cie.", true),
        ("en", "Corp.", true),
    ] {
        learned.record(lang, before, split);
    }
    // Warm the per-language rule cache outside the measurement.
    for (lang, text, paragraphs) in &twelve {
        black_box(segment(text, paragraphs, lang));
    }
    let bytes = |v: &[Input]| v.iter().map(|(_, t, _)| t.len() as u64).sum::<u64>();
    let mut group = c.benchmark_group("segment");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes(&six)));
    group.bench_function("mixed_news_6_langs", |b| {
        b.iter(|| {
            let mut n = 0;
            for (lang, text, paragraphs) in &six {
                n += segment(black_box(text), paragraphs, lang).len();
            }
            n
        })
    });
    group.throughput(Throughput::Bytes(bytes(&twelve)));
    group.bench_function("mixed_news_12_langs", |b| {
        b.iter(|| {
            let mut n = 0;
            for (lang, text, paragraphs) in &twelve {
                n += segment(black_box(text), paragraphs, lang).len();
            }
            n
        })
    });
    group.bench_function("learned_12_langs", |b| {
        b.iter(|| {
            let mut n = 0;
            for (lang, text, paragraphs) in &twelve {
                n += segment_learned(black_box(text), paragraphs, lang, &learned).len();
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);

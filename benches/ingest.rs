//! Loading throughput: a 1 MB legacy-encoded text file (detect encoding, decode, split
//! paragraphs), a 1 MB HTML page, and language detection of a long document.
//!
//! Run: `cargo bench --no-default-features --bench ingest`

use std::hint::black_box;

use alinea::ingest::{self, LoadOptions};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

const PARAGRAPH: &str = "Участники конференции отметили, что административная реформа и цифровая трансформация принесли важные результаты. Городской комитет поручил всем ведомствам продолжать повышать качество услуг для граждан и предприятий.";

/// About `bytes` of Russian text in paragraphs separated by blank lines.
fn russian_text(bytes: usize) -> String {
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(PARAGRAPH);
        text.push_str("\n\n");
    }
    text
}

fn bench_loading(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = russian_text(1 << 20);
    let (legacy, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
    let txt = dir.path().join("ru-1251.txt");
    std::fs::write(&txt, &legacy).expect("write text");
    let html: String = text
        .split("\n\n")
        .map(|p| format!("<div class=\"x\"><p>{p}</p></div>\n"))
        .collect();
    let html_path = dir.path().join("ru.html");
    std::fs::write(&html_path, format!("<!doctype html><body>{html}</body>")).expect("write html");
    let opts = LoadOptions::default();

    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(legacy.len() as u64));
    group.bench_function("load_txt_windows1251_1MB", |b| {
        b.iter(|| ingest::load_path(black_box(&txt), &opts).expect("loads"))
    });
    group.throughput(Throughput::Bytes(html.len() as u64));
    group.bench_function("load_html_1MB", |b| {
        b.iter(|| ingest::load_path(black_box(&html_path), &opts).expect("loads"))
    });
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("detect_language_1MB", |b| {
        b.iter(|| ingest::language::detect(black_box(&text)))
    });
    group.finish();
}

criterion_group!(benches, bench_loading);
criterion_main!(benches);

//! Times every export format on a generated project of 20,000 rows × 5 versions.
//!
//! `cargo run --release --no-default-features --example export_20k [-- PROJECT_OUT]`
//! prints one line per format (rows, bytes, milliseconds); with PROJECT_OUT it also saves the
//! project so that `alinea export` can be timed on it.

use std::time::Instant;

use alinea::export::{ExportOptions, Format};
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};

const ROWS: usize = 20_000;

fn version(name: &str, lang: &str, sentence: &str) -> Version {
    let paragraphs: Vec<Vec<String>> = (0..ROWS / 10)
        .map(|p| {
            (0..10)
                .map(|s| format!("{sentence} ({}).", p * 10 + s))
                .collect()
        })
        .collect();
    let borrowed: Vec<Vec<&str>> = paragraphs
        .iter()
        .map(|p| p.iter().map(String::as_str).collect())
        .collect();
    Version::from_sentences(name, Lang::new(lang), &borrowed)
}

fn main() -> anyhow::Result<()> {
    let started = Instant::now();
    let versions = vec![
        version(
            "vi",
            "vi",
            "Báo cáo cho thấy doanh thu tăng 12% & chi phí vận hành giảm đáng kể",
        ),
        version(
            "ms",
            "ms",
            "Laporan menunjukkan hasil meningkat 12% & kos operasi menurun dengan ketara",
        ),
        version(
            "ar",
            "ar",
            "يُظهر التقرير أن الإيرادات ارتفعت بنسبة 12% وأن تكاليف التشغيل انخفضت بشكل ملحوظ",
        ),
        version(
            "ru",
            "ru",
            "Отчёт показывает, что выручка выросла на 12%, а операционные расходы заметно снизились",
        ),
        version(
            "id",
            "id",
            "Laporan menunjukkan pendapatan naik 12% & biaya operasional turun secara signifikan",
        ),
    ];
    let mut project = Project::new(versions);
    project.alignment = Alignment {
        pivot: 0,
        rows: (0..ROWS)
            .map(|i| Row {
                cells: vec![i..i + 1; 5],
                score: 0.9,
                status: if i % 3 == 0 {
                    RowStatus::Confirmed
                } else {
                    RowStatus::Auto
                },
            })
            .collect(),
    };
    println!("built {ROWS} rows x 5 versions in {:?}", started.elapsed());
    if let Some(path) = std::env::args().nth(1) {
        alinea::project::save(std::path::Path::new(&path), &project)?;
        println!("saved {path}");
    }
    let options = ExportOptions::default();
    for format in [
        Format::Tmx,
        Format::Tsv,
        Format::Csv,
        Format::Jsonl,
        Format::Html,
    ] {
        let mut out = std::io::BufWriter::new(CountingSink::default());
        let started = Instant::now();
        let report = alinea::export::write(format, &project, &options, &mut out)?;
        let bytes = out.into_inner().map_err(|e| e.into_error())?.bytes;
        println!(
            "{:5}: {} rows, {:.1} MB in {:.1} ms",
            format.extension(),
            report.rows_written,
            bytes as f64 / 1e6,
            started.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(())
}

/// Discards output but counts its bytes.
#[derive(Default)]
struct CountingSink {
    bytes: usize,
}

impl std::io::Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len();
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

//! Save and load times of a large project: 6 versions × 3,000 sentences (about the size of a
//! 150-page report in six languages), Vietnamese, Arabic and Cyrillic text.
//!
//! Run: `cargo bench --no-default-features --bench project_io`

use criterion::{Criterion, criterion_group, criterion_main};

use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};

const SENTENCES: usize = 3_000;

fn big_project() -> Project {
    let samples = [
        (
            "vi",
            "Ủy ban Thường vụ đã thông qua ngân sách năm 2024 với mức tăng 5%.",
        ),
        (
            "ms",
            "Jawatankuasa Tetap meluluskan belanjawan tahun 2024 dengan kenaikan 5%.",
        ),
        (
            "ar",
            "وافقت اللجنة الدائمة على ميزانية عام 2024 بزيادة قدرها 5%.",
        ),
        (
            "ru",
            "Постоянный комитет утвердил бюджет на 2024 год с ростом на 5%.",
        ),
        (
            "id",
            "Komite Tetap menyetujui anggaran tahun 2024 dengan kenaikan 5%.",
        ),
        (
            "en",
            "The Standing Committee approved the 2024 budget with a 5% increase.",
        ),
    ];
    let versions: Vec<Version> = samples
        .iter()
        .map(|(lang, sentence)| {
            let paragraphs: Vec<Vec<&str>> =
                (0..SENTENCES / 5).map(|_| vec![*sentence; 5]).collect();
            Version::from_sentences(lang, Lang::new(lang), &paragraphs)
        })
        .collect();
    let rows = (0..SENTENCES)
        .map(|i| Row {
            cells: vec![i..i + 1; samples.len()],
            score: 0.87,
            status: if i % 7 == 0 {
                RowStatus::Confirmed
            } else {
                RowStatus::Auto
            },
        })
        .collect();
    let mut p = Project::new(versions);
    p.alignment = Alignment { pivot: 0, rows };
    p
}

fn bench(c: &mut Criterion) {
    let project = big_project();
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.alinea");
    alinea::project::save(&path, &project).expect("save");
    let bytes = std::fs::metadata(&path).expect("meta").len();
    eprintln!("project file: {} bytes", bytes);
    let mut group = c.benchmark_group("project_io");
    group.sample_size(20);
    group.bench_function("save_6x3000_atomic_fsync", |b| {
        b.iter(|| alinea::project::save(&path, &project).expect("save"))
    });
    group.bench_function("load_6x3000_validate", |b| {
        b.iter(|| alinea::project::load(&path).expect("load"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Criterion benchmark of the aligner on generated documents (2 and 5 versions, 1k and 10k
//! sentences). Peak memory and the 100k case are measured by `examples/align_bench.rs`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use alinea::align::synthetic::{Distortion, generate};
use alinea::align::{AlignOptions, align};
use alinea::progress::Progress;

fn bench_align(c: &mut Criterion) {
    let mut group = c.benchmark_group("align");
    group.sample_size(10);
    for versions in [2usize, 5] {
        for sentences in [1_000usize, 10_000] {
            let (docs, _) = generate(sentences, versions - 1, Distortion::default(), 7);
            group.bench_with_input(
                BenchmarkId::new(format!("{versions}_versions"), sentences),
                &docs,
                |b, docs| {
                    b.iter(|| align(docs, 0, &AlignOptions::default(), &Progress::new()));
                },
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench_align);
criterion_main!(benches);

//! Term matching speed: 10,000 concepts × 5 languages over 5 versions of 20,000 sentences.
//!
//! Synthetic data, generated here with a fixed seed: per language a vocabulary of 6,000 words
//! in its own script (Cyrillic for ru, Arabic for ar, Latin for en/ms/id) with inflected and
//! clitic forms in the text, concepts of 1–3 words, sentences of 12–28 words of which about one
//! in ten starts a term. Run: `cargo bench --no-default-features --bench matcher`.

use std::hint::black_box;

use alinea::glossary::{Glossary, MatcherOptions, Term, TermIndex, TermMatcher, TermStatus};
use alinea::model::{Lang, Version};
use criterion::{Criterion, criterion_group, criterion_main};

const CONCEPTS: usize = 10_000;
const SENTENCES: usize = 20_000;
const VOCAB: usize = 6_000;
const LANGS: [&str; 5] = ["en", "ru", "ar", "ms", "id"];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn alphabet(lang: &str) -> Vec<char> {
    match lang {
        "ru" => "абвгдежзиклмнопрстуфхцчшщыэюя".chars().collect(),
        "ar" => "بتثجحخدذرزسشصضطظعغفقكمنهيا".chars().collect(),
        _ => "abcdefghijklmnoprstuwy".chars().collect(),
    }
}

fn vocabulary(lang: &str, rng: &mut Rng) -> Vec<String> {
    let letters = alphabet(lang);
    (0..VOCAB)
        .map(|_| {
            let len = 3 + rng.below(7);
            (0..len)
                .map(|_| letters[rng.below(letters.len())])
                .collect()
        })
        .collect()
}

/// An inflected or cliticised surface form of `word`, as running text would have it.
fn inflect(lang: &str, word: &str, rng: &mut Rng) -> String {
    match (lang, rng.below(4)) {
        ("ru", 0) => format!("{word}ого"),
        ("ru", 1) => format!("{word}ами"),
        ("ar", 0) => format!("وال{word}"),
        ("ar", 1) => format!("لل{word}"),
        ("ms" | "id", 0) => format!("{word}nya"),
        ("en", 0) => format!("{word}s"),
        _ => word.to_string(),
    }
}

fn data() -> (Glossary, Vec<Version>) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let vocabs: Vec<Vec<String>> = LANGS.iter().map(|l| vocabulary(l, &mut rng)).collect();
    let mut glossary = Glossary::default();
    let mut terms: Vec<Vec<Vec<usize>>> = vec![Vec::new(); LANGS.len()];
    for c in 0..CONCEPTS {
        for (l, lang) in LANGS.iter().enumerate() {
            let words: Vec<usize> = (0..1 + rng.below(3)).map(|_| rng.below(VOCAB)).collect();
            let text: Vec<&str> = words.iter().map(|&w| vocabs[l][w].as_str()).collect();
            let status = if c % 17 == 0 {
                TermStatus::Forbidden
            } else {
                TermStatus::Preferred
            };
            glossary.add_term(
                &format!("c{c:05}"),
                Lang::new(lang),
                Term::new(&text.join(" "), status),
            );
            terms[l].push(words);
        }
    }
    let versions = LANGS
        .iter()
        .enumerate()
        .map(|(l, lang)| {
            let sentences: Vec<String> = (0..SENTENCES)
                .map(|_| {
                    let mut words = Vec::new();
                    let len = 12 + rng.below(17);
                    while words.len() < len {
                        if rng.below(10) == 0 {
                            let term = &terms[l][rng.below(CONCEPTS)];
                            words.extend(
                                term.iter().map(|&w| inflect(lang, &vocabs[l][w], &mut rng)),
                            );
                        } else {
                            words.push(inflect(lang, &vocabs[l][rng.below(VOCAB)], &mut rng));
                        }
                    }
                    format!("{}.", words.join(" "))
                })
                .collect();
            let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
            Version::from_sentences(lang, Lang::new(lang), &[refs])
        })
        .collect();
    (glossary, versions)
}

fn bench(c: &mut Criterion) {
    let (glossary, versions) = data();
    let langs: Vec<Lang> = LANGS.iter().map(|l| Lang::new(l)).collect();
    let matcher = TermMatcher::new(&glossary, &langs, MatcherOptions::default());
    let index = TermIndex::build(&matcher, &versions);
    eprintln!("occurrences found: {}", index.len());
    for v in &versions {
        let t = std::time::Instant::now();
        let mut tokens = Vec::new();
        alinea::glossary::normalize::tokenize(&v.text, &mut tokens);
        let t_tok = t.elapsed();
        let t = std::time::Instant::now();
        let forms = matcher.form_table(&v.text, &v.lang);
        let t_forms = t.elapsed();
        let t = std::time::Instant::now();
        let n: usize = v
            .sentences
            .iter()
            .map(|s| {
                matcher
                    .find_in_range(&v.text, s.range.clone(), &v.lang, &forms)
                    .len()
            })
            .sum();
        eprintln!(
            "{}: {} tokens; tokenize {:?}, form table {:?}, scan on one thread {:?} ({n} found)",
            v.lang,
            tokens.len(),
            t_tok,
            t_forms,
            t.elapsed()
        );
    }
    // CPU time of the whole scan, from /proc (Linux): what the scan costs independently of
    // other processes competing for the cores while the wall time is measured.
    let cpu = || -> Option<f64> {
        let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
        let after = stat.rsplit_once(')')?.1;
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks: f64 =
            fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
        Some(ticks / 100.0)
    };
    let runs = 5;
    let (c0, t0) = (cpu(), std::time::Instant::now());
    for _ in 0..runs {
        black_box(TermIndex::build(&matcher, &versions));
    }
    let wall = t0.elapsed().as_secs_f64() / runs as f64;
    if let (Some(a), Some(b)) = (c0, cpu()) {
        eprintln!(
            "full scan: wall {:.0} ms, CPU {:.0} ms per scan ({} threads)",
            wall * 1000.0,
            (b - a) * 1000.0 / runs as f64,
            rayon::current_num_threads()
        );
    }
    let mut group = c.benchmark_group("matcher");
    group.sample_size(10);
    group.bench_function("build 10k concepts x 5 langs", |b| {
        b.iter(|| TermMatcher::new(black_box(&glossary), &langs, MatcherOptions::default()))
    });
    group.bench_function("scan 5 versions x 20k sentences", |b| {
        b.iter(|| TermIndex::build(black_box(&matcher), black_box(&versions)))
    });
    let mut index = index;
    group.bench_function("rescan one sentence", |b| {
        b.iter(|| index.rescan_sentence(&matcher, 1, &versions[1], black_box(12_345)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

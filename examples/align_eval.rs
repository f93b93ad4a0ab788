//! Precision and recall of the aligner against the gold fixtures, next to a plain
//! Gale-Church length-only baseline, plus generated stress cases.
//!
//! `cargo run --release --no-default-features --example align_eval [FIXTURE_DIR]`
//! (default `tests/fixtures/parallel`). Add `--show` to print the rows that differ from gold.

use std::path::PathBuf;

use alinea::align::gold::{Score, beads_of, load_fixture, score};
use alinea::align::synthetic::{Distortion, generate};
use alinea::align::{AlignOptions, align};
use alinea::model::Version;
use alinea::progress::Progress;

fn run(versions: &[Version], length_only: bool) -> Vec<Vec<Vec<usize>>> {
    let opts = AlignOptions {
        length_only,
        ..AlignOptions::default()
    };
    match align(versions, 0, &opts, &Progress::new()) {
        Ok(a) => beads_of(&a),
        Err(_) => Vec::new(),
    }
}

fn pct(x: f64) -> String {
    format!("{:5.1}", 100.0 * x)
}

fn line(name: &str, ours: &Score, base: &Score) {
    println!(
        "| {name:<24} | {:>4} | {} | {} | {} | {} | {} | {} | {} | {} |",
        ours.gold,
        pct(ours.strict_precision()),
        pct(ours.strict_recall()),
        pct(ours.lax_precision()),
        pct(ours.lax_recall()),
        pct(base.strict_precision()),
        pct(base.strict_recall()),
        pct(base.lax_precision()),
        pct(base.lax_recall()),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let show = args.iter().any(|a| a == "--show");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map_or_else(|| PathBuf::from("tests/fixtures/parallel"), PathBuf::from);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("align_eval: cannot read {}", dir.display());
        return;
    };
    let mut dirs: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    dirs.sort();
    println!(
        "| fixture                  | gold | strict P | strict R | lax P | lax R | GC strict P | GC strict R | GC lax P | GC lax R |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let (mut all_ours, mut all_base) = (Score::default(), Score::default());
    for d in dirs {
        let fixture = match load_fixture(&d) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("align_eval: {e}");
                continue;
            }
        };
        let columns = fixture.versions.len();
        let ours_beads = run(&fixture.versions, false);
        let ours = score(&ours_beads, &fixture.gold, columns);
        let base = score(&run(&fixture.versions, true), &fixture.gold, columns);
        line(&fixture.name, &ours, &base);
        all_ours.add(&ours);
        all_base.add(&base);
        if show {
            for b in ours_beads.iter().filter(|b| !fixture.gold.contains(b)) {
                eprintln!("  {}: predicted {b:?} not in gold", fixture.name);
            }
        }
    }
    line("all fixtures", &all_ours, &all_base);
    for (name, n, d, seed) in [
        (
            "synthetic clean 2k",
            2000,
            Distortion {
                split: 0.0,
                merge: 0.0,
                omit: 0.0,
                add: 0.0,
                omit_paragraph: 0.0,
            },
            1,
        ),
        ("synthetic default 2k", 2000, Distortion::default(), 2),
        (
            "synthetic heavy 2k",
            2000,
            Distortion {
                split: 0.08,
                merge: 0.08,
                omit: 0.02,
                add: 0.02,
                omit_paragraph: 0.01,
            },
            3,
        ),
        ("synthetic 3 versions 2k", 2000, Distortion::default(), 4),
    ] {
        let translations = if name.contains("3 versions") { 2 } else { 1 };
        let (versions, gold) = generate(n, translations, d, seed);
        let ours = score(&run(&versions, false), &gold, versions.len());
        let base = score(&run(&versions, true), &gold, versions.len());
        line(name, &ours, &base);
    }
}

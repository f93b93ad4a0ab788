//! Replays the fuzz corpus and the crash reproducers in plain `cargo test` (stable, no
//! libFuzzer): every file of `fuzz/corpus/<target>/` and `fuzz/regressions/<target>/` goes
//! through the same checks as the fuzz target of that name (`fuzz/src/lib.rs`).

#[path = "../fuzz/src/lib.rs"]
mod fuzz_checks;

use std::path::Path;

/// Runs `check` on every file under `fuzz/corpus/<target>` and `fuzz/regressions/<target>`;
/// returns how many files were replayed.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for kind in ["corpus", "regressions"] {
        let Ok(entries) = std::fs::read_dir(root.join(kind).join(target)) else {
            continue;
        };
        let mut paths: Vec<_> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
        paths.sort();
        for path in paths.iter().filter(|p| p.is_file()) {
            let data = std::fs::read(path).expect("corpus file is readable");
            let outcome = std::panic::catch_unwind(|| check(&data));
            assert!(outcome.is_ok(), "{} fails its checks", path.display());
            replayed += 1;
        }
    }
    replayed
}

#[test]
fn ingest_load_corpus() {
    assert!(replay("ingest_load", fuzz_checks::ingest_load) > 0);
}

#[test]
fn segment_corpus() {
    assert!(replay("segment", fuzz_checks::segment) > 0);
}

#[test]
fn project_load_corpus() {
    assert!(replay("project_load", fuzz_checks::project_load) > 0);
}

#[test]
fn tmx_read_corpus() {
    assert!(replay("tmx_read", fuzz_checks::tmx_read) > 0);
}

#[test]
fn glossary_load_corpus() {
    assert!(replay("glossary_load", fuzz_checks::glossary_load) > 0);
}

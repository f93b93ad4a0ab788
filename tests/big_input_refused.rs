//! End to end: a 1 GiB file (sparse, so it costs no disk) given to `alinea detect`,
//! `alinea segment` and `alinea new` is refused before it is read: exit status 1 and one
//! stderr line naming the file and the size limit.

use std::fs::File;
use std::path::Path;
use std::process::{Command, Output};

/// The load limit in bytes, as the error message writes it.
const LIMIT: &str = "104857600";

/// A sparse 1 GiB file in `dir`.
fn huge_file(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("huge-report.txt");
    let file = File::create(&path).expect("test setup");
    file.set_len(1 << 30).expect("test setup");
    path
}

/// Runs the real binary with `args` in `dir`.
fn alinea(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alinea"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("test setup")
}

/// Exit status 1, nothing on stdout, and a single stderr line naming the file and the limit.
fn assert_refused(out: &Output, file: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        out.stdout.is_empty(),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let line = stderr
        .lines()
        .find(|l| l.contains(file))
        .unwrap_or_else(|| panic!("no line names {file}: {stderr}"));
    assert!(
        line.contains(LIMIT),
        "the line does not give the limit: {line}"
    );
    assert!(
        line.contains("too large"),
        "the line does not say why: {line}"
    );
}

#[test]
fn detect_refuses_a_1_gib_file() {
    let dir = tempfile::tempdir().expect("test setup");
    huge_file(dir.path());
    let out = alinea(dir.path(), &["detect", "huge-report.txt"]);
    assert_refused(&out, "huge-report.txt");
}

#[test]
fn segment_refuses_a_1_gib_file() {
    let dir = tempfile::tempdir().expect("test setup");
    huge_file(dir.path());
    let out = alinea(dir.path(), &["segment", "huge-report.txt"]);
    assert_refused(&out, "huge-report.txt");
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}

#[test]
fn new_refuses_a_1_gib_file_and_writes_no_project() {
    let dir = tempfile::tempdir().expect("test setup");
    huge_file(dir.path());
    std::fs::write(dir.path().join("small.txt"), "Một câu. Hai câu.\n").expect("test setup");
    let out = alinea(
        dir.path(),
        &["new", "-o", "big.alinea", "small.txt", "huge-report.txt"],
    );
    assert_refused(&out, "huge-report.txt");
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
    assert!(!dir.path().join("big.alinea").exists());
}

//! `alinea new` end to end: the real binary on small fixture documents, then the project it
//! wrote is loaded back through the library.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use alinea::project;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project")
        .join(name)
}

fn alinea(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alinea"))
        .args(args)
        .env_remove(project::PAUSE_ENV)
        .output()
        .expect("run alinea")
}

#[test]
fn new_aligns_documents_and_writes_a_loadable_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("report.alinea");
    let (vi, ms, ar) = (
        fixture("report.vi.txt"),
        fixture("report.ms.txt"),
        fixture("report.ar.txt"),
    );
    let output = alinea(&[
        "new".as_ref(),
        vi.as_os_str(),
        ms.as_os_str(),
        ar.as_os_str(),
        "--lang".as_ref(),
        "vi,MS,ar".as_ref(),
        "--pivot".as_ref(),
        "1".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "one-line summary: {stderr}");
    assert!(stderr.contains("3 versions (vi, ms, ar)"), "{stderr}");
    assert!(stderr.contains("rows"), "{stderr}");

    let p = project::load(&out).expect("project loads");
    assert_eq!(p.versions.len(), 3);
    assert_eq!(p.alignment.pivot, 1);
    assert_eq!(p.versions[2].lang.as_str(), "ar");
    assert!(p.versions[0].text.contains("Ủy ban Thường vụ"));
    assert_eq!(p.versions[0].source_path.as_deref(), Some(vi.as_path()));
    assert!(
        p.versions[0]
            .source_path
            .as_deref()
            .is_some_and(Path::is_absolute)
    );
    assert!(p.versions.iter().all(|v| v.sentences.len() >= 2));
    assert!(!p.alignment.rows.is_empty());
    assert!(
        stderr.contains(&format!("{} rows", p.alignment.rows.len())),
        "{stderr}"
    );
    // Atomic save leaves no temporary file behind (beside the project: at most the semantic
    // engine's vector cache, when the model is installed).
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n != "report.alinea.vectors")
        .collect();
    assert_eq!(names, ["report.alinea"]);
}

#[test]
fn new_detects_languages_when_not_given() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("auto.alinea");
    let (vi, ar) = (fixture("report.vi.txt"), fixture("report.ar.txt"));
    let output = alinea(&[
        "new".as_ref(),
        vi.as_os_str(),
        ar.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let p = project::load(&out).expect("loads");
    assert_eq!(p.versions.len(), 2);
}

#[test]
fn new_errors_name_the_file_or_the_option() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("x.alinea");
    let vi = fixture("report.vi.txt");
    let missing = dir.path().join("no-such-report.txt");
    // A PNG renamed .txt: refused as binary.
    let bad = dir.path().join("photo.txt");
    std::fs::write(&bad, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01").expect("write");
    let cases: Vec<(Vec<&std::ffi::OsStr>, &str)> = vec![
        (
            vec![
                "new".as_ref(),
                vi.as_os_str(),
                missing.as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
            "no-such-report.txt",
        ),
        (
            vec![
                "new".as_ref(),
                vi.as_os_str(),
                bad.as_os_str(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
            "photo.txt",
        ),
        (
            vec![
                "new".as_ref(),
                vi.as_os_str(),
                vi.as_os_str(),
                "--lang".as_ref(),
                "vi".as_ref(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
            "--lang",
        ),
        (
            vec![
                "new".as_ref(),
                vi.as_os_str(),
                vi.as_os_str(),
                "--pivot".as_ref(),
                "2".as_ref(),
                "-o".as_ref(),
                out.as_os_str(),
            ],
            "--pivot",
        ),
    ];
    for (args, needle) in cases {
        let output = alinea(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(stderr.contains(needle), "expected {needle} in: {stderr}");
        assert!(!out.exists(), "nothing written on error");
    }
    // An output folder that does not exist: the error names the project file.
    let nowhere = dir.path().join("missing-folder/out.alinea");
    let output = alinea(&[
        "new".as_ref(),
        vi.as_os_str(),
        vi.as_os_str(),
        "-o".as_ref(),
        nowhere.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("out.alinea"));
    // Usage errors (one document, no -o) are clap's: exit status 2.
    let output = alinea(&[
        "new".as_ref(),
        vi.as_os_str(),
        "-o".as_ref(),
        out.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn new_stores_source_paths_relative_to_the_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let docs = dir.path().join("docs");
    std::fs::create_dir(&docs).expect("mkdir");
    for name in ["report.vi.txt", "report.ar.txt"] {
        std::fs::copy(fixture(name), docs.join(name)).expect("copy");
    }
    let output = Command::new(env!("CARGO_BIN_EXE_alinea"))
        .current_dir(&docs)
        .args([
            "new",
            "report.vi.txt",
            "report.ar.txt",
            "-o",
            "../out.alinea",
        ])
        .output()
        .expect("run");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let out = dir.path().join("out.alinea");
    let text = std::fs::read_to_string(&out).expect("read");
    assert!(
        text.contains("source_path: Some(\"docs/report.vi.txt\")"),
        "{text}"
    );
    let p = project::load(&out).expect("loads");
    assert!(
        p.versions[1]
            .source_path
            .as_deref()
            .is_some_and(|s| s.is_file())
    );
}

//! Project files: save → load is the identity (property test over random projects with
//! Arabic, Vietnamese, Cyrillic and emoji text), older files load, newer and damaged files
//! give typed errors naming the file, and the glossary reference is resolved and loaded.

mod project_gen;

use std::path::{Path, PathBuf};

use alinea::model::Project;
use alinea::project::{self, FORMAT_VERSION, ProjectError};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project")
        .join(name)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn save_then_load_is_identity(mut p in project_gen::project()) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("random.alinea");
        // The glossary is kept in its own file, never inside the project.
        p.glossary = Default::default();
        project::save(&path, &p).expect("save");
        let back = project::load(&path).expect("load");
        prop_assert_eq!(&back, &p);
        // Saving what was loaded gives the same bytes (deterministic output).
        let first = std::fs::read(&path).expect("read");
        project::save(&path, &back).expect("save again");
        prop_assert_eq!(std::fs::read(&path).expect("read"), first);
    }
}

#[test]
fn file_starts_with_the_format_version_and_names_its_structs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.alinea");
    let p = project::load_without_glossary(&fixture("v0-before-envelope.alinea")).expect("load");
    project::save(&path, &p).expect("save");
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(
        text.starts_with(&format!(
            "ProjectFile(\n  format_version: {FORMAT_VERSION},"
        )),
        "{text}"
    );
    for name in [
        "Project(",
        "Version(",
        "Sentence(",
        "Alignment(",
        "Row(",
        "ViewSettings(",
    ] {
        assert!(text.contains(name), "missing {name} in {text}");
    }
    // Text is stored as written, not escaped to \u{...}.
    assert!(text.contains("Ủy ban Thường vụ") && text.contains("اللجنة الدائمة"));
}

#[test]
fn older_v0_file_loads_with_defaults_and_its_glossary() {
    let p = project::load(&fixture("v0-before-envelope.alinea")).expect("v0 file loads");
    assert_eq!(p.versions.len(), 2);
    assert_eq!(p.versions[0].sentence_text(1), "Cuộc họp kéo dài ba giờ.");
    assert_eq!(p.versions[1].encoding, "windows-1256");
    assert!(p.alignment.rows[0].is_confirmed());
    assert_eq!(p.view, Default::default());
    // The relative glossary path is resolved against the project's folder and loaded.
    let glossary_path = p.glossary_path.as_deref().expect("glossary path");
    assert!(glossary_path.is_absolute());
    assert!(glossary_path.ends_with("tests/fixtures/project/terms.glossary.ron"));
    assert!(p.glossary.concepts.contains_key("standing-committee"));
}

#[test]
fn migrated_file_saves_as_current_format_and_keeps_the_glossary_relative() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["v0-before-envelope.alinea", "terms.glossary.ron"] {
        std::fs::copy(fixture(name), dir.path().join(name)).expect("copy");
    }
    let old = dir.path().join("v0-before-envelope.alinea");
    let p = project::load(&old).expect("load v0");
    project::save(&old, &p).expect("save as v1");
    let text = std::fs::read_to_string(&old).expect("read");
    assert!(
        text.contains("glossary_path: Some(\"terms.glossary.ron\")"),
        "{text}"
    );
    assert_eq!(project::load(&old).expect("load v1"), p);
}

#[test]
fn newer_format_is_refused_clearly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("future.alinea");
    let p = project::load_without_glossary(&fixture("v0-before-envelope.alinea")).expect("load");
    project::save(&path, &p).expect("save");
    let text = std::fs::read_to_string(&path).expect("read").replacen(
        &format!("format_version: {FORMAT_VERSION}"),
        "format_version: 99",
        1,
    );
    std::fs::write(&path, text).expect("write");
    let err = project::load(&path).expect_err("too new");
    assert!(
        matches!(err, ProjectError::TooNew { found: 99, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("future.alinea"), "{err}");
}

fn corrupt_message(text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("damaged.alinea");
    std::fs::write(&path, text).expect("write");
    match project::load(&path) {
        Err(ProjectError::Corrupt { file, message }) => {
            assert!(file.ends_with("damaged.alinea"), "{file}");
            message
        }
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn damaged_files_are_typed_errors_never_panics() {
    let good = std::fs::read_to_string(fixture("v0-before-envelope.alinea")).expect("read");
    // Truncated in the middle (what a non-atomic save interrupted by a crash would leave).
    for cut in [0, 1, good.len() / 3, good.len() / 2, good.len() - 3] {
        let mut end = cut;
        while !good.is_char_boundary(end) {
            end -= 1;
        }
        corrupt_message(&good[..end]);
    }
    // Sentence range past the end of the text.
    let msg = corrupt_message(&good.replace("(start: 36, end: 68)", "(start: 36, end: 900)"));
    assert!(msg.contains("outside the text"), "{msg}");
    // Sentence range cutting an Arabic letter in two.
    let msg = corrupt_message(
        &good.replace("(range: (start: 0, end: 91)", "(range: (start: 1, end: 91)"),
    );
    assert!(msg.contains("cuts a character"), "{msg}");
    // Alignment that skips a sentence.
    let msg = corrupt_message(&good.replace(
        "[(start: 0, end: 2), (start: 0, end: 1)]",
        "[(start: 0, end: 1), (start: 0, end: 1)]",
    ));
    assert!(msg.contains("cover"), "{msg}");
    // Pivot that is not a version.
    let msg = corrupt_message(&good.replace("pivot: 0", "pivot: 5"));
    assert!(msg.contains("pivot"), "{msg}");
}

#[test]
fn missing_or_damaged_glossary_is_an_error_naming_the_glossary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.alinea");
    std::fs::copy(fixture("v0-before-envelope.alinea"), &path).expect("copy");
    let err = project::load(&path).expect_err("glossary missing");
    assert!(
        matches!(err, ProjectError::GlossaryMissing { .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("terms.glossary.ron"), "{err}");
    // The project still opens without its glossary.
    let p: Project = project::load_without_glossary(&path).expect("opens without glossary");
    assert!(p.glossary.concepts.is_empty());

    std::fs::write(dir.path().join("terms.glossary.ron"), "(concepts: {\"x\": ").expect("write");
    let err = project::load(&path).expect_err("glossary damaged");
    assert!(matches!(err, ProjectError::Glossary { .. }), "{err:?}");
    assert!(err.to_string().contains("terms.glossary.ron"), "{err}");
}

#[test]
fn accepted_findings_are_normalised_to_a_sorted_set_on_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("p.alinea");
    let mut p =
        project::load_without_glossary(&fixture("v0-before-envelope.alinea")).expect("load");
    p.glossary_path = None;
    p.accepted_findings = vec!["b".into(), "a".into(), "b".into()];
    project::save(&path, &p).expect("save");
    let back = project::load(&path).expect("load");
    assert_eq!(
        back.accepted_findings,
        vec!["a".to_string(), "b".to_string()]
    );
}

/// Where numbers sit in a project file's text (byte offsets of digit runs).
fn digit_runs(text: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            runs.push(start..i);
        } else {
            i += 1;
        }
    }
    runs
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Tampered files (a number changed, a span cut out) load as a valid project or fail with
    /// a typed error; they never panic and never yield a project that breaks its invariants.
    #[test]
    fn tampered_files_never_load_invalid(
        p in project_gen::project(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..200, any::<bool>()), 1..4),
    ) {
        let path = Path::new("tampered.alinea");
        let mut text = project::to_ron_string(path, &p).expect("serialise");
        for (at, value, cut) in edits {
            if cut {
                let start = at.index(text.len());
                let mut end = (start + value).min(text.len());
                let mut start = start;
                while !text.is_char_boundary(start) { start -= 1; }
                while !text.is_char_boundary(end) { end -= 1; }
                if start < end {
                    text.replace_range(start..end, "");
                }
            } else {
                let runs = digit_runs(&text);
                if runs.is_empty() { continue; }
                let run = runs[at.index(runs.len())].clone();
                text.replace_range(run, &value.to_string());
            }
        }
        match project::from_ron_str(path, &text) {
            Ok(loaded) => {
                prop_assert!(loaded.validate().is_ok());
                prop_assert!(project::validate_ranges(&loaded).is_ok());
            }
            Err(err) => prop_assert!(err.to_string().contains("tampered.alinea"), "{}", err),
        }
    }
}

#[test]
fn non_utf8_project_is_corrupt_not_io() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("binary.alinea");
    std::fs::write(&path, b"\xff\xfe\x00garbage").expect("write");
    let err = project::load(&path).expect_err("fails");
    assert!(matches!(err, ProjectError::Corrupt { .. }), "{err:?}");
}

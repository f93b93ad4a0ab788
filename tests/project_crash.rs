//! Crash safety of saving: a save that fails or is killed between writing and renaming never
//! damages the project file. Failures are injected with `project::save_with`; kills use the
//! real binary (`alinea new`) paused by `ALINEA_TEST_SAVE_PAUSE_MS` in the middle of its save.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use alinea::model::{Lang, Project, Version};
use alinea::project::{self, PAUSE_AT_ENV, PAUSE_ENV, SaveStage};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/project")
        .join(name)
}

/// A small project different from what `alinea new` makes of the fixtures.
fn old_project() -> Project {
    let a = Version::from_sentences("old.vi", Lang::new("vi"), &[vec!["Bản cũ.", "Câu hai."]]);
    let b = Version::from_sentences("old.ar", Lang::new("ar"), &[vec!["النسخة القديمة."]]);
    let mut p = Project::new(vec![a, b]);
    p.alignment = alinea::align::align(
        &p.versions,
        0,
        &Default::default(),
        &alinea::progress::Progress::new(),
    )
    .expect("align");
    p
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn temp_files(dir: &Path) -> Vec<String> {
    names_in(dir)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn injected_failure_before_rename_keeps_the_old_project() {
    for stage in [SaveStage::MidWrite, SaveStage::BeforeRename] {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("P.alinea");
        let old = old_project();
        project::save(&path, &old).expect("first save");
        let old_bytes = std::fs::read(&path).expect("read");

        let mut new = old.clone();
        new.versions[0].name = "changed".into();
        let fail_at = |s: SaveStage| {
            if s == stage {
                Err(std::io::Error::other("disk unplugged (injected)"))
            } else {
                Ok(())
            }
        };
        let err = project::save_with(&path, &new, &fail_at).expect_err("save fails");
        assert!(err.to_string().contains("P.alinea"), "{err}");
        assert!(err.to_string().contains("injected"), "{err}");

        assert_eq!(std::fs::read(&path).expect("read"), old_bytes, "{stage:?}");
        assert_eq!(project::load(&path).expect("old still loads"), old);
        assert_eq!(
            names_in(dir.path()),
            vec!["P.alinea".to_string()],
            "{stage:?}"
        );

        // The next save goes through normally.
        project::save(&path, &new).expect("retry");
        assert_eq!(project::load(&path).expect("load"), new);
    }
}

#[test]
fn injected_failure_on_a_new_file_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("P.alinea");
    let fail = |_: SaveStage| Err(std::io::Error::other("injected"));
    assert!(project::save_with(&path, &old_project(), &fail).is_err());
    assert!(names_in(dir.path()).is_empty());
    assert!(project::load(&path).is_err());
}

fn spawn_new(out: &Path, pause: Option<(&str, u64)>) -> Child {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alinea"));
    cmd.arg("new")
        .arg(fixture("report.vi.txt"))
        .arg(fixture("report.ms.txt"))
        .arg(fixture("report.ar.txt"))
        .args(["--lang", "vi,ms,ar", "-o"])
        .arg(out)
        .env_remove(PAUSE_ENV)
        .env_remove(PAUSE_AT_ENV)
        // The fast engine writes no vector cache, whose temporary file would look like the
        // project's.
        .env("ALINEA_ENGINE", "fast")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some((stage, ms)) = pause {
        cmd.env(PAUSE_ENV, ms.to_string()).env(PAUSE_AT_ENV, stage);
    }
    cmd.spawn().expect("spawn alinea")
}

/// What `alinea new` writes for the fixtures when nothing interrupts it.
fn complete_new_output(dir: &Path) -> Vec<u8> {
    let path = dir.join("reference.alinea");
    let status = spawn_new(&path, None).wait().expect("wait");
    assert!(status.success());
    let bytes = std::fs::read(&path).expect("read");
    std::fs::remove_file(&path).expect("remove");
    bytes
}

/// Waits until the child has created its temporary file (it is then inside the save).
fn wait_for_temp_file(dir: &Path, child: &mut Child) {
    let start = Instant::now();
    while temp_files(dir).is_empty() {
        assert!(
            child.try_wait().expect("try_wait").is_none(),
            "alinea exited before saving"
        );
        assert!(start.elapsed() < Duration::from_secs(60), "no save started");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn killed_during_save_leaves_old_project_intact() {
    // Each case: where the save pauses, and how long after the temporary file appears the
    // process is killed (always well inside the 3 s pause).
    let cases = [
        ("mid-write", 0),
        ("mid-write", 25),
        ("before-rename", 0),
        ("before-rename", 25),
        ("before-rename", 150),
    ];
    for (stage, delay_ms) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("P.alinea");
        let old = old_project();
        project::save(&path, &old).expect("save old");
        let old_bytes = std::fs::read(&path).expect("read");

        let mut child = spawn_new(&path, Some((stage, 3000)));
        wait_for_temp_file(dir.path(), &mut child);
        std::thread::sleep(Duration::from_millis(delay_ms));
        child.kill().expect("kill");
        child.wait().expect("reap");

        assert_eq!(
            std::fs::read(&path).expect("project still there"),
            old_bytes,
            "{stage} +{delay_ms}ms"
        );
        assert_eq!(project::load(&path).expect("old project loads"), old);
        // The kill landed inside the save: its temporary file is left, and ignored.
        assert_eq!(temp_files(dir.path()).len(), 1, "{stage} +{delay_ms}ms");

        // A later save still works and replaces the project.
        let status = spawn_new(&path, None).wait().expect("wait");
        assert!(status.success());
        let new = project::load(&path).expect("new project loads");
        assert_eq!(new.versions.len(), 3);
    }
}

#[test]
fn killed_during_first_save_leaves_no_project() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("P.alinea");
    let mut child = spawn_new(&path, Some(("before-rename", 3000)));
    wait_for_temp_file(dir.path(), &mut child);
    child.kill().expect("kill");
    child.wait().expect("reap");
    assert!(!path.exists());
    assert!(project::load(&path).is_err());
}

#[test]
fn killed_at_arbitrary_moments_the_file_is_old_or_new_never_half() {
    let dir = tempfile::tempdir().expect("tempdir");
    let new_bytes = complete_new_output(dir.path());
    let path = dir.path().join("P.alinea");
    let old = old_project();
    project::save(&path, &old).expect("save old");
    let old_bytes = std::fs::read(&path).expect("read");
    // Blind kills from "before the save" to "after it"; the 40 ms pause widens the window
    // around the rename.
    for (i, delay_ms) in [0u64, 3, 10, 30, 60, 120, 250, 500].into_iter().enumerate() {
        let stage = if i % 2 == 0 {
            "mid-write"
        } else {
            "before-rename"
        };
        let mut child = spawn_new(&path, Some((stage, 40)));
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        child.wait().expect("reap");
        let bytes = std::fs::read(&path).expect("project present");
        assert!(
            bytes == old_bytes || bytes == new_bytes,
            "half-written project after kill at {delay_ms} ms"
        );
        project::load(&path).expect("loads");
        // Reset to the old project for the next round.
        project::save(&path, &old).expect("reset");
    }
}

//! Atomic file replacement: write a temporary file in the target's folder, flush and fsync
//! it, rename it over the target, fsync the folder (Unix). Readers and crashes see either the
//! old file or the new one, never a mix.
//!
//! Test hooks (used by `tests/project_crash.rs`, harmless in normal use):
//! - [`save_with`](super::save_with) calls a hook at each [`SaveStage`]; an error returned by
//!   the hook aborts the save like a failed disk write would.
//! - [`save`](super::save) uses [`env_pause_hook`]: when the environment variable
//!   `ALINEA_TEST_SAVE_PAUSE_MS` holds a number of milliseconds, the save sleeps that long at
//!   the stage named by `ALINEA_TEST_SAVE_PAUSE_AT` (`before-rename`, the default, or
//!   `mid-write`), so a test can kill the process in the middle of a save.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::ProjectError;

/// Environment variable: milliseconds to sleep during each save (testing crash safety).
pub const PAUSE_ENV: &str = "ALINEA_TEST_SAVE_PAUSE_MS";
/// Environment variable: where to sleep, `before-rename` (default) or `mid-write`.
pub const PAUSE_AT_ENV: &str = "ALINEA_TEST_SAVE_PAUSE_AT";

/// The moments of a save at which the test hook is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStage {
    /// About half of the bytes are in the temporary file, not yet flushed.
    MidWrite,
    /// The temporary file is complete and fsynced; the target is not replaced yet.
    BeforeRename,
}

/// The hook [`super::save`] uses: sleeps as asked by [`PAUSE_ENV`] / [`PAUSE_AT_ENV`].
pub fn env_pause_hook(stage: SaveStage) -> std::io::Result<()> {
    let Some(ms) = std::env::var(PAUSE_ENV)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
    else {
        return Ok(());
    };
    let wanted = match std::env::var(PAUSE_AT_ENV).as_deref() {
        Ok("mid-write") => SaveStage::MidWrite,
        _ => SaveStage::BeforeRename,
    };
    if stage == wanted {
        std::thread::sleep(Duration::from_millis(ms));
    }
    Ok(())
}

/// Replaces the file at `path` with `bytes` atomically; see the module docs.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    hook: &dyn Fn(SaveStage) -> std::io::Result<()>,
) -> Result<(), ProjectError> {
    let io_err = |file: &Path| {
        let file = file.display().to_string();
        move |source| ProjectError::Io { file, source }
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name() else {
        return Err(ProjectError::Io {
            file: path.display().to_string(),
            source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"),
        });
    };
    let temp = folder.join(temp_name(&name.to_string_lossy()));
    let mut out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(io_err(path))?;
    let written = write_and_sync(&mut out, path, bytes, hook);
    drop(out);
    let renamed = written.and_then(|()| {
        hook(SaveStage::BeforeRename)?;
        std::fs::rename(&temp, path)
    });
    if let Err(source) = renamed {
        let _ = std::fs::remove_file(&temp);
        return Err(io_err(path)(source));
    }
    // Best effort: the new file is already in place; some file systems (network shares,
    // FUSE) refuse to fsync a folder, which must not turn a finished save into a failure.
    let _ = sync_folder(&folder);
    Ok(())
}

fn write_and_sync(
    out: &mut File,
    target: &Path,
    bytes: &[u8],
    hook: &dyn Fn(SaveStage) -> std::io::Result<()>,
) -> std::io::Result<()> {
    if let Ok(meta) = std::fs::metadata(target) {
        // Keep the permissions the user gave the project file.
        out.set_permissions(meta.permissions())?;
    }
    let (first, rest) = bytes.split_at(bytes.len() / 2);
    out.write_all(first)?;
    hook(SaveStage::MidWrite)?;
    out.write_all(rest)?;
    out.flush()?;
    out.sync_all()
}

/// A hidden name unique to this process and save: `.NAME.PID.N.tmp`.
fn temp_name(name: &str) -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(".{name}.{}.{n}.tmp", std::process::id())
}

/// Makes the rename durable: fsync the folder entry (Unix; a no-op elsewhere).
fn sync_folder(folder: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .expect("read dir")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_leaves_no_temp_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.alinea");
        write_atomic(&path, b"old", &|_| Ok(())).expect("first");
        write_atomic(&path, b"new", &|_| Ok(())).expect("second");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert_eq!(entries(dir.path()), vec!["a.alinea".to_string()]);
    }

    #[test]
    fn failure_at_any_stage_keeps_old_file_and_removes_temp() {
        for stage in [SaveStage::MidWrite, SaveStage::BeforeRename] {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("a.alinea");
            std::fs::write(&path, b"old").expect("write");
            let fail = |s: SaveStage| {
                if s == stage {
                    Err(std::io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            let err = write_atomic(&path, b"new contents", &fail).expect_err("fails");
            assert!(err.to_string().contains("a.alinea"), "{err}");
            assert_eq!(std::fs::read(&path).expect("read"), b"old");
            assert_eq!(entries(dir.path()), vec!["a.alinea".to_string()]);
        }
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("no/such/folder/a.alinea");
        let err = write_atomic(&path, b"x", &|_| Ok(())).expect_err("fails");
        assert!(err.to_string().contains("a.alinea"));
    }
}

//! Atomic file replacement, the one way the library writes a file in place (projects,
//! glossaries, exports, vector caches, recovery snapshots): write a temporary file in the
//! target's folder, flush and fsync it, rename it over the target, fsync the folder (Unix).
//! Readers and crashes see either the old file or the new one, never a mix.
//!
//! [`write_streamed`] calls a hook at each [`WriteStage`]; an error returned by the hook aborts
//! the write like a failed disk write would (crash-safety tests inject failures this way).

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The moments of a write at which the test hook is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteStage {
    /// About half of the bytes are in the temporary file, not yet flushed.
    MidWrite,
    /// The temporary file is complete and fsynced; the target is not replaced yet.
    BeforeRename,
}

/// Why an atomic write failed: an I/O error, named by the target file.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {source}")]
pub struct WriteError {
    /// The target file.
    pub file: String,
    /// Underlying error.
    pub source: std::io::Error,
}

impl WriteError {
    fn new(file: &Path) -> impl Fn(std::io::Error) -> WriteError + use<> {
        let file = file.display().to_string();
        move |source| WriteError {
            file: file.clone(),
            source,
        }
    }
}

/// The hook of [`write_streamed`], called at each [`WriteStage`].
pub type Hook<'h> = &'h dyn Fn(WriteStage) -> std::io::Result<()>;

/// Replaces the file at `path` with `bytes` atomically; see the module docs.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_streamed(path, bytes.len() as u64 / 2, &|_| Ok(()), &mut |out| {
        out.write_all(bytes).map_err(WriteError::new(path))
    })
}

/// Replaces the file at `path` atomically with what `fill` writes, without holding the
/// whole file in memory (a project of two 100 MB reports is ~460 MB of text). The hook's
/// [`WriteStage::MidWrite`] comes once `mid_write_after` bytes are in the temporary file.
///
/// An I/O failure while `fill` writes is reported as a [`WriteError`] naming `path`,
/// whatever `fill` made of it.
pub fn write_streamed<E: From<WriteError>>(
    path: &Path,
    mid_write_after: u64,
    hook: Hook<'_>,
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let io_err = |file: &Path| {
        let to_error = WriteError::new(file);
        move |source| E::from(to_error(source))
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Some(name) = path.file_name() else {
        let invalid = std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name");
        return Err(io_err(path)(invalid));
    };
    let temp = folder.join(temp_name(&name.to_string_lossy()));
    let out = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&temp)
        .map_err(io_err(path))?;
    let written = write_and_sync(out, path, mid_write_after, hook, fill);
    let renamed = written.and_then(|()| {
        hook(WriteStage::BeforeRename).map_err(io_err(path))?;
        std::fs::rename(&temp, path).map_err(io_err(path))
    });
    if let Err(e) = renamed {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    // Best effort: the new file is already in place; some file systems (network shares,
    // FUSE) refuse to fsync a folder, which must not turn a finished save into a failure.
    let _ = sync_folder(&folder);
    Ok(())
}

fn write_and_sync<E: From<WriteError>>(
    out: File,
    target: &Path,
    mid_write_after: u64,
    hook: Hook<'_>,
    fill: &mut dyn FnMut(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let to_error = WriteError::new(target);
    let io_err = |source| E::from(to_error(source));
    if let Ok(meta) = std::fs::metadata(target) {
        // Keep the permissions the user gave the project file.
        out.set_permissions(meta.permissions()).map_err(io_err)?;
    }
    let mut writer = HookedWriter {
        out: BufWriter::with_capacity(1 << 20, out),
        written: 0,
        mid_write_after,
        hook,
        fired: false,
        failure: None,
    };
    let filled = fill(&mut writer);
    if let Some(source) = writer.failure.take() {
        return Err(io_err(source));
    }
    filled?;
    writer.fire_mid_write().map_err(io_err)?;
    let file = writer
        .out
        .into_inner()
        .map_err(|e| io_err(e.into_error()))?;
    file.sync_all().map_err(io_err)
}

/// The temporary file's writer: buffers, counts bytes, calls the mid-write hook once, and
/// keeps the first I/O error so it is reported as such (not as whatever the serialiser made
/// of it).
struct HookedWriter<'h> {
    out: BufWriter<File>,
    written: u64,
    mid_write_after: u64,
    hook: Hook<'h>,
    fired: bool,
    failure: Option<std::io::Error>,
}

impl HookedWriter<'_> {
    /// Puts what is buffered into the file and calls the mid-write hook, the first time.
    fn fire_mid_write(&mut self) -> std::io::Result<()> {
        if self.fired {
            return Ok(());
        }
        self.fired = true;
        self.out.flush()?;
        (self.hook)(WriteStage::MidWrite)
    }

    fn keep<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && self.failure.is_none()
        {
            self.failure = Some(std::io::Error::new(e.kind(), e.to_string()));
        }
        result
    }
}

impl Write for HookedWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.out.write(buf);
        let n = self.keep(n)?;
        self.written += n as u64;
        if self.written >= self.mid_write_after && self.written > 0 {
            let fired = self.fire_mid_write();
            self.keep(fired)?;
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let flushed = self.out.flush();
        self.keep(flushed)
    }
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
        write(&path, b"old").expect("first");
        write(&path, b"new").expect("second");
        assert_eq!(std::fs::read(&path).expect("read"), b"new");
        assert_eq!(entries(dir.path()), vec!["a.alinea".to_string()]);
    }

    #[test]
    fn failure_at_any_stage_keeps_old_file_and_removes_temp() {
        for stage in [WriteStage::MidWrite, WriteStage::BeforeRename] {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("a.alinea");
            std::fs::write(&path, b"old").expect("write");
            let fail = |s: WriteStage| {
                if s == stage {
                    Err(std::io::Error::other("injected"))
                } else {
                    Ok(())
                }
            };
            let err = write_streamed(&path, 6, &fail, &mut |out| {
                out.write_all(b"new contents")
                    .map_err(WriteError::new(&path))
            })
            .expect_err("fails");
            assert!(err.to_string().contains("a.alinea"), "{err}");
            assert_eq!(std::fs::read(&path).expect("read"), b"old");
            assert_eq!(entries(dir.path()), vec!["a.alinea".to_string()]);
        }
    }

    #[test]
    fn missing_folder_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("no/such/folder/a.alinea");
        let err = write(&path, b"x").expect_err("fails");
        assert!(err.to_string().contains("a.alinea"));
    }
}

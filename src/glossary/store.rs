//! The glossary's own file: pretty RON, sorted (`BTreeMap`), saved atomically under a lock.
//!
//! Saving: take the lock (`<file>.lock`, created exclusively; retried for up to 10 s; a lock
//! older than 60 s is considered stale and removed), re-read the file, three-way merge with the
//! base the caller loaded ([`super::merge`]), write to a temporary file in the same folder,
//! fsync, rename over the file, release the lock. Two processes saving at once therefore never
//! lose each other's concepts.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::error::{GlossaryError, read_file};
use super::merge::{Resolution, SaveOutcome, merge3};
use super::model::Glossary;

const LOCK_WAIT: Duration = Duration::from_secs(10);
const LOCK_STALE: Duration = Duration::from_secs(60);

/// Loads a `*.glossary.ron` file.
pub fn load(path: &Path) -> Result<Glossary, GlossaryError> {
    let bytes = read_file(path)?;
    let text = String::from_utf8(bytes).map_err(|_| GlossaryError::format(path, "not UTF-8"))?;
    from_ron(&text, path)
}

fn from_ron(text: &str, path: &Path) -> Result<Glossary, GlossaryError> {
    let mut g: Glossary =
        ron::from_str(text).map_err(|e| GlossaryError::format(path, e.to_string()))?;
    // The map key is authoritative; keep the field consistent.
    for (id, c) in g.concepts.iter_mut() {
        c.id = id.clone();
    }
    Ok(g)
}

/// The RON text of a glossary: pretty, sorted, stable.
pub fn to_ron(glossary: &Glossary) -> String {
    let config = ron::ser::PrettyConfig::default().struct_names(false);
    // Serialising plain data (strings, enums, maps with string keys) cannot fail.
    ron::ser::to_string_pretty(glossary, config).unwrap_or_default()
}

/// Saves `mine` to `path`, merging with changes made on disk since `base` was loaded.
///
/// When the merge has conflicts nothing is written: show `outcome.conflicts` to the user and
/// call [`save_with_resolutions`]. Otherwise `outcome.merged` is on disk; use it as the new
/// in-memory glossary and as the base of the next save.
pub fn save(path: &Path, mine: &Glossary, base: &Glossary) -> Result<SaveOutcome, GlossaryError> {
    let _lock = FileLock::acquire(path)?;
    let theirs = if path.exists() {
        load(path)?
    } else {
        Glossary::default()
    };
    let (merged, conflicts) = if theirs == *base {
        (mine.clone(), Vec::new())
    } else {
        merge3(base, mine, &theirs)
    };
    if conflicts.is_empty() {
        write_atomic(path, to_ron(&merged).as_bytes())?;
    }
    Ok(SaveOutcome {
        merged,
        conflicts,
        theirs,
    })
}

/// Saves after the user resolved the conflicts of `outcome` (merging again if the file changed
/// once more in between).
pub fn save_with_resolutions(
    path: &Path,
    outcome: &SaveOutcome,
    choices: &std::collections::BTreeMap<String, Resolution>,
) -> Result<SaveOutcome, GlossaryError> {
    let resolved = outcome.resolve(choices);
    save(path, &resolved, &outcome.theirs)
}

/// Writes `bytes` to `path` atomically (see [`crate::fs_atomic`]).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), GlossaryError> {
    crate::fs_atomic::write(path, bytes).map_err(|e| GlossaryError::io(path, e.source))
}

/// An exclusive lock file beside the glossary, removed on drop.
struct FileLock {
    path: PathBuf,
}

impl FileLock {
    fn acquire(target: &Path) -> Result<Self, GlossaryError> {
        let mut name = target.as_os_str().to_owned();
        name.push(".lock");
        let path = PathBuf::from(name);
        let start = Instant::now();
        loop {
            match OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(mut f) => {
                    let _ = writeln!(f, "{}", std::process::id());
                    return Ok(FileLock { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let stale = fs::metadata(&path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.elapsed().ok())
                        .is_some_and(|age| age > LOCK_STALE);
                    if stale {
                        let _ = fs::remove_file(&path);
                        continue;
                    }
                    if start.elapsed() > LOCK_WAIT {
                        return Err(GlossaryError::Locked {
                            file: target.display().to_string(),
                            lock: path.display().to_string(),
                        });
                    }
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(GlossaryError::io(&path, e)),
            }
        }
    }
}

impl Drop for FileLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

//! Recovery folder: snapshots of unsaved work, so a crash, a kill or a power cut loses at most
//! a few minutes.
//!
//! The app writes the open project (if it has unsaved changes) to `recovery.alinea` in its
//! data folder, atomically like any project, and the file it belongs to (if it was ever
//! saved) to `recovery.origin` beside it. A clean save, close or quit removes both; if they
//! are still there at the next start, the run before did not end cleanly and the editor is
//! offered the unsaved work. One folder per app, one project at a time: the app edits one.

use std::path::{Path, PathBuf};

use super::{ProjectError, load, save};
use crate::model::Project;

const PROJECT_FILE: &str = "recovery.alinea";
const ORIGIN_FILE: &str = "recovery.origin";

/// Unsaved work found in a recovery folder.
#[derive(Debug)]
pub struct Recovered {
    /// The unsaved project.
    pub project: Project,
    /// The project file it belonged to, if it had been saved before.
    pub origin: Option<PathBuf>,
}

/// The recovery folder of the app (e.g. `~/.local/share/alinea`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecoveryFolder {
    dir: PathBuf,
}

impl RecoveryFolder {
    /// The recovery folder at `dir` (created when first written).
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        RecoveryFolder { dir: dir.into() }
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The snapshot file inside the folder.
    pub fn project_file(&self) -> PathBuf {
        self.dir.join(PROJECT_FILE)
    }

    /// Writes a snapshot of `project`, which belongs to the file `origin` (none if never
    /// saved). The snapshot is written atomically: a crash during the write leaves the
    /// previous snapshot.
    pub fn write(&self, project: &Project, origin: Option<&Path>) -> Result<(), ProjectError> {
        let io = |file: &Path, source| ProjectError::Io {
            file: file.display().to_string(),
            source,
        };
        std::fs::create_dir_all(&self.dir).map_err(|e| io(&self.dir, e))?;
        save(&self.project_file(), project)?;
        let origin_file = self.dir.join(ORIGIN_FILE);
        let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
        Ok(crate::fs_atomic::write(&origin_file, origin.as_bytes())?)
    }

    /// Whether a run that did not end cleanly left a snapshot, without reading it (a big
    /// project's snapshot takes seconds to load): `None` if there is none, else the project
    /// file it belongs to (`Some(None)`: never saved).
    pub fn left_over(&self) -> Option<Option<PathBuf>> {
        if !self.project_file().exists() {
            return None;
        }
        Some(self.origin())
    }

    fn origin(&self) -> Option<PathBuf> {
        std::fs::read_to_string(self.dir.join(ORIGIN_FILE))
            .ok()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
    }

    /// The snapshot left by a run that did not end cleanly: `None` if there is none,
    /// `Some(Err)` naming the file if it is there but cannot be loaded.
    pub fn pending(&self) -> Option<Result<Recovered, ProjectError>> {
        let path = self.project_file();
        if !path.exists() {
            return None;
        }
        let project = match load(&path) {
            Ok(p) => p,
            Err(e) => return Some(Err(e)),
        };
        Some(Ok(Recovered {
            project,
            origin: self.origin(),
        }))
    }

    /// Removes the snapshot (after a save, a discard or a clean exit); nothing there is fine.
    pub fn clear(&self) {
        let _ = std::fs::remove_file(self.project_file());
        let _ = std::fs::remove_file(self.dir.join(ORIGIN_FILE));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_pending_clear() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = RecoveryFolder::new(dir.path().join("data/alinea"));
        assert!(folder.pending().is_none());
        assert_eq!(folder.left_over(), None);
        let project = crate::edit::test_project::sample();
        folder
            .write(&project, Some(Path::new("/x/y.alinea")))
            .expect("creates the folder and writes");
        let found = folder.pending().expect("pending").expect("loads");
        assert_eq!(found.project, project);
        assert_eq!(found.origin, Some(PathBuf::from("/x/y.alinea")));
        assert_eq!(folder.left_over(), Some(Some(PathBuf::from("/x/y.alinea"))));
        // A never-saved project has no origin.
        folder.write(&project, None).expect("write");
        let found = folder.pending().expect("pending").expect("loads");
        assert_eq!(found.origin, None);
        assert_eq!(folder.left_over(), Some(None));
        folder.clear();
        assert!(folder.pending().is_none());
        assert_eq!(folder.left_over(), None);
        folder.clear();
    }

    #[test]
    fn an_unreadable_snapshot_is_reported_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        let folder = RecoveryFolder::new(dir.path());
        std::fs::write(folder.project_file(), "(not a project").expect("write");
        let problem = folder.pending().expect("there").expect_err("unreadable");
        assert!(problem.to_string().contains("recovery.alinea"), "{problem}");
    }
}

//! Crash recovery: the open project is written to a recovery file every 60 s and when the
//! window loses focus, if it has unsaved changes. A clean save, close or quit removes it; if
//! it is still there at the next start, the app offers to restore it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::model::Project;
use crate::project;

/// How often unsaved work is written to the recovery file.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(60);

const PROJECT_FILE: &str = "recovery.alinea";
const ORIGIN_FILE: &str = "recovery.origin";

/// The folder for recovery files: eframe's data folder for the app, else the temp folder.
pub fn default_dir() -> PathBuf {
    eframe::storage_dir("alinea").unwrap_or_else(|| std::env::temp_dir().join("alinea"))
}

/// A project found in the recovery folder at start-up.
pub struct Recovered {
    /// The unsaved project.
    pub project: Project,
    /// The file it belonged to, if it had been saved before.
    pub origin: Option<PathBuf>,
}

/// Writes `project` (which belongs to `origin`) to the recovery folder.
pub fn write(dir: &Path, project: &Project, origin: Option<&Path>) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir)?;
    project::save(&dir.join(PROJECT_FILE), project)?;
    let origin = origin.map(|p| p.display().to_string()).unwrap_or_default();
    std::fs::write(dir.join(ORIGIN_FILE), origin)?;
    Ok(())
}

/// The recovery project left by a run that did not end cleanly, if any and readable.
pub fn pending(dir: &Path) -> Option<Recovered> {
    let path = dir.join(PROJECT_FILE);
    if !path.exists() {
        return None;
    }
    let project = project::load(&path).ok()?;
    let origin = std::fs::read_to_string(dir.join(ORIGIN_FILE))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(PathBuf::from);
    Some(Recovered { project, origin })
}

/// Why a recovery file that is there cannot be loaded (so the editor hears of it), if so.
pub fn unreadable(dir: &Path) -> Option<String> {
    let path = dir.join(PROJECT_FILE);
    if !path.exists() {
        return None;
    }
    project::load(&path)
        .err()
        .map(|e| format!("Unsaved work from the last run could not be recovered: {e}"))
}

/// Removes the recovery files (after a save, a discard or a clean exit).
pub fn clear(dir: &Path) {
    let _ = std::fs::remove_file(dir.join(PROJECT_FILE));
    let _ = std::fs::remove_file(dir.join(ORIGIN_FILE));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Row, RowStatus, Version};

    #[test]
    fn write_pending_clear() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(pending(dir.path()).is_none());
        let mut p = Project::new(vec![Version::from_sentences(
            "a",
            Lang::new("en"),
            &[vec!["One."]],
        )]);
        p.alignment.rows.push(Row {
            cells: vec![0..1],
            score: 1.0,
            status: RowStatus::Auto,
        });
        write(dir.path(), &p, Some(Path::new("/x/y.alinea"))).expect("write");
        let r = pending(dir.path()).expect("pending");
        assert_eq!(r.project.versions, p.versions);
        assert_eq!(r.origin, Some(PathBuf::from("/x/y.alinea")));
        clear(dir.path());
        assert!(pending(dir.path()).is_none());
    }

    #[test]
    fn an_unreadable_recovery_file_is_reported_by_name() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(unreadable(dir.path()), None);
        std::fs::write(dir.path().join(PROJECT_FILE), "(not a project").expect("write");
        assert!(pending(dir.path()).is_none());
        let problem = unreadable(dir.path()).expect("reported");
        assert!(problem.contains("recovery.alinea"), "{problem}");
    }
}

//! Recovery files: periodic snapshots of unsaved work, so a crash or power cut loses at most
//! a few minutes.
//!
//! A project at `report.alinea` is snapshotted to `report.alinea.recovery` next to it (same
//! format, written atomically like the project). A project never saved yet uses the pseudo
//! path [`untitled_project_path`] in the app's data folder, so every function here takes a
//! project path. On open, [`find_recovery`] reports a snapshot only when it is newer than the
//! project file (or the project file is gone); after a save or when the editor declines to
//! restore, [`discard_recovery`] removes it. Restoring is `super::load(&recovery_file)`.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{ProjectError, save};
use crate::model::Project;

/// Extension appended to the project file name for its recovery file.
const RECOVERY_SUFFIX: &str = ".recovery";

/// Where the recovery snapshot of the project at `project_path` lives (`NAME.recovery`).
pub fn recovery_path(project_path: &Path) -> PathBuf {
    let mut name: OsString = project_path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_else(|| OsString::from("untitled.alinea"));
    name.push(RECOVERY_SUFFIX);
    project_path.with_file_name(name)
}

/// The pseudo project path for a project that was never saved, inside the app's `data_dir`;
/// pass it to the other functions of this module.
pub fn untitled_project_path(data_dir: &Path) -> PathBuf {
    data_dir.join("untitled.alinea")
}

/// Writes a recovery snapshot of `project` (atomically) and returns its path; creates the
/// folder if needed (the data folder may not exist yet).
pub fn save_recovery(project_path: &Path, project: &Project) -> Result<PathBuf, ProjectError> {
    let path = recovery_path(project_path);
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder).map_err(|source| ProjectError::Io {
            file: folder.display().to_string(),
            source,
        })?;
    }
    save(&path, project)?;
    Ok(path)
}

/// The recovery snapshot of `project_path` and its time, if one exists and is newer than the
/// project file (or the project file does not exist).
pub fn find_recovery(project_path: &Path) -> Option<(PathBuf, SystemTime)> {
    let path = recovery_path(project_path);
    let recovered_at = std::fs::metadata(&path).ok()?.modified().ok()?;
    match std::fs::metadata(project_path).and_then(|m| m.modified()) {
        Ok(saved_at) if saved_at >= recovered_at => None,
        _ => Some((path, recovered_at)),
    }
}

/// Deletes the recovery snapshot of `project_path`; succeeds if there is none.
pub fn discard_recovery(project_path: &Path) -> Result<(), ProjectError> {
    let path = recovery_path(project_path);
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(ProjectError::Io {
            file: path.display().to_string(),
            source,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn set_mtime(path: &Path, time: SystemTime) {
        let file = std::fs::File::options()
            .write(true)
            .open(path)
            .expect("open");
        file.set_modified(time).expect("set mtime");
    }

    #[test]
    fn recovery_is_found_only_when_newer_than_the_project() {
        let dir = tempfile::tempdir().expect("tempdir");
        let project_path = dir.path().join("report.alinea");
        assert_eq!(
            recovery_path(&project_path),
            dir.path().join("report.alinea.recovery")
        );
        let project = crate::edit::test_project::sample();
        super::super::save(&project_path, &project).expect("save");
        assert!(find_recovery(&project_path).is_none());
        let rec = save_recovery(&project_path, &project).expect("recovery");
        let now = SystemTime::now();
        set_mtime(&project_path, now - Duration::from_secs(60));
        set_mtime(&rec, now);
        let (found, _) = find_recovery(&project_path).expect("newer recovery");
        assert_eq!(found, rec);
        assert_eq!(super::super::load(&found).expect("loads"), project);
        // Saving the project afterwards makes the snapshot stale.
        set_mtime(&project_path, now + Duration::from_secs(60));
        assert!(find_recovery(&project_path).is_none());
        discard_recovery(&project_path).expect("discard");
        assert!(!rec.exists());
        discard_recovery(&project_path).expect("discarding twice is fine");
    }

    #[test]
    fn untitled_projects_recover_from_the_data_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data/alinea");
        let pseudo = untitled_project_path(&data);
        let project = crate::edit::test_project::sample();
        let rec = save_recovery(&pseudo, &project).expect("creates folder and saves");
        assert!(rec.starts_with(&data));
        let (found, _) = find_recovery(&pseudo).expect("found without a project file");
        assert_eq!(found, rec);
    }
}

//! App settings kept in eframe's storage between runs: recent projects and the last one open.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Key of [`AppSettings`] in eframe's storage.
pub const STORAGE_KEY: &str = "alinea-settings";

/// How many recent projects the File menu lists.
pub const MAX_RECENT: usize = 10;

/// Settings that outlive a run (never part of a project).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppSettings {
    /// Recently opened or saved projects, most recent first.
    pub recent: Vec<PathBuf>,
    /// The project open when the app was last closed.
    pub last_project: Option<PathBuf>,
    /// Dark theme for the app when no project says otherwise.
    pub dark_mode: bool,
    /// The folder of the last export, offered for the next one.
    pub last_export_dir: Option<PathBuf>,
}

/// Name of the settings file written beside the recovery file, at once on every open and
/// save (eframe's own storage is written only now and then and on a clean exit).
pub const FILE_NAME: &str = "settings.json";

impl AppSettings {
    /// The settings written by [`AppSettings::write_to`] in `dir`, if there are any.
    pub fn read_from(dir: &Path) -> Option<AppSettings> {
        let bytes = std::fs::read(dir.join(FILE_NAME)).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Writes the settings to `dir` atomically (a crash right after leaves them complete).
    pub fn write_to(&self, dir: &Path) -> Result<(), crate::project::ProjectError> {
        let bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        std::fs::create_dir_all(dir).map_err(|source| crate::project::ProjectError::Io {
            file: dir.display().to_string(),
            source,
        })?;
        Ok(crate::fs_atomic::write(&dir.join(FILE_NAME), &bytes)?)
    }

    /// Puts `path` at the top of the recent list (once) and remembers it as the last project.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(MAX_RECENT);
        self.last_project = Some(path.to_path_buf());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remember_moves_to_front_without_duplicates() {
        let mut s = AppSettings::default();
        s.remember(Path::new("a.alinea"));
        s.remember(Path::new("b.alinea"));
        s.remember(Path::new("a.alinea"));
        assert_eq!(
            s.recent,
            vec![PathBuf::from("a.alinea"), PathBuf::from("b.alinea")]
        );
        assert_eq!(s.last_project, Some(PathBuf::from("a.alinea")));
    }

    #[test]
    fn written_settings_read_back() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(AppSettings::read_from(dir.path()), None);
        let mut s = AppSettings::default();
        s.remember(Path::new("/p/a.alinea"));
        s.write_to(&dir.path().join("sub")).expect("written");
        assert_eq!(AppSettings::read_from(&dir.path().join("sub")), Some(s));
    }
}

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

impl AppSettings {
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
}

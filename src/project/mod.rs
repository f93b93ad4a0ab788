//! Saving and loading projects as RON (minimal first version; being extended with atomic
//! save, recovery and migration).

use std::path::Path;

use crate::model::Project;

/// Version of the project file format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// Why a project could not be saved or loaded; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is not a valid project.
    #[error("{file}: not a valid Alinea project: {message}")]
    Corrupt {
        /// File name.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// Saves a project to `path`.
pub fn save(path: &Path, project: &Project) -> Result<(), ProjectError> {
    let file = path.display().to_string();
    let text =
        ron::ser::to_string_pretty(project, ron::ser::PrettyConfig::default()).map_err(|e| {
            ProjectError::Corrupt {
                file: file.clone(),
                message: e.to_string(),
            }
        })?;
    std::fs::write(path, text).map_err(|source| ProjectError::Io { file, source })
}

/// Loads a project from `path`.
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ProjectError::Io {
        file: file.clone(),
        source,
    })?;
    ron::from_str(&text).map_err(|e| ProjectError::Corrupt {
        file,
        message: e.to_string(),
    })
}

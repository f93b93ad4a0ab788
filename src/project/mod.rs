//! Saving and loading projects (`*.alinea`): pretty RON with struct names, wrapped in a
//! [`ProjectFile`] envelope whose `format_version` comes first, written atomically.
//!
//! Why this shape:
//! - RON with struct names stays readable and diffable by editors who open it in a text editor;
//!   the text of every version is stored once and sentences/paragraphs are byte ranges into it.
//! - The envelope carries `format_version` so older files are migrated on load ([`migrate`])
//!   and files from a newer Alinea are refused with a clear error instead of being misread.
//! - Saving never overwrites in place: the bytes go to a temporary file in the same folder,
//!   are flushed and fsynced, and the temporary file is renamed over the target (see
//!   [`crate::fs_atomic`]); a crash at any moment leaves either the old or the new file,
//!   never half of one.
//! - Loading validates everything the rest of the app indexes with (alignment invariants,
//!   every range inside its text and on char boundaries), so a damaged file becomes a typed
//!   [`ProjectError::Corrupt`] here rather than a panic in the grid later.
//! - The glossary lives in its own file shared between projects; the project stores its path
//!   relative to the project's folder when it can and resolves it on load.
//!
//! Known limitations: a process killed mid-save can leave a hidden `.NAME.PID.N.tmp` file next
//! to the project (never read by Alinea; safe to delete). The glossary is parsed here as a bare
//! `Glossary` RON value until `glossary` offers its own loader.

mod file;
pub mod migrate;
pub mod recovery;
#[cfg(feature = "test-hooks")]
pub mod test_hooks;
mod validate;

use std::path::Path;

use crate::model::Project;

/// The moments of a save at which [`save_with`]'s hook is called.
pub use crate::fs_atomic::WriteStage as SaveStage;
pub use file::{ProjectFile, from_ron_str, to_ron_string, write_ron};
pub use recovery::{Recovered, RecoveryFolder};
#[cfg(feature = "test-hooks")]
pub use test_hooks::{PAUSE_AT_ENV, PAUSE_ENV};
pub use validate::{RangeError, validate_ranges};

/// Version of the project file format written by this build.
///
/// History: 0 = a bare `Project` value without envelope (first builds); 1 = [`ProjectFile`]
/// envelope with `format_version`, glossary path relative to the project folder.
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
    /// The file was written by a newer Alinea whose format this build does not know.
    #[error(
        "{file}: written in project format {found}, but this Alinea reads formats up to \
         {supported}; please update Alinea to open it"
    )]
    TooNew {
        /// File name.
        file: String,
        /// `format_version` found in the file.
        found: u32,
        /// Newest version this build reads ([`FORMAT_VERSION`]).
        supported: u32,
    },
    /// The glossary the project refers to does not exist.
    #[error(
        "{file}: the project's glossary file is missing (moved or deleted?); \
         open the project without its glossary and choose the glossary again"
    )]
    GlossaryMissing {
        /// Glossary file name.
        file: String,
    },
    /// The glossary the project refers to could not be read or parsed.
    #[error("{file}: cannot read the project's glossary: {message}")]
    Glossary {
        /// Glossary file name.
        file: String,
        /// What is wrong.
        message: String,
    },
}

impl From<crate::fs_atomic::WriteError> for ProjectError {
    fn from(e: crate::fs_atomic::WriteError) -> Self {
        ProjectError::Io {
            file: e.file,
            source: e.source,
        }
    }
}

/// Saves a project to `path` atomically (temporary file, fsync, rename).
///
/// With the feature `test-hooks`, honours the test variables `ALINEA_TEST_SAVE_PAUSE_MS` and
/// `ALINEA_TEST_SAVE_PAUSE_AT` (see `project/test_hooks.rs`).
pub fn save(path: &Path, project: &Project) -> Result<(), ProjectError> {
    #[cfg(feature = "test-hooks")]
    let hook = test_hooks::env_pause_hook;
    #[cfg(not(feature = "test-hooks"))]
    let hook = |_: SaveStage| Ok(());
    save_with(path, project, &hook)
}

/// Saves like [`save`], calling `hook` at each [`SaveStage`]; an error from the hook aborts the
/// save, removes the temporary file and leaves any existing file at `path` untouched.
///
/// Used by crash-safety tests to inject failures between writing and renaming.
pub fn save_with(
    path: &Path,
    project: &Project,
    hook: &dyn Fn(SaveStage) -> std::io::Result<()>,
) -> Result<(), ProjectError> {
    // The file holds every version's text and more: the hook's mid-write point comes once
    // half of that many bytes are out.
    let texts: u64 = project.versions.iter().map(|v| v.text.len() as u64).sum();
    crate::fs_atomic::write_streamed(path, texts / 2, hook, &mut |out| {
        file::write_ron(path, project, out)
    })
}

/// Loads a project from `path`, migrating older formats, validating it, and loading the
/// glossary it refers to into `project.glossary`.
///
/// A missing or unreadable glossary is an error naming the glossary file; use
/// [`load_without_glossary`] to open the project anyway.
pub fn load(path: &Path) -> Result<Project, ProjectError> {
    let mut project = load_without_glossary(path)?;
    if let Some(glossary_path) = project.glossary_path.clone() {
        project.glossary = file::load_glossary(&glossary_path)?;
    }
    Ok(project)
}

/// Loads, migrates and validates a project, leaving `project.glossary` empty (the glossary
/// path is still resolved against the project's folder).
pub fn load_without_glossary(path: &Path) -> Result<Project, ProjectError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| {
        if source.kind() == std::io::ErrorKind::InvalidData {
            ProjectError::Corrupt {
                file: file.clone(),
                message: "the file is not UTF-8 text".into(),
            }
        } else {
            ProjectError::Io {
                file: file.clone(),
                source,
            }
        }
    })?;
    from_ron_str(path, &text)
}

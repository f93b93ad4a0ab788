//! Errors of glossary files; every variant names the file.

use std::path::Path;

/// Why a glossary could not be read, written or parsed.
#[derive(Debug, thiserror::Error)]
pub enum GlossaryError {
    /// The file could not be read or written.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file content is not a valid glossary of its format.
    #[error("{file}: {message}")]
    Format {
        /// File name.
        file: String,
        /// What is wrong, with a line or element when known.
        message: String,
    },
    /// Another process held the lock for too long.
    #[error("{file}: locked by another writer (remove {lock} if no one is saving)")]
    Locked {
        /// File name.
        file: String,
        /// The lock file.
        lock: String,
    },
}

impl GlossaryError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        GlossaryError::Io {
            file: path.display().to_string(),
            source,
        }
    }

    /// A format error on `path`.
    pub(crate) fn format(path: &Path, message: impl Into<String>) -> Self {
        GlossaryError::Format {
            file: path.display().to_string(),
            message: message.into(),
        }
    }
}

/// Reads a whole file, naming it in the error.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, GlossaryError> {
    std::fs::read(path).map_err(|e| GlossaryError::io(path, e))
}

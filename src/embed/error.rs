//! Errors of the sentence encoder: loading the model file, and embedding texts.

use std::path::PathBuf;

/// How to get a good model file; appended to every [`ModelError`] message.
const HOW_TO_FIX: &str = "run scripts/fetch-model to install it (or set ALINEA_MODEL to its path)";

/// Why the model file could not be used. Every message names the file and says how to fix it.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// No file at the path.
    #[error("sentence-encoder model {} not found; {HOW_TO_FIX}", path.display())]
    Missing {
        /// The path looked at.
        path: PathBuf,
    },
    /// The file exists but could not be read.
    #[error("sentence-encoder model {} could not be read ({source}); {HOW_TO_FIX}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        #[source]
        source: std::io::Error,
    },
    /// The file's SHA-256 is not the pinned one (a truncated or different download).
    #[error(
        "sentence-encoder model {} has SHA-256 {found}, expected {expected} (a truncated or different file); {HOW_TO_FIX}",
        path.display()
    )]
    WrongChecksum {
        /// The file.
        path: PathBuf,
        /// The pinned checksum.
        expected: String,
        /// The checksum of the file as read.
        found: String,
    },
    /// The file is not a valid model of the expected format.
    #[error("sentence-encoder model {} is not a valid e5 model file: {reason}; {HOW_TO_FIX}", path.display())]
    BadFormat {
        /// The file.
        path: PathBuf,
        /// What is wrong, in words.
        reason: String,
    },
}

/// Why embedding texts stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EmbedError {
    /// The user cancelled through the [`crate::progress::Progress`] handle.
    #[error("embedding cancelled by the user")]
    Cancelled,
}

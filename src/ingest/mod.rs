//! Loading documents: bytes on disk (or pasted text) → decoded text with paragraphs.
//! (Minimal first version: UTF-8 plain text only; being extended.)

pub mod language;

use std::ops::Range;
use std::path::Path;

use crate::model::Document;

/// Options for loading a document.
#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// Files larger than this many bytes are refused.
    pub max_bytes: u64,
    /// Encoding label forced by the user instead of detection.
    pub encoding: Option<String>,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_bytes: 100 * 1024 * 1024,
            encoding: None,
        }
    }
}

/// Why a document could not be loaded; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read.
    #[error("{file}: cannot read: {source}")]
    Io {
        /// File name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The bytes are not valid text.
    #[error("{file}: not valid UTF-8 text")]
    Undecodable {
        /// File name.
        file: String,
    },
}

/// Loads a document from a path.
pub fn load_path(path: &Path, _opts: &LoadOptions) -> Result<Document, IngestError> {
    let file = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| IngestError::Io {
        file: file.clone(),
        source,
    })?;
    let text =
        String::from_utf8(bytes).map_err(|_| IngestError::Undecodable { file: file.clone() })?;
    Ok(from_pasted(&file, &text))
}

/// Builds a document from text pasted by the user.
pub fn from_pasted(name: &str, text: &str) -> Document {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let paragraphs = blank_line_paragraphs(&text);
    Document {
        name: name.to_string(),
        text,
        encoding: "UTF-8".to_string(),
        paragraphs,
    }
}

fn blank_line_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let start = offset + (line.len() - line.trim_start().len());
            out.push(start..start + trimmed.len());
        }
        offset += line.len();
    }
    out
}

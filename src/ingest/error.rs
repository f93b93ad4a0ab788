//! Why a document could not be loaded. Every variant names the file, so the CLI and the app
//! can show the message as is.

/// Why a document could not be loaded; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be read (missing, no permission, I/O failure).
    #[error("{file}: cannot read: {source}")]
    Io {
        /// File name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The path is a directory or another non-file.
    #[error("{file}: not a regular file")]
    NotAFile {
        /// File name.
        file: String,
    },
    /// The file is larger than `LoadOptions::max_bytes`.
    #[error("{file}: too large ({size} bytes; the limit is {max} bytes)")]
    TooLarge {
        /// File name.
        file: String,
        /// Size on disk.
        size: u64,
        /// The configured limit.
        max: u64,
    },
    /// The file has no text (zero bytes, or only whitespace once decoded).
    #[error("{file}: the document is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// The bytes are not text (an image, an archive, NUL bytes, control characters).
    #[error("{file}: binary file, not text ({what})")]
    Binary {
        /// File name.
        file: String,
        /// What it looks like ("PNG image", "contains NUL bytes", ...).
        what: String,
    },
    /// The bytes are not valid in the detected or forced encoding.
    #[error("{file}: not valid {encoding} text{}", at_byte.map(|b| format!(" (at byte {b})")).unwrap_or_default())]
    Undecodable {
        /// File name.
        file: String,
        /// Encoding tried (WHATWG name).
        encoding: String,
        /// Offset of the first bad byte, when known.
        at_byte: Option<usize>,
    },
    /// The encoding label given by the user is not one we know.
    #[error(
        "{file}: unknown encoding {label:?} (use a WHATWG label such as utf-8, windows-1256, koi8-r)"
    )]
    UnknownEncoding {
        /// File name.
        file: String,
        /// The label as given.
        label: String,
    },
    /// A `.docx` file that is not a ZIP archive (or a damaged one).
    #[error("{file}: not a valid DOCX (ZIP) file: {reason}")]
    NotZip {
        /// File name.
        file: String,
        /// What the ZIP reader said.
        reason: String,
    },
    /// A ZIP archive without the part a DOCX must have.
    #[error("{file}: DOCX has no {part}")]
    MissingDocxPart {
        /// File name.
        file: String,
        /// The missing part, e.g. `word/document.xml`.
        part: String,
    },
    /// The XML inside a DOCX is not well formed.
    #[error("{file}: malformed XML in {part}: {reason}")]
    MalformedXml {
        /// File name.
        file: String,
        /// The part of the package (e.g. `word/document.xml`).
        part: String,
        /// What the XML reader said.
        reason: String,
    },
}

impl IngestError {
    /// The file this error is about.
    pub fn file(&self) -> &str {
        match self {
            IngestError::Io { file, .. }
            | IngestError::NotAFile { file }
            | IngestError::TooLarge { file, .. }
            | IngestError::Empty { file }
            | IngestError::Binary { file, .. }
            | IngestError::Undecodable { file, .. }
            | IngestError::UnknownEncoding { file, .. }
            | IngestError::NotZip { file, .. }
            | IngestError::MissingDocxPart { file, .. }
            | IngestError::MalformedXml { file, .. } => file,
        }
    }
}

//! The path from a file to a segmented [`Version`]: load, detect the language, segment.
//! Shared by the CLI and the app so both treat files the same way.

use std::path::Path;

use crate::ingest::{self, IngestError, LoadOptions};
use crate::model::{Document, Lang, TextDirection, Version};
use crate::segment;

/// Loads `path`, detects its language unless `lang` is given, and segments it.
pub fn load_version(
    path: &Path,
    lang: Option<Lang>,
    opts: &LoadOptions,
) -> Result<Version, IngestError> {
    let doc = ingest::load_path(path, opts)?;
    Ok(version_from_file(doc, path, lang))
}

/// Turns a document loaded from `path` into a segmented version named after the file.
pub fn version_from_file(doc: Document, path: &Path, lang: Option<Lang>) -> Version {
    let mut version = version_from_document(doc, lang);
    // Column headers and exports name the version by its file name; the full path is kept.
    if let Some(file_name) = path.file_name() {
        version.name = file_name.to_string_lossy().into_owned();
    }
    version.source_path = Some(path.to_path_buf());
    version
}

/// Turns a decoded document into a segmented version (detecting the language unless given).
pub fn version_from_document(doc: Document, lang: Option<Lang>) -> Version {
    let lang = lang.unwrap_or_else(|| ingest::language::detect(&doc.text).lang);
    let sentences = segment::segment(&doc.text, &doc.paragraphs, &lang);
    Version {
        name: doc.name,
        source_path: None,
        lang,
        encoding: doc.encoding,
        direction: TextDirection::Auto,
        text: doc.text,
        paragraphs: doc.paragraphs,
        sentences,
    }
}

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
    version_from_document_learned(doc, lang, &segment::LearnedRules::default())
}

/// Like [`version_from_document`], applying the split/join decisions a project learned
/// (`Project::segmentation`) for the document's language.
pub fn version_from_document_learned(
    doc: Document,
    lang: Option<Lang>,
    learned: &segment::LearnedRules,
) -> Version {
    let lang = lang.unwrap_or_else(|| ingest::language::detect(&doc.text).lang);
    let sentences = segment::segment_learned(&doc.text, &doc.paragraphs, &lang, learned);
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

/// Segments `version` again with its language's rules and the decisions in `learned`.
/// The caller re-aligns: sentence indices change.
pub fn resegment(version: &mut Version, learned: &segment::LearnedRules) {
    version.sentences =
        segment::segment_learned(&version.text, &version.paragraphs, &version.lang, learned);
}

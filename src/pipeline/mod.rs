//! The path from a file to a segmented [`Version`]: load, detect the language, segment.
//! Shared by the CLI and the app so both treat files the same way; [`new_project`] goes on
//! to align the versions into a project.

use std::path::Path;

mod project;

pub use project::{DocumentSource, NewProjectOptions, PipelineError, PrepareAlign, new_project};

use crate::ingest::{self, IngestError, LoadOptions};
use crate::model::{Document, Lang, Sentence, TextDirection, Version};
use crate::segment::{self, SplitMode};

/// Loads `path`, detects its language unless `lang` is given, and cuts it into sentences
/// as `split` says.
pub fn load_version(
    path: &Path,
    lang: Option<Lang>,
    opts: &LoadOptions,
    split: SplitMode,
) -> Result<Version, IngestError> {
    let doc = ingest::load_path(path, opts)?;
    Ok(version_from_file(doc, path, lang, split))
}

/// Turns a document loaded from `path` into a segmented version named after the file.
pub fn version_from_file(
    doc: Document,
    path: &Path,
    lang: Option<Lang>,
    split: SplitMode,
) -> Version {
    let mut version = version_from_document(doc, lang, split);
    // Column headers and exports name the version by its file name; the full path is kept.
    if let Some(file_name) = path.file_name() {
        version.name = file_name.to_string_lossy().into_owned();
    }
    version.source_path = Some(path.to_path_buf());
    version
}

/// Turns a decoded document into a segmented version (detecting the language unless given).
pub fn version_from_document(doc: Document, lang: Option<Lang>, split: SplitMode) -> Version {
    version_from_document_learned(doc, lang, split, &segment::LearnedRules::default())
}

/// Like [`version_from_document`], applying the split/join decisions a project learned
/// (`Project::segmentation`) for the document's language.
pub fn version_from_document_learned(
    doc: Document,
    lang: Option<Lang>,
    split: SplitMode,
    learned: &segment::LearnedRules,
) -> Version {
    let lang = lang.unwrap_or_else(|| ingest::language::detect(&doc.text).lang);
    let mut version = Version {
        name: doc.name,
        source_path: None,
        lang,
        encoding: doc.encoding,
        direction: TextDirection::Auto,
        split,
        text: doc.text,
        paragraphs: doc.paragraphs,
        sentences: Vec::new(),
    };
    resegment_learned(&mut version, learned);
    version
}

/// Cuts `version` into sentences again from its text, keeping its split mode and language
/// (after the editor changed the language, or to undo all manual splits and merges).
pub fn resegment(version: &mut Version) {
    resegment_learned(version, &segment::LearnedRules::default());
}

/// Like [`resegment`], applying the split/join decisions in `learned` (a project's
/// `segmentation`) when the version is split automatically. The caller re-aligns: sentence
/// indices change.
pub fn resegment_learned(version: &mut Version, learned: &segment::LearnedRules) {
    match version.split {
        SplitMode::Auto => {
            version.sentences = segment::segment_learned(
                &version.text,
                &version.paragraphs,
                &version.lang,
                learned,
            );
        }
        SplitMode::Lines => {
            let (paragraphs, sentences): (_, Vec<Sentence>) = segment::split_lines(&version.text);
            version.paragraphs = paragraphs;
            version.sentences = sentences;
        }
    }
}

//! The one way to a new project: load the documents, detect their languages, cut them into
//! sentences, align every version against the pivot and check the result. The CLI's `align`,
//! `new`, `check` and `mine` and the app's "Align" job all go through [`new_project`].

use std::path::PathBuf;

use crate::align::{self, AlignOptions};
use crate::embed::EmbedError;
use crate::glossary::Glossary;
use crate::ingest::{IngestError, LoadOptions};
use crate::model::{AlignmentInvariantError, Lang, Project, Version};
use crate::progress::{Cancelled, Progress};
use crate::segment::SplitMode;

/// One document of a new project.
#[derive(Clone, Debug)]
pub enum DocumentSource {
    /// A file to load, in its language when given (detected otherwise).
    File {
        /// The document's path.
        path: PathBuf,
        /// Its language, overriding detection.
        lang: Option<Lang>,
    },
    /// A version already loaded and segmented (the app shows files before aligning them).
    Loaded(Version),
}

/// Adds what the aligner may use besides the text once the versions are known (the
/// semantic engine's sentence vectors), or returns the options unchanged.
pub type PrepareAlign<'a> =
    &'a (dyn Fn(&[Version], AlignOptions, &Progress) -> Result<AlignOptions, PipelineError> + Sync);

/// How [`new_project`] builds a project.
#[derive(Clone, Copy)]
pub struct NewProjectOptions<'a> {
    /// Index of the version the others are aligned against.
    pub pivot: usize,
    /// How files are cut into sentences.
    pub split: SplitMode,
    /// How files are read (encoding, size limit).
    pub load: &'a LoadOptions,
    /// A glossary whose terms anchor the alignment.
    pub glossary: Option<&'a Glossary>,
    /// Called after loading, before aligning (e.g. to add sentence vectors).
    pub prepare: Option<PrepareAlign<'a>>,
    /// Refuse a document without sentences instead of aligning it as empty cells.
    pub refuse_empty: bool,
}

/// Why [`new_project`] made no project.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// A file could not be loaded (the message names it).
    #[error(transparent)]
    Load(#[from] IngestError),
    /// A document has no sentences.
    #[error("{0}: the document is empty (no sentences)")]
    EmptyDocument(String),
    /// The pivot is not one of the documents.
    #[error("pivot {pivot} is not one of the {count} documents (counting from 0)")]
    PivotOutOfRange {
        /// The pivot asked for.
        pivot: usize,
        /// How many documents there are.
        count: usize,
    },
    /// Computing sentence vectors failed.
    #[error(transparent)]
    Embed(#[from] EmbedError),
    /// The user cancelled.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
    /// The aligner produced rows that do not tile the sentences (a bug).
    #[error("the aligner produced an invalid alignment: {0}")]
    InvalidAlignment(#[from] AlignmentInvariantError),
}

/// Loads `documents` (in order), then, when there are two or more, aligns them against
/// `options.pivot` and validates the rows. A single document makes a project without rows.
pub fn new_project(
    documents: Vec<DocumentSource>,
    options: &NewProjectOptions<'_>,
    progress: &Progress,
) -> Result<Project, PipelineError> {
    if documents.len() > 1 && options.pivot >= documents.len() {
        return Err(PipelineError::PivotOutOfRange {
            pivot: options.pivot,
            count: documents.len(),
        });
    }
    let mut versions = Vec::with_capacity(documents.len());
    for document in documents {
        progress.check()?;
        versions.push(match document {
            DocumentSource::File { path, lang } => {
                super::load_version(&path, lang, options.load, options.split)?
            }
            DocumentSource::Loaded(version) => version,
        });
    }
    if let Some(empty) = versions
        .iter()
        .find(|v| options.refuse_empty && v.sentences.is_empty())
    {
        return Err(PipelineError::EmptyDocument(empty.name.clone()));
    }
    if versions.len() < 2 {
        return Ok(Project::new(versions));
    }
    let mut align_options = match options.glossary {
        Some(glossary) => AlignOptions::with_glossary(glossary, &versions),
        None => AlignOptions::default(),
    };
    if let Some(prepare) = options.prepare {
        align_options = prepare(&versions, align_options, progress)?;
    }
    let alignment = align::align(&versions, options.pivot, &align_options, progress)?;
    let mut project = Project::new(versions);
    project.alignment = alignment;
    project.validate()?;
    Ok(project)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(pivot: usize, refuse_empty: bool) -> NewProjectOptions<'static> {
        static LOAD: std::sync::OnceLock<LoadOptions> = std::sync::OnceLock::new();
        NewProjectOptions {
            pivot,
            split: SplitMode::Auto,
            load: LOAD.get_or_init(LoadOptions::default),
            glossary: None,
            prepare: None,
            refuse_empty,
        }
    }

    fn loaded(name: &str, lang: &str, sentences: &[&str]) -> DocumentSource {
        let paragraphs = [sentences.to_vec()];
        DocumentSource::Loaded(Version::from_sentences(name, Lang::new(lang), &paragraphs))
    }

    #[test]
    fn aligns_loaded_versions_and_validates() {
        let documents = vec![
            loaded("en", "en", &["One.", "Two."]),
            loaded("fr", "fr", &["Un.", "Deux."]),
        ];
        let project = new_project(documents, &options(1, true), &Progress::new()).expect("ok");
        assert_eq!(project.alignment.pivot, 1);
        assert_eq!(project.alignment.rows.len(), 2);
        project.validate().expect("valid");
    }

    #[test]
    fn one_document_has_no_rows_and_bad_input_is_refused() {
        let one = new_project(
            vec![loaded("en", "en", &["One."])],
            &options(0, true),
            &Progress::new(),
        );
        assert!(one.expect("one document").alignment.rows.is_empty());

        let two = || vec![loaded("en", "en", &["One."]), loaded("fr", "fr", &[])];
        let pivot = new_project(two(), &options(2, false), &Progress::new());
        assert!(matches!(
            pivot,
            Err(PipelineError::PivotOutOfRange { pivot: 2, count: 2 })
        ));
        let empty = new_project(two(), &options(0, true), &Progress::new());
        assert!(matches!(empty, Err(PipelineError::EmptyDocument(name)) if name == "fr"));

        let missing = DocumentSource::File {
            path: PathBuf::from("/nonexistent/alinea-test.txt"),
            lang: None,
        };
        let err = new_project(vec![missing], &options(0, true), &Progress::new())
            .expect_err("missing file");
        assert!(err.to_string().contains("alinea-test.txt"), "{err}");
    }

    #[test]
    fn cancelled_before_loading() {
        let progress = Progress::new();
        progress.cancel();
        let documents = vec![loaded("en", "en", &["One."])];
        let result = new_project(documents, &options(0, true), &progress);
        assert!(matches!(result, Err(PipelineError::Cancelled(_))));
    }
}

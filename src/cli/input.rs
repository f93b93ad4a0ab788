//! Opening the input of `check` and `mine`: a saved project, or documents to load and align
//! against the first, as `alinea align` does.

use std::path::Path;

use alinea::model::Project;
use anyhow::{Context, bail};

use super::documents::{Build, Documents};

/// True for a saved project file (`.alinea`).
pub fn is_project(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("alinea"))
}

/// Loads `documents` (one project, or documents aligned against the first with the fast
/// engine unless `--engine` says otherwise).
pub fn open_aligned(documents: &Documents) -> anyhow::Result<Project> {
    if let [single] = documents.files.as_slice()
        && is_project(single)
    {
        return alinea::project::load(single)
            .with_context(|| format!("loading {}", single.display()));
    }
    if let Some(project) = documents.files.iter().find(|f| is_project(f)) {
        bail!(
            "{}: give a project alone, not with documents",
            project.display()
        );
    }
    documents.new_project(&Build {
        pivot: 0,
        glossary: None,
        semantic_by_default: false,
        vector_cache: None,
    })
}

//! Opening the input of a batch command: a saved project, or documents to load and align
//! (the first is the pivot), as `alinea align` does.

use std::path::{Path, PathBuf};

use alinea::align::{AlignOptions, align};
use alinea::ingest::LoadOptions;
use alinea::model::{Lang, Project};
use alinea::pipeline::load_version;
use alinea::progress::Progress;
use alinea::segment::SplitMode;
use anyhow::{Context, bail};

/// True for a saved project file (`.alinea`).
pub fn is_project(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("alinea"))
}

/// Loads `files` (one project, or documents with one language code each in `langs`, or none
/// to detect; cut into sentences as `split` says) and aligns the documents against the first.
pub fn open_aligned(
    files: &[PathBuf],
    langs: &[String],
    split: SplitMode,
) -> anyhow::Result<Project> {
    if let [single] = files
        && is_project(single)
    {
        return alinea::project::load(single)
            .with_context(|| format!("loading {}", single.display()));
    }
    if !langs.is_empty() && langs.len() != files.len() {
        bail!(
            "--lang gives {} codes for {} files; give one per file, in order",
            langs.len(),
            files.len()
        );
    }
    let mut versions = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        if is_project(file) {
            bail!(
                "{}: give a project alone, not with documents",
                file.display()
            );
        }
        let lang = langs.get(i).map(|l| Lang::new(l));
        versions.push(
            load_version(file, lang, &LoadOptions::default(), split)
                .with_context(|| format!("loading {}", file.display()))?,
        );
    }
    if let Some(empty) = versions.iter().find(|v| v.sentences.is_empty()) {
        bail!("{}: the document is empty (no sentences)", empty.name);
    }
    let mut project = Project::new(versions);
    if project.versions.len() > 1 {
        project.alignment = align(
            &project.versions,
            0,
            &AlignOptions::default(),
            &Progress::new(),
        )?;
    }
    Ok(project)
}

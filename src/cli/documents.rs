//! The documents a batch command reads (`align`, `new`, `check`, `mine`): the files, their
//! languages, how to cut them into sentences and which engine aligns them. One clap group,
//! flattened into each command, so the options mean the same everywhere.

use std::path::{Path, PathBuf};

use alinea::ingest::LoadOptions;
use alinea::model::{Lang, Project};
use alinea::pipeline::{self, DocumentSource, NewProjectOptions};
use anyhow::bail;
use clap::CommandFactory;

use super::engine_arg::EngineArg;
use super::progress_bar::with_progress;
use super::split_arg::SplitArg;

/// Documents to read, with their languages, splitting and engine.
#[derive(clap::Args, Debug)]
pub struct Documents {
    /// The documents, one per language version; the first is the pivot (source) unless
    /// --pivot says otherwise. `check` and `mine` also take one saved project (`.alinea`).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Language of each document, in document order, instead of detection: repeat the flag
    /// (`--lang vi --lang ms`) or separate by commas (`--lang vi,ms`). Give one code per
    /// document, or none to detect every language.
    #[arg(long, value_delimiter = ',', value_name = "CODE")]
    pub lang: Vec<String>,
    #[command(flatten)]
    pub split: SplitArg,
    #[command(flatten)]
    pub engine: EngineArg,
}

/// What a command does with [`Documents`] beyond loading them.
pub struct Build<'a> {
    /// Index of the pivot document.
    pub pivot: usize,
    /// Glossary whose terms anchor the alignment.
    pub glossary: Option<&'a alinea::glossary::Glossary>,
    /// Engine when `--engine` is not given: semantic (when its model is installed) or fast.
    pub semantic_by_default: bool,
    /// Vector cache file of the semantic engine (a project's), if any.
    pub vector_cache: Option<&'a Path>,
}

impl Documents {
    /// A usage error of `subcommand` (exit status 2) unless at least `min` documents are
    /// given.
    pub fn require_at_least(&self, min: usize, subcommand: &str) -> anyhow::Result<()> {
        if self.files.len() >= min {
            return Ok(());
        }
        let message = format!(
            "{min} or more documents are needed, {} given",
            self.files.len()
        );
        let mut cli = super::Cli::command();
        cli.build();
        let kind = clap::error::ErrorKind::TooFewValues;
        let error = match cli.find_subcommand_mut(subcommand) {
            Some(command) => command.error(kind, message),
            None => cli.error(kind, message),
        };
        Err(error.into())
    }

    /// Checks `--pivot` against the documents.
    pub fn check_pivot(&self, pivot: usize) -> anyhow::Result<()> {
        if pivot >= self.files.len() {
            bail!(
                "--pivot {pivot} is not one of the {} documents (counting from 0)",
                self.files.len()
            );
        }
        Ok(())
    }

    /// The documents with their `--lang` codes.
    pub fn sources(&self) -> anyhow::Result<Vec<DocumentSource>> {
        if !self.lang.is_empty() && self.lang.len() != self.files.len() {
            bail!(
                "--lang gives {} codes for {} documents; give one per document, in order",
                self.lang.len(),
                self.files.len()
            );
        }
        Ok(self
            .files
            .iter()
            .enumerate()
            .map(|(i, path)| DocumentSource::File {
                path: path.clone(),
                lang: self.lang.get(i).map(|code| Lang::new(code)),
            })
            .collect())
    }

    /// Loads, segments and aligns the documents into a project (with a progress bar on a
    /// terminal).
    pub fn new_project(&self, build: &Build<'_>) -> anyhow::Result<Project> {
        let sources = self.sources()?;
        let semantic = self.engine.wants_semantic(build.semantic_by_default);
        let engine = self.engine;
        let cache = build.vector_cache;
        let prepare = move |versions: &[alinea::model::Version],
                            opts: alinea::align::AlignOptions,
                            progress: &alinea::progress::Progress| {
            engine.prepare(versions, opts, cache, progress)
        };
        let load = LoadOptions::default();
        let options = NewProjectOptions {
            pivot: build.pivot,
            split: self.split.split,
            load: &load,
            glossary: build.glossary,
            prepare: if semantic { Some(&prepare) } else { None },
            refuse_empty: true,
        };
        let project = with_progress("aligning", |progress| {
            pipeline::new_project(sources, &options, progress)
        })??;
        Ok(project)
    }
}

//! `alinea new`: load documents, align them and save a project file, without a window.

use std::path::PathBuf;

use anyhow::{Context, bail};

use alinea::align::{AlignOptions, align};
use alinea::ingest::LoadOptions;
use alinea::model::{Lang, Project};
use alinea::pipeline::load_version;
use alinea::progress::Progress;
use super::split_arg::SplitArg;

/// Arguments of `alinea new`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The documents, one per language version (at least two).
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// Project file to write (`*.alinea`); replaced atomically if it exists.
    #[arg(short, long, value_name = "PROJECT.alinea")]
    pub output: PathBuf,
    /// Index (from 0, in the order of the documents) of the source version the others are
    /// aligned against.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub pivot: usize,
    /// Language of each document, comma-separated in document order (e.g. `vi,ms,ar`);
    /// detected when omitted.
    #[arg(long, value_delimiter = ',', value_name = "CODE,CODE,...")]
    pub lang: Vec<String>,
    #[command(flatten)]
    pub split: SplitArg,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    if !args.lang.is_empty() && args.lang.len() != args.files.len() {
        bail!(
            "--lang gives {} languages for {} documents; give one per document, in order",
            args.lang.len(),
            args.files.len()
        );
    }
    if args.pivot >= args.files.len() {
        bail!(
            "--pivot {} is not one of the {} documents (counting from 0)",
            args.pivot,
            args.files.len()
        );
    }
    let opts = LoadOptions::default();
    let mut versions = Vec::with_capacity(args.files.len());
    for (i, path) in args.files.iter().enumerate() {
        let lang = args.lang.get(i).map(|code| Lang::new(code));
        let mut version = load_version(path, lang, &opts, args.split.split)?;
        // Stored relative to the project file; absolute here so that works from any folder.
        version.source_path = std::path::absolute(path).ok().or(version.source_path);
        versions.push(version);
    }
    let alignment = align(
        &versions,
        args.pivot,
        &AlignOptions::default(),
        &Progress::new(),
    )?;
    let mut project = Project::new(versions);
    project.alignment = alignment;
    project
        .validate()
        .context("the aligner produced an invalid alignment")?;
    alinea::project::save(&args.output, &project)?;
    eprintln!(
        "alinea: wrote {}: {} versions ({}), pivot {}, {} rows",
        args.output.display(),
        project.versions.len(),
        project.lang_list(),
        args.pivot,
        project.alignment.rows.len()
    );
    Ok(())
}

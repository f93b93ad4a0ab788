//! `alinea new`: load documents, align them and save a project file, without a window.

use std::path::PathBuf;

use super::documents::{Build, Documents};

/// Arguments of `alinea new`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub documents: Documents,
    /// Project file to write (`*.alinea`); replaced atomically if it exists.
    #[arg(short, long, value_name = "PROJECT.alinea")]
    pub output: PathBuf,
    /// Index (from 0, in the order of the documents) of the source version the others are
    /// aligned against.
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub pivot: usize,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let documents = &args.documents;
    documents.require_at_least(2, "new")?;
    documents.check_pivot(args.pivot)?;
    let cache = alinea::align::semantic::VectorCache::path_for(&args.output);
    let mut project = documents.new_project(&Build {
        pivot: args.pivot,
        glossary: None,
        semantic_by_default: true,
        vector_cache: Some(&cache),
    })?;
    for (version, path) in project.versions.iter_mut().zip(&documents.files) {
        // Stored relative to the project file; absolute here so that works from any folder.
        if let Ok(absolute) = std::path::absolute(path) {
            version.source_path = Some(absolute);
        }
    }
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

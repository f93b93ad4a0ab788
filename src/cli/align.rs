//! `alinea align FILE FILE... [--pivot N] [--lang CODE,...] [--format tsv|csv|jsonl|tmx] [--glossary FILE] [-o OUT]`:
//! loads and segments the files, aligns them against the pivot and prints one line per row.
//!
//! A progress bar is drawn on stderr only when stderr is a terminal, so pipes and tests see
//! nothing but the result (or a one-line error).

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

use alinea::export::grid::{GridFormat, write_grid};

use super::documents::{Build, Documents};

/// Output formats of `alinea align`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// One line per row, one tab-separated column per version.
    #[default]
    Tsv,
    /// Like TSV, quoted as CSV.
    Csv,
    /// One JSON object per row with indices, texts, score and status.
    Jsonl,
    /// TMX 1.4b translation memory (one unit per row with a pivot and a translation).
    Tmx,
}

impl From<Format> for GridFormat {
    fn from(format: Format) -> Self {
        match format {
            Format::Tsv => GridFormat::Tsv,
            Format::Csv => GridFormat::Csv,
            Format::Jsonl => GridFormat::Jsonl,
            Format::Tmx => GridFormat::Tmx,
        }
    }
}

/// Arguments of `alinea align`.
#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub documents: Documents,
    /// Index (0-based) of the pivot (source) file.
    #[arg(long, default_value_t = 0)]
    pub pivot: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Tsv)]
    pub format: Format,
    /// Write to this file instead of stdout.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Print a header line with the version names (TSV and CSV).
    #[arg(long)]
    pub header: bool,
    /// Glossary (.ron, .csv or .tbx) whose terms anchor the alignment.
    #[arg(long)]
    pub glossary: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let documents = &args.documents;
    documents.require_at_least(2, "align")?;
    documents.check_pivot(args.pivot)?;
    let glossary = match &args.glossary {
        Some(path) => Some(alinea::glossary::load_any(path)?),
        None => None,
    };
    let project = documents.new_project(&Build {
        pivot: args.pivot,
        glossary: glossary.as_ref(),
        semantic_by_default: true,
        vector_cache: None,
    })?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create output file", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let report = write_grid(&mut out, &project, args.format.into(), args.header)
        .context("cannot write the alignment")?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    out.flush().context("cannot write the alignment")?;
    Ok(())
}

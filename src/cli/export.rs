//! `alinea export`: writes a project's aligned rows as TMX, TSV, CSV, JSONL or an HTML report.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;

use alinea::export::files::{self, PairTarget};
use alinea::export::{self as exchange, ExportOptions, ExportReport, Format};
use alinea::model::Lang;

/// The formats on the command line.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum FormatArg {
    /// TMX 1.4b translation memory.
    Tmx,
    /// Tab-separated values.
    Tsv,
    /// Comma-separated values (RFC 4180).
    Csv,
    /// JSON Lines, one object per row keyed by language.
    Jsonl,
    /// Side-by-side HTML review report.
    Html,
}

impl From<FormatArg> for Format {
    fn from(arg: FormatArg) -> Format {
        match arg {
            FormatArg::Tmx => Format::Tmx,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Html => Format::Html,
        }
    }
}

/// Arguments of `alinea export`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// The project file (.alinea).
    pub project: PathBuf,
    /// Output format.
    #[arg(long, value_enum)]
    pub format: FormatArg,
    /// Only rows the editor confirmed.
    #[arg(long)]
    pub confirmed_only: bool,
    /// Only these languages, comma separated (e.g. vi,en,ru). TMX needs the pivot's language.
    #[arg(long, value_delimiter = ',')]
    pub langs: Vec<String>,
    /// One file per pivot–target language pair (e.g. report.vi-en.tmx).
    #[arg(long)]
    pub per_pair: bool,
    /// Output file (default: standard output). With --per-pair: a directory or a file stem
    /// (default: next to the project).
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// Runs the command.
pub fn run(args: Args) -> anyhow::Result<()> {
    let project = alinea::project::load(&args.project)?;
    let format = Format::from(args.format);
    let options = ExportOptions {
        confirmed_only: args.confirmed_only,
        langs: args.langs.iter().map(|l| Lang::new(l)).collect(),
    };
    let context = || format!("{}: export failed", args.project.display());
    if args.per_pair {
        let target = PairTarget::resolve(args.output.as_deref(), &args.project, format);
        let written =
            files::write_per_pair(format, &project, &options, &target).with_context(context)?;
        for (path, report) in &written {
            print_report(&path.display().to_string(), report);
        }
        return Ok(());
    }
    let report = match &args.output {
        Some(path) => files::write_file(format, &project, &options, path).with_context(context)?,
        None => {
            let stdout = std::io::stdout().lock();
            let mut out = std::io::BufWriter::new(stdout);
            let report = exchange::write(format, &project, &options, &mut out)
                .map_err(|e| e.in_file("standard output"))
                .with_context(context)?;
            out.flush().context("standard output")?;
            report
        }
    };
    let name = args
        .output
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "standard output".to_string());
    print_report(&name, &report);
    Ok(())
}

/// One summary line per file on stderr (stdout may be the export itself), then the warnings.
fn print_report(name: &str, report: &ExportReport) {
    let mut line = format!("{name}: {} rows written", report.rows_written);
    if report.skipped_incomplete > 0 {
        line.push_str(&format!(
            ", {} without text to pair skipped",
            report.skipped_incomplete
        ));
    }
    if report.skipped_unconfirmed > 0 {
        line.push_str(&format!(
            ", {} unconfirmed skipped",
            report.skipped_unconfirmed
        ));
    }
    eprintln!("{line}");
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
}

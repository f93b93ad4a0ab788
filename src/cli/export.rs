//! `alinea export`: writes a project's aligned rows as TMX, TSV, CSV, JSONL or an HTML report,
//! or the project's glossary as TBX or glossary CSV.

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
    /// The project's glossary as TBX-Basic v3.
    Tbx,
    /// The project's glossary as CSV (concept,lang,term,status,…).
    GlossaryCsv,
}

impl FormatArg {
    /// The aligned-pairs format, or `None` for the glossary formats.
    fn pairs_format(self) -> Option<Format> {
        Some(match self {
            FormatArg::Tmx => Format::Tmx,
            FormatArg::Tsv => Format::Tsv,
            FormatArg::Csv => Format::Csv,
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Html => Format::Html,
            FormatArg::Tbx | FormatArg::GlossaryCsv => return None,
        })
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
    let Some(format) = args.format.pairs_format() else {
        return export_glossary(&args, &project);
    };
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

/// Writes the project's glossary (TBX or glossary CSV) to `-o` or standard output.
fn export_glossary(args: &Args, project: &alinea::model::Project) -> anyhow::Result<()> {
    use alinea::glossary::{table, tbx};
    let glossary = &project.glossary;
    if glossary.concepts.is_empty() {
        let why = match &project.glossary_path {
            Some(path) => format!("its glossary {} has no concepts", path.display()),
            None => "it has no glossary (attach one in the app)".into(),
        };
        anyhow::bail!("{}: nothing to export: {why}", args.project.display());
    }
    if args.per_pair || args.confirmed_only || !args.langs.is_empty() {
        anyhow::bail!(
            "--per-pair, --confirmed-only and --langs apply to aligned rows, not to a glossary"
        );
    }
    let is_tbx = matches!(args.format, FormatArg::Tbx);
    match &args.output {
        Some(path) => {
            if is_tbx {
                tbx::save_tbx(path, glossary, tbx::TbxVersion::V3)?;
            } else {
                table::save_csv(path, glossary)?;
            }
            eprintln!(
                "{}: {} concepts written",
                path.display(),
                glossary.concepts.len()
            );
        }
        None => {
            let bytes = if is_tbx {
                tbx::write_tbx(glossary, tbx::TbxVersion::V3)
            } else {
                table::write_csv(glossary)
            };
            let mut out = std::io::stdout().lock();
            out.write_all(&bytes)
                .and_then(|()| out.flush())
                .context("standard output")?;
        }
    }
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

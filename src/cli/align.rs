//! `alinea align FILE FILE... [--pivot N] [--lang CODE,...] [--format tsv|csv|jsonl|tmx] [--glossary FILE] [-o OUT]`:
//! loads and segments the files, aligns them against the pivot and prints one line per row.
//!
//! A progress bar is drawn on stderr only when stderr is a terminal, so pipes and tests see
//! nothing but the result (or a one-line error).

use super::split_arg::SplitArg;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, bail};
use serde_json::json;

use alinea::align::{AlignOptions, align};
use alinea::ingest::LoadOptions;
use alinea::model::{Alignment, Lang, Project, Version};
use alinea::pipeline::load_version;
use alinea::progress::Progress;

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

/// Arguments of `alinea align`.
#[derive(clap::Args, Debug)]
pub struct Args {
    /// Documents to align (two or more); the first is the pivot unless --pivot is given.
    #[arg(required = true, num_args = 2..)]
    pub files: Vec<PathBuf>,
    /// Index (0-based) of the pivot (source) file.
    #[arg(long, default_value_t = 0)]
    pub pivot: usize,
    /// Language codes per file, in order, instead of detection (e.g. vi,en,ar).
    #[arg(long, value_delimiter = ',')]
    pub lang: Vec<String>,
    #[command(flatten)]
    pub split: SplitArg,
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
    if args.files.len() < 2 {
        bail!("align needs at least two files, got {}", args.files.len());
    }
    if args.pivot >= args.files.len() {
        bail!(
            "--pivot {} is out of range: {} files given (pivots are 0-based)",
            args.pivot,
            args.files.len()
        );
    }
    if !args.lang.is_empty() && args.lang.len() != args.files.len() {
        bail!(
            "--lang gives {} codes for {} files; give one per file, in order",
            args.lang.len(),
            args.files.len()
        );
    }
    let mut versions = Vec::with_capacity(args.files.len());
    for (i, path) in args.files.iter().enumerate() {
        let lang = args.lang.get(i).map(|c| Lang::new(c));
        versions.push(load_version(path, lang, &LoadOptions::default(), args.split.split)?);
    }
    let opts = match &args.glossary {
        Some(path) => AlignOptions::with_glossary(&alinea::glossary::load_any(path)?, &versions),
        None => AlignOptions::default(),
    };
    let alignment = align_with_progress(&versions, args.pivot, &opts)?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("{}: cannot create output file", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    write_rows(&mut out, &versions, &alignment, args.format, args.header)
        .context("cannot write the alignment")?;
    out.flush().context("cannot write the alignment")?;
    Ok(())
}

/// Aligns on a worker thread while drawing a progress bar, when stderr is a terminal.
fn align_with_progress(
    versions: &[Version],
    pivot: usize,
    opts: &AlignOptions,
) -> anyhow::Result<Alignment> {
    let progress = Progress::new();
    if !std::io::stderr().is_terminal() {
        return Ok(align(versions, pivot, opts, &progress)?);
    }
    let bar = indicatif::ProgressBar::new(1000);
    bar.set_style(
        indicatif::ProgressStyle::with_template("aligning {bar:40} {percent:>3}% {elapsed}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let result = std::thread::scope(|scope| {
        let worker = scope.spawn(|| align(versions, pivot, opts, &progress));
        while !worker.is_finished() {
            bar.set_position((progress.fraction() * 1000.0) as u64);
            std::thread::sleep(Duration::from_millis(50));
        }
        worker.join()
    });
    bar.finish_and_clear();
    match result {
        Ok(aligned) => Ok(aligned?),
        Err(_) => bail!("the aligner stopped unexpectedly"),
    }
}

/// Cell text with tabs and line breaks replaced by spaces.
fn flat(text: String) -> String {
    if text.contains(['\t', '\n', '\r']) {
        text.replace(['\t', '\n', '\r'], " ")
    } else {
        text
    }
}

/// Writes the rows in `format`.
fn write_rows(
    out: &mut dyn Write,
    versions: &[Version],
    alignment: &Alignment,
    format: Format,
    header: bool,
) -> anyhow::Result<()> {
    let names: Vec<String> = versions.iter().map(|v| flat(v.name.clone())).collect();
    let texts = |row: &alinea::model::Row| -> Vec<String> {
        row.cells
            .iter()
            .zip(versions)
            .map(|(c, v)| flat(v.cell_text(c.clone())))
            .collect()
    };
    match format {
        Format::Tsv => {
            if header {
                writeln!(out, "{}", names.join("\t"))?;
            }
            for row in &alignment.rows {
                writeln!(out, "{}", texts(row).join("\t"))?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            if header {
                w.write_record(&names)?;
            }
            for row in &alignment.rows {
                w.write_record(texts(row))?;
            }
            w.flush()?;
        }
        Format::Tmx => {
            let mut project = Project::new(versions.to_vec());
            project.alignment = alignment.clone();
            let options = alinea::export::ExportOptions::default();
            let report =
                alinea::export::write(alinea::export::Format::Tmx, &project, &options, out)?;
            for warning in &report.warnings {
                eprintln!("warning: {warning}");
            }
        }
        Format::Jsonl => {
            for (i, row) in alignment.rows.iter().enumerate() {
                let cells: Vec<Vec<usize>> =
                    row.cells.iter().map(|c| c.clone().collect()).collect();
                let status = if row.is_confirmed() {
                    "confirmed"
                } else {
                    "auto"
                };
                let obj = json!({
                    "row": i,
                    "cells": cells,
                    "text": texts(row),
                    "score": (row.score * 1000.0).round() / 1000.0,
                    "status": status,
                });
                writeln!(out, "{obj}")?;
            }
        }
    }
    Ok(())
}

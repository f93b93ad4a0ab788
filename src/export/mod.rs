//! Exchange formats for aligned pairs: TMX 1.4b (export and import), CSV/TSV, JSONL and an
//! HTML review report.
//!
//! Every writer streams to any [`std::io::Write`] one row at a time (no giant strings), so a
//! project of tens of thousands of rows exports in a fraction of a second with flat memory.
//! Which versions become columns, and which rows are written, is decided once in
//! [`columns`] and [`rows`] so that all formats agree:
//!
//! - Columns: the pivot first, then the other versions in project order. `--langs` keeps a
//!   subset. The machine formats (TMX, CSV/TSV, JSONL) are keyed by language code, so when two
//!   versions share a language (two Arabic translations) only the first one in that order is
//!   written and the others are reported as warnings in [`ExportReport`]; nothing writes two
//!   `<tuv>` of one language. The HTML report is for people and shows every version.
//! - Rows: `confirmed_only` drops rows the editor has not confirmed; rows without text in any
//!   chosen column are skipped; TMX additionally skips rows with no pivot text or no
//!   translation (importers expect the source language in every unit).
//! - Cell text: the row's sentences joined by one space (see [`crate::model::Version::cell_text`]).
//!
//! Known limitations: characters that XML 1.0 forbids (C0 controls other than tab, line feed and
//! carriage return) are written as spaces in TMX and HTML; TSV cannot hold tabs or line breaks,
//! so they become spaces there.

pub mod columns;
pub mod files;
pub mod grid;
pub mod html;
pub mod jsonl;
pub mod rows;
pub mod table;
pub mod tmx;
pub mod tmx_read;
mod xml_text;

use std::io::Write;

use crate::model::{AlignmentInvariantError, Lang, Project};

/// The file formats `alinea export` writes for aligned pairs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// TMX 1.4b translation memory.
    Tmx,
    /// Tab-separated values; tabs and line breaks in text become spaces.
    Tsv,
    /// Comma-separated values (RFC 4180).
    Csv,
    /// One JSON object per row, keyed by language.
    Jsonl,
    /// Side-by-side HTML review report.
    Html,
}

impl Format {
    /// The file extension without a dot ("tmx").
    pub fn extension(self) -> &'static str {
        match self {
            Format::Tmx => "tmx",
            Format::Tsv => "tsv",
            Format::Csv => "csv",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
        }
    }
}

/// What to export: filters shared by every format.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Only rows the editor confirmed.
    pub confirmed_only: bool,
    /// Only these languages (in any order; columns keep pivot-first order). Empty means all.
    pub langs: Vec<Lang>,
}

/// What an export wrote and what it had to leave out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Rows (TMX units, table lines, JSON objects) written.
    pub rows_written: usize,
    /// Rows left out because they were not confirmed (with `confirmed_only`).
    pub skipped_unconfirmed: usize,
    /// Rows left out because they had no text in the chosen columns (TMX: no pivot text or no
    /// translation).
    pub skipped_incomplete: usize,
    /// Things the user should know, e.g. a version left out because its language was taken.
    pub warnings: Vec<String>,
}

/// Why an export failed. Errors about the output name the file (or "standard output").
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Writing the output failed.
    #[error("{file}: cannot write")]
    Io {
        /// Output file name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The project's alignment does not fit its versions.
    #[error("the project's alignment is inconsistent: {0}")]
    InvalidAlignment(#[from] AlignmentInvariantError),
    /// A language asked for is not in the project.
    #[error("language {lang} is not in the project (it has: {available})")]
    UnknownLanguage {
        /// The language asked for.
        lang: String,
        /// The project's languages, comma separated.
        available: String,
    },
    /// TMX and per-pair exports pair every language with the pivot, and the language filter
    /// left the pivot out.
    #[error(
        "the pivot language {pivot} must be among the chosen languages \
         (TMX and per-pair exports pair every language with it)"
    )]
    PivotNotSelected {
        /// The pivot's language.
        pivot: String,
    },
    /// Fewer than the needed columns remain (TMX and per-pair need a pivot and a target).
    #[error("nothing to export: {0}")]
    NothingToExport(String),
}

impl From<crate::fs_atomic::WriteError> for ExportError {
    fn from(e: crate::fs_atomic::WriteError) -> Self {
        ExportError::Io {
            file: e.file,
            source: e.source,
        }
    }
}

impl ExportError {
    /// Gives an I/O error the name of the file it happened in.
    pub fn in_file(self, file: &str) -> Self {
        match self {
            ExportError::Io { source, .. } => ExportError::Io {
                file: file.to_string(),
                source,
            },
            other => other,
        }
    }

    /// Wraps an I/O error of a stream whose name is not known here.
    pub(crate) fn stream(source: std::io::Error) -> Self {
        ExportError::Io {
            file: "output".to_string(),
            source,
        }
    }
}

/// Why a TMX import failed; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{file}: cannot read")]
    Io {
        /// File name.
        file: String,
        /// Underlying error.
        source: std::io::Error,
    },
    /// The file is not well-formed XML or not in a known encoding.
    #[error("{file}: not valid XML at byte {position}: {message}")]
    Xml {
        /// File name.
        file: String,
        /// Byte offset of the problem.
        position: u64,
        /// What is wrong.
        message: String,
    },
    /// The XML is not a TMX document.
    #[error("{file}: not a TMX file: {message}")]
    NotTmx {
        /// File name.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The file holds no translation unit with text.
    #[error("{file}: no translation unit with text")]
    Empty {
        /// File name.
        file: String,
    },
}

/// Writes `project` in `format` to `out`; the one entry point the CLI and the app call.
pub fn write(
    format: Format,
    project: &Project,
    options: &ExportOptions,
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    match format {
        Format::Tmx => tmx::write(project, options, out),
        Format::Tsv => table::write(project, options, table::Delimiter::Tab, out),
        Format::Csv => table::write(project, options, table::Delimiter::Comma, out),
        Format::Jsonl => jsonl::write(project, options, out),
        Format::Html => html::write(project, options, out),
    }
}

//! JSON Lines for machine-translation pipelines: one object per row, keyed by language code.
//!
//! Keys follow column order (pivot first); a language with no text in the row is left out
//! rather than written as "" so that pipelines can tell "missing" from "empty". Every string is
//! encoded by serde_json, so quotes, line breaks, tabs and any Unicode survive exactly.

use std::io::Write;

use crate::export::columns;
use crate::export::rows::{self, Needs, RowText};
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::{Lang, Project};

/// Writes one JSON object per row with text, e.g. `{"vi":"Một.","en":"One."}`.
pub fn write(
    project: &Project,
    options: &ExportOptions,
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    let columns = columns::select(project, options, true)?;
    let langs = columns.langs(project);
    let mut report = ExportReport {
        warnings: columns.warnings.clone(),
        ..Default::default()
    };
    let mut out = std::io::BufWriter::new(out);
    rows::each_row(
        project,
        &columns.versions,
        options,
        Needs::AnyText,
        &mut report,
        |row| write_object(&mut out, &langs, row),
    )?;
    out.flush().map_err(ExportError::stream)?;
    Ok(report)
}

fn write_object(out: &mut impl Write, langs: &[&Lang], row: &RowText) -> Result<(), ExportError> {
    let mut first = true;
    out.write_all(b"{").map_err(ExportError::stream)?;
    for (lang, text) in langs.iter().zip(&row.cells) {
        if text.is_empty() {
            continue;
        }
        if !first {
            out.write_all(b",").map_err(ExportError::stream)?;
        }
        first = false;
        serde_json::to_writer(&mut *out, lang.as_str()).map_err(json_error)?;
        out.write_all(b":").map_err(ExportError::stream)?;
        serde_json::to_writer(&mut *out, text).map_err(json_error)?;
    }
    out.write_all(b"}\n").map_err(ExportError::stream)
}

fn json_error(err: serde_json::Error) -> ExportError {
    ExportError::stream(std::io::Error::other(err))
}

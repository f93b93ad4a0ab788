//! JSON Lines for machine-translation pipelines: one object per row, keyed by language code.
//!
//! Keys follow column order (pivot first); a language with no text in the row is left out
//! rather than written as "" so that pipelines can tell "missing" from "empty". Every string is
//! encoded by serde_json, so quotes, line breaks, tabs and any Unicode survive exactly.

use std::io::Write;

use crate::export::rows::{Needs, RowText, Selection};
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::{Lang, Project};

/// Writes one JSON object per row with text, e.g. `{"vi":"Một.","en":"One."}`.
pub fn write(
    project: &Project,
    options: &ExportOptions,
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    let mut selection = Selection::new(project, options, true)?;
    let langs = selection.langs();
    let mut out = std::io::BufWriter::new(out);
    selection.each_row(Needs::AnyText, |row| write_object(&mut out, &langs, row))?;
    out.flush().map_err(ExportError::stream)?;
    Ok(selection.report)
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

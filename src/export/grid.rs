//! Every row of an alignment with one column per version, as `alinea align` prints it: TSV,
//! CSV, JSONL with sentence indices and scores, or TMX. Unlike the pair exports, no row or
//! version is left out.

use std::io::Write;

use serde_json::json;

use crate::export::{self, ExportError, ExportOptions, ExportReport};
use crate::model::{Project, Row};

/// Formats of [`write_grid`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GridFormat {
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

/// Cell text with tabs and line breaks replaced by spaces.
fn flat(text: String) -> String {
    if text.contains(['\t', '\n', '\r']) {
        text.replace(['\t', '\n', '\r'], " ")
    } else {
        text
    }
}

/// Writes every row of `project` in `format` (`header`: a first line with the version names,
/// TSV and CSV only). The report carries TMX's warnings.
pub fn write_grid(
    out: &mut dyn Write,
    project: &Project,
    format: GridFormat,
    header: bool,
) -> Result<ExportReport, ExportError> {
    let versions = &project.versions;
    let rows = &project.alignment.rows;
    let names: Vec<String> = versions.iter().map(|v| flat(v.name.clone())).collect();
    let texts = |row: &Row| -> Vec<String> {
        row.cells
            .iter()
            .zip(versions)
            .map(|(c, v)| flat(v.cell_text(c.clone())))
            .collect()
    };
    let csv_error = |e: csv::Error| ExportError::stream(std::io::Error::other(e));
    match format {
        GridFormat::Tsv => {
            if header {
                writeln!(out, "{}", names.join("\t")).map_err(ExportError::stream)?;
            }
            for row in rows {
                writeln!(out, "{}", texts(row).join("\t")).map_err(ExportError::stream)?;
            }
        }
        GridFormat::Csv => {
            let mut w = csv::Writer::from_writer(out);
            if header {
                w.write_record(&names).map_err(csv_error)?;
            }
            for row in rows {
                w.write_record(texts(row)).map_err(csv_error)?;
            }
            w.flush().map_err(ExportError::stream)?;
        }
        GridFormat::Tmx => {
            return export::write(export::Format::Tmx, project, &ExportOptions::default(), out);
        }
        GridFormat::Jsonl => {
            for (i, row) in rows.iter().enumerate() {
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
                writeln!(out, "{obj}").map_err(ExportError::stream)?;
            }
        }
    }
    Ok(ExportReport {
        rows_written: rows.len(),
        ..ExportReport::default()
    })
}

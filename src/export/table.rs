//! CSV (RFC 4180) and TSV tables: a header row of language codes, then one line per row.
//!
//! Both go through the `csv` crate. CSV quotes any field that needs it, so tabs, line breaks,
//! commas and quotes survive. TSV is the "linear" kind that spreadsheet imports and `cut`
//! expect: no quoting at all, so tabs, carriage returns and line feeds inside text become single
//! spaces (the only lossy step) and quotes are written as they are.

use std::io::Write;

use crate::export::rows::{Needs, Selection};
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::Project;

/// The field separator, which also decides the quoting rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    /// `,` with RFC 4180 quoting.
    Comma,
    /// Tab, never quoted; tabs and line breaks in text become spaces.
    Tab,
}

/// Writes a header of language codes (pivot first) and one line per row with text.
pub fn write(
    project: &Project,
    options: &ExportOptions,
    delimiter: Delimiter,
    out: impl Write,
) -> Result<ExportReport, ExportError> {
    let mut selection = Selection::new(project, options, true)?;
    let mut builder = csv::WriterBuilder::new();
    match delimiter {
        Delimiter::Comma => builder
            .delimiter(b',')
            .quote_style(csv::QuoteStyle::Necessary),
        Delimiter::Tab => builder.delimiter(b'\t').quote_style(csv::QuoteStyle::Never),
    };
    let mut table = builder.from_writer(out);
    let header = selection.langs();
    table
        .write_record(header.iter().map(|l| l.as_str()))
        .map_err(csv_error)?;
    selection.each_row(Needs::AnyText, |row| {
        let result = match delimiter {
            Delimiter::Comma => table.write_record(&row.cells),
            Delimiter::Tab => table.write_record(row.cells.iter().map(|c| tsv_field(c))),
        };
        result.map_err(csv_error)
    })?;
    table.flush().map_err(ExportError::stream)?;
    Ok(selection.report)
}

/// Text as one TSV field: tabs, carriage returns and line feeds become spaces.
fn tsv_field(text: &str) -> String {
    text.replace(['\t', '\r', '\n'], " ")
}

fn csv_error(err: csv::Error) -> ExportError {
    let source = match err.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => std::io::Error::other(format!("{other:?}")),
    };
    ExportError::stream(source)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_fields_have_no_tabs_or_line_breaks() {
        assert_eq!(tsv_field("a\tb\r\nc \"q\""), "a b  c \"q\"");
    }
}

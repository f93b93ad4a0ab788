//! Which alignment rows an export writes, and their cell texts, computed once for every format.

use crate::export::columns::{self, Columns};
use crate::export::{ExportError, ExportOptions, ExportReport};
use crate::model::{Lang, Project};

/// The columns and rows of one export, chosen once, and the report of what it wrote.
pub struct Selection<'p> {
    project: &'p Project,
    options: &'p ExportOptions,
    /// The chosen columns.
    pub columns: Columns,
    /// What was written and left out so far (starting with the columns' warnings).
    pub report: ExportReport,
}

impl<'p> Selection<'p> {
    /// Chooses the columns for `options` (`unique_langs`: a language at most once, see
    /// [`columns::select`]).
    pub fn new(
        project: &'p Project,
        options: &'p ExportOptions,
        unique_langs: bool,
    ) -> Result<Self, ExportError> {
        let columns = columns::select(project, options, unique_langs)?;
        let report = ExportReport {
            warnings: columns.warnings.clone(),
            ..ExportReport::default()
        };
        Ok(Selection {
            project,
            options,
            columns,
            report,
        })
    }

    /// The languages of the chosen columns, in order.
    pub fn langs(&self) -> Vec<&'p Lang> {
        self.columns.langs(self.project)
    }

    /// Calls `write_row` for every row that meets `needs`; see [`each_row`].
    pub fn each_row(
        &mut self,
        needs: Needs,
        write_row: impl FnMut(&RowText) -> Result<(), ExportError>,
    ) -> Result<(), ExportError> {
        let (project, options) = (self.project, self.options);
        let columns = &self.columns.versions;
        each_row(
            project,
            columns,
            options,
            needs,
            &mut self.report,
            write_row,
        )
    }
}

/// What a row needs to be written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// Text in at least one column (tables, JSONL, HTML).
    AnyText,
    /// Text in the first column (the pivot) and in at least one other (TMX units).
    PivotAndTranslation,
}

/// One row as exported: its 1-based number in the project, status and one text per column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowText {
    /// 1-based row number in the project (what the editor sees in the grid).
    pub number: usize,
    /// True if the editor confirmed the row.
    pub confirmed: bool,
    /// Cell text per column; "" for an empty cell.
    pub cells: Vec<String>,
}

impl RowText {
    fn meets(&self, needs: Needs) -> bool {
        match needs {
            Needs::AnyText => self.cells.iter().any(|c| !c.is_empty()),
            Needs::PivotAndTranslation => {
                self.cells.first().is_some_and(|c| !c.is_empty())
                    && self.cells.iter().skip(1).any(|c| !c.is_empty())
            }
        }
    }
}

/// Calls `write_row` for every row to export, in order, counting what is skipped in `report`.
///
/// The alignment is validated first so a damaged project cannot produce a misleading file.
/// One `RowText` buffer is reused, so memory stays flat however many rows there are.
pub fn each_row(
    project: &Project,
    columns: &[usize],
    options: &ExportOptions,
    needs: Needs,
    report: &mut ExportReport,
    mut write_row: impl FnMut(&RowText) -> Result<(), ExportError>,
) -> Result<(), ExportError> {
    project.validate()?;
    let mut row_text = RowText::default();
    for (row_idx, row) in project.alignment.rows.iter().enumerate() {
        if options.confirmed_only && !row.is_confirmed() {
            report.skipped_unconfirmed += 1;
            continue;
        }
        row_text.number = row_idx + 1;
        row_text.confirmed = row.is_confirmed();
        row_text.cells.clear();
        for &v in columns {
            let text = match (project.versions.get(v), row.cells.get(v)) {
                (Some(version), Some(cell)) => version.cell_text(cell.clone()),
                _ => String::new(),
            };
            row_text.cells.push(text);
        }
        if !row_text.meets(needs) {
            report.skipped_incomplete += 1;
            continue;
        }
        write_row(&row_text)?;
        report.rows_written += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alignment, Lang, Row, RowStatus, Version};

    fn row(a: std::ops::Range<usize>, b: std::ops::Range<usize>, status: RowStatus) -> Row {
        Row {
            cells: vec![a, b],
            score: 1.0,
            status,
        }
    }

    #[test]
    fn filters_rows_by_status_and_completeness() {
        let vi = Version::from_sentences("vi", Lang::new("vi"), &[vec!["Một.", "Hai."]]);
        let en = Version::from_sentences("en", Lang::new("en"), &[vec!["One.", "Extra."]]);
        let mut p = Project::new(vec![vi, en]);
        p.alignment = Alignment {
            pivot: 0,
            rows: vec![
                row(0..1, 0..1, RowStatus::Confirmed),
                row(1..2, 1..1, RowStatus::Auto),
                row(2..2, 1..2, RowStatus::Auto),
            ],
        };
        let mut seen = Vec::new();
        let mut report = ExportReport::default();
        let options = ExportOptions::default();
        each_row(
            &p,
            &[0, 1],
            &options,
            Needs::PivotAndTranslation,
            &mut report,
            |r| {
                seen.push(r.clone());
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].cells, vec!["Một.", "One."]);
        assert_eq!(report.skipped_incomplete, 2);

        let mut report = ExportReport::default();
        let mut numbers = Vec::new();
        each_row(&p, &[0, 1], &options, Needs::AnyText, &mut report, |r| {
            numbers.push(r.number);
            Ok(())
        })
        .unwrap();
        assert_eq!(numbers, vec![1, 2, 3]);

        let mut report = ExportReport::default();
        let confirmed = ExportOptions {
            confirmed_only: true,
            ..Default::default()
        };
        each_row(&p, &[0, 1], &confirmed, Needs::AnyText, &mut report, |_| {
            Ok(())
        })
        .unwrap();
        assert_eq!((report.rows_written, report.skipped_unconfirmed), (1, 2));
    }

    #[test]
    fn refuses_an_inconsistent_alignment() {
        let vi = Version::from_sentences("vi", Lang::new("vi"), &[vec!["Một."]]);
        let mut p = Project::new(vec![vi]);
        p.alignment.rows = vec![Row {
            cells: std::iter::once(0..3).collect(),
            score: 1.0,
            status: RowStatus::Auto,
        }];
        let mut report = ExportReport::default();
        let err = each_row(
            &p,
            &[0],
            &ExportOptions::default(),
            Needs::AnyText,
            &mut report,
            |_| Ok(()),
        );
        assert!(matches!(err, Err(ExportError::InvalidAlignment(_))));
    }
}

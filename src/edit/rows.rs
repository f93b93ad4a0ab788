//! Structural row edits (merge, split, move, insert/remove an empty cell), each computed as a
//! replacement of a window of rows so that the inverse is simply the old window.

use std::ops::Range;

use super::confidence::rescored;
use super::{Edit, EditError, MoveDirection};
use crate::model::{Project, Row, RowStatus};

/// Replaces `old_len` rows at `start` with `new_rows`, validating the result.
pub(super) fn replace_rows(
    project: &mut Project,
    start: usize,
    old_len: usize,
    new_rows: Vec<Row>,
) -> Result<Edit, EditError> {
    let total = project.alignment.rows.len();
    let end = start
        .checked_add(old_len)
        .filter(|&e| e <= total)
        .ok_or(EditError::NoRow(start.saturating_add(old_len)))?;
    let new_len = new_rows.len();
    let old: Vec<Row> = project
        .alignment
        .rows
        .splice(start..end, new_rows)
        .collect();
    if let Err(err) = project.validate() {
        project.alignment.rows.splice(start..start + new_len, old);
        return Err(EditError::NotApplicable(format!(
            "the change would break the alignment: {err}"
        )));
    }
    Ok(Edit::ReplaceRows {
        start,
        old_len: new_len,
        rows: old,
    })
}

fn row_at(project: &Project, row: usize) -> Result<&Row, EditError> {
    project.alignment.rows.get(row).ok_or(EditError::NoRow(row))
}

fn check_version(project: &Project, version: usize) -> Result<(), EditError> {
    if version < project.versions.len() {
        Ok(())
    } else {
        Err(EditError::NoVersion(version))
    }
}

fn auto_row(cells: Vec<Range<usize>>, score: f32) -> Row {
    Row {
        cells,
        score,
        status: RowStatus::Auto,
    }
}

pub(super) fn merge_with_next(project: &mut Project, row: usize) -> Result<Edit, EditError> {
    let a = row_at(project, row)?;
    let b = project.alignment.rows.get(row + 1).ok_or_else(|| {
        EditError::NotApplicable("the last row has no row below to merge with".into())
    })?;
    let cells = a
        .cells
        .iter()
        .zip(&b.cells)
        .map(|(x, y)| x.start..y.end)
        .collect();
    let merged = auto_row(cells, a.score.min(b.score));
    let merged = rescored(project, vec![merged]);
    replace_rows(project, row, 2, merged)
}

pub(super) fn split_row(project: &mut Project, row: usize) -> Result<Edit, EditError> {
    let r = row_at(project, row)?;
    let parts = r.cells.iter().map(|c| c.len()).max().unwrap_or(0);
    if parts < 2 {
        return Err(EditError::NotApplicable(
            "every cell of this row holds at most one sentence".into(),
        ));
    }
    let new_rows = (0..parts)
        .map(|i| {
            let cells = r
                .cells
                .iter()
                .map(|c| {
                    let k = (c.start + i).min(c.end);
                    k..(c.start + i + 1).min(c.end)
                })
                .collect();
            auto_row(cells, r.score)
        })
        .collect();
    let new_rows = rescored(project, new_rows);
    replace_rows(project, row, 1, new_rows)
}

pub(super) fn move_sentence(
    project: &mut Project,
    row: usize,
    version: usize,
    direction: MoveDirection,
) -> Result<Edit, EditError> {
    check_version(project, version)?;
    let cur = row_at(project, row)?.clone();
    if cur.cells[version].is_empty() {
        return Err(EditError::NotApplicable(
            "this cell has no sentence to move".into(),
        ));
    }
    let (start, window) = match direction {
        MoveDirection::Up => {
            let Some(prev) = row
                .checked_sub(1)
                .and_then(|p| project.alignment.rows.get(p))
            else {
                return Err(EditError::NotApplicable(
                    "the first row has no row above".into(),
                ));
            };
            let mut prev = prev.clone();
            let mut cur = cur;
            prev.cells[version].end += 1;
            cur.cells[version].start += 1;
            prev.status = RowStatus::Auto;
            cur.status = RowStatus::Auto;
            (row - 1, vec![prev, cur])
        }
        MoveDirection::Down => {
            let mut cur = cur;
            cur.status = RowStatus::Auto;
            cur.cells[version].end -= 1;
            match project.alignment.rows.get(row + 1) {
                Some(next) => {
                    let mut next = next.clone();
                    next.cells[version].start -= 1;
                    next.status = RowStatus::Auto;
                    (row, vec![cur, next])
                }
                None => {
                    let cells = cur
                        .cells
                        .iter()
                        .enumerate()
                        .map(|(v, c)| {
                            if v == version {
                                c.end..c.end + 1
                            } else {
                                c.end..c.end
                            }
                        })
                        .collect();
                    let new = auto_row(cells, cur.score);
                    (row, vec![cur, new])
                }
            }
        }
    };
    let old_len = if direction == MoveDirection::Down && row + 1 >= project.alignment.rows.len() {
        1
    } else {
        2
    };
    let window = window.into_iter().filter(|r| !r.is_empty()).collect();
    let window = rescored(project, window);
    replace_rows(project, start, old_len, window)
}

/// Rebuilds rows `row..` with a new list of cells for one column.
fn reshape_column(
    project: &mut Project,
    row: usize,
    version: usize,
    column: Vec<Range<usize>>,
) -> Result<Edit, EditError> {
    let tail = &project.alignment.rows[row..];
    let mut new_rows: Vec<Row> = Vec::with_capacity(column.len());
    for (i, cell) in column.into_iter().enumerate() {
        let mut r = match tail.get(i) {
            Some(r) => r.clone(),
            None => {
                let ends = tail
                    .last()
                    .map(|r| r.cells.iter().map(|c| c.end..c.end).collect());
                auto_row(ends.unwrap_or_default(), 0.0)
            }
        };
        r.cells[version] = cell;
        r.status = RowStatus::Auto;
        new_rows.push(r);
    }
    new_rows.retain(|r| !r.is_empty());
    let old_len = project.alignment.rows.len() - row;
    replace_rows(project, row, old_len, new_rows)
}

pub(super) fn insert_empty_cell(
    project: &mut Project,
    row: usize,
    version: usize,
) -> Result<Edit, EditError> {
    check_version(project, version)?;
    row_at(project, row)?;
    let old: Vec<Range<usize>> = project.alignment.rows[row..]
        .iter()
        .map(|r| r.cells[version].clone())
        .collect();
    let first = old[0].start;
    let mut column = Vec::with_capacity(old.len() + 1);
    column.push(first..first);
    column.extend(old.iter().cloned());
    if column.last().is_some_and(|c| c.is_empty()) {
        column.pop();
    }
    reshape_column(project, row, version, column)
}

pub(super) fn remove_empty_cell(
    project: &mut Project,
    row: usize,
    version: usize,
) -> Result<Edit, EditError> {
    check_version(project, version)?;
    let cell = row_at(project, row)?.cells[version].clone();
    if !cell.is_empty() {
        return Err(EditError::NotApplicable(
            "only an empty cell can be removed".into(),
        ));
    }
    let mut column: Vec<Range<usize>> = project.alignment.rows[row + 1..]
        .iter()
        .map(|r| r.cells[version].clone())
        .collect();
    let end = column.last().map_or(cell.end, |c| c.end);
    column.push(end..end);
    reshape_column(project, row, version, column)
}

#[cfg(test)]
mod tests {
    use super::super::test_project::sample;
    use super::*;

    fn cells(p: &Project) -> Vec<Vec<Range<usize>>> {
        p.alignment.rows.iter().map(|r| r.cells.clone()).collect()
    }

    fn roundtrip(edit: Edit) -> Project {
        let mut p = sample();
        let before = p.clone();
        let inverse = edit.apply(&mut p).expect("edit applies");
        p.validate().expect("valid after edit");
        let after = p.clone();
        let redo = inverse.apply(&mut p).expect("inverse applies");
        assert_eq!(p, before, "undo restores");
        redo.apply(&mut p).expect("redo applies");
        assert_eq!(p, after, "redo re-applies");
        after
    }

    #[test]
    fn merge_and_split() {
        let p = roundtrip(Edit::MergeWithNext { row: 0 });
        assert_eq!(cells(&p), vec![vec![0..2, 0..3], vec![2..4, 3..4]]);
        let p = roundtrip(Edit::SplitRow { row: 2 });
        assert_eq!(cells(&p)[2..], [vec![2..3, 3..4], vec![3..4, 4..4]]);
        let mut q = sample();
        assert!(Edit::MergeWithNext { row: 2 }.apply(&mut q).is_err());
        assert!(Edit::SplitRow { row: 0 }.apply(&mut q).is_err());
        assert_eq!(q, sample());
    }

    #[test]
    fn move_sentence_up_and_down() {
        let p = roundtrip(Edit::MoveSentence {
            row: 1,
            version: 1,
            direction: MoveDirection::Up,
        });
        assert_eq!(cells(&p)[..2], [vec![0..1, 0..2], vec![1..2, 2..3]]);
        // Moving the only sentences out of a row removes the row.
        let p = roundtrip(Edit::MoveSentence {
            row: 2,
            version: 0,
            direction: MoveDirection::Down,
        });
        assert_eq!(cells(&p)[2..], [vec![2..3, 3..4], vec![3..4, 4..4]]);
    }

    #[test]
    fn insert_and_remove_empty_cell() {
        let p = roundtrip(Edit::InsertEmptyCell { row: 1, version: 0 });
        assert_eq!(
            cells(&p),
            vec![
                vec![0..1, 0..1],
                vec![1..1, 1..3],
                vec![1..2, 3..4],
                vec![2..4, 4..4]
            ]
        );
        let mut q = p.clone();
        Edit::RemoveEmptyCell { row: 1, version: 0 }
            .apply(&mut q)
            .expect("remove applies");
        assert_eq!(cells(&q), cells(&sample()));
        let mut r = sample();
        assert!(
            Edit::RemoveEmptyCell { row: 1, version: 0 }
                .apply(&mut r)
                .is_err()
        );
    }
}

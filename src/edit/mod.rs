//! Editing as values: every change the editor makes to a project is an [`Edit`] whose
//! application returns its exact inverse, kept in a [`History`] for unlimited undo and redo.
//!
//! Why values: the UI, the CLI and the property tests share one path for changes, and undo is
//! just "apply the inverse". Structural row edits are computed as a replacement of a window of
//! rows ([`Edit::ReplaceRows`]) whose inverse is the old window, so no edit needs its own undo
//! logic. Every edit checks the alignment invariants before it commits; an edit that would break
//! them is refused and leaves the project untouched.

pub mod confidence;
mod history;
mod learn;
mod rows;
mod text;

pub use history::History;

use crate::glossary::Concept;
use crate::model::{Lang, Project, Row, RowStatus, TextDirection};

/// Which neighbour a sentence moves to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoveDirection {
    /// The first sentence of the cell joins the end of the cell above.
    Up,
    /// The last sentence of the cell joins the start of the cell below.
    Down,
}

/// One change to a project. `apply` returns the inverse edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Marks a row confirmed (an anchor for re-aligning) or back to automatic.
    SetRowStatus {
        /// Row index.
        row: usize,
        /// New status.
        status: RowStatus,
    },
    /// Merges a row with the row below it.
    MergeWithNext {
        /// Row index (must not be the last row).
        row: usize,
    },
    /// Splits a row with several sentences in a cell into one row per sentence position.
    SplitRow {
        /// Row index.
        row: usize,
    },
    /// Moves one sentence of one column into the neighbouring row.
    MoveSentence {
        /// Row index.
        row: usize,
        /// Version (column) index.
        version: usize,
        /// Up or down.
        direction: MoveDirection,
    },
    /// Inserts an empty cell: this column's cells from `row` on shift down one row.
    InsertEmptyCell {
        /// Row index.
        row: usize,
        /// Version (column) index.
        version: usize,
    },
    /// Removes an empty cell: this column's cells below `row` shift up one row.
    RemoveEmptyCell {
        /// Row index.
        row: usize,
        /// Version (column) index.
        version: usize,
    },
    /// Replaces `old_len` rows starting at `start` with `rows` (re-align, and every inverse).
    ReplaceRows {
        /// First row replaced.
        start: usize,
        /// How many rows are replaced.
        old_len: usize,
        /// The new rows.
        rows: Vec<Row>,
    },
    /// Splits a sentence in two at a byte offset of the version text.
    SplitSentence {
        /// Version index.
        version: usize,
        /// Sentence index.
        sentence: usize,
        /// Byte offset in the version text, strictly inside the sentence.
        at: usize,
    },
    /// Joins a sentence with the next one of the same paragraph.
    JoinSentences {
        /// Version index.
        version: usize,
        /// Sentence index (joined with `sentence + 1`).
        sentence: usize,
    },
    /// Replaces a sentence's text; text after it keeps its place.
    EditText {
        /// Version index.
        version: usize,
        /// Sentence index.
        sentence: usize,
        /// The new text (not empty).
        text: String,
    },
    /// Adds, replaces (`Some`) or deletes (`None`) a glossary concept.
    PutConcept {
        /// Concept id.
        id: String,
        /// The concept to store, or `None` to delete.
        concept: Option<Concept>,
    },
    /// Marks a consistency finding accepted or not.
    SetFindingAccepted {
        /// `checks::Finding::key` of the finding.
        key: String,
        /// Accepted or not.
        accepted: bool,
    },
    /// Changes a version's language.
    SetLang {
        /// Version index.
        version: usize,
        /// New language.
        lang: Lang,
    },
    /// Changes a version's paragraph direction.
    SetDirection {
        /// Version index.
        version: usize,
        /// New direction.
        direction: TextDirection,
    },
    /// Several edits applied as one gesture (undone together, in reverse order).
    Batch(Vec<Edit>),
}

/// Why an edit was refused; the project is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    /// A row index past the end.
    #[error("there is no row {0}")]
    NoRow(usize),
    /// A version index past the end.
    #[error("there is no version {0}")]
    NoVersion(usize),
    /// A sentence index past the end.
    #[error("version {version} has no sentence {sentence}")]
    NoSentence {
        /// Version index.
        version: usize,
        /// Sentence index.
        sentence: usize,
    },
    /// The edit does not make sense here (e.g. merging the last row).
    #[error("{0}")]
    NotApplicable(String),
}

impl Edit {
    /// Adds to `out` the versions whose text, segmentation or language this edit changes
    /// (where term matches have to be found again).
    pub fn text_versions(&self, out: &mut Vec<usize>) {
        match self {
            Edit::SplitSentence { version, .. }
            | Edit::JoinSentences { version, .. }
            | Edit::EditText { version, .. }
            | Edit::SetLang { version, .. } => out.push(*version),
            Edit::Batch(edits) => edits.iter().for_each(|e| e.text_versions(out)),
            _ => {}
        }
    }

    /// True if the edit can change what the grid shows in a cell, or which cells there are
    /// (not a row's status, a finding's acceptance, the glossary or a language), so views
    /// that measure cells (row heights) know when to measure again.
    pub fn changes_layout(&self) -> bool {
        match self {
            Edit::SetRowStatus { .. }
            | Edit::SetFindingAccepted { .. }
            | Edit::PutConcept { .. }
            | Edit::SetLang { .. } => false,
            Edit::Batch(edits) => edits.iter().any(Edit::changes_layout),
            _ => true,
        }
    }

    /// Applies the edit and returns its inverse; on error the project is unchanged.
    pub fn apply(self, project: &mut Project) -> Result<Edit, EditError> {
        match self {
            Edit::SetRowStatus { row, status } => {
                let r = project
                    .alignment
                    .rows
                    .get_mut(row)
                    .ok_or(EditError::NoRow(row))?;
                let old = std::mem::replace(&mut r.status, status);
                Ok(Edit::SetRowStatus { row, status: old })
            }
            Edit::MergeWithNext { row } => rows::merge_with_next(project, row),
            Edit::SplitRow { row } => rows::split_row(project, row),
            Edit::MoveSentence {
                row,
                version,
                direction,
            } => rows::move_sentence(project, row, version, direction),
            Edit::InsertEmptyCell { row, version } => {
                rows::insert_empty_cell(project, row, version)
            }
            Edit::RemoveEmptyCell { row, version } => {
                rows::remove_empty_cell(project, row, version)
            }
            Edit::ReplaceRows {
                start,
                old_len,
                rows: new_rows,
            } => rows::replace_rows(project, start, old_len, new_rows),
            Edit::SplitSentence {
                version,
                sentence,
                at,
            } => text::split_sentence(project, version, sentence, at),
            Edit::JoinSentences { version, sentence } => {
                text::join_sentences(project, version, sentence)
            }
            Edit::EditText {
                version,
                sentence,
                text: new_text,
            } => text::edit_text(project, version, sentence, new_text),
            Edit::PutConcept { id, concept } => {
                let old = match concept {
                    Some(c) => project.glossary.concepts.insert(id.clone(), c),
                    None => project.glossary.concepts.remove(&id),
                };
                Ok(Edit::PutConcept { id, concept: old })
            }
            Edit::SetFindingAccepted { key, accepted } => {
                let list = &mut project.accepted_findings;
                let was = list.contains(&key);
                if accepted && !was {
                    list.push(key.clone());
                    list.sort();
                } else if !accepted && was {
                    list.retain(|k| k != &key);
                }
                Ok(Edit::SetFindingAccepted { key, accepted: was })
            }
            Edit::SetLang { version, lang } => {
                let v = project
                    .versions
                    .get_mut(version)
                    .ok_or(EditError::NoVersion(version))?;
                let old = std::mem::replace(&mut v.lang, lang);
                Ok(Edit::SetLang { version, lang: old })
            }
            Edit::SetDirection { version, direction } => {
                let v = project
                    .versions
                    .get_mut(version)
                    .ok_or(EditError::NoVersion(version))?;
                let old = std::mem::replace(&mut v.direction, direction);
                Ok(Edit::SetDirection {
                    version,
                    direction: old,
                })
            }
            Edit::Batch(edits) => apply_batch(project, edits),
        }
    }
}

/// Applies edits in order; if one fails, the ones already applied are rolled back.
fn apply_batch(project: &mut Project, edits: Vec<Edit>) -> Result<Edit, EditError> {
    let mut inverses = Vec::with_capacity(edits.len());
    for edit in edits {
        match edit.apply(project) {
            Ok(inverse) => inverses.push(inverse),
            Err(err) => {
                while let Some(inverse) = inverses.pop() {
                    // Inverses of edits that just succeeded always apply.
                    let _ = inverse.apply(project);
                }
                return Err(err);
            }
        }
    }
    inverses.reverse();
    Ok(Edit::Batch(inverses))
}

#[cfg(test)]
pub(crate) mod test_project {
    use crate::model::{Alignment, Lang, Project, Row, RowStatus, Version};

    /// Two versions, three rows: (0 | 0), (1 | 1 2), (2 3 | 3).
    pub fn sample() -> Project {
        let a = Version::from_sentences(
            "en",
            Lang::new("en"),
            &[vec!["A0.", "A1."], vec!["A2.", "A3."]],
        );
        let b = Version::from_sentences(
            "ru",
            Lang::new("ru"),
            &[vec!["B0.", "B1.", "B2."], vec!["B3."]],
        );
        let mut p = Project::new(vec![a, b]);
        let row = |x: std::ops::Range<usize>, y: std::ops::Range<usize>| Row {
            cells: vec![x, y],
            score: 0.9,
            status: RowStatus::Auto,
        };
        p.alignment = Alignment {
            pivot: 0,
            rows: vec![row(0..1, 0..1), row(1..2, 1..3), row(2..4, 3..4)],
        };
        p.validate().expect("sample is valid");
        p
    }
}

//! Unlimited undo/redo: a stack of applied edits with their inverses, one entry per user
//! gesture. Never saved with the project.

use super::{Edit, EditError};
use crate::model::Project;

#[derive(Clone, Debug)]
struct Entry {
    label: String,
    inverse: Edit,
}

/// The undo and redo stacks of one open project.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    revision: u64,
}

impl History {
    /// An empty history.
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `edit` as one undoable step named `label`; clears the redo stack.
    pub fn apply(
        &mut self,
        project: &mut Project,
        label: &str,
        edit: Edit,
    ) -> Result<(), EditError> {
        let inverse = edit.apply(project)?;
        self.undo.push(Entry {
            label: label.to_string(),
            inverse,
        });
        self.redo.clear();
        self.revision += 1;
        Ok(())
    }

    /// Undoes the last step; returns its label, or `None` if there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::step(&mut self.undo, &mut self.redo, project).inspect(|label| {
            if label.is_some() {
                self.revision += 1;
            }
        })
    }

    /// Redoes the last undone step; returns its label, or `None` if there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        Self::step(&mut self.redo, &mut self.undo, project).inspect(|label| {
            if label.is_some() {
                self.revision += 1;
            }
        })
    }

    fn step(
        from: &mut Vec<Entry>,
        to: &mut Vec<Entry>,
        project: &mut Project,
    ) -> Result<Option<String>, EditError> {
        let Some(entry) = from.pop() else {
            return Ok(None);
        };
        match entry.inverse.clone().apply(project) {
            Ok(inverse) => {
                let label = entry.label.clone();
                to.push(Entry {
                    label: entry.label,
                    inverse,
                });
                Ok(Some(label))
            }
            Err(err) => {
                from.push(entry);
                Err(err)
            }
        }
    }

    /// Label of the step Undo would revert.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }

    /// Label of the step Redo would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// A counter that changes with every applied, undone or redone step (for "unsaved" marks).
    pub fn revision(&self) -> u64 {
        self.revision
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_project::sample;
    use super::*;
    use crate::model::RowStatus;

    #[test]
    fn undo_redo_many_steps() {
        let mut p = sample();
        let mut h = History::new();
        let start = p.clone();
        h.apply(&mut p, "Merge", Edit::MergeWithNext { row: 0 })
            .expect("merge");
        let merged = p.clone();
        h.apply(
            &mut p,
            "Confirm",
            Edit::SetRowStatus {
                row: 0,
                status: RowStatus::Confirmed,
            },
        )
        .expect("confirm");
        assert_eq!(h.undo_label(), Some("Confirm"));
        assert_eq!(h.undo(&mut p).expect("undo").as_deref(), Some("Confirm"));
        assert_eq!(p, merged);
        h.undo(&mut p).expect("undo");
        assert_eq!(p, start);
        assert_eq!(h.undo(&mut p).expect("nothing"), None);
        h.redo(&mut p).expect("redo");
        assert_eq!(p, merged);
        h.redo(&mut p).expect("redo");
        assert!(p.alignment.rows[0].is_confirmed());
        assert_eq!(h.redo_label(), None);
        assert!(h.revision() >= 6);
    }
}

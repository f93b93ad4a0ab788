//! Unlimited undo/redo: a stack of applied edits with their inverses, one entry per user
//! gesture. Never saved with the project.

use super::{Edit, EditError};
use crate::model::Project;

#[derive(Clone, Debug)]
struct Entry {
    label: String,
    inverse: Edit,
    /// The project's learned segmentation decisions to restore when this entry is applied,
    /// if the step changed them (a split or join teaches one, see `learn`).
    learned: Option<crate::segment::LearnedRules>,
}

/// The undo and redo stacks of one open project.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    revision: u64,
    /// Per version, the revision at which its text, segmentation or language last changed.
    text_revisions: Vec<u64>,
    /// The revision at which an edit last changed the grid's cells (see `Edit::changes_layout`).
    layout_revision: u64,
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
        let mut touched = Vec::new();
        edit.text_versions(&mut touched);
        let layout = edit.changes_layout();
        let lesson = super::learn::lesson(project, &edit);
        let inverse = edit.apply(project)?;
        let before = lesson.is_some().then(|| project.segmentation.clone());
        super::learn::record(project, lesson);
        let learned = before.filter(|b| *b != project.segmentation);
        self.undo.push(Entry {
            label: label.to_string(),
            inverse,
            learned,
        });
        self.redo.clear();
        self.revision += 1;
        self.mark_text_changed(&touched);
        if layout {
            self.layout_revision = self.revision;
        }
        Ok(())
    }

    fn mark_text_changed(&mut self, versions: &[usize]) {
        for &v in versions {
            if self.text_revisions.len() <= v {
                self.text_revisions.resize(v + 1, 0);
            }
            self.text_revisions[v] = self.revision;
        }
    }

    /// Undoes the last step; returns its label, or `None` if there is nothing to undo.
    pub fn undo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        let (touched, layout) = Self::touched(&self.undo);
        Self::step(&mut self.undo, &mut self.redo, project).inspect(|label| {
            if label.is_some() {
                self.revision += 1;
                self.mark_text_changed(&touched);
                if layout {
                    self.layout_revision = self.revision;
                }
            }
        })
    }

    /// Redoes the last undone step; returns its label, or `None` if there is nothing to redo.
    pub fn redo(&mut self, project: &mut Project) -> Result<Option<String>, EditError> {
        let (touched, layout) = Self::touched(&self.redo);
        Self::step(&mut self.redo, &mut self.undo, project).inspect(|label| {
            if label.is_some() {
                self.revision += 1;
                self.mark_text_changed(&touched);
                if layout {
                    self.layout_revision = self.revision;
                }
            }
        })
    }

    /// Versions whose text the top entry of `stack` changes when applied, and whether it
    /// changes the grid's cells.
    fn touched(stack: &[Entry]) -> (Vec<usize>, bool) {
        let mut out = Vec::new();
        let Some(entry) = stack.last() else {
            return (out, false);
        };
        entry.inverse.text_versions(&mut out);
        (out, entry.inverse.changes_layout())
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
                let learned = entry
                    .learned
                    .map(|l| std::mem::replace(&mut project.segmentation, l));
                to.push(Entry {
                    label: entry.label,
                    inverse,
                    learned,
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

    /// The revision at which an edit last changed what the grid's cells show or which cells
    /// there are (0: not since this history began); a confirm does not.
    pub fn layout_revision(&self) -> u64 {
        self.layout_revision
    }

    /// The revision at which the text, segmentation or language of `version` last changed
    /// (0: not since this history began). Lets views that index the text (term matches)
    /// skip versions an edit did not touch, instead of comparing whole texts.
    pub fn text_revision(&self, version: usize) -> u64 {
        self.text_revisions.get(version).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_project::sample;
    use super::*;
    use crate::model::RowStatus;

    /// Confirms row `row`.
    fn confirm(row: usize) -> Edit {
        Edit::SetRowStatus {
            row,
            status: RowStatus::Confirmed,
        }
    }

    #[test]
    fn undo_redo_many_steps() {
        let mut p = sample();
        let mut h = History::new();
        let start = p.clone();
        h.apply(&mut p, "Merge", Edit::MergeWithNext { row: 0 })
            .expect("merge");
        let merged = p.clone();
        h.apply(&mut p, "Confirm", confirm(0)).expect("confirm");
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

    #[test]
    fn text_revisions_follow_edits_undo_and_redo_of_text_only() {
        let mut p = sample();
        let mut h = History::new();
        h.apply(&mut p, "Merge", Edit::MergeWithNext { row: 0 })
            .expect("merge");
        assert_eq!((h.text_revision(0), h.text_revision(1)), (0, 0));
        let edit = Edit::EditText {
            version: 1,
            sentence: 0,
            text: "Changed.".into(),
        };
        h.apply(&mut p, "Edit text", edit).expect("edit");
        assert_eq!((h.text_revision(0), h.text_revision(1)), (0, 2));
        h.undo(&mut p).expect("undo");
        assert_eq!(
            h.text_revision(1),
            3,
            "undoing a text edit changes the text again"
        );
        h.undo(&mut p).expect("undo merge");
        assert_eq!(h.text_revision(1), 3, "undoing a merge does not");
        h.redo(&mut p).expect("redo merge");
        h.redo(&mut p).expect("redo text");
        assert_eq!((h.text_revision(0), h.text_revision(1)), (0, 6));
        assert_eq!(h.text_revision(7), 0, "unknown versions never changed");
        assert_eq!(
            h.layout_revision(),
            6,
            "the last redo changed a cell's text"
        );
        h.apply(&mut p, "Confirm", confirm(0)).expect("confirm");
        assert_eq!(h.layout_revision(), 6, "a confirm changes no cell");
        h.undo(&mut p).expect("undo confirm");
        assert_eq!(h.layout_revision(), 6);
        h.undo(&mut p).expect("undo text");
        assert_eq!(h.layout_revision(), 9);
    }
}

//! The open project and everything about it that is never saved: undo history, file path,
//! the revision last saved, the current cell. View settings live in the project (they are
//! saved) but change outside the history, so they have their own dirty flag.

use std::path::PathBuf;

use crate::edit::{Edit, EditError, History};
use crate::glossary::Glossary;
use crate::model::{Project, Version, ViewSettings};

use super::terms::TermState;

/// The current cell: a row index and a version (column) index.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CellPos {
    /// Row index.
    pub row: usize,
    /// Version index (not display position).
    pub version: usize,
}

/// One open project and its editing state.
pub struct Session {
    /// The project being edited; changed only by this type's methods: content through
    /// `Edit`s on the `history`, saved settings through [`Session::change_settings`].
    project: Project,
    /// Undo/redo stacks.
    pub history: History,
    /// File the project was loaded from or saved to.
    pub path: Option<PathBuf>,
    /// `history.revision()` at the last save or load.
    pub saved_revision: u64,
    /// View settings changed since the last save.
    pub view_dirty: bool,
    /// The current cell.
    pub cursor: CellPos,
    /// `history.revision()` when the recovery file was last written.
    pub recovered_revision: u64,
    /// Term index and findings of the project's glossary (view state).
    pub terms: TermState,
    /// The glossary as last loaded from or saved to `project.glossary_path` (three-way merge base).
    pub glossary_base: Glossary,
    /// Never saved and worth saving even unchanged (a new alignment); false for the sample.
    pub needs_file: bool,
}

impl Session {
    /// A session for a project loaded from (or to be saved to) `path`.
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let cursor = CellPos {
            row: 0,
            version: project.alignment.pivot,
        };
        let glossary_base = project.glossary.clone();
        Session {
            glossary_base,
            terms: TermState::default(),
            project,
            history: History::new(),
            path,
            saved_revision: 0,
            view_dirty: false,
            cursor,
            recovered_revision: 0,
            needs_file: true,
        }
    }

    /// The project being edited (read only: changes go through the methods below).
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Applies `edit` as one undoable step named `label`, then keeps the cursor in the table.
    pub fn apply_edit(&mut self, label: &str, edit: Edit) -> Result<(), EditError> {
        let result = self.history.apply(&mut self.project, label, edit);
        if result.is_ok() {
            self.clamp_cursor();
        }
        result
    }

    /// Undoes (or with `redo`, redoes) one step; the label of the step, `None` if there was
    /// none.
    pub fn undo_redo(&mut self, redo: bool) -> Result<Option<String>, EditError> {
        let result = if redo {
            self.history.redo(&mut self.project)
        } else {
            self.history.undo(&mut self.project)
        };
        self.clamp_cursor();
        result
    }

    /// Changes what is saved with the project but not undoable (view settings, the glossary
    /// file, rejected term candidates) and marks it unsaved.
    pub fn change_settings<R>(&mut self, change: impl FnOnce(&mut SavedSettings<'_>) -> R) -> R {
        self.view_dirty = true;
        change(&mut SavedSettings {
            project: &mut self.project,
        })
    }

    /// Rebuilds the term index and findings in the background if the project changed.
    pub fn refresh_terms(&mut self, ctx: &egui::Context) {
        self.terms.refresh(&self.project, &self.history, ctx);
    }

    /// True if there are changes not saved to `path`.
    pub fn is_dirty(&self) -> bool {
        self.history.revision() != self.saved_revision
            || self.view_dirty
            || (self.path.is_none() && self.needs_file)
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved_revision = self.history.revision();
        self.recovered_revision = self.saved_revision;
        self.view_dirty = false;
    }

    /// Window title: file name, a `•` for unsaved changes, app name.
    pub fn title(&self) -> String {
        let name = self
            .path
            .as_ref()
            .and_then(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Untitled".to_string());
        let mark = if self.is_dirty() { "• " } else { "" };
        format!("{mark}{name} — Alinea")
    }

    /// Version indices in display order: pivot first unless the editor reordered, hidden
    /// columns left out.
    pub fn visible_columns(&self) -> Vec<usize> {
        self.column_order()
            .into_iter()
            .filter(|v| !self.project.view.hidden_columns.contains(v))
            .collect()
    }

    /// All version indices in display order (including hidden ones).
    pub fn column_order(&self) -> Vec<usize> {
        let n = self.project.versions.len();
        let mut order: Vec<usize> = if self.project.view.column_order.is_empty() {
            let pivot = self.project.alignment.pivot.min(n.saturating_sub(1));
            std::iter::once(pivot)
                .chain((0..n).filter(|&v| v != pivot))
                .collect()
        } else {
            self.project
                .view
                .column_order
                .iter()
                .copied()
                .filter(|&v| v < n)
                .collect()
        };
        for v in 0..n {
            if !order.contains(&v) {
                order.push(v);
            }
        }
        order.dedup();
        order
    }

    /// The version of column `version`, if it exists.
    pub fn version(&self, version: usize) -> Option<&Version> {
        self.project.versions.get(version)
    }

    /// Text of the cell at (row, version), sentences joined by spaces.
    pub fn cell_text(&self, row: usize, version: usize) -> String {
        let (Some(r), Some(v)) = (
            self.project.alignment.rows.get(row),
            self.project.versions.get(version),
        ) else {
            return String::new();
        };
        r.cells
            .get(version)
            .map(|c| v.cell_text(c.clone()))
            .unwrap_or_default()
    }

    /// Keeps the cursor inside the table after rows or columns changed.
    pub fn clamp_cursor(&mut self) {
        let rows = self.project.alignment.rows.len();
        self.cursor.row = self.cursor.row.min(rows.saturating_sub(1));
        let visible = self.visible_columns();
        if !visible.contains(&self.cursor.version) {
            self.cursor.version = visible.first().copied().unwrap_or(0);
        }
    }

    /// Share of confirmed rows in percent, and the number of unconfirmed low-confidence rows.
    pub fn progress_counts(&self) -> (f32, usize) {
        let rows = &self.project.alignment.rows;
        if rows.is_empty() {
            return (0.0, 0);
        }
        let confirmed = rows.iter().filter(|r| r.is_confirmed()).count();
        let threshold = self.project.view.low_confidence;
        let low = rows
            .iter()
            .filter(|r| !r.is_confirmed() && r.score < threshold)
            .count();
        (confirmed as f32 * 100.0 / rows.len() as f32, low)
    }
}

/// The parts of a project that are saved but changed outside the undo history.
pub struct SavedSettings<'a> {
    project: &'a mut Project,
}

impl SavedSettings<'_> {
    /// Column order, hidden columns, widths, zoom, theme.
    pub fn view(&mut self) -> &mut ViewSettings {
        &mut self.project.view
    }

    /// Sets the glossary file the project's glossary is kept in.
    pub fn set_glossary_path(&mut self, path: PathBuf) {
        self.project.glossary_path = Some(path);
    }

    /// Rejects the term candidate `key`: it is not proposed again.
    pub fn reject_term(&mut self, key: &str) {
        crate::mine::review::reject(self.project, key);
    }

    /// Forgets every rejected candidate; how many there were.
    pub fn clear_rejected_terms(&mut self) -> usize {
        let n = self.project.rejected_terms.len();
        self.project.rejected_terms.clear();
        n
    }
}

//! Everything the editor can ask the app to do, with its label, keyboard shortcut and tooltip
//! in one place: menus, tooltips, the right-click menu and the F1 help panel are generated
//! from [`Action::COMMANDS`], so they never disagree.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

mod export;
mod file;
mod glossary;
mod review;
mod text;

pub use export::ExportRequest;
pub use file::FilePurpose;
pub use glossary::GlossaryAction;
pub use review::ReviewAction;

/// A user intent, recorded by panels while drawing and applied by `dispatch` afterwards.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Start a new project (choose versions, pivot, align).
    NewProject,
    /// Open a project file chosen in a dialog.
    OpenProject,
    /// Open this project file (recent list, typed path).
    OpenPath(PathBuf),
    /// Choose documents for the new project in a file dialog.
    ChooseDocuments,
    /// Load these documents as versions of the new project.
    AddDocuments(Vec<PathBuf>),
    /// Align the versions of the new project and open it.
    AlignNewProject,
    /// Stop the running background job.
    CancelJob,
    /// Save to the current file (or ask for one).
    Save,
    /// Save to a new file chosen in a dialog.
    SaveAs,
    /// Save to this path.
    SaveTo(PathBuf),
    /// Close the project.
    CloseProject,
    /// Quit the app.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Confirm the current row, or set a confirmed row back to automatic.
    ToggleConfirm,
    /// Merge the current row with the next one.
    MergeWithNext,
    /// Split the current row into one row per sentence.
    SplitRow,
    /// Move the first sentence of the current cell into the row above.
    MoveSentenceUp,
    /// Move the last sentence of the current cell into the row below.
    MoveSentenceDown,
    /// Insert an empty cell in the current column (cells below shift down).
    InsertEmptyCell,
    /// Remove the current empty cell (cells below shift up).
    RemoveEmptyCell,
    /// Re-align everything that is not confirmed.
    Realign,
    /// Open the sentence editor for the current cell (edit text, split, join).
    EditSentences,
    /// Join the last sentence of the current cell with the next sentence.
    JoinWithNextSentence,
    /// Split sentence `sentence` of `version` at byte offset `at` of the version text.
    SplitSentenceAt {
        /// Version index.
        version: usize,
        /// Sentence index.
        sentence: usize,
        /// Byte offset in the version text.
        at: usize,
    },
    /// Join sentence `sentence` of `version` with the next one.
    JoinSentence {
        /// Version index.
        version: usize,
        /// Sentence index.
        sentence: usize,
    },
    /// Replace the text of a sentence.
    SetSentenceText {
        /// Version index.
        version: usize,
        /// Sentence index.
        sentence: usize,
        /// New text.
        text: String,
    },
    /// Move the current cell one row up.
    CellUp,
    /// Move the current cell one row down.
    CellDown,
    /// Move the current cell one column left.
    CellLeft,
    /// Move the current cell one column right.
    CellRight,
    /// Move the current cell a page up.
    PageUp,
    /// Move the current cell a page down.
    PageDown,
    /// Go to the first row.
    FirstRow,
    /// Go to the last row.
    LastRow,
    /// Go to the next row that is not confirmed.
    NextUnconfirmed,
    /// Go to the next unconfirmed row scoring below the low-confidence threshold.
    NextWeakRow,
    /// Go to the previous unconfirmed row scoring below the low-confidence threshold.
    PrevWeakRow,
    /// Confirm the current row and go to the next weak row.
    ConfirmAndNext,
    /// Split the current cell's sentence before the selected word (the caret).
    SplitAtCaret,
    /// Make this cell (row, version) the current cell.
    SelectCell {
        /// Row index.
        row: usize,
        /// Version index.
        version: usize,
    },
    /// Show or hide the find bar.
    ToggleFind,
    /// Go to the next search hit.
    NextHit,
    /// Go to the previous search hit.
    PrevHit,
    /// Larger text.
    ZoomIn,
    /// Smaller text.
    ZoomOut,
    /// Default text size.
    ZoomReset,
    /// Switch between light and dark theme.
    ToggleTheme,
    /// Show or hide the help panel.
    ToggleHelp,
    /// Hide or show a version's column.
    ToggleColumn(usize),
    /// Move a version's column one place left (`-1`) or right (`+1`).
    MoveColumn {
        /// Version index.
        version: usize,
        /// -1 left, +1 right.
        offset: isize,
    },
    /// Give a version's column this width (points); saved with the project.
    SetColumnWidth {
        /// Version index.
        version: usize,
        /// Width in points.
        width: f32,
    },
    /// Open the export dialog (format, rows, languages, output).
    OpenExportDialog,
    /// Export the project's aligned rows as the request says (background job).
    Export(ExportRequest),
    /// Import a TMX file chosen in a dialog as a new project.
    ImportTmx,
    /// Import this TMX file as a new project.
    ImportTmxFrom(PathBuf),
    /// Write the project's glossary as TBX or CSV to a file chosen in a dialog.
    ExportGlossary,
    /// Write the project's glossary to this file (.tbx or .csv).
    ExportGlossaryTo(PathBuf),
    /// Show this error as a notice (a panel's check failed, e.g. a re-read document).
    ReportError(String),
    /// The answer to "save changes first?" for the action waiting on it.
    AnswerSaveChanges(SaveChoice),
    /// The answer to "recover unsaved work?": `true` recovers, `false` discards it.
    AnswerRecovery(bool),
    /// Ask for a file (native dialog, else a typed path); the answer becomes the action the
    /// file is for.
    ChooseFile(FilePurpose),
    /// A glossary or consistency-check command.
    Glossary(GlossaryAction),
    /// A term review queue command.
    Review(ReviewAction),
}

/// The editor's answer to "save changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveChoice {
    /// Save, then go on with the waiting action.
    Save,
    /// Drop the changes and go on.
    Discard,
    /// Neither: the waiting action is dropped.
    Cancel,
}

/// Where a command is listed in the menus and the help panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// File menu.
    File,
    /// Edit menu.
    Edit,
    /// Navigation (Go menu).
    Navigate,
    /// View menu.
    View,
    /// Glossary menu.
    Glossary,
}

const fn cmd(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}
const fn cmd_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}
const fn plain(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, key)
}
const fn alt(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::ALT, key)
}

impl Action {
    /// The parameterless commands, in menu order; shortcuts with more modifiers come before
    /// the same key with fewer, so Ctrl+Shift+Z is not taken for Ctrl+Z.
    pub const COMMANDS: &'static [Action] = &[
        Action::NewProject,
        Action::OpenProject,
        Action::SaveAs,
        Action::Save,
        Action::CloseProject,
        Action::Quit,
        Action::Redo,
        Action::Undo,
        Action::ConfirmAndNext,
        Action::ToggleConfirm,
        Action::SplitAtCaret,
        Action::SplitRow,
        Action::MergeWithNext,
        Action::MoveSentenceUp,
        Action::MoveSentenceDown,
        Action::InsertEmptyCell,
        Action::RemoveEmptyCell,
        Action::EditSentences,
        Action::JoinWithNextSentence,
        Action::Realign,
        Action::FirstRow,
        Action::LastRow,
        Action::NextUnconfirmed,
        Action::PrevWeakRow,
        Action::NextWeakRow,
        Action::CellUp,
        Action::CellDown,
        Action::CellLeft,
        Action::CellRight,
        Action::PageUp,
        Action::PageDown,
        Action::ToggleFind,
        Action::PrevHit,
        Action::NextHit,
        Action::ZoomIn,
        Action::ZoomOut,
        Action::ZoomReset,
        Action::ToggleTheme,
        Action::ToggleHelp,
        Action::Glossary(GlossaryAction::MarkTerm),
        Action::Glossary(GlossaryAction::TogglePanel),
        Action::Glossary(GlossaryAction::ToggleFindings),
        Action::Glossary(GlossaryAction::NewGlossary),
        Action::Glossary(GlossaryAction::OpenGlossary),
        Action::Glossary(GlossaryAction::SaveGlossary),
        Action::Review(ReviewAction::TogglePanel),
        Action::Review(ReviewAction::Mine),
    ];

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        Some(match self {
            Action::NewProject => cmd(Key::N),
            Action::OpenProject => cmd(Key::O),
            Action::Save => cmd(Key::S),
            Action::SaveAs => cmd_shift(Key::S),
            Action::CloseProject => cmd(Key::W),
            Action::Quit => cmd(Key::Q),
            Action::Undo => cmd(Key::Z),
            Action::Redo => cmd_shift(Key::Z),
            Action::ToggleConfirm => plain(Key::Enter),
            Action::MergeWithNext => cmd(Key::M),
            Action::SplitRow => cmd_shift(Key::M),
            Action::MoveSentenceUp => alt(Key::ArrowUp),
            Action::MoveSentenceDown => alt(Key::ArrowDown),
            Action::InsertEmptyCell => plain(Key::Insert),
            Action::RemoveEmptyCell => plain(Key::Delete),
            Action::Realign => cmd(Key::R),
            Action::EditSentences => plain(Key::F2),
            Action::JoinWithNextSentence => cmd(Key::J),
            Action::CellUp => plain(Key::ArrowUp),
            Action::CellDown => plain(Key::ArrowDown),
            Action::CellLeft => plain(Key::ArrowLeft),
            Action::CellRight => plain(Key::ArrowRight),
            Action::PageUp => plain(Key::PageUp),
            Action::PageDown => plain(Key::PageDown),
            Action::FirstRow => cmd(Key::Home),
            Action::LastRow => cmd(Key::End),
            Action::NextUnconfirmed => cmd(Key::ArrowDown),
            Action::NextWeakRow => plain(Key::F8),
            Action::PrevWeakRow => KeyboardShortcut::new(Modifiers::SHIFT, Key::F8),
            Action::ConfirmAndNext => cmd(Key::Enter),
            Action::SplitAtCaret => cmd(Key::K),
            Action::ToggleFind => cmd(Key::F),
            Action::NextHit => plain(Key::F3),
            Action::PrevHit => KeyboardShortcut::new(Modifiers::SHIFT, Key::F3),
            Action::ZoomIn => cmd(Key::Equals),
            Action::ZoomOut => cmd(Key::Minus),
            Action::ZoomReset => cmd(Key::Num0),
            Action::ToggleTheme => cmd_shift(Key::D),
            Action::ToggleHelp => plain(Key::F1),
            Action::Glossary(g) => return g.shortcut(),
            Action::Review(r) => return r.shortcut(),
            _ => return None,
        })
    }

    /// A second shortcut for the same command (Ctrl+Y for redo, Ctrl++ for zoom in).
    pub fn alt_shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            Action::Redo => Some(cmd(Key::Y)),
            Action::ZoomIn => Some(cmd(Key::Plus)),
            _ => None,
        }
    }

    /// The menu and help section the command belongs to.
    pub fn group(&self) -> Group {
        match self {
            Action::NewProject
            | Action::OpenProject
            | Action::OpenPath(_)
            | Action::ChooseDocuments
            | Action::AddDocuments(_)
            | Action::AlignNewProject
            | Action::CancelJob
            | Action::Save
            | Action::SaveAs
            | Action::SaveTo(_)
            | Action::CloseProject
            | Action::Quit
            | Action::OpenExportDialog
            | Action::Export(_)
            | Action::ImportTmx
            | Action::ImportTmxFrom(_)
            | Action::ExportGlossary
            | Action::ExportGlossaryTo(_)
            | Action::ReportError(_)
            | Action::AnswerSaveChanges(_)
            | Action::AnswerRecovery(_)
            | Action::ChooseFile(_) => Group::File,
            Action::CellUp
            | Action::CellDown
            | Action::CellLeft
            | Action::CellRight
            | Action::PageUp
            | Action::PageDown
            | Action::FirstRow
            | Action::LastRow
            | Action::NextUnconfirmed
            | Action::NextWeakRow
            | Action::PrevWeakRow
            | Action::SelectCell { .. }
            | Action::NextHit
            | Action::PrevHit => Group::Navigate,
            Action::ToggleFind
            | Action::ZoomIn
            | Action::ZoomOut
            | Action::ZoomReset
            | Action::ToggleTheme
            | Action::ToggleHelp
            | Action::ToggleColumn(_)
            | Action::MoveColumn { .. }
            | Action::SetColumnWidth { .. } => Group::View,
            Action::Glossary(_) | Action::Review(_) => Group::Glossary,
            _ => Group::Edit,
        }
    }

    /// True for commands that change the project (disabled while a job runs).
    pub fn edits_project(&self) -> bool {
        self.group() == Group::Edit
    }

    /// True for actions that close or replace the open project (they wait for a save).
    pub fn replaces_session(&self) -> bool {
        matches!(
            self,
            Action::NewProject
                | Action::OpenProject
                | Action::OpenPath(_)
                | Action::CloseProject
                | Action::ImportTmx
                | Action::ImportTmxFrom(_)
                | Action::Quit
        )
    }

    /// True for plain-key shortcuts that a focused text field needs for itself.
    pub fn yields_to_text_field(&self) -> bool {
        let Some(s) = self.shortcut() else {
            return false;
        };
        let function_key = matches!(
            s.logical_key,
            Key::F1 | Key::F2 | Key::F3 | Key::F4 | Key::F5 | Key::F6 | Key::F7 | Key::F8
        );
        let text_editing = matches!(
            self,
            Action::Undo
                | Action::Redo
                | Action::FirstRow
                | Action::LastRow
                | Action::NextUnconfirmed
        );
        (!s.modifiers.command && !function_key) || text_editing
    }

    /// The tooltip followed by the shortcut, e.g. "Join this row and the row below (Ctrl+M)".
    pub fn hover_text(&self, ctx: &egui::Context) -> String {
        let keys = self.shortcut_text(ctx);
        if keys.is_empty() {
            self.tooltip().to_string()
        } else {
            format!("{} ({keys})", self.tooltip())
        }
    }

    /// The shortcut as text for this platform ("Ctrl+Shift+Z"), or "".
    pub fn shortcut_text(&self, ctx: &egui::Context) -> String {
        let mut out = self
            .shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default();
        if let Some(alt) = self.alt_shortcut() {
            out.push_str(" / ");
            out.push_str(&ctx.format_shortcut(&alt));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_label_tooltip_and_unique_shortcut() {
        let mut seen = Vec::new();
        for a in Action::COMMANDS {
            assert!(!a.label().is_empty() && !a.tooltip().is_empty());
            for s in [a.shortcut(), a.alt_shortcut()].into_iter().flatten() {
                assert!(!seen.contains(&s), "{a:?} reuses a shortcut");
                seen.push(s);
            }
        }
    }
}

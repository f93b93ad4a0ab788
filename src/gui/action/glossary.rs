//! Glossary and consistency-check commands: mark a term, the glossary and findings panels, the
//! glossary file, accepted findings, reports. Wrapped in [`super::Action::Glossary`] so the
//! main enum stays small; labels, tooltips and shortcuts live here too.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::glossary::Concept;

/// A glossary command.
#[derive(Clone, Debug, PartialEq)]
pub enum GlossaryAction {
    /// Open "Mark as term" for the text selected in the current cell (or its first word).
    MarkTerm,
    /// Show or hide the glossary panel.
    TogglePanel,
    /// Show or hide the consistency-check panel.
    ToggleFindings,
    /// Start an empty glossary saved at a path chosen by the editor.
    NewGlossary,
    /// Load a glossary (.ron, .csv, .tbx) chosen by the editor.
    OpenGlossary,
    /// Save the glossary to its file (merging with changes on disk).
    SaveGlossary,
    /// Use a new, empty glossary stored at this path.
    NewGlossaryAt(PathBuf),
    /// Give the glossary this file (keeping its concepts) and save it there.
    SaveGlossaryAt(PathBuf),
    /// Load this glossary file into the project.
    OpenGlossaryAt(PathBuf),
    /// Put (or delete with `None`) concepts, as one undoable step.
    PutConcepts {
        /// Shown in the Undo menu.
        label: &'static str,
        /// Concept id → new concept (`None` deletes).
        puts: Vec<(String, Option<Concept>)>,
    },
    /// Mark a finding accepted (or not).
    SetFindingAccepted {
        /// `Finding::key()`.
        key: String,
        /// New state.
        accepted: bool,
    },
    /// Go to finding number `n` of the current findings and show its terms.
    JumpToFinding(usize),
    /// Write the findings report (CSV or HTML by extension) to this path.
    ExportReport(PathBuf),
    /// Resolve the pending save conflicts: concept id → keep mine (`true`) or theirs.
    ResolveConflicts(Vec<(String, bool)>),
}

impl GlossaryAction {
    /// The keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            GlossaryAction::MarkTerm => Some(KeyboardShortcut::new(Modifiers::NONE, Key::T)),
            GlossaryAction::TogglePanel => Some(KeyboardShortcut::new(Modifiers::COMMAND, Key::G)),
            GlossaryAction::ToggleFindings => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F7)),
            _ => None,
        }
    }

    /// Short name for menus and help.
    pub fn label(&self) -> &'static str {
        match self {
            GlossaryAction::MarkTerm => "Mark as term…",
            GlossaryAction::TogglePanel => "Glossary panel",
            GlossaryAction::ToggleFindings => "Consistency check",
            GlossaryAction::NewGlossary | GlossaryAction::NewGlossaryAt(_) => "New glossary…",
            GlossaryAction::OpenGlossary | GlossaryAction::OpenGlossaryAt(_) => "Open glossary…",
            GlossaryAction::SaveGlossary | GlossaryAction::SaveGlossaryAt(_) => "Save glossary",
            GlossaryAction::PutConcepts { label, .. } => label,
            GlossaryAction::SetFindingAccepted { accepted: true, .. } => "Accept finding",
            GlossaryAction::SetFindingAccepted { .. } => "Reopen finding",
            GlossaryAction::JumpToFinding(_) => "Go to finding",
            GlossaryAction::ExportReport(_) => "Export check report",
            GlossaryAction::ResolveConflicts(_) => "Resolve glossary conflicts",
        }
    }

    /// One sentence for tooltips and the help panel.
    pub fn tooltip(&self) -> &'static str {
        match self {
            GlossaryAction::MarkTerm => {
                "Add the selected text as a term: new concept or an existing one, with proposed translations"
            }
            GlossaryAction::TogglePanel => "List, search, edit, merge and delete concepts",
            GlossaryAction::ToggleFindings => {
                "Term consistency findings per concept and language; accept, jump, export"
            }
            GlossaryAction::NewGlossary | GlossaryAction::NewGlossaryAt(_) => {
                "Start an empty glossary file for this project"
            }
            GlossaryAction::OpenGlossary | GlossaryAction::OpenGlossaryAt(_) => {
                "Use a glossary file (.glossary.ron, .csv or .tbx) in this project"
            }
            GlossaryAction::SaveGlossary | GlossaryAction::SaveGlossaryAt(_) => {
                "Write the glossary file, merging with changes other editors saved meanwhile"
            }
            GlossaryAction::PutConcepts { .. } => "Change concepts of the glossary",
            GlossaryAction::SetFindingAccepted { .. } => {
                "Accepted findings are listed, not counted"
            }
            GlossaryAction::JumpToFinding(_) => "Show the row of this finding",
            GlossaryAction::ExportReport(_) => "Write the findings as CSV or HTML",
            GlossaryAction::ResolveConflicts(_) => "Keep mine or theirs per concept, then save",
        }
    }
}

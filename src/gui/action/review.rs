//! Term review queue commands: show the queue, mine the project, go to an example row,
//! accept a candidate as a new concept, add a counterpart to an existing concept, reject.
//! Wrapped in [`super::Action::Review`]; candidates are named by their
//! [`crate::mine::candidate_key`] so an action stays right when the queue changes under it.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::glossary::TermStatus;
use crate::mine::review::Choices;

/// A review-queue command.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewAction {
    /// Show or hide the term review panel.
    TogglePanel,
    /// Mine the project's aligned rows for term candidates (background job).
    Mine,
    /// Go to alignment row `row`, an example of candidate `key`, with its spans highlighted.
    ShowExample {
        /// The candidate's key.
        key: String,
        /// Alignment row.
        row: usize,
    },
    /// Add candidate `key` to the glossary as a new concept, counterparts as `choices` say.
    Accept {
        /// The candidate's key.
        key: String,
        /// Status per counterpart (`None`: left out), as `TermCandidate::counterparts`.
        choices: Choices,
    },
    /// Add one counterpart of candidate `key` to concept `concept` with `status`.
    AddVariant {
        /// The candidate's key.
        key: String,
        /// Id of the existing concept.
        concept: String,
        /// Index into `TermCandidate::counterparts`.
        version_entry: usize,
        /// Index into that entry's counterparts.
        counterpart: usize,
        /// Status of the added term.
        status: TermStatus,
    },
    /// Reject candidate `key`: remembered in the project, never proposed again.
    Reject(String),
    /// Forget every rejection of this project (they are proposed again at the next mining).
    RestoreRejected,
}

impl ReviewAction {
    /// The keyboard shortcut, if any.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        match self {
            ReviewAction::TogglePanel => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F6)),
            _ => None,
        }
    }

    /// Short name for menus and help.
    pub fn label(&self) -> &'static str {
        match self {
            ReviewAction::TogglePanel => "Term review queue",
            ReviewAction::Mine => "Mine terms",
            ReviewAction::ShowExample { .. } => "Go to example",
            ReviewAction::Accept { .. } => "Accept term candidate",
            ReviewAction::AddVariant { .. } => "Add counterpart to concept",
            ReviewAction::Reject(_) => "Reject term candidate",
            ReviewAction::RestoreRejected => "Restore rejected candidates",
        }
    }

    /// One sentence for tooltips and the help panel.
    pub fn tooltip(&self) -> &'static str {
        match self {
            ReviewAction::TogglePanel => {
                "Terms mined from the aligned rows with their counterparts: accept, add as variant, reject"
            }
            ReviewAction::Mine => {
                "Find recurring terms of the pivot and how every version renders them (background)"
            }
            ReviewAction::ShowExample { .. } => "Show this row in the grid, the term highlighted",
            ReviewAction::Accept { .. } => {
                "Add the term and the chosen counterparts to the glossary as one new concept"
            }
            ReviewAction::AddVariant { .. } => {
                "Add this counterpart to the chosen existing concept"
            }
            ReviewAction::Reject(_) => "Not a term: never propose it again in this project",
            ReviewAction::RestoreRejected => "Propose the rejected candidates again",
        }
    }
}

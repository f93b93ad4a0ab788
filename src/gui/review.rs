//! The keyboard-first review flow: confirm the row and go to the next weak one, and split the
//! current cell's sentence before the word selected in it (the "caret" of the grid).

use crate::edit::Edit;
use crate::model::RowStatus;

use super::action::Action;
use super::navigation;
use super::state::AlineaApp;

/// Confirms the current row (if it is not yet) and moves to the next weak row.
pub fn confirm_and_next(app: &mut AlineaApp) {
    let Some(s) = &app.session else {
        return;
    };
    let row = s.cursor.row;
    let unconfirmed = s
        .project()
        .alignment
        .rows
        .get(row)
        .is_some_and(|r| !r.is_confirmed());
    if unconfirmed {
        let edit = Edit::SetRowStatus {
            row,
            status: RowStatus::Confirmed,
        };
        app.apply_edit(Action::ToggleConfirm.label(), edit);
    }
    navigation::apply(app, &Action::NextWeakRow);
}

/// The sentence split the grid selection stands for: the selection must lie in the current
/// cell and start inside one of its sentences (not at its start).
pub fn split_at_selection(app: &AlineaApp) -> Result<Action, &'static str> {
    let s = app.session.as_ref().ok_or("No project is open")?;
    let sel = app
        .ui
        .glossary
        .selection
        .as_ref()
        .filter(|sel| sel.row == s.cursor.row && sel.version == s.cursor.version)
        .ok_or("Select a word in this cell first (double-click it)")?;
    let version = s.version(sel.version).ok_or("No such version")?;
    let cell = s
        .project()
        .alignment
        .rows
        .get(sel.row)
        .and_then(|r| r.cells.get(sel.version))
        .ok_or("No such cell")?;
    // The cell text is its sentences joined by single spaces.
    let mut offset = 0;
    for sentence in cell.clone() {
        let len = version.sentence_text(sentence).len();
        let at = sel.range.start;
        if at > offset && at < offset + len {
            let start = version.sentences[sentence].range.start;
            return Ok(Action::SplitSentenceAt {
                version: sel.version,
                sentence,
                at: start + at - offset,
            });
        }
        offset += len + 1;
    }
    Err("The selection is at the start of a sentence: nothing to split")
}

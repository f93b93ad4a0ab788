//! The words of every [`Action`]: its label (menus, buttons, help panel) and its tooltip.

use super::Action;

impl Action {
    /// Short name shown in menus, buttons and the help panel.
    pub fn label(&self) -> &'static str {
        match self {
            Action::NewProject => "New project…",
            Action::OpenProject => "Open project…",
            Action::OpenPath(_) => "Open",
            Action::ChooseDocuments => "Add files…",
            Action::AddDocuments(_) => "Add documents",
            Action::AlignNewProject => "Align",
            Action::CancelJob => "Cancel",
            Action::Save | Action::SaveTo(_) => "Save",
            Action::SaveAs => "Save as…",
            Action::CloseProject => "Close project",
            Action::Quit => "Quit",
            Action::Undo => "Undo",
            Action::Redo => "Redo",
            Action::ToggleConfirm => "Confirm row",
            Action::MergeWithNext => "Merge with next row",
            Action::SplitRow => "Split row into sentences",
            Action::MoveSentenceUp => "Move sentence up",
            Action::MoveSentenceDown => "Move sentence down",
            Action::InsertEmptyCell => "Insert empty cell",
            Action::RemoveEmptyCell => "Remove empty cell",
            Action::Realign => "Re-align unconfirmed rows",
            Action::EditSentences => "Edit sentences…",
            Action::JoinWithNextSentence => "Join with next sentence",
            Action::SplitSentenceAt { .. } => "Split sentence",
            Action::JoinSentence { .. } => "Join sentences",
            Action::SetSentenceText { .. } => "Edit sentence text",
            Action::CellUp => "Cell up",
            Action::CellDown => "Cell down",
            Action::CellLeft => "Cell left",
            Action::CellRight => "Cell right",
            Action::PageUp => "Page up",
            Action::PageDown => "Page down",
            Action::FirstRow => "First row",
            Action::LastRow => "Last row",
            Action::NextUnconfirmed => "Next unconfirmed row",
            Action::NextWeakRow => "Next weak row",
            Action::PrevWeakRow => "Previous weak row",
            Action::ConfirmAndNext => "Confirm and next weak row",
            Action::SplitAtCaret => "Split sentence at selection",
            Action::SelectCell { .. } => "Select cell",
            Action::ToggleFind => "Find…",
            Action::NextHit => "Next hit",
            Action::PrevHit => "Previous hit",
            Action::ZoomIn => "Zoom in",
            Action::ZoomOut => "Zoom out",
            Action::ZoomReset => "Reset zoom",
            Action::ToggleTheme => "Light / dark theme",
            Action::ToggleHelp => "Keyboard help",
            Action::ToggleColumn(_) => "Show column",
            Action::MoveColumn { .. } => "Move column",
            Action::SetColumnWidth { .. } => "Column width",
            Action::OpenExportDialog | Action::Export(_) => "Export…",
            Action::ImportTmx | Action::ImportTmxFrom(_) => "Import TMX…",
            Action::ExportGlossary | Action::ExportGlossaryTo(_) => "Export glossary (TBX / CSV)…",
            Action::ReportError(_) => "Report an error",
            Action::AnswerSaveChanges(_) => "Save changes?",
            Action::AnswerRecovery(_) => "Recover unsaved work?",
            Action::ChooseFile(_) => "Choose a file…",
            Action::Glossary(g) => g.label(),
            Action::Review(r) => r.label(),
        }
    }

    /// One sentence on what the command does, for tooltips and the help panel.
    pub fn tooltip(&self) -> &'static str {
        match self {
            Action::NewProject => {
                "Add versions from files, drops or pasted text, pick the pivot, align"
            }
            Action::OpenProject | Action::OpenPath(_) => "Open an .alinea project file",
            Action::ChooseDocuments | Action::AddDocuments(_) => {
                "Add versions from text, HTML or DOCX files (you can also drop files on the window)"
            }
            Action::AlignNewProject => "Align all versions against the pivot and open the result",
            Action::CancelJob => "Stop the running job",
            Action::Save | Action::SaveTo(_) => "Save the project (RON, .alinea)",
            Action::SaveAs => "Save the project under a new name",
            Action::CloseProject => "Close the project (asks if there are unsaved changes)",
            Action::Quit => "Quit Alinea (asks if there are unsaved changes)",
            Action::Undo => "Undo the last change; history is unlimited",
            Action::Redo => "Redo the last undone change",
            Action::ToggleConfirm => {
                "Mark the row checked (kept fixed when re-aligning), or back to automatic"
            }
            Action::MergeWithNext => "Join this row and the row below into one row",
            Action::SplitRow => {
                "Split a row whose cells hold several sentences into one row per sentence"
            }
            Action::MoveSentenceUp => {
                "Move the first sentence of this cell to the end of the cell above"
            }
            Action::MoveSentenceDown => {
                "Move the last sentence of this cell to the start of the cell below"
            }
            Action::InsertEmptyCell => "Insert an empty cell here; this column's cells shift down",
            Action::RemoveEmptyCell => "Remove this empty cell; this column's cells shift up",
            Action::Realign => "Align again everything between confirmed rows; confirmed rows stay",
            Action::EditSentences => {
                "Edit the text of this cell's sentences, split one at a word or join"
            }
            Action::JoinWithNextSentence => {
                "Fix segmentation: join the cell's last sentence with the next one"
            }
            Action::SplitSentenceAt { .. } => "Split the sentence before the chosen word",
            Action::JoinSentence { .. } => "Join this sentence with the next one",
            Action::SetSentenceText { .. } => "Replace the sentence's text",
            Action::CellUp | Action::CellDown | Action::CellLeft | Action::CellRight => {
                "Move the current cell"
            }
            Action::PageUp | Action::PageDown => "Move the current cell by a screen",
            Action::FirstRow | Action::LastRow => "Jump to the first or last row",
            Action::NextUnconfirmed => "Jump to the next row that is not confirmed",
            Action::NextWeakRow | Action::PrevWeakRow => {
                "Jump to the next or previous unconfirmed low-confidence row"
            }
            Action::ConfirmAndNext => "Confirm this row, then jump to the next weak row",
            Action::SplitAtCaret => {
                "Split the sentence before the word selected (double-click) in this cell"
            }
            Action::SelectCell { .. } => "Make this the current cell",
            Action::ToggleFind => "Search all versions; filter rows",
            Action::NextHit => "Go to the next search hit",
            Action::PrevHit => "Go to the previous search hit",
            Action::ZoomIn | Action::ZoomOut | Action::ZoomReset => "Change the text size",
            Action::ToggleTheme => "Switch between the light and the dark theme",
            Action::ToggleHelp => "Show all commands and their shortcuts",
            Action::ToggleColumn(_) => "Show or hide this version's column",
            Action::MoveColumn { .. } => "Change the column order",
            Action::SetColumnWidth { .. } => "Drag a column header's right edge to resize it",
            Action::OpenExportDialog | Action::Export(_) => {
                "Write the aligned rows as TMX, TSV, CSV, JSONL or an HTML review report"
            }
            Action::ImportTmx | Action::ImportTmxFrom(_) => {
                "Open a translation memory (TMX) as a new project, one version per language"
            }
            Action::ExportGlossary | Action::ExportGlossaryTo(_) => {
                "Write the project's glossary as TBX (.tbx) or CSV (.csv) for other tools"
            }
            Action::ReportError(_) => "Show the error as a notice until it is dismissed",
            Action::AnswerSaveChanges(_) => "Save, discard or keep the unsaved changes",
            Action::AnswerRecovery(_) => "Recover or discard the work left by the last run",
            Action::ChooseFile(_) => "Choose the file in a dialog, or type its path",
            Action::Glossary(g) => g.tooltip(),
            Action::Review(r) => r.tooltip(),
        }
    }
}

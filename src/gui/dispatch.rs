//! Applies [`Action`]s: the one place that turns intent into `Edit`s on the history, file IO
//! and job starts, and that keeps the dirty mark, the recovery file and the recent list true.

use std::path::PathBuf;

use crate::edit::{Edit, MoveDirection};
use crate::model::RowStatus;

use super::action::{Action, FilePurpose, SaveChoice};
use super::file_choice::{self, save_current};
use super::panels::{sentence_editor, versions};
use super::state::AlineaApp;
use super::{exchange, navigation};

/// Most actions one frame applies: an action may queue follow-ups (a chosen file, the action
/// that waited for a save), and these run in the same frame; this bounds a chain.
const MAX_ACTIONS_PER_FRAME: usize = 256;

/// Applies the queued actions in order, including those they queue in turn.
pub fn apply_queued(app: &mut AlineaApp, ctx: &egui::Context) {
    for _ in 0..MAX_ACTIONS_PER_FRAME {
        if app.actions.is_empty() {
            return;
        }
        let action = app.actions.remove(0);
        apply(app, ctx, action);
    }
    ctx.request_repaint();
}

/// Applies one action.
pub fn apply(app: &mut AlineaApp, ctx: &egui::Context, action: Action) {
    if action.edits_project() && app.jobs.is_busy() {
        app.ui
            .error("Wait for the running job to finish (or cancel it) first");
        return;
    }
    if action.replaces_session()
        && let Some(label) = app.jobs.writing_label()
    {
        app.ui
            .error(format!("Wait until “{label}” has finished, then try again"));
        return;
    }
    match action {
        Action::NewProject
        | Action::OpenProject
        | Action::OpenPath(_)
        | Action::CloseProject
        | Action::ImportTmx
        | Action::Quit
            if needs_save_prompt(app) =>
        {
            app.pending = Some(action);
        }
        Action::NewProject => {
            app.close_session();
            app.ui.new_project = Some(versions::Draft::default());
            app.ui.info("New project: add two or more versions");
        }
        Action::OpenProject => file_choice::choose(app, ctx, FilePurpose::OpenProject),
        Action::OpenPath(path) => app.open_project(ctx, &path),
        Action::ChooseDocuments => file_choice::choose(app, ctx, FilePurpose::AddDocuments),
        Action::ChooseFile(purpose) => file_choice::choose(app, ctx, purpose),
        Action::ReportError(text) => app.ui.error(text),
        Action::AnswerSaveChanges(choice) => answer_save_changes(app, ctx, choice),
        Action::AnswerRecovery(recover) => answer_recovery(app, ctx, recover),
        Action::AddDocuments(paths) => {
            let split = app
                .ui
                .new_project
                .get_or_insert_with(versions::Draft::default)
                .split;
            app.jobs
                .load_documents(ctx, paths, Default::default(), split, false);
        }
        Action::AlignNewProject => {
            if let Some(draft) = &app.ui.new_project {
                if draft.versions.len() < 2 {
                    app.ui.error("Add at least two versions to align");
                } else {
                    app.jobs.align(ctx, draft.versions.clone(), draft.pivot);
                }
            }
        }
        Action::CancelJob => app.jobs.cancel(),
        Action::Save => {
            save_current(app, ctx);
        }
        Action::SaveAs => file_choice::choose(app, ctx, FilePurpose::SaveProject),
        Action::SaveTo(path) => {
            app.save_to(ctx, &path);
        }
        Action::CloseProject => {
            app.close_session();
            app.ui.new_project = None;
        }
        Action::Quit => {
            app.clear_recovery();
            app.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        Action::Undo | Action::Redo => undo_redo(app, action == Action::Redo),
        Action::Realign => {
            if let Some(s) = &app.session {
                let concepts = s.terms.sentence_concepts(s.project());
                app.jobs
                    .realign(ctx, s.project(), s.history.revision(), concepts);
            }
        }
        Action::EditSentences => {
            if let Some(s) = &app.session {
                app.ui.sentence_editor = sentence_editor::SentenceEditor::open(s);
            }
        }
        Action::ToggleFind => {
            app.ui.find.open = !app.ui.find.open;
            app.ui.find.focus_query = app.ui.find.open;
        }
        Action::ToggleHelp => app.ui.help_open = !app.ui.help_open,
        Action::OpenExportDialog
        | Action::Export(_)
        | Action::ImportTmx
        | Action::ImportTmxFrom(_)
        | Action::ExportGlossary
        | Action::ExportGlossaryTo(_) => exchange::apply(app, ctx, action),
        Action::ToggleTheme => match &mut app.session {
            Some(s) => {
                let dark = s.change_settings(|p| {
                    let view = p.view();
                    view.dark_mode = !view.dark_mode;
                    view.dark_mode
                });
                app.settings.dark_mode = dark;
            }
            None => app.settings.dark_mode = !app.settings.dark_mode,
        },
        Action::Glossary(g) => super::glossary_dispatch::apply(app, g),
        Action::Review(r) => super::review_dispatch::apply(app, ctx, r),
        Action::ConfirmAndNext => super::review::confirm_and_next(app),
        Action::SplitAtCaret => match super::review::split_at_selection(app) {
            Ok(split) => app.push(split),
            Err(why) => app.ui.error(why),
        },
        other => {
            if let Some((label, edit)) = edit_for(app, &other) {
                app.apply_edit(label, edit);
            } else {
                navigation::apply(app, &other);
            }
        }
    }
}

/// The core edit an editing action stands for at the current cell.
fn edit_for(app: &AlineaApp, action: &Action) -> Option<(&'static str, Edit)> {
    let s = app.session.as_ref()?;
    let row = s.cursor.row;
    let version = s.cursor.version;
    let edit = match action {
        Action::ToggleConfirm => {
            let confirmed = s.project().alignment.rows.get(row)?.is_confirmed();
            let status = if confirmed {
                RowStatus::Auto
            } else {
                RowStatus::Confirmed
            };
            let label = if confirmed {
                "Unconfirm row"
            } else {
                "Confirm row"
            };
            return Some((label, Edit::SetRowStatus { row, status }));
        }
        Action::MergeWithNext => Edit::MergeWithNext { row },
        Action::SplitRow => Edit::SplitRow { row },
        Action::MoveSentenceUp => Edit::MoveSentence {
            row,
            version,
            direction: MoveDirection::Up,
        },
        Action::MoveSentenceDown => Edit::MoveSentence {
            row,
            version,
            direction: MoveDirection::Down,
        },
        Action::InsertEmptyCell => Edit::InsertEmptyCell { row, version },
        Action::RemoveEmptyCell => Edit::RemoveEmptyCell { row, version },
        Action::JoinWithNextSentence => {
            let cell = s.project().alignment.rows.get(row)?.cells.get(version)?;
            Edit::JoinSentences {
                version,
                sentence: cell.end.checked_sub(1)?,
            }
        }
        Action::SplitSentenceAt {
            version,
            sentence,
            at,
        } => Edit::SplitSentence {
            version: *version,
            sentence: *sentence,
            at: *at,
        },
        Action::JoinSentence { version, sentence } => Edit::JoinSentences {
            version: *version,
            sentence: *sentence,
        },
        Action::SetSentenceText {
            version,
            sentence,
            text,
        } => Edit::EditText {
            version: *version,
            sentence: *sentence,
            text: text.clone(),
        },
        _ => return None,
    };
    Some((action.label(), edit))
}

fn undo_redo(app: &mut AlineaApp, redo: bool) {
    let Some(s) = &mut app.session else {
        return;
    };
    let result = s.undo_redo(redo);
    let verb = if redo { "Redo" } else { "Undo" };
    match result {
        Ok(Some(label)) => app.ui.info(format!("{verb}: {label}")),
        Ok(None) => app.ui.info(format!("Nothing to {}", verb.to_lowercase())),
        Err(e) => app.ui.error(format!("{verb} failed: {e}")),
    }
}

/// The answer to "save changes first?": save (the waiting action runs once the save has
/// finished cleanly), discard (it runs now), or cancel (it is dropped).
fn answer_save_changes(app: &mut AlineaApp, ctx: &egui::Context, choice: SaveChoice) {
    let Some(pending) = app.pending.take() else {
        return;
    };
    match choice {
        SaveChoice::Save => {
            if save_current(app, ctx) {
                app.after_save = Some(pending);
            }
        }
        SaveChoice::Discard => {
            app.discard_ok = true;
            app.push(pending);
        }
        SaveChoice::Cancel => {}
    }
}

/// The answer to "recover unsaved work?": read the snapshot back (in the background: a big
/// project's takes seconds), or drop it and start as usual.
fn answer_recovery(app: &mut AlineaApp, ctx: &egui::Context, recover: bool) {
    if app.recovered.take().is_none() {
        return;
    }
    if recover {
        let folder = app.recovery.clone();
        app.jobs.recover(ctx, folder);
    } else {
        app.clear_recovery();
        match app.settings.last_project.clone().filter(|p| p.exists()) {
            Some(path) => app.open_project(ctx, &path),
            None => app.jobs.sample(ctx),
        }
    }
}

fn needs_save_prompt(app: &mut AlineaApp) -> bool {
    let dirty = app.session.as_ref().is_some_and(|s| s.is_dirty());
    dirty && !std::mem::take(&mut app.discard_ok)
}

/// Starts writing the recovery file in the background if the project has changes the
/// recovery file does not have (and no earlier write is still running).
pub fn autosave(app: &mut AlineaApp) {
    app.last_autosave = std::time::Instant::now();
    let Some(s) = &mut app.session else {
        return;
    };
    if !s.is_dirty() || s.recovered_revision == s.history.revision() && !s.view_dirty {
        return;
    }
    if app.recovery_writer.is_busy() {
        return;
    }
    app.recovery_writer.start(
        app.recovery.clone(),
        s.project().clone(),
        s.path.clone(),
        s.history.revision(),
    );
}

/// Takes in a finished recovery write.
pub fn autosave_finished(app: &mut AlineaApp, revision: u64, result: Result<(), String>) {
    match result {
        Ok(()) => {
            if let Some(s) = &mut app.session {
                s.recovered_revision = s.recovered_revision.max(revision);
            }
        }
        Err(e) => app.ui.error(format!("Autosave failed: {e}")),
    }
}

/// Files dropped on the window: a project opens, documents join the new project.
pub fn files_dropped(app: &mut AlineaApp, paths: Vec<PathBuf>) {
    let (projects, docs): (Vec<_>, Vec<_>) = paths
        .into_iter()
        .partition(|p| p.extension().is_some_and(|e| e == "alinea"));
    if let Some(p) = projects.into_iter().next() {
        app.push(Action::OpenPath(p));
    } else if !docs.is_empty() {
        if app.ui.new_project.is_none() {
            app.push(Action::NewProject);
        }
        app.push(Action::AddDocuments(docs));
    }
}

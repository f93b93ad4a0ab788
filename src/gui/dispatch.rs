//! Applies [`Action`]s: the one place that turns intent into `Edit`s on the history, file IO
//! and job starts, and that keeps the dirty mark, the recovery file and the recent list true.

use std::path::{Path, PathBuf};

use crate::edit::{Edit, MoveDirection};
use crate::model::RowStatus;

use super::action::Action;
use super::app::AlineaApp;
use super::file_dialog::{self, NoDialog};
use super::jobs::JobOutput;
use super::panels::messages::Level;
use super::panels::{PathPrompt, PathPurpose, sentence_editor, versions};
use super::session::Session;
use super::{exchange, navigation};

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
            close_session(app);
            app.ui.new_project = Some(versions::Draft::default());
            app.ui.info("New project: add two or more versions");
        }
        Action::OpenProject => match file_dialog::pick_project(app) {
            // `open_project` closes the current project only once the new one loaded.
            Ok(Some(path)) => open_project(app, ctx, &path),
            Ok(None) => {}
            Err(NoDialog) => prompt_path(app, PathPurpose::Open),
        },
        Action::OpenPath(path) => open_project(app, ctx, &path),
        Action::ChooseDocuments => match file_dialog::pick_documents(app) {
            Ok(Some(paths)) => app.push(Action::AddDocuments(paths)),
            Ok(None) => {}
            Err(NoDialog) => prompt_path(app, PathPurpose::AddDocuments),
        },
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
        Action::SaveAs => match file_dialog::pick_save_path(app) {
            Ok(Some(path)) => {
                save_to(app, ctx, &path);
            }
            Ok(None) => {}
            Err(NoDialog) => prompt_path(app, PathPurpose::SaveAs),
        },
        Action::SaveTo(path) => {
            save_to(app, ctx, &path);
        }
        Action::CloseProject => {
            close_session(app);
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
                let concepts = s.terms.sentence_concepts(&s.project);
                app.jobs
                    .realign(ctx, &s.project, s.history.revision(), concepts);
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
                s.project.view.dark_mode = !s.project.view.dark_mode;
                s.view_dirty = true;
                app.settings.dark_mode = s.project.view.dark_mode;
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
                apply_edit(app, label, edit);
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
            let confirmed = s.project.alignment.rows.get(row)?.is_confirmed();
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
            let cell = s.project.alignment.rows.get(row)?.cells.get(version)?;
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

/// Applies `edit` as one undoable step; reports a refused edit in the status bar.
pub fn apply_edit(app: &mut AlineaApp, label: &str, edit: Edit) {
    let Some(s) = &mut app.session else {
        return;
    };
    match s.history.apply(&mut s.project, label, edit) {
        Ok(()) => {
            s.clamp_cursor();
            app.ui.info(label.to_string());
        }
        Err(e) => app.ui.error(format!("{label}: {e}")),
    }
}

fn undo_redo(app: &mut AlineaApp, redo: bool) {
    let Some(s) = &mut app.session else {
        return;
    };
    let result = if redo {
        s.history.redo(&mut s.project)
    } else {
        s.history.undo(&mut s.project)
    };
    s.clamp_cursor();
    let verb = if redo { "Redo" } else { "Undo" };
    match result {
        Ok(Some(label)) => app.ui.info(format!("{verb}: {label}")),
        Ok(None) => app.ui.info(format!("Nothing to {}", verb.to_lowercase())),
        Err(e) => app.ui.error(format!("{verb} failed: {e}")),
    }
}

fn needs_save_prompt(app: &mut AlineaApp) -> bool {
    let dirty = app.session.as_ref().is_some_and(|s| s.is_dirty());
    dirty && !std::mem::take(&mut app.discard_ok)
}

/// Opens the typed-path prompt (no native file dialog available).
pub(crate) fn prompt_path(app: &mut AlineaApp, purpose: PathPurpose) {
    let text = super::path_proposal::proposed_path(app, purpose);
    app.ui.path_prompt = Some(PathPrompt {
        purpose,
        text,
        error: None,
        focused: false,
    });
}

/// Closes the open project (cancelling its jobs and clearing its view state).
pub(crate) fn close_session(app: &mut AlineaApp) {
    // Work for the project being closed (e.g. a re-align) must not land in the next one.
    app.jobs.cancel();
    if app.session.take().is_some() {
        app.clear_recovery();
    }
    app.after_save = None;
    app.ui.sentence_editor = None;
    app.ui.table = Default::default();
    app.ui.find.clear_results();
    let open = app.ui.review.open;
    app.ui.review = Default::default();
    app.ui.review.open = open;
    app.ui.glossary.example_spans.clear();
}

/// Starts opening the project at `path` in the background; the current project is replaced
/// only once the new one has loaded.
pub fn open_project(app: &mut AlineaApp, ctx: &egui::Context, path: &Path) {
    if let Some((label, _)) = app.jobs.status() {
        app.ui.error(format!(
            "Wait until “{label}” has finished, then open the project"
        ));
        return;
    }
    app.jobs.open_project(ctx, path.to_path_buf());
}

/// Starts saving to the session's file, asking for one if it has none; true if a save started.
pub fn save_current(app: &mut AlineaApp, ctx: &egui::Context) -> bool {
    let Some(s) = &app.session else {
        return false;
    };
    match s.path.clone() {
        Some(path) => save_to(app, ctx, &path),
        None => match file_dialog::pick_save_path(app) {
            Ok(Some(path)) => save_to(app, ctx, &path),
            Ok(None) => false,
            Err(NoDialog) => {
                prompt_path(app, PathPurpose::SaveAs);
                false
            }
        },
    }
}

/// Starts writing a snapshot of the project to `path` in the background; true if started.
fn save_to(app: &mut AlineaApp, ctx: &egui::Context, path: &Path) -> bool {
    let Some(s) = &app.session else {
        return false;
    };
    if let Some((label, _)) = app.jobs.status() {
        app.ui
            .error(format!("Wait until “{label}” has finished, then save"));
        return false;
    }
    let path: PathBuf = if path.extension().is_none() {
        path.with_extension("alinea")
    } else {
        path.to_path_buf()
    };
    let snapshot = s.project.clone();
    let revision = s.history.revision();
    app.jobs.save_project(ctx, snapshot, path, revision);
    true
}

/// Takes in a finished save: the session is clean if nothing changed since the snapshot.
fn saved(app: &mut AlineaApp, path: PathBuf, revision: u64, view: crate::model::ViewSettings) {
    let Some(s) = &mut app.session else {
        return;
    };
    s.path = Some(path.clone());
    s.saved_revision = revision;
    s.recovered_revision = s.recovered_revision.max(revision);
    if s.project.view == view {
        s.view_dirty = false;
    }
    let clean = !s.is_dirty();
    if clean {
        app.clear_recovery();
    }
    remember_project(app, &path);
    app.ui.info(format!("Saved {}", path.display()));
    super::glossary_dispatch::save_glossary(app, false);
    // The action that asked "save changes first?" goes ahead once they are saved.
    if let Some(next) = app.after_save.take()
        && clean
    {
        app.push(next);
    }
}

/// Puts `path` at the top of the recent list and writes the settings at once, so a crash
/// right after still reopens it.
fn remember_project(app: &mut AlineaApp, path: &Path) {
    app.settings.remember(path);
    if let Err(e) = app.settings.write_to(app.recovery.dir()) {
        app.ui
            .error(format!("Could not keep the recent projects: {e}"));
    }
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
        s.project.clone(),
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

/// Takes in the result of a background job.
pub fn job_finished(app: &mut AlineaApp, ctx: &egui::Context, out: JobOutput) {
    match out {
        JobOutput::Loaded {
            versions,
            then_align,
        } => {
            let draft = app.ui.new_project.get_or_insert_with(Default::default);
            for v in versions {
                match v {
                    Ok(v) => draft.versions.push(v),
                    Err(e) => app.ui.notices.push(Level::Error, e),
                }
            }
            if then_align && draft.versions.len() >= 2 {
                app.jobs.align(ctx, draft.versions.clone(), draft.pivot);
            }
        }
        JobOutput::Sample(project) => {
            close_session(app);
            app.ui.new_project = None;
            let mut session = Session::new(*project, None);
            session.needs_file = false;
            app.session = Some(session);
            app.ui
                .info("The sample project: try the commands, F1 lists them");
        }
        JobOutput::Aligned(project) => {
            close_session(app);
            app.ui.new_project = None;
            app.session = Some(Session::new(*project, None));
            match crate::gui::semantic::fallback_notice() {
                Some(notice) => app.ui.notices.push(Level::Warning, notice),
                None => app.ui.info("Aligned: check the rows, confirm with Enter"),
            }
        }
        JobOutput::Realigned { rows, revision } => {
            let same = app
                .session
                .as_ref()
                .is_some_and(|s| s.history.revision() == revision);
            if !same {
                app.ui
                    .error("The project changed while re-aligning; run Re-align again");
                return;
            }
            let old_len = app
                .session
                .as_ref()
                .map_or(0, |s| s.project.alignment.rows.len());
            let edit = Edit::ReplaceRows {
                start: 0,
                old_len,
                rows,
            };
            apply_edit(app, Action::Realign.label(), edit);
        }
        JobOutput::Opened { project, path } => {
            close_session(app);
            app.ui.new_project = None;
            app.session = Some(Session::new(*project, Some(path.clone())));
            remember_project(app, &path);
            app.ui.info(format!("Opened {}", path.display()));
        }
        JobOutput::Saved {
            path,
            revision,
            view,
        } => saved(app, path, revision, view),
        JobOutput::Recovered { project, origin } => {
            close_session(app);
            let mut session = Session::new(*project, origin);
            // Unsaved by definition; the snapshot stays until it is saved or discarded.
            session.saved_revision = u64::MAX;
            app.session = Some(session);
            app.ui.info("Recovered unsaved work: save it to keep it");
        }
        JobOutput::Cancelled => {
            app.after_save = None;
            app.ui.info("Cancelled");
        }
        JobOutput::Failed(e) => {
            app.after_save = None;
            app.ui.error(e);
        }
        JobOutput::Apply(apply) => apply(app),
    }
}

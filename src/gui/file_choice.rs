//! Asks the file-dialog service ([`super::file_dialog`]) for the file an action needs and
//! turns the answer into what the file was for: the follow-up action, or a typed-path prompt
//! when no dialog can be shown. Every file dialog of the app goes through [`choose`].

use std::path::{Path, PathBuf};

use super::action::{Action, FilePurpose, GlossaryAction};
use super::file_dialog::{self, FileAnswer};
use super::panels::PathPurpose;
use super::panels::glossary::GlossaryPathKind;
use super::state::AlineaApp;

/// Asks for the file `purpose` needs and acts on the answer.
pub fn choose(app: &mut AlineaApp, ctx: &egui::Context, purpose: FilePurpose) {
    let dir = start_dir(app, &purpose);
    let answer = file_dialog::ask(app.native_dialogs, &purpose, dir);
    match answer {
        FileAnswer::Picked(paths) => picked(app, ctx, purpose, paths),
        FileAnswer::Cancelled => cancelled(app, &purpose),
        FileAnswer::NoDialog => no_dialog(app, &purpose),
    }
}

/// Starts saving to the session's file, asking for one if it has none; true if a save started.
pub fn save_current(app: &mut AlineaApp, ctx: &egui::Context) -> bool {
    let Some(s) = &app.session else {
        return false;
    };
    match s.path.clone() {
        Some(path) => app.save_to(ctx, &path),
        None => {
            let dir = start_dir(app, &FilePurpose::SaveProject);
            match file_dialog::ask(app.native_dialogs, &FilePurpose::SaveProject, dir) {
                FileAnswer::Picked(paths) => paths.first().is_some_and(|p| app.save_to(ctx, p)),
                FileAnswer::Cancelled => false,
                FileAnswer::NoDialog => {
                    app.prompt_path(PathPurpose::SaveAs);
                    false
                }
            }
        }
    }
}

/// The folder a dialog starts in: the project's for project files, the last export's for
/// exchange files, the dialog's own for the export output.
fn start_dir(app: &AlineaApp, purpose: &FilePurpose) -> Option<PathBuf> {
    match purpose {
        FilePurpose::OpenProject | FilePurpose::AddDocuments | FilePurpose::SaveProject => app
            .session
            .as_ref()
            .and_then(|s| s.path.as_deref())
            .and_then(Path::parent)
            .map(Path::to_path_buf),
        FilePurpose::ImportTmx | FilePurpose::ExportGlossary => {
            app.settings.last_export_dir.clone()
        }
        FilePurpose::ExportOutput { dir, .. } => dir.clone(),
        FilePurpose::NewGlossary
        | FilePurpose::OpenGlossary
        | FilePurpose::SaveGlossary
        | FilePurpose::ExportReport => None,
    }
}

fn picked(app: &mut AlineaApp, ctx: &egui::Context, purpose: FilePurpose, paths: Vec<PathBuf>) {
    let Some(first) = paths.first().cloned() else {
        return;
    };
    let action = match purpose {
        // The current project closes only once the new one has loaded.
        FilePurpose::OpenProject => return app.open_project(ctx, &first),
        FilePurpose::SaveProject => {
            app.save_to(ctx, &first);
            return;
        }
        FilePurpose::AddDocuments => Action::AddDocuments(paths),
        FilePurpose::ImportTmx => Action::ImportTmxFrom(first),
        FilePurpose::ExportGlossary => Action::ExportGlossaryTo(first),
        FilePurpose::NewGlossary => Action::Glossary(GlossaryAction::NewGlossaryAt(first)),
        FilePurpose::OpenGlossary => Action::Glossary(GlossaryAction::OpenGlossaryAt(first)),
        FilePurpose::SaveGlossary => Action::Glossary(GlossaryAction::SaveGlossaryAt(first)),
        FilePurpose::ExportReport => {
            app.ui.glossary.report_path = first.display().to_string();
            Action::Glossary(GlossaryAction::ExportReport(first))
        }
        FilePurpose::ExportOutput { .. } => {
            if let Some(dialog) = &mut app.ui.export_dialog {
                dialog.output_chosen(Some(&first));
            }
            return;
        }
    };
    app.push(action);
}

/// The glossary's dialogs ask for a typed path when cancelled too; the others do nothing.
fn cancelled(app: &mut AlineaApp, purpose: &FilePurpose) {
    if let Some(kind) = glossary_kind(purpose) {
        app.ui.glossary.ask_path(kind);
    }
}

fn no_dialog(app: &mut AlineaApp, purpose: &FilePurpose) {
    if let Some(kind) = glossary_kind(purpose) {
        app.ui.glossary.ask_path(kind);
        return;
    }
    let prompt = match purpose {
        FilePurpose::OpenProject => PathPurpose::Open,
        FilePurpose::AddDocuments => PathPurpose::AddDocuments,
        FilePurpose::SaveProject => PathPurpose::SaveAs,
        FilePurpose::ImportTmx => PathPurpose::ImportTmx,
        FilePurpose::ExportGlossary => PathPurpose::ExportGlossary,
        FilePurpose::ExportOutput { .. } => {
            if let Some(dialog) = &mut app.ui.export_dialog {
                dialog.output_chosen(None);
            }
            return;
        }
        // The report's path is typed in the findings panel itself.
        _ => return,
    };
    app.prompt_path(prompt);
}

fn glossary_kind(purpose: &FilePurpose) -> Option<GlossaryPathKind> {
    match purpose {
        FilePurpose::NewGlossary => Some(GlossaryPathKind::New),
        FilePurpose::OpenGlossary => Some(GlossaryPathKind::Open),
        FilePurpose::SaveGlossary => Some(GlossaryPathKind::SaveAs),
        _ => None,
    }
}

//! The one place that turns finished background work ([`JobResult`]) into state: a new or
//! replaced session, rows from a re-align, a save's clean mark, an export's report, mined
//! term candidates, or the notice of what failed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::edit::Edit;
use crate::export::tmx_read::TmxImport;

use super::action::{Action, ExportRequest};
use super::exchange;
use super::jobs::{ExportOutcome, JobResult};
use super::panels::messages::Level;
use super::session::Session;
use super::state::AlineaApp;

/// Takes in the result of a background job.
pub fn take_in(app: &mut AlineaApp, ctx: &egui::Context, result: JobResult) {
    match result {
        JobResult::Loaded {
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
        JobResult::Sample(project) => {
            app.close_session();
            app.ui.new_project = None;
            let mut session = Session::new(*project, None);
            session.needs_file = false;
            app.session = Some(session);
            app.ui
                .info("The sample project: try the commands, F1 lists them");
        }
        JobResult::Aligned(project) => {
            app.close_session();
            app.ui.new_project = None;
            app.session = Some(Session::new(*project, None));
            match crate::gui::semantic::fallback_notice() {
                Some(notice) => app.ui.notices.push(Level::Warning, notice),
                None => app.ui.info("Aligned: check the rows, confirm with Enter"),
            }
        }
        JobResult::Realigned { rows, revision } => {
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
                .map_or(0, |s| s.project().alignment.rows.len());
            let edit = Edit::ReplaceRows {
                start: 0,
                old_len,
                rows,
            };
            app.apply_edit(Action::Realign.label(), edit);
        }
        JobResult::Opened { project, path } => {
            app.close_session();
            app.ui.new_project = None;
            app.session = Some(Session::new(*project, Some(path.clone())));
            app.remember_project(&path);
            app.ui.info(format!("Opened {}", path.display()));
        }
        JobResult::Saved {
            path,
            revision,
            view,
        } => saved(app, path, revision, view),
        JobResult::Recovered { project, origin } => {
            app.close_session();
            let mut session = Session::new(*project, origin);
            // Unsaved by definition; the snapshot stays until it is saved or discarded.
            session.saved_revision = u64::MAX;
            app.session = Some(session);
            app.ui.info("Recovered unsaved work: save it to keep it");
        }
        JobResult::Cancelled => {
            app.after_save = None;
            app.ui.info("Cancelled");
        }
        JobResult::Failed(e) => {
            app.after_save = None;
            app.ui.error(e);
        }
        JobResult::Exported { request, outcome } => exported(app, &request, outcome),
        JobResult::Imported { path, import } => imported(app, &path, import),
        JobResult::Mined(found) => {
            let n = found.len();
            app.ui.review.set_candidates(found);
            app.ui.info(format!("{n} term candidates to review"));
        }
        JobResult::MiningFailed(message) => {
            app.ui.review.set_candidates(Vec::new());
            app.ui.review.problem = Some(format!("Cannot mine terms: {message}"));
            app.ui.error(format!("Cannot mine terms: {message}"));
        }
    }
}

/// Takes in a finished save: the session is clean if nothing changed since the snapshot.
fn saved(app: &mut AlineaApp, path: PathBuf, revision: u64, view: crate::model::ViewSettings) {
    let Some(s) = &mut app.session else {
        return;
    };
    s.path = Some(path.clone());
    s.saved_revision = revision;
    s.recovered_revision = s.recovered_revision.max(revision);
    if s.project().view == view {
        s.view_dirty = false;
    }
    let clean = !s.is_dirty();
    if clean {
        app.clear_recovery();
    }
    app.remember_project(&path);
    app.ui.info(format!("Saved {}", path.display()));
    super::glossary_dispatch::save_glossary(app, false);
    // The action that asked "save changes first?" goes ahead once they are saved.
    if let Some(next) = app.after_save.take()
        && clean
    {
        app.push(next);
    }
}

/// Takes in a finished export: the report of what was written as a notice.
fn exported(app: &mut AlineaApp, request: &ExportRequest, outcome: ExportOutcome) {
    if let Some(dir) = request.path.parent().filter(|d| d.is_dir()) {
        app.settings.last_export_dir = Some(dir.to_path_buf());
    }
    let mut text = String::new();
    for (path, report) in &outcome.written {
        let _ = writeln!(text, "{}", exchange::report_line(path, report));
        for w in &report.warnings {
            let _ = writeln!(text, "warning: {w}");
        }
    }
    if outcome.cancelled {
        let _ = writeln!(
            text,
            "Cancelled after {} of the files (the files above are complete)",
            outcome.written.len()
        );
    }
    let text = text.trim_end().to_string();
    if let Some(error) = outcome.error {
        let full = if text.is_empty() {
            format!("Export failed: {error}")
        } else {
            format!("Export failed: {error}\n{text}")
        };
        app.ui.error(full);
        return;
    }
    let has_warnings = outcome.written.iter().any(|(_, r)| !r.warnings.is_empty());
    let level = if has_warnings || outcome.cancelled {
        Level::Warning
    } else {
        Level::Info
    };
    app.ui.notice(level, text);
    app.ui
        .info(format!("Exported {} file(s)", outcome.written.len()));
}

/// Takes in a TMX file read as a new project: it replaces the open one.
fn imported(app: &mut AlineaApp, path: &Path, import: TmxImport) {
    app.close_session();
    app.ui.new_project = None;
    let rows = import.project.alignment.rows.len();
    let langs = import.project.lang_list();
    app.session = Some(Session::new(import.project, None));
    let mut text = format!(
        "Imported {}: {rows} rows in {} (not saved yet)",
        path.display(),
        langs
    );
    for w in &import.warnings {
        let _ = write!(text, "\nwarning: {w}");
    }
    let level = if import.warnings.is_empty() {
        Level::Info
    } else {
        Level::Warning
    };
    app.ui.notice(level, text);
    app.ui.info(format!("Imported {}", path.display()));
}

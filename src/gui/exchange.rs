//! Export and import in the app: aligned rows to TMX/TSV/CSV/JSONL/HTML (background job),
//! TMX to a new project (background job), and the project's glossary from and to
//! RON/CSV/TBX. Every outcome ends as a notice: the report of what was written, or the error
//! naming the file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::export::files::{self, PairTarget};
use crate::export::tmx_read;
use crate::export::{ExportOptions, ExportReport};
use crate::glossary::{table, tbx};
use crate::model::{Lang, Project};
use crate::progress::Progress;

use super::action::{Action, ExportRequest, FilePurpose};
use super::file_choice;
use super::jobs::{ExportOutcome, JobResult};
use super::panels::export_dialog::ExportDialog;
use super::panels::messages::{Level, error_chain};
use super::state::AlineaApp;

/// Applies the export and import actions.
pub fn apply(app: &mut AlineaApp, ctx: &egui::Context, action: Action) {
    match action {
        Action::OpenExportDialog => match &app.session {
            Some(s) => {
                let dir = app.settings.last_export_dir.clone();
                app.ui.export_dialog = Some(ExportDialog::new(s, dir.as_deref()));
            }
            None => app.ui.error("Open a project to export"),
        },
        Action::Export(request) => start_export(app, ctx, request),
        Action::ImportTmx => file_choice::choose(app, ctx, FilePurpose::ImportTmx),
        Action::ImportTmxFrom(path) => start_tmx_import(app, ctx, path),
        Action::ExportGlossary if glossary_to_export(app).is_some() => {
            file_choice::choose(app, ctx, FilePurpose::ExportGlossary);
        }
        Action::ExportGlossaryTo(path) => export_glossary(app, &path),
        _ => {}
    }
}

fn start_export(app: &mut AlineaApp, ctx: &egui::Context, request: ExportRequest) {
    let Some(session) = &app.session else {
        app.ui.error("Open a project to export");
        return;
    };
    if app.jobs.is_busy() {
        app.ui
            .error("Wait for the running job to finish (or cancel it) first");
        return;
    }
    let project = session.project().clone();
    let project_path = session.path.clone();
    app.jobs
        .spawn_job(ctx, "Exporting", false, move |progress| {
            let outcome = run_export(&project, project_path.as_deref(), &request, progress);
            JobResult::Exported { request, outcome }
        });
}

fn run_export(
    project: &Project,
    project_path: Option<&Path>,
    request: &ExportRequest,
    progress: &Progress,
) -> ExportOutcome {
    let mut outcome = ExportOutcome::default();
    if !request.per_pair {
        progress.set_total(1);
        match files::write_file(request.format, project, &request.options, &request.path) {
            Ok(report) => outcome.written.push((request.path.clone(), report)),
            Err(e) => outcome.error = Some(error_chain(&e)),
        }
        progress.advance(1);
        return outcome;
    }
    // One pair at a time, so the bar moves per file and Cancel stops between files.
    let fallback = project_path.unwrap_or(&request.path);
    let target = PairTarget::resolve(Some(&request.path), fallback, request.format);
    let pairs = match pair_langs(project, &request.options) {
        Ok(pairs) => pairs,
        Err(e) => {
            outcome.error = Some(error_chain(&e));
            return outcome;
        }
    };
    progress.set_total(pairs.len() as u64);
    for (pivot, lang) in &pairs {
        if progress.is_cancelled() {
            outcome.cancelled = true;
            break;
        }
        let options = ExportOptions {
            langs: vec![pivot.clone(), lang.clone()],
            ..request.options.clone()
        };
        match files::write_per_pair(request.format, project, &options, &target) {
            Ok(written) => outcome.written.extend(written),
            Err(e) => {
                outcome.error = Some(error_chain(&e));
                break;
            }
        }
        progress.advance(1);
    }
    outcome
}

/// The pivot–target language pairs a per-pair export writes.
fn pair_langs(
    project: &Project,
    options: &ExportOptions,
) -> Result<Vec<(Lang, Lang)>, crate::export::ExportError> {
    let columns = crate::export::columns::select(project, options, true)?;
    let langs = columns.langs(project);
    let (Some(pivot), true) = (langs.first(), columns.pivot_first) else {
        let pivot = project
            .versions
            .get(project.alignment.pivot)
            .map_or(String::new(), |v| v.lang.to_string());
        return Err(crate::export::ExportError::PivotNotSelected { pivot });
    };
    if langs.len() < 2 {
        return Err(crate::export::ExportError::NothingToExport(format!(
            "no target language besides the pivot {pivot}"
        )));
    }
    Ok(langs
        .iter()
        .skip(1)
        .map(|l| ((*pivot).clone(), (*l).clone()))
        .collect())
}

/// "out.tmx: 5 rows written, 2 without text to pair skipped, 1 unconfirmed skipped".
pub fn report_line(path: &Path, report: &ExportReport) -> String {
    let mut line = format!("{}: {} rows written", path.display(), report.rows_written);
    if report.skipped_incomplete > 0 {
        let _ = write!(
            line,
            ", {} without text to pair skipped",
            report.skipped_incomplete
        );
    }
    if report.skipped_unconfirmed > 0 {
        let _ = write!(line, ", {} unconfirmed skipped", report.skipped_unconfirmed);
    }
    line
}

fn start_tmx_import(app: &mut AlineaApp, ctx: &egui::Context, path: PathBuf) {
    if app.jobs.is_busy() {
        app.ui
            .error("Wait for the running job to finish (or cancel it) first");
        return;
    }
    if let Err(e) = crate::size_limit::check(&path, crate::size_limit::MAX_PROJECT) {
        app.ui.error(e);
        return;
    }
    app.jobs
        .spawn_job(
            ctx,
            "Importing TMX",
            true,
            move |_progress| match tmx_read::read_with_warnings(&path) {
                Ok(import) => JobResult::Imported { path, import },
                Err(e) => JobResult::Failed(format!("Import failed: {}", error_chain(&e))),
            },
        );
}

/// The open project's glossary if it has concepts; otherwise an error notice and `None`.
fn glossary_to_export(app: &mut AlineaApp) -> Option<&crate::glossary::Glossary> {
    let has = app
        .session
        .as_ref()
        .is_some_and(|s| !s.project().glossary.concepts.is_empty());
    if !has {
        app.ui.error(
            "The project has no glossary to export (import one first: Glossary, Import glossary…)",
        );
        return None;
    }
    app.session.as_ref().map(|s| &s.project().glossary)
}

fn export_glossary(app: &mut AlineaApp, path: &Path) {
    let Some(glossary) = glossary_to_export(app) else {
        return;
    };
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let result = match ext.as_str() {
        "tbx" | "xml" => tbx::save_tbx(path, glossary, tbx::TbxVersion::V3),
        "csv" => table::save_csv(path, glossary),
        _ => {
            app.ui.error(format!(
                "{}: choose a .tbx or .csv file name for the glossary",
                path.display()
            ));
            return;
        }
    };
    let concepts = glossary.concepts.len();
    match result {
        Ok(()) => {
            if let Some(dir) = path.parent().filter(|d| d.is_dir()) {
                app.settings.last_export_dir = Some(dir.to_path_buf());
            }
            app.ui.notice(
                Level::Info,
                format!("{}: {concepts} concepts written", path.display()),
            );
        }
        Err(e) => app.ui.error(format!("Export failed: {}", error_chain(&e))),
    }
}

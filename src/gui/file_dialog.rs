//! Native file dialogs (rfd), with a way to tell "no dialog available" from "cancelled".
//!
//! rfd needs an XDG desktop portal or zenity; without either it returns `None` at once. A
//! `None` that comes back faster than a person can cancel is taken as "no dialog", and the
//! app offers a typed path field instead. Tests switch native dialogs off.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::app::AlineaApp;

/// No native dialog could be shown; ask for a typed path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NoDialog;

/// Faster than this, a `None` means no dialog was shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

fn run<T>(
    app: &AlineaApp,
    show: impl FnOnce(rfd::FileDialog) -> Option<T>,
) -> Result<Option<T>, NoDialog> {
    let dir = app
        .session
        .as_ref()
        .and_then(|s| s.path.as_ref())
        .and_then(|p| p.parent())
        .map(PathBuf::from);
    run_in(app, dir, show)
}

fn run_in<T>(
    app: &AlineaApp,
    dir: Option<PathBuf>,
    show: impl FnOnce(rfd::FileDialog) -> Option<T>,
) -> Result<Option<T>, NoDialog> {
    if !app.native_dialogs {
        return Err(NoDialog);
    }
    let started = Instant::now();
    let mut dialog = rfd::FileDialog::new();
    if let Some(dir) = dir {
        dialog = dialog.set_directory(dir);
    }
    match show(dialog) {
        Some(v) => Ok(Some(v)),
        None if started.elapsed() < NO_DIALOG_WITHIN => Err(NoDialog),
        None => Ok(None),
    }
}

/// Asks for a project file to open.
pub fn pick_project(app: &AlineaApp) -> Result<Option<PathBuf>, NoDialog> {
    run(app, |d| {
        d.set_title("Open project")
            .add_filter("Alinea project", &["alinea"])
            .pick_file()
    })
}

/// Asks for documents to add as versions.
pub fn pick_documents(app: &AlineaApp) -> Result<Option<Vec<PathBuf>>, NoDialog> {
    run(app, |d| {
        d.set_title("Add versions")
            .add_filter("Documents", &["txt", "html", "htm", "docx", "md"])
            .add_filter("All files", &["*"])
            .pick_files()
    })
}

/// Asks where to save the project.
pub fn pick_save_path(app: &AlineaApp) -> Result<Option<PathBuf>, NoDialog> {
    run(app, |d| {
        d.set_title("Save project")
            .add_filter("Alinea project", &["alinea"])
            .set_file_name("project.alinea")
            .save_file()
    })
}

/// Asks where to write an export (`extension` without a dot), starting in `dir`.
pub fn pick_export_path(
    app: &AlineaApp,
    dir: Option<PathBuf>,
    extension: &str,
    file_name: &str,
) -> Result<Option<PathBuf>, NoDialog> {
    run_in(app, dir, |d| {
        d.set_title("Export to")
            .add_filter(extension.to_uppercase(), &[extension])
            .set_file_name(file_name)
            .save_file()
    })
}

/// Asks for a TMX file to import.
pub fn pick_tmx(app: &AlineaApp) -> Result<Option<PathBuf>, NoDialog> {
    let dir = app.settings.last_export_dir.clone();
    run_in(app, dir, |d| {
        d.set_title("Import TMX")
            .add_filter("Translation memory", &["tmx", "xml"])
            .pick_file()
    })
}

/// Asks where to write the glossary (.tbx or .csv).
pub fn pick_glossary_export(app: &AlineaApp) -> Result<Option<PathBuf>, NoDialog> {
    let dir = app.settings.last_export_dir.clone();
    run_in(app, dir, |d| {
        d.set_title("Export glossary")
            .add_filter("TBX", &["tbx"])
            .add_filter("CSV", &["csv"])
            .set_file_name("glossary.tbx")
            .save_file()
    })
}

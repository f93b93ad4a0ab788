//! The file-dialog service: every file the app asks for ([`FilePurpose`]) is asked here, in a
//! native dialog (rfd) when one is available, and the answer says whether the editor picked
//! files, cancelled, or no dialog could be shown (the caller then offers a typed path).
//!
//! rfd needs an XDG desktop portal or zenity; without either it returns `None` at once. A
//! `None` that comes back faster than a person can cancel is taken as "no dialog". Tests
//! switch native dialogs off.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::action::FilePurpose;

/// What a file dialog answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileAnswer {
    /// The files picked (one, except for documents).
    Picked(Vec<PathBuf>),
    /// The editor closed the dialog without choosing.
    Cancelled,
    /// No native dialog could be shown; ask for a typed path.
    NoDialog,
}

/// Faster than this, a `None` means no dialog was shown.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(250);

/// Asks for the file `purpose` needs, starting in `dir`; `native` off answers
/// [`FileAnswer::NoDialog`] at once.
pub fn ask(native: bool, purpose: &FilePurpose, dir: Option<PathBuf>) -> FileAnswer {
    if !native {
        return FileAnswer::NoDialog;
    }
    let started = Instant::now();
    let mut dialog = rfd::FileDialog::new();
    if let Some(dir) = dir {
        dialog = dialog.set_directory(dir);
    }
    let one = |p: Option<PathBuf>| p.map(|p| vec![p]);
    let picked = match purpose {
        FilePurpose::OpenProject => one(dialog
            .set_title("Open project")
            .add_filter("Alinea project", &["alinea"])
            .pick_file()),
        FilePurpose::AddDocuments => dialog
            .set_title("Add versions")
            .add_filter("Documents", &["txt", "html", "htm", "docx", "md"])
            .add_filter("All files", &["*"])
            .pick_files(),
        FilePurpose::SaveProject => one(dialog
            .set_title("Save project")
            .add_filter("Alinea project", &["alinea"])
            .set_file_name("project.alinea")
            .save_file()),
        FilePurpose::ImportTmx => one(dialog
            .set_title("Import TMX")
            .add_filter("Translation memory", &["tmx", "xml"])
            .pick_file()),
        FilePurpose::ExportGlossary => one(dialog
            .set_title("Export glossary")
            .add_filter("TBX", &["tbx"])
            .add_filter("CSV", &["csv"])
            .set_file_name("glossary.tbx")
            .save_file()),
        FilePurpose::NewGlossary | FilePurpose::SaveGlossary => one(dialog
            .set_title("New glossary")
            .add_filter("Glossary", &["ron"])
            .set_file_name("terms.glossary.ron")
            .save_file()),
        FilePurpose::OpenGlossary => one(dialog
            .set_title("Open glossary")
            .add_filter("Glossary", &["ron", "csv", "tsv", "tbx", "xml"])
            .pick_file()),
        FilePurpose::ExportReport => one(dialog
            .set_title("Export check report")
            .add_filter("HTML", &["html"])
            .add_filter("CSV", &["csv"])
            .set_file_name("term-check.html")
            .save_file()),
        FilePurpose::ExportOutput {
            extension,
            file_name,
            ..
        } => one(dialog
            .set_title("Export to")
            .add_filter(extension.to_uppercase(), &[extension.as_str()])
            .set_file_name(file_name)
            .save_file()),
    };
    match picked {
        Some(paths) => FileAnswer::Picked(paths),
        None if started.elapsed() < NO_DIALOG_WITHIN => FileAnswer::NoDialog,
        None => FileAnswer::Cancelled,
    }
}

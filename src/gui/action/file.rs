//! What a file dialog is asked for: the payload of [`super::Action::ChooseFile`]. The answer
//! (a native dialog, else a typed path) turns into the action the file is for.

use std::path::PathBuf;

/// The file a dialog asks for, and so what happens with the answer.
#[derive(Clone, Debug, PartialEq)]
pub enum FilePurpose {
    /// A project file to open.
    OpenProject,
    /// Documents to add as versions of the new project.
    AddDocuments,
    /// Where to save the project.
    SaveProject,
    /// A TMX file to import as a new project.
    ImportTmx,
    /// Where to write the project's glossary (.tbx or .csv).
    ExportGlossary,
    /// Where to keep a new glossary.
    NewGlossary,
    /// A glossary file to open or import.
    OpenGlossary,
    /// Where to save the glossary (it has no file yet).
    SaveGlossary,
    /// Where to write the consistency-check report (.html or .csv).
    ExportReport,
    /// The export dialog's output file.
    ExportOutput {
        /// Folder to start in.
        dir: Option<PathBuf>,
        /// The format's file extension, without a dot.
        extension: String,
        /// File name to propose.
        file_name: String,
    },
}

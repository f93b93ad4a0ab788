//! The path a typed-path prompt proposes, like a desktop dialog's file name field.

use std::path::Path;

use super::panels::PathPurpose;
use super::session::Session;

/// The path a typed-path prompt starts with: `<project>.alinea` to save, `<project>.tbx` for
/// the glossary, beside the project file (or in the current folder); nothing to open.
pub fn proposed_path(session: Option<&Session>, purpose: PathPurpose) -> String {
    let saved = session.and_then(|s| s.path.clone());
    let dir = saved
        .as_ref()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_default();
    let stem = saved
        .as_ref()
        .and_then(|p| p.file_stem())
        .or_else(|| {
            let s = session?;
            let name = &s.version(s.project().alignment.pivot)?.name;
            Path::new(name).file_stem()
        })
        .map_or("project".to_string(), |s| s.to_string_lossy().into_owned());
    // "report.vi" (a version file's stem) gives "report".
    let stem = match stem.rsplit_once('.') {
        Some((head, lang)) if lang.len() <= 3 && saved.is_none() && !head.is_empty() => head,
        _ => stem.as_str(),
    };
    let file = match purpose {
        PathPurpose::SaveAs => format!("{stem}.alinea"),
        PathPurpose::ExportGlossary => format!("{stem}.tbx"),
        // Nothing to propose for a file to read.
        PathPurpose::Open | PathPurpose::AddDocuments | PathPurpose::ImportTmx => {
            return String::new();
        }
    };
    dir.join(file).display().to_string()
}

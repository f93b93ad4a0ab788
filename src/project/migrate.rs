//! Reading every project format Alinea ever wrote, oldest first.
//!
//! How a file's version is found: the text is first read as a [`VersionProbe`] — a
//! `ProjectFile(...)` whose only field of interest is `format_version`, everything else
//! skipped. A file that is not such an envelope is format 0.
//!
//! Format history and migrations:
//! - **v0** (first builds, before the envelope): the file is a bare `Project(...)` value, with
//!   `glossary_path` as the user chose it (absolute or relative to the working folder).
//!   Migration v0 → v1: parse the bare project and wrap it; a relative glossary path is read as
//!   relative to the project folder, which is what v1 means by it. Fields added since (view
//!   settings, accepted findings, text direction) take their defaults.
//! - **v1** (current): `ProjectFile(format_version: 1, project: Project(...))`.
//!
//! A `format_version` above [`FORMAT_VERSION`] is refused with [`ProjectError::TooNew`]; it
//! is never guessed at.

use std::path::Path;

use serde::Deserialize;

use super::{FORMAT_VERSION, ProjectError, ProjectFile};
use crate::model::Project;

/// Just the version of an envelope; the project inside is skipped unparsed.
#[derive(Deserialize)]
#[serde(rename = "ProjectFile")]
struct VersionProbe {
    format_version: u32,
}

/// Parses a project file of any known format, returning the project as the current format
/// describes it. Validation is left to the caller.
pub fn parse_any_version(path: &Path, text: &str) -> Result<Project, ProjectError> {
    let corrupt = |message: String| ProjectError::Corrupt {
        file: path.display().to_string(),
        message,
    };
    match ron::from_str::<VersionProbe>(text) {
        Ok(probe) if probe.format_version > FORMAT_VERSION => Err(ProjectError::TooNew {
            file: path.display().to_string(),
            found: probe.format_version,
            supported: FORMAT_VERSION,
        }),
        Ok(probe) if probe.format_version == 0 => parse_v0(text).map_err(corrupt),
        Ok(_) => ron::from_str::<ProjectFile>(text)
            .map(|file| file.project)
            .map_err(|e| corrupt(e.to_string())),
        Err(probe_err) => match parse_v0(text) {
            Ok(project) => Ok(project),
            // Report the error for the format the file most likely claims to be.
            Err(_) if text.contains("format_version") => Err(corrupt(probe_err.to_string())),
            Err(v0_err) => Err(corrupt(v0_err)),
        },
    }
}

/// v0: a bare `Project(...)`; also accepts `ProjectFile(format_version: 0, project: ...)`.
fn parse_v0(text: &str) -> Result<Project, String> {
    if let Ok(file) = ron::from_str::<ProjectFile>(text) {
        return Ok(file.project);
    }
    ron::from_str::<Project>(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_format_is_refused_with_both_versions_named() {
        let text = "ProjectFile(format_version: 7, project: Whatever(x: [1, 2]), extra: true)";
        let err = parse_any_version(Path::new("new.alinea"), text).expect_err("too new");
        assert!(matches!(err, ProjectError::TooNew { found: 7, .. }));
        let msg = err.to_string();
        assert!(
            msg.contains("new.alinea") && msg.contains('7') && msg.contains('1'),
            "{msg}"
        );
    }

    #[test]
    fn bare_project_is_read_as_v0() {
        let project = crate::edit::test_project::sample();
        let text = ron::ser::to_string_pretty(&project, ron::ser::PrettyConfig::default())
            .expect("serialise");
        let back = parse_any_version(Path::new("old.alinea"), &text).expect("v0 loads");
        assert_eq!(back, project);
    }

    #[test]
    fn garbage_is_corrupt_and_names_the_file() {
        let err = parse_any_version(Path::new("junk.alinea"), "not ron at all (").expect_err("bad");
        assert!(matches!(err, ProjectError::Corrupt { .. }));
        assert!(err.to_string().contains("junk.alinea"));
    }
}

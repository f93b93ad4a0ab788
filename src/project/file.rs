//! The on-disk shape of a project: the [`ProjectFile`] envelope, its RON text, and the
//! glossary and source document paths stored relative to the project's folder.

use std::borrow::Cow;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{FORMAT_VERSION, ProjectError, migrate, validate};
use crate::glossary::Glossary;
use crate::model::Project;

/// What a `*.alinea` file holds: the format version first, then the project.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectFile {
    /// Format of this file; see [`FORMAT_VERSION`] for the history.
    pub format_version: u32,
    /// The project, with `glossary_path` relative to the file's folder when possible.
    pub project: Project,
}

/// Borrowing twin of [`ProjectFile`] so saving does not copy the versions' text.
#[derive(Serialize)]
#[serde(rename = "ProjectFile")]
struct ProjectFileRef<'a> {
    format_version: u32,
    project: &'a Project,
}

/// Renders `project` as the text of a project file to be written at `path`.
pub fn to_ron_string(path: &Path, project: &Project) -> Result<String, ProjectError> {
    let mut bytes = Vec::new();
    write_ron(path, project, &mut bytes)?;
    String::from_utf8(bytes).map_err(|e| ProjectError::Corrupt {
        file: path.display().to_string(),
        message: format!("cannot serialise the project: {e}"),
    })
}

/// Writes the text of a project file to be written at `path` into `out`, as it is produced
/// (the text of a big project is never whole in memory).
pub fn write_ron(
    path: &Path,
    project: &Project,
    out: &mut dyn std::io::Write,
) -> Result<(), ProjectError> {
    let project = with_paths_relative_to(project, &project_folder(path));
    let envelope = ProjectFileRef {
        format_version: FORMAT_VERSION,
        project: &project,
    };
    let corrupt = |e: &dyn std::fmt::Display| ProjectError::Corrupt {
        file: path.display().to_string(),
        message: format!("cannot serialise the project: {e}"),
    };
    ron::Options::default()
        .to_io_writer_pretty(&mut *out, &envelope, pretty_config())
        .map_err(|e| corrupt(&e))?;
    out.write_all(b"\n").map_err(|source| ProjectError::Io {
        file: path.display().to_string(),
        source,
    })
}

/// Parses the text of a project file read from `path`: migrates older formats, refuses newer
/// ones, validates, and resolves relative glossary and source paths against the file's folder.
pub fn from_ron_str(path: &Path, text: &str) -> Result<Project, ProjectError> {
    let mut project = migrate::parse_any_version(path, text)?;
    let corrupt = |message: String| ProjectError::Corrupt {
        file: path.display().to_string(),
        message,
    };
    project.validate().map_err(|e| corrupt(e.to_string()))?;
    validate::validate_ranges(&project).map_err(|e| corrupt(e.to_string()))?;
    // Accepted findings are a set; edits rely on it being sorted and unique.
    project.accepted_findings.sort();
    project.accepted_findings.dedup();
    project.rejected_terms.sort();
    project.rejected_terms.dedup();
    let folder = project_folder(path);
    let resolve = |p: &mut Option<PathBuf>| {
        if let Some(rel) = p.as_ref().filter(|p| p.is_relative()) {
            *p = Some(normalize(&folder.join(rel)));
        }
    };
    resolve(&mut project.glossary_path);
    for version in &mut project.versions {
        resolve(&mut version.source_path);
    }
    Ok(project)
}

/// The project as saved: glossary and source document paths relative to `folder` when
/// possible, so a project moved together with its files keeps finding them. Borrowed when
/// nothing changes (no copy of the versions' text).
fn with_paths_relative_to<'a>(project: &'a Project, folder: &Path) -> Cow<'a, Project> {
    let relative = |p: &Option<PathBuf>| p.as_deref().map(|p| relative_to(p, folder));
    let glossary = relative(&project.glossary_path);
    let sources: Vec<Option<PathBuf>> = project
        .versions
        .iter()
        .map(|v| relative(&v.source_path))
        .collect();
    let unchanged = glossary == project.glossary_path
        && sources
            .iter()
            .zip(&project.versions)
            .all(|(s, v)| *s == v.source_path);
    if unchanged {
        return Cow::Borrowed(project);
    }
    let mut copy = project.clone();
    copy.glossary_path = glossary;
    for (version, source) in copy.versions.iter_mut().zip(sources) {
        version.source_path = source;
    }
    Cow::Owned(copy)
}

/// Reads and parses the glossary file a project refers to.
pub(super) fn load_glossary(path: &Path) -> Result<Glossary, ProjectError> {
    let file = path.display().to_string();
    if !path.exists() {
        return Err(ProjectError::GlossaryMissing { file });
    }
    crate::glossary::load(path).map_err(|e| ProjectError::Glossary {
        file,
        message: e.to_string(),
    })
}

/// Pretty RON: struct names, `\n` line ends on every platform, ranges as `3..7`, and small
/// structures (sentences, cells) kept on one line.
fn pretty_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .new_line("\n")
        .indentor("  ")
        .compact_ranges(true)
        .depth_limit(5)
}

/// The absolute folder holding the project file at `path`.
fn project_folder(path: &Path) -> PathBuf {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = std::path::absolute(parent).unwrap_or_else(|_| parent.to_path_buf());
    normalize(&folder)
}

/// Removes `.` and resolves `..` lexically ("/a/b/../c" → "/a/c"), as a file dialog would
/// show the path; symbolic links are not followed.
fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(c),
            },
            _ => out.push(c),
        }
    }
    out.iter().collect()
}

/// `target` relative to `folder` (with `..` steps if needed); `target` unchanged when it is
/// already relative or the two share no root (another drive on Windows).
fn relative_to(target: &Path, folder: &Path) -> PathBuf {
    if target.is_relative() {
        return target.to_path_buf();
    }
    let target: Vec<Component<'_>> = target.components().collect();
    let folder: Vec<Component<'_>> = folder.components().collect();
    let common = target
        .iter()
        .zip(&folder)
        .take_while(|(a, b)| a == b)
        .count();
    let has_root = |c: &Component<'_>| matches!(c, Component::RootDir | Component::Prefix(_));
    let shares_root = target[..common].iter().any(has_root);
    let clean_rest = folder[common..]
        .iter()
        .all(|c| matches!(c, Component::Normal(_)));
    if !shares_root || !clean_rest {
        return target.iter().collect();
    }
    let mut out = PathBuf::new();
    for _ in common..folder.len() {
        out.push("..");
    }
    for c in &target[common..] {
        out.push(c.as_os_str());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_inside_beside_and_elsewhere() {
        let folder = Path::new("/work/reports/2024");
        assert_eq!(
            relative_to(Path::new("/work/reports/2024/terms.glossary.ron"), folder),
            PathBuf::from("terms.glossary.ron")
        );
        assert_eq!(
            relative_to(Path::new("/work/shared/terms.glossary.ron"), folder),
            PathBuf::from("../../shared/terms.glossary.ron")
        );
        assert_eq!(
            relative_to(Path::new("already/relative.ron"), folder),
            PathBuf::from("already/relative.ron")
        );
    }

    #[test]
    fn normalize_resolves_dots_lexically() {
        assert_eq!(normalize(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
        assert_eq!(normalize(Path::new("/..")), PathBuf::from("/"));
        assert_eq!(normalize(Path::new("../x")), PathBuf::from("../x"));
    }

    #[test]
    fn glossary_path_is_stored_relative_and_resolved_absolute() {
        let mut project = crate::edit::test_project::sample();
        let dir = std::path::absolute("/tmp/alinea-file-test").expect("absolute");
        project.glossary_path = Some(dir.join("g/terms.glossary.ron"));
        project.versions[1].source_path = Some(PathBuf::from("/tmp/docs/ru.txt"));
        let path = dir.join("p.alinea");
        let text = to_ron_string(&path, &project).expect("serialise");
        assert!(
            text.starts_with("ProjectFile(\n  format_version: 1,"),
            "{text}"
        );
        assert!(text.contains("glossary_path: Some(\"g/terms.glossary.ron\")"));
        assert!(
            text.contains("source_path: Some(\"../docs/ru.txt\")"),
            "{text}"
        );
        assert!(text.contains("range: 0..3"), "{text}");
        let back = from_ron_str(&path, &text).expect("parse");
        assert_eq!(back, project);
    }
}

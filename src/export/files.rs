//! Exports to files: one file, or one file per pivot–target language pair.
//!
//! memoQ and many other tools import two languages at a time, so `--per-pair` writes e.g.
//! `report.vi-en.tmx`, `report.vi-ru.tmx`, ... next to each other. Every file is written
//! atomically ([`crate::fs_atomic`]), so a failed export never leaves half a file under the
//! real name.

use std::path::{Path, PathBuf};

use crate::export::columns;
use crate::export::{ExportError, ExportOptions, ExportReport, Format};
use crate::model::{Lang, Project};

/// Writes one export file at `path` atomically (see [`crate::fs_atomic`]).
pub fn write_file(
    format: Format,
    project: &Project,
    options: &ExportOptions,
    path: &Path,
) -> Result<ExportReport, ExportError> {
    let name = path.display().to_string();
    let mut report = ExportReport::default();
    crate::fs_atomic::write_streamed::<ExportError>(path, u64::MAX, &|_| Ok(()), &mut |out| {
        report =
            crate::export::write(format, project, options, out).map_err(|e| e.in_file(&name))?;
        Ok(())
    })?;
    Ok(report)
}

/// Where per-pair files go: a directory and a file stem ("report" → `report.vi-en.tmx`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairTarget {
    /// Directory of the files.
    pub dir: PathBuf,
    /// File name before `.PIVOT-TARGET.EXT`.
    pub stem: String,
}

impl PairTarget {
    /// Interprets `-o OUT`: an existing directory (or a path ending in `/`) keeps the project's
    /// stem; anything else is a stem, with the format's extension dropped if given
    /// (`out/report.tmx` → `out/report.vi-en.tmx`). Without `-o`, files go next to the project.
    pub fn resolve(out: Option<&Path>, project_path: &Path, format: Format) -> PairTarget {
        let project_stem = project_path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "export".to_string());
        let parent_of = |p: &Path| {
            p.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .map(Path::to_path_buf)
                .unwrap_or_else(|| PathBuf::from("."))
        };
        let Some(out) = out else {
            return PairTarget {
                dir: parent_of(project_path),
                stem: project_stem,
            };
        };
        let ends_with_slash = out.as_os_str().to_string_lossy().ends_with(['/', '\\']);
        if out.is_dir() || ends_with_slash {
            return PairTarget {
                dir: out.to_path_buf(),
                stem: project_stem,
            };
        }
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(project_stem);
        let suffix = format!(".{}", format.extension());
        let stem = name.strip_suffix(&suffix).unwrap_or(&name).to_string();
        PairTarget {
            dir: parent_of(out),
            stem,
        }
    }

    /// The file for one pair, e.g. `dir/report.vi-en.tmx`.
    pub fn path(&self, pivot: &Lang, target: &Lang, format: Format) -> PathBuf {
        self.dir.join(format!(
            "{}.{pivot}-{target}.{}",
            self.stem,
            format.extension()
        ))
    }
}

/// Writes one file per pivot–target language pair; returns each file with its report.
///
/// The pairs are the pivot with every other chosen language (the language filter and the
/// one-version-per-language rule apply as in a single export).
pub fn write_per_pair(
    format: Format,
    project: &Project,
    options: &ExportOptions,
    target: &PairTarget,
) -> Result<Vec<(PathBuf, ExportReport)>, ExportError> {
    let columns = columns::select(project, options, true)?;
    let langs = columns.langs(project);
    let pivot = project
        .versions
        .get(project.alignment.pivot)
        .map(|v| v.lang.clone())
        .unwrap_or_else(Lang::undetermined);
    if !columns.pivot_first {
        return Err(ExportError::PivotNotSelected {
            pivot: pivot.to_string(),
        });
    }
    if langs.len() < 2 {
        return Err(ExportError::NothingToExport(format!(
            "no target language besides the pivot {pivot}"
        )));
    }
    std::fs::create_dir_all(&target.dir).map_err(|source| ExportError::Io {
        file: target.dir.display().to_string(),
        source,
    })?;
    let mut written = Vec::new();
    for lang in langs.iter().skip(1) {
        let pair_options = ExportOptions {
            langs: vec![pivot.clone(), (*lang).clone()],
            ..options.clone()
        };
        let path = target.path(&pivot, lang, format);
        let mut report = write_file(format, project, &pair_options, &path)?;
        if written.is_empty() {
            report
                .warnings
                .splice(0..0, columns.warnings.iter().cloned());
        }
        written.push((path, report));
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_directories_and_stems() {
        let project = Path::new("work/report.alinea");
        let t = PairTarget::resolve(None, project, Format::Tmx);
        assert_eq!(
            t.path(&Lang::new("vi"), &Lang::new("en"), Format::Tmx),
            Path::new("work/report.vi-en.tmx")
        );
        let t = PairTarget::resolve(Some(Path::new("out/")), project, Format::Tsv);
        assert_eq!(
            (t.dir.as_path(), t.stem.as_str()),
            (Path::new("out/"), "report")
        );
        let t = PairTarget::resolve(Some(Path::new("out/memo.tmx")), project, Format::Tmx);
        assert_eq!(
            (t.dir.as_path(), t.stem.as_str()),
            (Path::new("out"), "memo")
        );
        let t = PairTarget::resolve(Some(Path::new("memo")), Path::new("r.alinea"), Format::Csv);
        assert_eq!((t.dir.as_path(), t.stem.as_str()), (Path::new("."), "memo"));
    }
}

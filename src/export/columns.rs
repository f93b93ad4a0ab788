//! Which versions become columns of an export, in which order.
//!
//! The pivot comes first (it is TMX's `srclang`), the other versions follow in project order.
//! A language filter keeps a subset. Formats keyed by language code keep only the first version
//! of each language and say so in a warning, because a TMX unit, a JSON object or a CSV header
//! cannot tell two Arabic translations apart; the caller picks another version by making it the
//! pivot or by removing the other one from the project.

use crate::export::{ExportError, ExportOptions};
use crate::model::{AlignmentInvariantError, Lang, Project};

/// The chosen columns: version indices, pivot (if chosen) first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// Version indices in column order.
    pub versions: Vec<usize>,
    /// True when the first column is the project's pivot.
    pub pivot_first: bool,
    /// Versions left out because another version already has their language.
    pub warnings: Vec<String>,
}

impl Columns {
    /// The language of each column, in column order.
    pub fn langs<'p>(&self, project: &'p Project) -> Vec<&'p Lang> {
        self.versions
            .iter()
            .filter_map(|&v| project.versions.get(v).map(|version| &version.lang))
            .collect()
    }
}

/// Chooses the columns for `options`. With `unique_langs`, a language appears at most once.
pub fn select(
    project: &Project,
    options: &ExportOptions,
    unique_langs: bool,
) -> Result<Columns, ExportError> {
    let pivot = project.alignment.pivot;
    if project.versions.is_empty() {
        return Err(ExportError::NothingToExport(
            "the project has no versions".to_string(),
        ));
    }
    if pivot >= project.versions.len() {
        return Err(AlignmentInvariantError::Pivot {
            pivot,
            versions: project.versions.len(),
        }
        .into());
    }
    for lang in &options.langs {
        if !project.versions.iter().any(|v| &v.lang == lang) {
            return Err(ExportError::UnknownLanguage {
                lang: lang.to_string(),
                available: project_langs(project).join(","),
            });
        }
    }
    let order = std::iter::once(pivot).chain((0..project.versions.len()).filter(|&v| v != pivot));
    let mut versions: Vec<usize> = Vec::new();
    let mut warnings = Vec::new();
    for v in order {
        let Some(version) = project.versions.get(v) else {
            continue;
        };
        if !options.langs.is_empty() && !options.langs.contains(&version.lang) {
            continue;
        }
        if unique_langs {
            let taken = versions
                .iter()
                .find(|&&kept| project.versions[kept].lang == version.lang);
            if let Some(&kept) = taken {
                warnings.push(format!(
                    "version \"{}\" left out: its language {} is already exported from \"{}\"",
                    version.name, version.lang, project.versions[kept].name
                ));
                continue;
            }
        }
        versions.push(v);
    }
    if versions.is_empty() {
        return Err(ExportError::NothingToExport(
            "no version matches the chosen languages".to_string(),
        ));
    }
    Ok(Columns {
        pivot_first: versions.first() == Some(&pivot),
        versions,
        warnings,
    })
}

/// The distinct languages of the project, pivot first, then in version order.
pub fn project_langs(project: &Project) -> Vec<String> {
    let pivot = project.alignment.pivot;
    let order = std::iter::once(pivot).chain((0..project.versions.len()).filter(|&v| v != pivot));
    let mut langs: Vec<String> = Vec::new();
    for v in order {
        if let Some(version) = project.versions.get(v) {
            let code = version.lang.to_string();
            if !langs.contains(&code) {
                langs.push(code);
            }
        }
    }
    langs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Version;

    fn project(langs: &[&str], pivot: usize) -> Project {
        let versions = langs
            .iter()
            .enumerate()
            .map(|(i, l)| Version::from_sentences(&format!("v{i}"), Lang::new(l), &[vec!["x."]]))
            .collect();
        let mut p = Project::new(versions);
        p.alignment.pivot = pivot;
        p
    }

    #[test]
    fn pivot_comes_first_and_duplicates_are_dropped_with_a_warning() {
        let p = project(&["ar", "vi", "ar", "ru"], 1);
        let cols = select(&p, &ExportOptions::default(), true).unwrap();
        assert_eq!(cols.versions, vec![1, 0, 3]);
        assert!(cols.pivot_first);
        assert_eq!(cols.warnings.len(), 1);
        assert!(cols.warnings[0].contains("\"v2\""), "{:?}", cols.warnings);
        let all = select(&p, &ExportOptions::default(), false).unwrap();
        assert_eq!(all.versions, vec![1, 0, 2, 3]);
        assert!(all.warnings.is_empty());
    }

    #[test]
    fn language_filter_keeps_order_and_rejects_unknown_languages() {
        let p = project(&["vi", "ms", "ru"], 0);
        let options = ExportOptions {
            langs: vec![Lang::new("ru"), Lang::new("vi")],
            ..Default::default()
        };
        let cols = select(&p, &options, true).unwrap();
        assert_eq!(cols.versions, vec![0, 2]);
        let options = ExportOptions {
            langs: vec![Lang::new("ru"), Lang::new("fr")],
            ..Default::default()
        };
        let err = select(&p, &options, true).unwrap_err();
        assert!(err.to_string().contains("fr"), "{err}");
        assert!(err.to_string().contains("vi,ms,ru"), "{err}");
        let options = ExportOptions {
            langs: vec![Lang::new("ru")],
            ..Default::default()
        };
        assert!(!select(&p, &options, true).unwrap().pivot_first);
    }

    #[test]
    fn a_pivot_outside_the_versions_is_an_error() {
        let p = project(&["vi", "en"], 5);
        let err = select(&p, &ExportOptions::default(), true).unwrap_err();
        assert!(matches!(err, ExportError::InvalidAlignment(_)), "{err}");
    }
}

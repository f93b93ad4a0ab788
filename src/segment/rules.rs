//! Per-language segmentation rules: abbreviations and sentence-starter words, kept as RON data
//! files in `assets/segmentation/` (embedded at build time) and optionally extended by files
//! in the directory named by `ALINEA_SEGMENTATION_DIR`, so an editor can add an abbreviation
//! without rebuilding. The format is documented in `notes/segment.md`.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// Environment variable naming a directory of extra rule files (`common.ron`, `<lang>.ron`).
pub const RULES_DIR_ENV: &str = "ALINEA_SEGMENTATION_DIR";

/// Embedded rule files: (language or "common", RON text).
const EMBEDDED: &[(&str, &str)] = &[
    (
        "common",
        include_str!("../../assets/segmentation/common.ron"),
    ),
    ("en", include_str!("../../assets/segmentation/en.ron")),
    ("vi", include_str!("../../assets/segmentation/vi.ron")),
    ("ms", include_str!("../../assets/segmentation/ms.ron")),
    ("id", include_str!("../../assets/segmentation/id.ron")),
    ("ru", include_str!("../../assets/segmentation/ru.ron")),
    ("ar", include_str!("../../assets/segmentation/ar.ron")),
];

/// A problem with a rule file; every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    /// The file exists but could not be read.
    #[error("cannot read segmentation rules {path}: {source}")]
    Read {
        /// The rule file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid RON or has unknown fields.
    #[error("invalid segmentation rules in {file}: {message}")]
    Parse {
        /// The rule file (path or embedded asset name).
        file: String,
        /// What the RON parser reported, with line and column.
        message: String,
    },
}

/// One rule file as written on disk. Every list is optional; entries are abbreviations written
/// with their final period ("Dr.", "т.е.", "PGS.TS.") and are matched case-insensitively.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RuleFile {
    /// Titles and prefixes that never end a sentence when a word or number follows ("Dr.").
    pub never_end: Vec<String>,
    /// Abbreviations that never end a sentence before a number ("p.", "No.", "tr."); before
    /// a word they behave like `weak_end`.
    pub number_prefix: Vec<String>,
    /// Abbreviations that often end a sentence ("etc.", "dll."): they end one when the next
    /// word is capitalised like a sentence start.
    pub may_end: Vec<String>,
    /// Abbreviations that end a sentence only before a word in `sentence_starters` ("Co.").
    pub weak_end: Vec<String>,
    /// Abbreviations that are `never_end` after a word but `weak_end` after a number
    /// ("г." in "г. Москва" vs "в 1898 г. В ...").
    pub weak_after_number: Vec<String>,
    /// Capitalised words that typically begin a sentence ("The", "Ông", "Однако").
    pub sentence_starters: Vec<String>,
    /// Keep a quotation or bracket that closes within the paragraph as one piece (no break
    /// inside it). The last file that sets it wins; default true.
    pub keep_quotes_whole: Option<bool>,
}

/// How an abbreviation behaves at a period followed by a space.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevKind {
    /// Never ends a sentence when followed by a word or number.
    NeverEnd,
    /// Never ends before a number; otherwise like `WeakEnd`.
    NumberPrefix,
    /// Ends a sentence before a capitalised sentence-like word.
    MayEnd,
    /// Ends a sentence only before a known sentence starter.
    WeakEnd,
    /// `NeverEnd` after a word, `WeakEnd` after a number.
    WeakAfterNumber,
}

/// Compiled rules for one language: the merge of the common file, the language file and the
/// user's files, in that order (later entries override earlier ones).
#[derive(Debug, Default)]
pub struct Rules {
    abbreviations: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
    /// Whether quotations and brackets are kept whole.
    pub keep_quotes_whole: bool,
}

impl Rules {
    /// Builds the rules for `lang` (primary subtag) from the embedded files plus, if `user_dir`
    /// is given, its `common.ron` and `<lang>.ron` when they exist.
    pub fn load(lang: &str, user_dir: Option<&Path>) -> Result<Rules, RulesError> {
        let mut rules = Rules {
            keep_quotes_whole: true,
            ..Rules::default()
        };
        for (name, text) in EMBEDDED {
            if *name == "common" || *name == lang {
                let file = parse(text, &format!("assets/segmentation/{name}.ron"))?;
                rules.add(file);
            }
        }
        if let Some(dir) = user_dir {
            for name in ["common", lang] {
                let path = dir.join(format!("{name}.ron"));
                if !path.is_file() {
                    continue;
                }
                let text = std::fs::read_to_string(&path).map_err(|source| RulesError::Read {
                    path: path.clone(),
                    source,
                })?;
                rules.add(parse(&text, &path.display().to_string())?);
            }
        }
        Ok(rules)
    }

    fn add(&mut self, file: RuleFile) {
        let lists = [
            (file.never_end, AbbrevKind::NeverEnd),
            (file.number_prefix, AbbrevKind::NumberPrefix),
            (file.may_end, AbbrevKind::MayEnd),
            (file.weak_end, AbbrevKind::WeakEnd),
            (file.weak_after_number, AbbrevKind::WeakAfterNumber),
        ];
        for (list, kind) in lists {
            for entry in list {
                let key = abbreviation_key(&entry);
                if !key.is_empty() {
                    self.abbreviations.insert(key, kind);
                }
            }
        }
        for word in file.sentence_starters {
            let word = word.trim();
            if !word.is_empty() {
                self.starters.insert(word.to_string());
            }
        }
        if let Some(keep) = file.keep_quotes_whole {
            self.keep_quotes_whole = keep;
        }
    }

    /// The kind of the abbreviation whose lower-cased text without the final period is `key`.
    pub fn abbreviation(&self, key: &str) -> Option<AbbrevKind> {
        self.abbreviations.get(key).copied()
    }

    /// True if `word` (exact spelling) is a listed sentence starter.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// Lower-cases an entry and strips its final period: "Dr." → "dr". A multi-word entry is
/// keyed by its last word ("и т.д." → "т.д"), the token that carries the period.
pub fn abbreviation_key(entry: &str) -> String {
    let trimmed = entry.split_whitespace().last().unwrap_or("");
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed);
    trimmed.to_lowercase()
}

fn parse(text: &str, file: &str) -> Result<RuleFile, RulesError> {
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    options.from_str(text).map_err(|e| RulesError::Parse {
        file: file.to_string(),
        message: e.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_parse_for_every_language() {
        for (name, _) in EMBEDDED {
            let rules = Rules::load(name, None);
            assert!(rules.is_ok(), "{name}: {:?}", rules.err());
        }
    }

    #[test]
    fn keys_are_lower_case_without_final_period() {
        assert_eq!(abbreviation_key(" PGS.TS. "), "pgs.ts");
        assert_eq!(abbreviation_key("Dr."), "dr");
        assert_eq!(abbreviation_key("и т.д."), "т.д");
    }

    #[test]
    fn bad_user_file_names_the_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("vi.ron"), "(never_end: [\"x.\"], bogus: 1)")
            .expect("write");
        let err = Rules::load("vi", Some(dir.path())).expect_err("must fail");
        let msg = err.to_string();
        assert!(msg.contains("vi.ron"), "{msg}");
    }
}

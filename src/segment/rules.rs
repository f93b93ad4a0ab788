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
    ("de", include_str!("../../assets/segmentation/de.ron")),
    ("fr", include_str!("../../assets/segmentation/fr.ron")),
    ("es", include_str!("../../assets/segmentation/es.ron")),
    ("it", include_str!("../../assets/segmentation/it.ron")),
    ("pt", include_str!("../../assets/segmentation/pt.ron")),
    ("nl", include_str!("../../assets/segmentation/nl.ron")),
    (
        GENERIC,
        include_str!("../../assets/segmentation/generic.ron"),
    ),
];

/// Name of the rule set used for languages without their own rule file.
pub const GENERIC: &str = "generic";

/// True if Alinea has a rule file of its own for the language `lang` (primary subtag).
pub fn has_language(lang: &str) -> bool {
    lang != "common" && lang != GENERIC && EMBEDDED.iter().any(|(name, _)| *name == lang)
}

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
    /// Words that make a following `10.` an ordinal, not a sentence end ("am 10. September").
    pub ordinal_before: Vec<String>,
    /// Words that make a preceding `10.` an ordinal ("10. September", "3. Platz").
    pub ordinal_after: Vec<String>,
    /// Words that, ending a line without final punctuation, continue it on the next line
    /// (a heading wrapped after a preposition or conjunction).
    pub continuation_words: Vec<String>,
    /// Abbreviations that also end compounds, written with their period ("str." for
    /// "Bahnhofstr."): a longer unknown word ending in one takes its kind.
    pub compound_endings: Vec<String>,
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
    /// Always ends a sentence when whitespace follows (learned from an editor's split).
    AlwaysEnd,
}

/// Compiled rules for one language: the merge of the common file, the language file and the
/// user's files, in that order (later entries override earlier ones).
#[derive(Clone, Debug, Default)]
pub struct Rules {
    abbreviations: HashMap<String, AbbrevKind>,
    /// Multi-word entries keyed "previous word + space + token" ("и пр").
    phrases: HashMap<String, AbbrevKind>,
    starters: HashSet<String>,
    ordinal_before: HashSet<String>,
    ordinal_after: HashSet<String>,
    continuation: HashSet<String>,
    /// Keys of `compound_endings` ("str").
    compound_endings: Vec<String>,
    /// Learned "never/always split after" tokens, keyed by the lower-cased token with its
    /// final punctuation ("s.h.", "yahoo!").
    learned: HashMap<String, bool>,
    /// Whether quotations and brackets are kept whole.
    pub keep_quotes_whole: bool,
    /// The language whose rule file was used, or [`GENERIC`].
    pub rule_set: String,
}

impl Rules {
    /// Builds the rules for `lang` (primary subtag) from the embedded files plus, if `user_dir`
    /// is given, its `common.ron` and `<lang>.ron` when they exist.
    pub fn load(lang: &str, user_dir: Option<&Path>) -> Result<Rules, RulesError> {
        let own = has_language(lang);
        let set = if own { lang } else { GENERIC };
        let mut rules = Rules {
            keep_quotes_whole: true,
            rule_set: set.to_string(),
            ..Rules::default()
        };
        for (name, text) in EMBEDDED {
            if *name == "common" || *name == set {
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
                if key.is_empty() {
                    continue;
                }
                match phrase_key(&entry) {
                    Some(phrase) => {
                        self.phrases.insert(phrase, kind);
                        self.abbreviations.entry(key).or_insert(kind);
                    }
                    None => {
                        self.abbreviations.insert(key, kind);
                    }
                }
            }
        }
        for entry in file.compound_endings {
            let key = abbreviation_key(&entry);
            if !key.is_empty() && !self.compound_endings.contains(&key) {
                self.compound_endings.push(key);
            }
        }
        let words = [
            (file.sentence_starters, &mut self.starters, false),
            (file.ordinal_before, &mut self.ordinal_before, false),
            (file.ordinal_after, &mut self.ordinal_after, false),
            (file.continuation_words, &mut self.continuation, true),
        ];
        for (list, set, lower) in words {
            for word in list {
                let word = word.trim();
                if !word.is_empty() {
                    set.insert(if lower {
                        word.to_lowercase()
                    } else {
                        word.to_string()
                    });
                }
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

    /// The kind of an unknown compound ending in a listed compound ending ("bahnhofstr" →
    /// the kind of "str"); the compound must be at least three letters longer.
    pub fn compound(&self, key: &str) -> Option<AbbrevKind> {
        self.compound_endings
            .iter()
            .filter(|end| key.len() >= end.len() + 3 && key.ends_with(end.as_str()))
            .find_map(|end| self.abbreviation(end))
    }

    /// The kind of a multi-word abbreviation: `prev` is the lower-cased word before the token,
    /// `key` the token's key ("и", "пр" for "и пр.").
    pub fn phrase(&self, prev: &str, key: &str) -> Option<AbbrevKind> {
        if self.phrases.is_empty() {
            return None;
        }
        self.phrases.get(&format!("{prev} {key}")).copied()
    }

    /// True if `word` (exact spelling) is a listed sentence starter.
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }

    /// True if `word` (exact spelling) before a number makes it an ordinal ("am").
    pub fn is_ordinal_before(&self, word: &str) -> bool {
        self.ordinal_before.contains(word)
    }

    /// True if `word` (exact spelling) after a number makes it an ordinal ("September").
    pub fn is_ordinal_after(&self, word: &str) -> bool {
        self.ordinal_after.contains(word)
    }

    /// True if the language marks ordinals with a period ("10. September").
    pub fn has_ordinals(&self) -> bool {
        !self.ordinal_before.is_empty() || !self.ordinal_after.is_empty()
    }

    /// True if a line ending in `word` (any case) continues on the next line.
    pub fn is_continuation(&self, word: &str) -> bool {
        !self.continuation.is_empty() && self.continuation.contains(&word.to_lowercase())
    }

    /// Adds a learned decision for the token `token` (with its final punctuation, e.g.
    /// "S.H."): `split` true means always split after it, false never.
    pub fn learn(&mut self, token: &str, split: bool) {
        let key = token.trim().to_lowercase();
        if !key.is_empty() {
            self.learned.insert(key, split);
        }
    }

    /// The learned decision for the lower-cased token with its final punctuation, if any.
    pub fn learned(&self, key: &str) -> Option<bool> {
        self.learned.get(key).copied()
    }

    /// True if any decision was learned.
    pub fn has_learned(&self) -> bool {
        !self.learned.is_empty()
    }
}

/// "и пр." → "и пр": the last two words of a multi-word entry, lower-cased, final period off.
fn phrase_key(entry: &str) -> Option<String> {
    let mut words = entry.split_whitespace().rev();
    let last = words.next()?;
    let prev = words.next()?;
    let last = last.strip_suffix('.').unwrap_or(last);
    Some(format!("{} {}", prev.to_lowercase(), last.to_lowercase()))
}

/// Lower-cases an entry and strips its final period: "Dr." → "dr". A multi-word entry is
/// keyed by its last word ("и т.д." → "т.д"), the token that carries the period.
fn abbreviation_key(entry: &str) -> String {
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
    fn unknown_languages_get_the_generic_set() {
        let rules = Rules::load("sw", None).expect("generic");
        assert_eq!(rules.rule_set, GENERIC);
        let rules = Rules::load("de", None).expect("de");
        assert_eq!(rules.rule_set, "de");
        assert!(rules.is_ordinal_after("September"));
        assert!(!has_language("generic"));
    }

    #[test]
    fn multi_word_entries_are_phrases() {
        let rules = Rules::load("ru", None).expect("ru");
        assert_eq!(rules.phrase("и", "пр"), Some(AbbrevKind::MayEnd));
        assert_eq!(rules.abbreviation("пр"), Some(AbbrevKind::NeverEnd));
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

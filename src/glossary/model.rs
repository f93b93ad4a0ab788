//! The glossary data model: concepts with per-language terms, each preferred, allowed or
//! forbidden. Stored in its own RON file (`*.glossary.ron`) so many projects and editors share
//! one glossary; `BTreeMap`s keep the file sorted and its diffs readable.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

/// How a term may be used in a translation.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum TermStatus {
    /// The term to use.
    #[default]
    Preferred,
    /// Acceptable, but not the preferred rendering (reported as a "variant").
    Allowed,
    /// Must not be used (reported as "forbidden").
    Forbidden,
}

impl TermStatus {
    /// Lower-case name as used in CLI output and CSV files.
    pub fn as_str(self) -> &'static str {
        match self {
            TermStatus::Preferred => "preferred",
            TermStatus::Allowed => "allowed",
            TermStatus::Forbidden => "forbidden",
        }
    }
}

/// How a term is matched in text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MatchMode {
    /// Inflected forms, clitics and affixes match too (stemming per language).
    #[default]
    Inflected,
    /// Only the exact form matches (case per `Term::case_sensitive`).
    Exact,
}

/// One term of a concept in one language.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Term {
    /// The term as written ("Постоянный комитет").
    pub text: String,
    /// Preferred, allowed or forbidden.
    #[serde(default)]
    pub status: TermStatus,
    /// Whether letter case must match.
    #[serde(default)]
    pub case_sensitive: bool,
    /// Inflection-aware or exact.
    #[serde(default)]
    pub match_mode: MatchMode,
}

impl Term {
    /// A case-insensitive, inflection-aware term with the given status.
    pub fn new(text: &str, status: TermStatus) -> Self {
        Term {
            text: text.trim().to_string(),
            status,
            case_sensitive: false,
            match_mode: MatchMode::Inflected,
        }
    }
}

/// One concept ("Standing Committee") with its terms in every language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concept {
    /// Stable identifier, unique in the glossary ("standing-committee").
    pub id: String,
    /// Definition or note for translators.
    #[serde(default)]
    pub note: String,
    /// Subject tag ("politics", "administration").
    #[serde(default)]
    pub subject: String,
    /// Terms per language.
    #[serde(default)]
    pub terms: BTreeMap<Lang, Vec<Term>>,
}

/// A set of concepts keyed by id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glossary {
    /// Concepts keyed by their id.
    #[serde(default)]
    pub concepts: BTreeMap<String, Concept>,
}

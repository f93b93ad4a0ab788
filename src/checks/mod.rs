//! Term-consistency checks and glossary-free translation QA ([`qa`]): for every aligned row, do the translations use the glossary's
//! terms for the concepts the pivot mentions?
//!
//! Kinds of [`Finding`]:
//! - `Missing`: the pivot cell mentions a concept, another version's cell (not empty) has none
//!   of its preferred or allowed terms (only when the glossary has terms in that language).
//! - `Forbidden`: a forbidden term is used (any version, pivot included; also without alignment).
//! - `Variant`: an allowed term is used where a preferred one exists.
//! - `Collision`: one text span is a term of two or more concepts (the glossary lists the same
//!   term for different concepts, and the text uses it); one finding per concept.
//!
//! Accepted findings are remembered in `Project::accepted_findings` by [`Finding::key`], which
//! names the version and its sentence index rather than the row, so re-aligning keeps them.

pub mod qa;
mod report;
mod terms;

use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use qa::qa_findings;
pub use report::{KindCounts, counts, html_report, write_csv_report};

use crate::glossary::{Glossary, TermIndex};
use crate::model::Project;

/// The glossary findings (when a glossary and its index are given) and the QA findings of
/// `project` in one list, sorted by row and version.
pub fn check_all(project: &Project, glossary: Option<(&Glossary, &TermIndex)>) -> Vec<Finding> {
    let mut out = match glossary {
        Some((g, index)) => check_with_index(project, g, index),
        None => Vec::new(),
    };
    out.extend(qa_findings(project));
    out.sort_by_key(|f| (f.row, f.version));
    out
}
pub use terms::{check_with_index, run_checks};

/// What is wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FindingKind {
    /// No preferred/allowed term for a concept the pivot mentions.
    Missing,
    /// A forbidden term is used.
    Forbidden,
    /// An allowed, not preferred, term is used.
    Variant,
    /// The used term belongs to several concepts.
    Collision,
    /// A number differs between the pivot and a translation.
    NumberMismatch,
    /// The translation is the pivot text, or in the pivot's language.
    Untranslated,
    /// The pivot has text, the translation cell is empty.
    EmptyTranslation,
    /// One pivot sentence translated differently in two rows.
    InconsistentTarget,
    /// One translation used for two different pivot sentences.
    InconsistentSource,
    /// A URL or e-mail address on one side only.
    UrlMismatch,
}

impl FindingKind {
    /// Lower-case name for CLI output and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::Missing => "missing",
            FindingKind::Forbidden => "forbidden",
            FindingKind::Variant => "variant",
            FindingKind::Collision => "collision",
            FindingKind::NumberMismatch => "number-mismatch",
            FindingKind::Untranslated => "untranslated",
            FindingKind::EmptyTranslation => "empty-translation",
            FindingKind::InconsistentTarget => "inconsistent-target",
            FindingKind::InconsistentSource => "inconsistent-source",
            FindingKind::UrlMismatch => "url-mismatch",
        }
    }

    /// True for the glossary-free QA kinds (see [`qa`]).
    pub fn is_qa(self) -> bool {
        !matches!(
            self,
            FindingKind::Missing
                | FindingKind::Forbidden
                | FindingKind::Variant
                | FindingKind::Collision
        )
    }

    /// Every kind, glossary kinds first (for filters).
    pub const ALL: [FindingKind; 10] = [
        FindingKind::Missing,
        FindingKind::Forbidden,
        FindingKind::Variant,
        FindingKind::Collision,
        FindingKind::NumberMismatch,
        FindingKind::Untranslated,
        FindingKind::EmptyTranslation,
        FindingKind::InconsistentTarget,
        FindingKind::InconsistentSource,
        FindingKind::UrlMismatch,
    ];
}

/// One consistency problem.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Alignment row (or sentence index when the project has no alignment).
    pub row: usize,
    /// Version index in `Project::versions`.
    pub version: usize,
    /// The version's name (file name), part of the key.
    pub version_name: String,
    /// First sentence of the version's cell in that row (stable under re-alignment).
    pub sentence: usize,
    /// Concept id.
    pub concept: String,
    /// Language of the version.
    pub lang: String,
    /// What is wrong.
    pub kind: FindingKind,
    /// The term as used in the text; for `Missing`, the expected preferred term.
    pub text: String,
    /// Byte ranges in the version's text (empty for `Missing`).
    pub ranges: Vec<Range<usize>>,
    /// True if the editor accepted this finding.
    pub accepted: bool,
}

impl Finding {
    /// Stable key for `Project::accepted_findings`.
    pub fn key(&self) -> String {
        format!(
            "{}|{}|{}|{}|s{}|{}",
            self.kind.as_str(),
            self.concept,
            self.lang,
            self.version_name,
            self.sentence,
            self.text
        )
    }
}

/// Sets `accepted` on every finding whose key the editor accepted in `project`.
pub(crate) fn mark_accepted(project: &crate::model::Project, findings: &mut [Finding]) {
    let accepted: std::collections::BTreeSet<&str> = project
        .accepted_findings
        .iter()
        .map(String::as_str)
        .collect();
    for f in findings {
        f.accepted = accepted.contains(f.key().as_str());
    }
}

//! Term mining: a glossary proposed from the aligned rows.
//!
//! [`mine`] lists the spans of the pivot version that recur (1–5 words, or 2–10 syllables in
//! Vietnamese, bounded by punctuation and function words), ranks them by C-value termhood
//! ([`pivot`]), and finds each one's counterparts in every other version by co-occurrence over
//! the aligned rows ([`counterparts`]). Words are compared by the glossary matcher's keys
//! (`glossary::normalize`), so «права человека» and «прав человека» are one counterpart with
//! two forms, and Arabic «حقوق» with «لحقوق» or «وحقوق».
//!
//! A plain function of a [`Project`]: the CLI (`alinea mine`) and the app's review queue both
//! call it; [`review`] holds the queue's operations (accept as a concept, add a variant,
//! reject, example spans).

mod counterparts;
mod forms;
mod pivot;
pub mod review;
mod stopwords;
mod tokens;

#[cfg(test)]
mod review_tests;
#[cfg(test)]
mod tests;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Lang, Project};
use crate::progress::{Cancelled, Progress};
use counterparts::TargetIndex;
use forms::FormCounter;
use tokens::TokenizedVersion;

pub use review::{ReviewError, candidate_key, review_queue};
pub use stopwords::stopwords;
pub use tokens::is_acronym;

/// Why mining cannot run.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MineError {
    /// Fewer than two versions.
    #[error("term mining needs two or more versions; the project has {0}")]
    TooFewVersions(usize),
    /// The versions are not aligned.
    #[error("the project has no alignment: align the versions first")]
    NoAlignment,
    /// A version has no text.
    #[error("version {0} is empty: it has no sentences")]
    EmptyVersion(String),
    /// The user cancelled.
    #[error(transparent)]
    Cancelled(#[from] Cancelled),
}

/// Limits of [`mine`].
#[derive(Clone, Debug)]
pub struct MineOptions {
    /// Longest candidate in words (Vietnamese: twice as many syllables).
    pub max_words: usize,
    /// Fewest occurrences of a candidate.
    pub min_frequency: usize,
    /// Candidates returned (and given counterparts), best first.
    pub max_candidates: usize,
}

impl Default for MineOptions {
    fn default() -> Self {
        MineOptions {
            max_words: 5,
            min_frequency: 2,
            max_candidates: 300,
        }
    }
}

/// One rendering of a candidate in another version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Counterpart {
    /// The most frequent form.
    pub text: String,
    /// Every form seen (inflections, clitics), most frequent first.
    pub forms: Vec<String>,
    /// Rows of the candidate where this counterpart occurs.
    pub frequency: usize,
    /// Dice coefficient over the rows, 0..=1.
    pub score: f32,
}

/// The counterparts of a candidate in one version, the preferred one first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VersionCounterparts {
    /// Version index in the project.
    pub version: usize,
    /// The version's language.
    pub lang: Lang,
    /// Best first; later ones are variants.
    pub counterparts: Vec<Counterpart>,
}

/// A proposed term of the pivot version.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TermCandidate {
    /// The pivot's language.
    pub lang: Lang,
    /// The most frequent form.
    pub text: String,
    /// Every form seen in the pivot.
    pub forms: Vec<String>,
    /// Occurrences in the pivot.
    pub frequency: usize,
    /// C-value termhood (the ranking score).
    pub termhood: f32,
    /// Alignment rows with the candidate, ascending.
    pub rows: Vec<usize>,
    /// Counterparts per other version, in version order.
    pub counterparts: Vec<VersionCounterparts>,
}

/// Mines term candidates from the aligned rows of `project`, best first.
pub fn mine(
    project: &Project,
    options: &MineOptions,
    progress: &Progress,
) -> Result<Vec<TermCandidate>, MineError> {
    if project.versions.len() < 2 {
        return Err(MineError::TooFewVersions(project.versions.len()));
    }
    if let Some(empty) = project.versions.iter().find(|v| v.sentences.is_empty()) {
        return Err(MineError::EmptyVersion(empty.name.clone()));
    }
    if project.alignment.rows.is_empty() {
        return Err(MineError::NoAlignment);
    }
    let pivot_idx = project.alignment.pivot.min(project.versions.len() - 1);
    let n = project.versions.len() as u64;
    // Progress units: a tokenized or indexed version counts as many terms as a twentieth of
    // the candidates (the counterparts of each term are one unit), about as long as they take.
    let unit = (options.max_candidates as u64 / 20).max(1);
    progress.set_total(unit * (2 * n - 1) + options.max_candidates as u64);
    let alignment = &project.alignment;
    let indexed: Vec<(usize, TokenizedVersion)> = project
        .versions
        .par_iter()
        .enumerate()
        .map(|(v, version)| {
            let t = TokenizedVersion::build(version, v, alignment, options.max_words);
            progress.advance(unit);
            (v, t)
        })
        .collect();
    progress.check()?;
    let mut pivot = None;
    let mut targets = Vec::new();
    for (v, t) in indexed {
        if v == pivot_idx {
            pivot = Some(t);
        } else {
            targets.push((v, t));
        }
    }
    let Some(pivot) = pivot else {
        return Err(MineError::NoAlignment);
    };
    let terms = pivot::pivot_terms(&pivot, options.min_frequency, options.max_candidates);
    let targets: Vec<(usize, TargetIndex)> = targets
        .into_par_iter()
        .map(|(v, t)| {
            let index = TargetIndex::build(t);
            progress.advance(unit);
            (v, index)
        })
        .collect();
    progress.check()?;
    // Fewer candidates than the limit: the bar ends where the work does.
    progress.set_total(unit * (2 * n - 1) + terms.len() as u64);
    let pivot_lang = project.versions[pivot_idx].lang.clone();
    let out = terms
        .par_iter()
        .map(|term| {
            if progress.is_cancelled() {
                return None;
            }
            let mut rows: Vec<usize> = term.occurrences.iter().map(|o| o.0 as usize).collect();
            rows.dedup();
            let mut forms = FormCounter::default();
            for &(row, start) in &term.occurrences {
                let (row, start) = (row as usize, start as usize);
                let initial = pivot.tokens[row][start].initial;
                forms.add(pivot.surface(row, start, term.len), initial);
            }
            let forms: Vec<String> = forms.finish().into_iter().map(|f| f.0).collect();
            let words = term.words;
            let counterparts = targets
                .iter()
                .map(|(v, index)| VersionCounterparts {
                    version: *v,
                    lang: project.versions[*v].lang.clone(),
                    counterparts: index.counterparts(&rows, words),
                })
                .collect();
            progress.advance(1);
            Some(TermCandidate {
                lang: pivot_lang.clone(),
                text: forms.first().cloned().unwrap_or_default(),
                forms,
                frequency: term.frequency,
                termhood: term.termhood,
                rows,
                counterparts,
            })
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(Cancelled)?;
    Ok(out)
}

//! The review queue's operations, as plain functions of the project and glossary: which
//! candidates are still to review, the concept an accepted candidate becomes, a counterpart
//! added as a variant of an existing concept, rejections remembered in the project, and the
//! spans of a candidate in one example row (for highlighting).
//!
//! The app's review panel only draws [`TermCandidate`]s and records the editor's choices; it
//! calls these functions to turn them into glossary edits (undoable `PutConcept`s) and
//! project changes. A candidate is known by [`candidate_key`]: its pivot language and the
//! glossary matcher's inflection-aware keys of its words, so a rejected «human right» stays
//! rejected when the next mining run shows it as «human rights».

use std::ops::Range;

use crate::glossary::normalize::{KeyKind, Normalizer, tokenize};
use crate::glossary::{Concept, Glossary, MatcherOptions, Term, TermMatcher, TermStatus};
use crate::model::{Lang, Project};
use crate::progress::Progress;

use super::{MineError, MineOptions, TermCandidate, mine};

/// Why a review operation cannot be done.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReviewError {
    /// The candidate or counterpart text is empty.
    #[error("the term is empty")]
    EmptyTerm,
    /// No concept with this id in the glossary.
    #[error("the glossary has no concept \"{0}\"")]
    UnknownConcept(String),
    /// The version index is not in the project.
    #[error("the project has no version {0}")]
    UnknownVersion(usize),
}

const INFLECTED: KeyKind = KeyKind {
    inflected: true,
    case_sensitive: false,
};

/// The key of a term `text` in language `lang`: the primary language subtag and the
/// inflection-aware keys of its words ("en|human right").
pub fn candidate_key(lang: &Lang, text: &str) -> String {
    let normalizer = Normalizer::new(lang.primary(), false);
    let mut ranges = Vec::new();
    tokenize(text, &mut ranges);
    let words: Vec<String> = ranges
        .iter()
        .map(|r| normalizer.key(&text[r.clone()], INFLECTED))
        .collect();
    format!("{}|{}", lang.primary(), words.join(" "))
}

impl TermCandidate {
    /// This candidate's [`candidate_key`] (its rejection key).
    pub fn key(&self) -> String {
        candidate_key(&self.lang, &self.text)
    }
}

/// The candidates of `candidates` still to review in `project`: not rejected, and not a term
/// of the pivot language already in the glossary (any form of it).
pub fn pending(candidates: Vec<TermCandidate>, project: &Project) -> Vec<TermCandidate> {
    let mut known: Vec<String> = project.rejected_terms.clone();
    for concept in project.glossary.concepts.values() {
        for (lang, terms) in &concept.terms {
            known.extend(terms.iter().map(|t| candidate_key(lang, &t.text)));
        }
    }
    known.sort();
    known.dedup();
    candidates
        .into_iter()
        .filter(|c| {
            c.forms
                .iter()
                .chain(std::iter::once(&c.text))
                .all(|f| known.binary_search(&candidate_key(&c.lang, f)).is_err())
        })
        .collect()
}

/// [`mine`], then [`pending`]: the review queue of `project`.
pub fn review_queue(
    project: &Project,
    options: &MineOptions,
    progress: &Progress,
) -> Result<Vec<TermCandidate>, MineError> {
    mine(project, options, progress).map(|found| pending(found, project))
}

/// What to do with each counterpart when a candidate is accepted: per entry of
/// `TermCandidate::counterparts`, one status per counterpart (`None`: leave it out).
pub type Choices = Vec<Vec<Option<TermStatus>>>;

/// The proposal for `c`: the most frequent counterpart of each version preferred, the
/// others allowed.
pub fn default_choices(c: &TermCandidate) -> Choices {
    c.counterparts
        .iter()
        .map(|vc| {
            (0..vc.counterparts.len())
                .map(|i| {
                    Some(if i == 0 {
                        TermStatus::Preferred
                    } else {
                        TermStatus::Allowed
                    })
                })
                .collect()
        })
        .collect()
}

/// A concept id for `text` not yet used in `glossary`: lower-case letters and digits joined by
/// `-` ("standing-committee", then "standing-committee-2").
pub fn new_concept_id(glossary: &Glossary, text: &str) -> String {
    let mut base = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            base.push(c);
        } else if !base.ends_with('-') && !base.is_empty() {
            base.push('-');
        }
    }
    let base = base.trim_end_matches('-').to_string();
    let base = if base.is_empty() {
        "term".to_string()
    } else {
        base
    };
    let mut id = base.clone();
    let mut n = 2;
    while glossary.concepts.contains_key(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Adds `term` to `lang` of `concept` unless a term with the same text is there.
fn add_term(concept: &mut Concept, lang: &Lang, term: Term) {
    let list = concept.terms.entry(lang.clone()).or_default();
    if !list.iter().any(|t| t.text == term.text) {
        list.push(term);
    }
}

/// The new concept an accepted candidate becomes (all languages at once): the pivot term
/// preferred, each counterpart with the status `choices` gives it (see [`default_choices`];
/// missing entries count as left out). Its id is new in `glossary`.
pub fn concept_from_candidate(
    glossary: &Glossary,
    c: &TermCandidate,
    choices: &Choices,
) -> Result<Concept, ReviewError> {
    let text = c.text.trim();
    if text.is_empty() {
        return Err(ReviewError::EmptyTerm);
    }
    let mut concept = Concept {
        id: new_concept_id(glossary, text),
        ..Concept::default()
    };
    add_term(
        &mut concept,
        &c.lang,
        Term::new(text, TermStatus::Preferred),
    );
    for (vc, statuses) in c.counterparts.iter().zip(choices) {
        for (k, status) in vc.counterparts.iter().zip(statuses) {
            if let Some(status) = status
                && !k.text.trim().is_empty()
            {
                add_term(&mut concept, &vc.lang, Term::new(&k.text, *status));
            }
        }
    }
    Ok(concept)
}

/// Concept `concept_id` of `glossary` with `text` added for `lang` with `status` (a variant
/// of an existing concept); a term already there keeps its place and takes the new status.
pub fn add_counterpart(
    glossary: &Glossary,
    concept_id: &str,
    lang: &Lang,
    text: &str,
    status: TermStatus,
) -> Result<Concept, ReviewError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ReviewError::EmptyTerm);
    }
    let mut concept = glossary
        .concepts
        .get(concept_id)
        .cloned()
        .ok_or_else(|| ReviewError::UnknownConcept(concept_id.to_string()))?;
    let list = concept.terms.entry(lang.clone()).or_default();
    match list.iter_mut().find(|t| t.text == text) {
        Some(t) => t.status = status,
        None => list.push(Term::new(text, status)),
    }
    Ok(concept)
}

/// Remembers `key` as rejected in `project`; false if it was already.
pub fn reject(project: &mut Project, key: &str) -> bool {
    match project
        .rejected_terms
        .binary_search_by(|k| k.as_str().cmp(key))
    {
        Ok(_) => false,
        Err(at) => {
            project.rejected_terms.insert(at, key.to_string());
            true
        }
    }
}

/// Forgets the rejection of `key`; false if it was not rejected.
pub fn restore(project: &mut Project, key: &str) -> bool {
    let before = project.rejected_terms.len();
    project.rejected_terms.retain(|k| k != key);
    project.rejected_terms.len() != before
}

/// Where `c` and its counterparts occur in alignment row `row`: (version, byte range in the
/// cell text as `Version::cell_text` gives it), every inflected or cliticised form included.
pub fn example_spans(
    project: &Project,
    c: &TermCandidate,
    row: usize,
) -> Vec<(usize, Range<usize>)> {
    let Some(r) = project.alignment.rows.get(row) else {
        return Vec::new();
    };
    let pivot = project.alignment.pivot;
    let mut out = Vec::new();
    for (v, version) in project.versions.iter().enumerate() {
        let texts: Vec<&str> = if v == pivot {
            c.forms.iter().map(String::as_str).collect()
        } else {
            c.counterparts
                .iter()
                .filter(|vc| vc.version == v)
                .flat_map(|vc| vc.counterparts.iter().flat_map(|k| k.forms.iter()))
                .map(String::as_str)
                .collect()
        };
        let Some(cell) = r.cells.get(v) else {
            continue;
        };
        if texts.is_empty() || cell.is_empty() {
            continue;
        }
        let mut glossary = Glossary::default();
        let mut concept = Concept {
            id: "candidate".to_string(),
            ..Concept::default()
        };
        for t in texts {
            add_term(
                &mut concept,
                &version.lang,
                Term::new(t, TermStatus::Preferred),
            );
        }
        glossary.concepts.insert(concept.id.clone(), concept);
        let matcher = TermMatcher::new(
            &glossary,
            std::slice::from_ref(&version.lang),
            MatcherOptions::default(),
        );
        let text = version.cell_text(cell.clone());
        let mut ranges: Vec<Range<usize>> = matcher
            .find(&text, &version.lang)
            .iter()
            .map(|o| o.range())
            .collect();
        ranges.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        let mut last_end = 0;
        for range in ranges {
            if range.start >= last_end {
                last_end = range.end;
                out.push((v, range));
            }
        }
    }
    out
}

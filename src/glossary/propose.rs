//! Counterpart proposals for "mark as term": given a term in one version, rank the word
//! n-grams (1–4 words) of every other version by how strongly they co-occur with it across the
//! aligned rows (Dice coefficient over rows).
//!
//! Ties (common in short documents) go to the n-gram whose length is closest to the marked
//! term's, then to the one seen in more rows. Words are compared by their matching keys
//! (stems, Arabic without clitics), and each candidate is shown in its most frequent surface
//! form. Spans follow the term miner's rules (`crate::mine`): no function word at either
//! edge, and in Vietnamese never a single syllable («nhân phẩm», not «phẩm»), acronyms aside.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::matcher::{MatcherOptions, TermMatcher};
use super::model::{Glossary, Term, TermStatus};
use super::normalize::{KeyKind, Normalizer, tokenize};
use crate::model::Project;

/// One proposed counterpart in one version.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// The n-gram as written (its most frequent form in the rows with the term).
    pub text: String,
    /// Number of words.
    pub words: usize,
    /// Dice coefficient in 0..=1.
    pub score: f32,
    /// Rows with both the marked term and this n-gram.
    pub rows_together: usize,
    /// Rows with this n-gram.
    pub rows_with_candidate: usize,
}

const MAX_WORDS: usize = 4;
const INFLECTED: KeyKind = KeyKind {
    inflected: true,
    case_sensitive: false,
};

#[derive(Default)]
struct NgramStats {
    rows_all: usize,
    rows_hit: usize,
    surfaces: BTreeMap<String, usize>,
}

/// For each version (index as in `project.versions`; empty for `source_version`), the top
/// `top_k` counterpart candidates of `term` (a term of `source_version`'s language), best first.
pub fn propose_counterparts(
    project: &Project,
    source_version: usize,
    term: &str,
    top_k: usize,
) -> Vec<Vec<Candidate>> {
    let mut out = vec![Vec::new(); project.versions.len()];
    let Some(source) = project.versions.get(source_version) else {
        return out;
    };
    let mut g = Glossary::default();
    g.add_term(
        "marked",
        source.lang.clone(),
        Term::new(term, TermStatus::Preferred),
    );
    let matcher = TermMatcher::new(&g, &[], MatcherOptions::default());
    let hit_rows: Vec<bool> = project
        .alignment
        .rows
        .iter()
        .map(|row| {
            row.cells.get(source_version).is_some_and(|cell| {
                !matcher
                    .find(&source.cell_text(cell.clone()), &source.lang)
                    .is_empty()
            })
        })
        .collect();
    let n_hit = hit_rows.iter().filter(|h| **h).count();
    if n_hit == 0 {
        return out;
    }
    let term_words = {
        let mut t = Vec::new();
        tokenize(term, &mut t);
        t.len()
    };
    for (v_idx, version) in project.versions.iter().enumerate() {
        if v_idx == source_version {
            continue;
        }
        let normalizer = Normalizer::new(version.lang.primary(), false);
        let syllabic = version.lang.primary() == "vi";
        let stop = crate::mine::stopwords(version.lang.primary());
        let is_stop = |w: &str| stop.contains(&w.to_lowercase().as_str());
        let mut stats: FxHashMap<Vec<String>, NgramStats> = FxHashMap::default();
        let mut tokens = Vec::new();
        for (row, &hit) in project.alignment.rows.iter().zip(&hit_rows) {
            let Some(cell) = row.cells.get(v_idx) else {
                continue;
            };
            let text = version.cell_text(cell.clone());
            tokens.clear();
            tokenize(&text, &mut tokens);
            let keys: Vec<String> = tokens
                .iter()
                .map(|r| normalizer.key(&text[r.clone()], INFLECTED))
                .collect();
            let mut seen: FxHashMap<&[String], ()> = FxHashMap::default();
            for start in 0..keys.len() {
                for len in 1..=MAX_WORDS.min(keys.len() - start) {
                    let gram = &keys[start..start + len];
                    if gram.iter().all(|k| k.chars().all(|c| c.is_numeric())) {
                        continue;
                    }
                    let first = &text[tokens[start].clone()];
                    let last = &text[tokens[start + len - 1].clone()];
                    if is_stop(first) || is_stop(last) {
                        continue;
                    }
                    if syllabic && len == 1 && !crate::mine::is_acronym(first) {
                        continue;
                    }
                    let entry = stats.entry(gram.to_vec()).or_default();
                    if seen.insert(gram, ()).is_none() {
                        entry.rows_all += 1;
                        if hit {
                            entry.rows_hit += 1;
                        }
                    }
                    if hit {
                        let surface = &text[tokens[start].start..tokens[start + len - 1].end];
                        *entry.surfaces.entry(surface.to_string()).or_default() += 1;
                    }
                }
            }
        }
        let mut ranked: Vec<Candidate> = stats
            .into_iter()
            .filter(|(_, s)| s.rows_hit > 0)
            .map(|(gram, s)| {
                let text = s
                    .surfaces
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(t, _)| t.clone())
                    .unwrap_or_default();
                Candidate {
                    text,
                    words: gram.len(),
                    score: 2.0 * s.rows_hit as f32 / (n_hit + s.rows_all) as f32,
                    rows_together: s.rows_hit,
                    rows_with_candidate: s.rows_all,
                }
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(
                    a.words
                        .abs_diff(term_words)
                        .cmp(&b.words.abs_diff(term_words)),
                )
                .then(b.rows_together.cmp(&a.rows_together))
                .then(a.text.cmp(&b.text))
        });
        ranked.truncate(top_k);
        out[v_idx] = ranked;
    }
    out
}

//! Automatic sentence alignment of N versions against a pivot version.
//!
//! Each version is aligned to the pivot by dynamic programming over beads (0-1, 1-0, 1-1,
//! 1-2, 2-1, 2-2, 1-3, 3-1) as in Gale & Church, scored on length *and* on anchors that
//! survive translation (numbers, codes, names, punctuation, glossary concepts) and on
//! paragraph boundaries ([`cost`], [`anchors`]). The search runs in a band around a line
//! through unique anchor matches, widened when the best path reaches its edge ([`band`]),
//! so time and memory grow linearly with document length. The pairwise alignments run in
//! parallel (rayon) and are merged into one table ([`merge`]).
//!
//! Confirmed rows are hard anchors: [`realign`] keeps them exactly and aligns only the
//! stretches between them.
//!
//! `gold` (feature `test-hooks`) reads the evaluation fixtures and scores an alignment against
//! them; the Gale-Church length-only baseline is [`AlignOptions::length_only`].

pub mod anchors;
pub mod band;
pub mod cost;
/// Gold alignments for evaluation (tests, examples, benches only).
#[cfg(feature = "test-hooks")]
pub mod gold;
pub mod merge;
pub mod numbers;
pub mod semantic;
/// Synthetic parallel documents (tests, examples, benches only).
#[cfg(feature = "test-hooks")]
pub mod synthetic;

use std::ops::Range;

use rayon::prelude::*;

use crate::model::{Alignment, Version};
use crate::progress::{Cancelled, Progress};
use cost::{PairCost, Side};

/// Tuning and extra evidence for the aligner.
#[derive(Clone, Debug, Default)]
pub struct AlignOptions {
    /// Glossary concepts found in each sentence: per version, per sentence, the sorted
    /// concept ids present. A concept present on both sides of a bead is strong evidence.
    /// `None` (or a missing entry) means no glossary evidence for that version.
    pub concepts: Option<Vec<Vec<Vec<u32>>>>,
    /// Score on sentence length only, like plain Gale & Church (the evaluation baseline).
    pub length_only: bool,
    /// Sentence vectors of every version (see [`semantic`]); when present for the pivot and
    /// a version, that pair is aligned by meaning. `None`: the fast engine alone.
    pub vectors: Option<std::sync::Arc<Vec<semantic::SentenceVectors>>>,
    /// Weights of the semantic engine.
    pub semantic: semantic::SemanticParams,
}

impl AlignOptions {
    /// Options whose glossary evidence comes from `glossary`: every concept found in a
    /// sentence (inflections and clitics included) anchors the beads that share it.
    pub fn with_glossary(glossary: &crate::glossary::Glossary, versions: &[Version]) -> Self {
        let langs: Vec<_> = versions.iter().map(|v| v.lang.clone()).collect();
        let matcher = crate::glossary::TermMatcher::new(
            glossary,
            &langs,
            crate::glossary::MatcherOptions::default(),
        );
        let concepts = versions
            .iter()
            .map(|v| crate::glossary::sentence_concepts(&matcher, v))
            .collect();
        AlignOptions {
            concepts: Some(concepts),
            ..AlignOptions::default()
        }
    }
}

/// Aligns every version against the pivot version.
///
/// A `pivot` out of range is treated as 0. Progress counts the sentences of every version
/// read for anchors, then the pivot sentences searched per version; cancellation is checked
/// every thousand rows of the search.
pub fn align(
    versions: &[Version],
    pivot: usize,
    opts: &AlignOptions,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    let pivot = if pivot < versions.len() { pivot } else { 0 };
    let ranges: Vec<Range<usize>> = versions.iter().map(|v| 0..v.sentences.len()).collect();
    let counts: Vec<usize> = versions.iter().map(|v| v.sentences.len()).collect();
    progress.set_total(work(&counts, pivot));
    let ratios = char_ratios(versions, pivot);
    let rows = align_stretch(versions, pivot, &ranges, &ratios, opts, progress)?;
    Ok(Alignment { pivot, rows })
}

/// Re-aligns everything between confirmed rows, keeping confirmed rows exactly as they are.
///
/// If `current` does not fit the versions (they were re-segmented since), nothing can be
/// kept and the versions are aligned from scratch.
pub fn realign(
    versions: &[Version],
    current: &Alignment,
    opts: &AlignOptions,
    progress: &Progress,
) -> Result<Alignment, Cancelled> {
    let counts: Vec<usize> = versions.iter().map(|v| v.sentences.len()).collect();
    if current.validate(&counts).is_err() {
        return align(versions, current.pivot, opts, progress);
    }
    let pivot = current.pivot;
    progress.set_total(work(&counts, pivot));
    let ratios = char_ratios(versions, pivot);
    let mut rows = Vec::with_capacity(current.rows.len());
    let mut cursor = vec![0usize; versions.len()];
    for row in current.rows.iter().filter(|r| r.is_confirmed()) {
        let ranges: Vec<Range<usize>> = cursor
            .iter()
            .zip(&row.cells)
            .map(|(&c, cell)| c..cell.start)
            .collect();
        rows.extend(align_stretch(
            versions, pivot, &ranges, &ratios, opts, progress,
        )?);
        rows.push(row.clone());
        // A kept row is work done: its sentences are neither read nor searched.
        let lens: Vec<usize> = row.cells.iter().map(|c| c.len()).collect();
        progress.advance(work(&lens, pivot));
        cursor = row.cells.iter().map(|c| c.end).collect();
    }
    let ranges: Vec<Range<usize>> = cursor.iter().zip(&counts).map(|(&c, &n)| c..n).collect();
    rows.extend(align_stretch(
        versions, pivot, &ranges, &ratios, opts, progress,
    )?);
    Ok(Alignment { pivot, rows })
}

/// Aligns the sentences `ranges[v]` of every version `v` (one stretch between hard anchors).
fn align_stretch(
    versions: &[Version],
    pivot: usize,
    ranges: &[Range<usize>],
    ratios: &[Option<f32>],
    opts: &AlignOptions,
    progress: &Progress,
) -> Result<Vec<crate::model::Row>, Cancelled> {
    if ranges.iter().all(|r| r.is_empty()) {
        return Ok(Vec::new());
    }

    let sides: Vec<Side> = versions
        .par_iter()
        .zip(ranges)
        .enumerate()
        .map(|(v, (version, range))| side_of(version, range.clone(), opts, v, progress))
        .collect();
    let beads: Vec<Option<Vec<band::Bead>>> = (0..versions.len())
        .into_par_iter()
        .map(|v| {
            if v == pivot {
                return Ok(None);
            }
            let mut cost = PairCost::new(&sides[pivot], &sides[v], opts.length_only);
            // Between confirmed rows a stretch is too short to measure the length ratio on
            // (one omitted caption would skew it): use the whole documents'.
            if !opts.length_only
                && let Some(&Some(ratio)) = ratios.get(v)
            {
                cost.ratio = ratio;
            }
            let vectors = opts.vectors.as_deref().filter(|_| !opts.length_only);
            match vectors.and_then(|all| Some((all.get(pivot)?, all.get(v)?))) {
                Some((va, vb)) => {
                    let a = semantic::SpanVectors::build(
                        va,
                        ranges[pivot].clone(),
                        opts.semantic.weight_power,
                    );
                    let b = semantic::SpanVectors::build(
                        vb,
                        ranges[v].clone(),
                        opts.semantic.weight_power,
                    );
                    semantic::align_pair(&cost, &a, &b, &opts.semantic, progress).map(Some)
                }
                None => band::align_pair(&cost, progress).map(Some),
            }
        })
        .collect::<Result<_, Cancelled>>()?;
    progress.check()?;
    Ok(merge::merge(pivot, ranges, &beads))
}

/// Units of progress for aligning versions with these sentence counts: every sentence read
/// once for its anchors, then each pivot row searched once per other version.
fn work(counts: &[usize], pivot: usize) -> u64 {
    let read: usize = counts.iter().sum();
    let search = counts.len().saturating_sub(1) * counts.get(pivot).copied().unwrap_or(0);
    (read + search) as u64
}

/// The cost-model view of sentences `range` of one version.
fn side_of(
    version: &Version,
    range: Range<usize>,
    opts: &AlignOptions,
    v: usize,
    progress: &Progress,
) -> Side {
    let texts: Vec<&str> = range.clone().map(|s| version.sentence_text(s)).collect();
    let paragraph: Vec<usize> = range
        .clone()
        .map(|s| version.sentences.get(s).map_or(0, |x| x.paragraph))
        .collect();
    let concepts = opts
        .concepts
        .as_ref()
        .and_then(|c| c.get(v))
        .and_then(|c| c.get(range));
    Side::new_reporting(&texts, paragraph, concepts, progress)
}

/// Characters of each version per character of the pivot, over the whole documents.
fn char_ratios(versions: &[Version], pivot: usize) -> Vec<Option<f32>> {
    let count = |v: &Version| -> usize {
        (0..v.sentences.len())
            .map(|s| v.sentence_text(s).chars().count())
            .sum()
    };
    let counts: Vec<usize> = versions.iter().map(count).collect();
    let base = counts.get(pivot).copied().unwrap_or(0);
    counts
        .iter()
        .map(|&c| (base > 0 && c > 0).then(|| c as f32 / base as f32))
        .collect()
}

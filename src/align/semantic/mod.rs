//! Alignment by meaning: sentence vectors from a multilingual encoder (see `crate::embed`)
//! decide which sentences translate which, with the length, number, name and glossary
//! evidence of the fast engine ([`super::cost`]) as a tie-breaker.
//!
//! The fast engine's path gives the centre of a window (±[`SemanticParams::width`]
//! sentences); a dynamic programme over beads up to 1-4 / 4-1 / 2-3 / 3-2 finds the cheapest
//! path inside it, scoring each bead by the cosine of its two sides' vectors. The vector of
//! several sentences is the token-weighted mean of theirs ([`vectors`]), so merged beads cost
//! no extra encoding. Where the path runs along the window's edge the window is re-centred
//! on it and widened there, a few rounds at most.

pub mod cache;
pub mod encode;
pub mod search;
pub mod vectors;
pub mod window;

pub use cache::{CacheError, VectorCache};
pub use encode::sentence_vectors;
pub use search::{SHAPES, SemanticParams};
pub use vectors::{MAX_SPAN, SentenceVectors, SpanVectors};

use super::band::{self, Bead};
use super::cost::PairCost;
use crate::progress::{Cancelled, Progress};
use search::BeadScorer;
use window::Window;

/// Searches per pair at most (the first plus re-centred, locally widened ones).
const MAX_ROUNDS: usize = 4;

/// Least ratio of paragraph counts (smaller / larger) at which one-sentence paragraphs are
/// taken to correspond: a report that lost a paragraph and a caption keeps ~88 % of them,
/// the free Text+Berg translation (one sentence per line on both sides) has 84 %.
const PARALLEL_PARAGRAPHS: f32 = 0.86;

/// How much paragraph evidence counts for this pair. Where both sides group sentences into
/// paragraphs, fully. Where a side has one sentence per paragraph (news style, or a
/// one-sentence-per-line corpus given with blank lines), its paragraphs are just its
/// sentences: they tell something only if both sides have about as many, i.e. the
/// translation kept the paragraphs; a free translation that splits and merges sentences
/// (Text+Berg: 468 German, 554 French lines) has no paragraph evidence to give.
fn paragraph_weight(pair: &PairCost<'_>, params: &SemanticParams) -> f32 {
    if pair.a.has_paragraph_structure() && pair.b.has_paragraph_structure() {
        return params.paragraphs;
    }
    let (x, y) = (
        pair.a.paragraph_count() as f32,
        pair.b.paragraph_count() as f32,
    );
    if x.min(y) / x.max(y).max(1.0) >= PARALLEL_PARAGRAPHS {
        params.paragraphs
    } else {
        0.0
    }
}

/// Aligns the two sides of `pair`, whose sentences have the span vectors `a` and `b`.
/// Progress: one unit per pivot sentence searched (first round only).
pub fn align_pair(
    pair: &PairCost<'_>,
    a: &SpanVectors,
    b: &SpanVectors,
    params: &SemanticParams,
    progress: &Progress,
) -> Result<Vec<Bead>, Cancelled> {
    let (n, m) = (pair.a.len(), pair.b.len());
    if n == 0 || m == 0 || a.len() != n || b.len() != m {
        return band::align_pair(pair, progress);
    }
    // The fast engine's path is a good centre: its beads are rarely more than a few
    // sentences off, even where it got their shapes wrong.
    let fast = band::align_pair(pair, &Progress::new())?;
    progress.check()?;
    let mut centre = band::path_centre(&fast, n);
    let widest = n.max(m);
    let mut widths = vec![params.width.max(2); n + 1];
    let first = Window::around(&centre, &widths, m);
    let (hub_a, hub_b) = if params.margin > 0.0 {
        let k = params.neighbours;
        (
            search::hubness(a, b, &first, k, true),
            search::hubness(a, b, &first, k, false),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let scorer = BeadScorer {
        pair,
        a,
        b,
        params,
        paragraphs: paragraph_weight(pair, params),
        hub_a,
        hub_b,
    };
    let mut beads = Vec::new();
    for round in 0..MAX_ROUNDS {
        let window = Window::around(&centre, &widths, m);
        let (found, touched) = search::search(&scorer, &window, progress, round == 0)?;
        beads = found;
        if touched.is_empty() || round + 1 == MAX_ROUNDS {
            break;
        }
        centre = band::path_centre(&beads, n);
        let mut grown = widths.clone();
        for &t in &touched {
            let w = (widths[t] * 2).min(widest);
            let reach = 2 * w;
            for g in grown
                .iter_mut()
                .take((t + reach + 1).min(n + 1))
                .skip(t.saturating_sub(reach))
            {
                *g = (*g).max(w);
            }
        }
        if grown == widths {
            break;
        }
        widths = grown;
    }
    Ok(beads)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::SentenceVectors;
    use crate::align::{AlignOptions, align};
    use crate::model::{Lang, Version};
    use crate::progress::Progress;

    /// A version of `n` sentences of equal length, one paragraph each.
    fn version(lang: &str, n: usize) -> Version {
        let texts: Vec<String> = (0..n)
            .map(|k| format!("Sentence number {k} says something of the same length."))
            .collect();
        let paragraphs: Vec<Vec<&str>> = texts.iter().map(|t| vec![t.as_str()]).collect();
        Version::from_sentences(lang, Lang::new(lang), &paragraphs)
    }

    /// Vectors from topic lists: sentence k mixes the unit topics it names.
    fn vectors(topics: &[&[usize]], dim: usize) -> SentenceVectors {
        let mut v = SentenceVectors::new(dim);
        for t in topics {
            let mut x = vec![0.0f32; dim];
            for &k in *t {
                x[k] = 1.0;
            }
            v.push(&x, 10 * t.len().max(1));
        }
        v
    }

    fn rows(
        a: &Version,
        b: &Version,
        va: SentenceVectors,
        vb: SentenceVectors,
    ) -> Vec<Vec<Vec<usize>>> {
        let opts = AlignOptions {
            vectors: Some(Arc::new(vec![va, vb])),
            ..AlignOptions::default()
        };
        let alignment = align(&[a.clone(), b.clone()], 0, &opts, &Progress::new()).expect("runs");
        alignment
            .rows
            .iter()
            .map(|r| r.cells.iter().map(|c| c.clone().collect()).collect())
            .collect()
    }

    #[test]
    fn meaning_finds_an_omission_that_lengths_cannot_see() {
        let (a, b) = (version("de", 6), version("fr", 5));
        let va = vectors(&[&[0], &[1], &[2], &[3], &[4], &[5]], 8);
        let vb = vectors(&[&[0], &[1], &[2], &[4], &[5]], 8);
        let got = rows(&a, &b, va, vb);
        assert!(got.contains(&vec![vec![3], vec![]]), "{got:?}");
        assert!(got.contains(&vec![vec![4], vec![3]]), "{got:?}");
    }

    #[test]
    fn a_sentence_translating_two_is_one_bead() {
        let (a, b) = (version("de", 4), version("fr", 3));
        let va = vectors(&[&[0], &[1], &[2], &[3]], 8);
        let vb = vectors(&[&[0], &[1, 2], &[3]], 8);
        let got = rows(&a, &b, va, vb);
        assert_eq!(
            got,
            vec![
                vec![vec![0], vec![0]],
                vec![vec![1, 2], vec![1]],
                vec![vec![3], vec![2]]
            ]
        );
    }

    #[test]
    fn confidence_follows_the_similarity() {
        let (a, b) = (version("de", 3), version("fr", 3));
        let va = vectors(&[&[0], &[1], &[2]], 8);
        // The middle pair shares nothing; the others are exact.
        let vb = vectors(&[&[0], &[6], &[2]], 8);
        let opts = AlignOptions {
            vectors: Some(Arc::new(vec![va, vb])),
            ..AlignOptions::default()
        };
        let alignment = align(&[a, b], 0, &opts, &Progress::new()).expect("runs");
        let scores: Vec<f32> = alignment.rows.iter().map(|r| r.score).collect();
        let low = scores.iter().cloned().fold(f32::INFINITY, f32::min);
        let high = scores.iter().cloned().fold(0.0, f32::max);
        assert!(high > 0.9 && low < 0.5, "{scores:?}");
    }
}

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

pub mod search;
pub mod vectors;
pub mod window;

pub use search::{SHAPES, SemanticParams};
pub use vectors::{MAX_SPAN, SentenceVectors, SpanVectors};

use super::band::{self, Bead};
use super::cost::PairCost;
use crate::progress::{Cancelled, Progress};
use search::BeadScorer;
use window::Window;

/// Searches per pair at most (the first plus re-centred, locally widened ones).
const MAX_ROUNDS: usize = 4;

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

//! Banded dynamic programming over beads: the cheapest path from (0, 0) to (n, m) through a
//! band around a centre line, storing one byte (the bead shape) per cell of the band.
//!
//! The centre line runs through anchor points that occur exactly once in each document
//! (longest increasing chain, so stray matches drop out) and follows the characters between
//! them (see `length_centre`); without anchors it follows the characters from start to
//! end. The band is `±width` sentences around it and each row is stretched so that
//! consecutive rows overlap (every cell is reachable). If the best path touches the band
//! edge, the search is repeated around the path it found, with the band doubled only near
//! the rows where it touched, and quadrupled along stretches of mostly poor beads (a path that
//! lost its way inside the band: an added or omitted chapter with no anchor to steer by). A
//! few rounds, together at most `MAX_GROWTH` times the first band's cells (at least
//! `MIN_BUDGET`), so an omitted or added passage far from any anchor is still found without
//! widening the whole band.
//!
//! Time: each cell scores 8 bead shapes; the anchor gain of a sentence pair is computed once
//! and shared by the beads of neighbouring cells ([`MatchCache`]).
//!
//! Memory: one byte of backpointer per band cell (`Σ (2·widthᵢ + 1)`, about 49 bytes per
//! pivot sentence) plus four rows of `f32` costs.

use std::collections::HashMap;
use std::ops::Range;

use super::cost::{BEADS, MatchCache, PairCost};
use crate::progress::{Cancelled, Progress};

/// One bead of a pairwise alignment: pivot sentences `a` with other sentences `b`.
#[derive(Clone, Debug, PartialEq)]
pub struct Bead {
    /// Pivot sentence range.
    pub a: Range<usize>,
    /// Other version's sentence range.
    pub b: Range<usize>,
    /// Cost of the bead in nats (lower is better).
    pub cost: f32,
}

/// Half-width of the first band, in sentences.
const FIRST_WIDTH: usize = 24;
/// Largest band we allocate, in cells (bytes of backpointers).
const MAX_CELLS: usize = 400_000_000;
/// All searches of a pair together visit at most this many times the cells of the first
/// one, so a pair whose path keeps running off the band (long unmatched stretches and no
/// anchors) costs a bounded multiple of the first search.
const MAX_GROWTH: usize = 8;
/// ...but small documents may always use this many cells (a few seconds at most), enough
/// to find an added or omitted chapter in a report of some thousand sentences.
const MIN_BUDGET: usize = 20_000_000;
/// Anchors whose reward is at least this can steer the band (numbers, codes, names, concepts).
const STEERING_REWARD: f32 = 1.2;
/// Searches per pair at most (the first plus re-centred, locally widened ones).
const MAX_ROUNDS: usize = 6;
/// Rows between progress reports and cancellation checks.
const ROWS_PER_TICK: usize = 1024;

const UNREACHED: u8 = u8::MAX;

/// Aligns the two sides of `cost`; reports progress in units of pivot sentences searched.
pub fn align_pair(cost: &PairCost<'_>, progress: &Progress) -> Result<Vec<Bead>, Cancelled> {
    let (n, m) = (cost.a.len(), cost.b.len());
    let mut centre = if cost.length_only {
        diagonal(n, m)
    } else {
        anchor_centre(cost, n, m)
    };
    let mut widths = vec![FIRST_WIDTH; n + 1];
    let widest = n.max(m).max(1);
    let budget = (cells_of(&widths) * MAX_GROWTH).max(MIN_BUDGET);
    let mut spent = cells_of(&widths);
    for round in 0..MAX_ROUNDS {
        // Only the first search moves the progress bar (it is the one every pair needs).
        let (beads, touched) = search(cost, &centre, &widths, progress, round == 0)?;
        // A long run of poor beads means the band may have missed the true path (an added
        // or omitted chapter with no anchor to steer by): widen there, faster than at the
        // edge touches, since the true path may be hundreds of sentences away.
        let weak = if cost.length_only {
            Vec::new()
        } else {
            weak_rows(&beads)
        };
        if touched.is_empty() && weak.is_empty() {
            return Ok(beads);
        }
        // Re-centre on the path found and widen the band around the rows that asked for it.
        centre = path_centre(&beads, n);
        let mut grown = widths.clone();
        widen(&mut grown, &widths, touched, 2, widest);
        widen(&mut grown, &widths, weak, 4, widest);
        let cells = cells_of(&grown);
        spent += cells;
        if grown == widths || cells > MAX_CELLS || spent > budget {
            return Ok(beads);
        }
        widths = grown;
    }
    Ok(search(cost, &centre, &widths, progress, false)?.0)
}

/// Raises `grown` to `factor` × the width at each of `rows` (at most `widest`), over twice
/// that many rows on each side. Neighbouring rows with the same width share one pass over
/// their overlapping spans, so thousands of rows cost about one pass over the band.
fn widen(
    grown: &mut [usize],
    widths: &[usize],
    mut rows: Vec<usize>,
    factor: usize,
    widest: usize,
) {
    rows.sort_unstable();
    rows.dedup();
    let mut done: Option<(usize, usize)> = None; // (width, end of the span already raised)
    for t in rows {
        let w = (widths[t] * factor).min(widest);
        let reach = 2 * w;
        let end = (t + reach + 1).min(grown.len());
        let mut start = t.saturating_sub(reach);
        if let Some((done_w, done_end)) = done
            && done_w == w
        {
            start = start.max(done_end);
        }
        for g in grown.iter_mut().take(end).skip(start) {
            *g = (*g).max(w);
        }
        done = Some((w, end.max(start)));
    }
}

/// Beads in a window of this many...
const WEAK_WINDOW: usize = 64;
/// ...of which at least this many cost more than [`WEAK_COST`] make a weak stretch.
const WEAK_IN_WINDOW: usize = 36;
/// A bead costing more than this has a confidence below one half (see `merge::confidence`).
const WEAK_COST: f32 = 2.0;

/// Pivot rows inside stretches of mostly poor beads. On a right alignment about one bead in
/// twenty is poor, scattered; on a path that lost its way most of them are, for as long as
/// it stays lost.
fn weak_rows(beads: &[Bead]) -> Vec<usize> {
    let weak: Vec<bool> = beads.iter().map(|b| b.cost > WEAK_COST).collect();
    let mut rows = Vec::new();
    let mut in_window = 0;
    for (k, &w) in weak.iter().enumerate() {
        in_window += usize::from(w);
        if k >= WEAK_WINDOW {
            in_window -= usize::from(weak[k - WEAK_WINDOW]);
        }
        if k + 1 >= WEAK_WINDOW && in_window >= WEAK_IN_WINDOW {
            let first = k + 1 - WEAK_WINDOW;
            rows.extend(beads[first..=k].iter().map(|b| b.a.start));
        }
    }
    rows.sort_unstable();
    rows.dedup();
    rows
}

/// Cells of a band with these half-widths (before clamping to the matrix).
fn cells_of(widths: &[usize]) -> usize {
    widths.iter().map(|w| 2 * w + 1).sum()
}

/// Row-by-row position of a path: the other-side index where it leaves each pivot row.
pub(super) fn path_centre(beads: &[Bead], n: usize) -> Vec<f64> {
    let mut centre = vec![f64::NAN; n + 1];
    centre[0] = 0.0;
    for bead in beads {
        centre[bead.a.end] = bead.b.end as f64;
    }
    let mut last = 0.0;
    for c in &mut centre {
        if c.is_nan() {
            *c = last;
        } else {
            last = *c;
        }
    }
    centre
}

fn diagonal(n: usize, m: usize) -> Vec<f64> {
    (0..=n)
        .map(|i| {
            if n == 0 {
                0.0
            } else {
                i as f64 * m as f64 / n as f64
            }
        })
        .collect()
}

/// Centre line through the longest increasing chain of one-to-one anchor matches.
fn anchor_centre(cost: &PairCost<'_>, n: usize, m: usize) -> Vec<f64> {
    let unique = |side: &super::cost::Side, len: usize| {
        let mut seen: HashMap<u64, Option<usize>> = HashMap::new();
        for s in 0..len {
            for x in side.anchors.of(s) {
                if x.reward >= STEERING_REWARD {
                    seen.entry(x.key)
                        .and_modify(|v| *v = None)
                        .or_insert(Some(s));
                }
            }
        }
        seen
    };
    let ua = unique(cost.a, n);
    let ub = unique(cost.b, m);
    let mut pairs: Vec<(usize, usize)> = ua
        .iter()
        .filter_map(|(k, &i)| Some((i?, (*ub.get(k)?)?)))
        .collect();
    pairs.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
    let chain = longest_increasing(&pairs);
    let mut points = vec![(0.0, 0.0)];
    for (i, j) in chain {
        points.push((i as f64 + 0.5, j as f64 + 0.5));
    }
    points.push((n as f64, m as f64));
    length_centre(&points, &cost.a.prefix_len, &cost.b.prefix_len)
}

/// Centre line through `points` (pivot, other; in sentences), following the characters
/// between them: pivot row `i` maps to the other-side position that has covered the same
/// share of the characters between the surrounding points. A translation that runs long
/// or short for a while (a list, a table, different segmentation) bends the line with it,
/// where a straight line between distant anchors would leave the band.
fn length_centre(points: &[(f64, f64)], prefix_a: &[u64], prefix_b: &[u64]) -> Vec<f64> {
    let n = prefix_a.len().saturating_sub(1);
    let mut centre = Vec::with_capacity(n + 1);
    let mut k = 0;
    let mut q = 0usize; // other-side sentence whose span holds the current target
    for i in 0..=n {
        let x = i as f64;
        while k + 2 < points.len() && points[k + 1].0 <= x {
            k += 1;
        }
        let (x0, y0) = points[k];
        let (x1, y1) = points[k + 1];
        let (ca0, ca1) = (chars_at(prefix_a, x0), chars_at(prefix_a, x1));
        let share = if ca1 > ca0 {
            ((prefix_a[i] as f64 - ca0) / (ca1 - ca0)).clamp(0.0, 1.0)
        } else if x1 > x0 {
            ((x - x0) / (x1 - x0)).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let (cb0, cb1) = (chars_at(prefix_b, y0), chars_at(prefix_b, y1));
        let y = if cb1 > cb0 {
            let target = cb0 + share * (cb1 - cb0);
            // Targets only grow with `i`; restart the walk should they ever not.
            if prefix_b[q] as f64 > target {
                q = prefix_b
                    .partition_point(|&c| (c as f64) <= target)
                    .saturating_sub(1);
            }
            while q + 1 < prefix_b.len() && prefix_b[q + 1] as f64 <= target {
                q += 1;
            }
            match prefix_b.get(q + 1) {
                Some(&next) if next > prefix_b[q] => {
                    let c0 = prefix_b[q] as f64;
                    q as f64 + (target - c0) / (next as f64 - c0)
                }
                _ => q as f64,
            }
        } else {
            y0 + share * (y1 - y0)
        };
        // Stay between the two points even when characters and sentences disagree.
        centre.push(y.clamp(y0.min(y1), y0.max(y1)));
    }
    centre
}

/// Characters before fractional sentence position `x` (linear inside a sentence).
fn chars_at(prefix: &[u64], x: f64) -> f64 {
    let last = prefix.len().saturating_sub(1);
    let s = (x.floor().max(0.0) as usize).min(last);
    let base = prefix[s] as f64;
    match prefix.get(s + 1) {
        Some(&next) => base + (next as f64 - base) * (x - s as f64).clamp(0.0, 1.0),
        None => base,
    }
}

/// Longest chain strictly increasing in both coordinates (pairs sorted by i, then j descending).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut tails: Vec<usize> = Vec::new(); // index into pairs of the tail of each length
    let mut parent: Vec<Option<usize>> = vec![None; pairs.len()];
    for (idx, &(_, j)) in pairs.iter().enumerate() {
        let pos = tails.partition_point(|&t| pairs[t].1 < j);
        parent[idx] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(idx);
        } else {
            tails[pos] = idx;
        }
    }
    let mut chain = Vec::new();
    let mut cur = tails.last().copied();
    while let Some(idx) = cur {
        chain.push(pairs[idx]);
        cur = parent[idx];
    }
    chain.reverse();
    chain
}

/// One band search; returns the beads and the rows where the path touched the band edge.
/// `report`: advance `progress` by the rows searched (cancellation is checked either way).
fn search(
    cost: &PairCost<'_>,
    centre: &[f64],
    widths: &[usize],
    progress: &Progress,
    report: bool,
) -> Result<(Vec<Bead>, Vec<usize>), Cancelled> {
    let (n, m) = (cost.a.len(), cost.b.len());
    let mut lo = vec![0usize; n + 1];
    let mut hi = vec![0usize; n + 1];
    for i in 0..=n {
        let c = centre[i].round() as i64;
        let width = widths[i] as i64;
        lo[i] = (c - width).clamp(0, m as i64) as usize;
        hi[i] = (c + width).clamp(0, m as i64) as usize;
    }
    lo[0] = 0;
    hi[n] = m;
    for i in 1..=n {
        lo[i] = lo[i].max(lo[i - 1]);
    }
    for i in (0..n).rev() {
        hi[i] = hi[i].min(hi[i + 1]).max(lo[i + 1]).max(lo[i]);
    }
    let mut row_start = Vec::with_capacity(n + 2);
    let mut cells = 0usize;
    for i in 0..=n {
        row_start.push(cells);
        cells += hi[i] - lo[i] + 1;
    }
    let mut back = vec![UNREACHED; cells];
    let mut rows: [Vec<f32>; 4] = Default::default();
    let mut gains = MatchCache::default();
    for i in 0..=n {
        if i % ROWS_PER_TICK == 0 && i > 0 {
            if report {
                progress.advance(ROWS_PER_TICK as u64);
            }
            progress.check()?;
        }
        let mut row = std::mem::take(&mut rows[i % 4]);
        row.clear();
        row.resize(hi[i] - lo[i] + 1, f32::INFINITY);
        for j in lo[i]..=hi[i] {
            let mut best = if i == 0 && j == 0 { 0.0 } else { f32::INFINITY };
            let mut best_bead = UNREACHED;
            for (bead, &(na, nb)) in BEADS.iter().enumerate() {
                if na > i || nb > j {
                    continue;
                }
                let (pi, pj) = (i - na, j - nb);
                if pj < lo[pi] || pj > hi[pi] {
                    continue;
                }
                let prev = if na == 0 {
                    row[pj - lo[pi]]
                } else {
                    rows[pi % 4][pj - lo[pi]]
                };
                if !prev.is_finite() || prev >= best {
                    continue;
                }
                // A run of omitted (or added) sentences pays the opening cost once.
                let continues_run = match bead {
                    1 => back[row_start[pi] + pj - lo[pi]] == 1,
                    2 => back[row_start[i] + pj - lo[i]] == 2,
                    _ => false,
                };
                let total = prev
                    + if continues_run {
                        cost.skip_extend(bead, pi, pj)
                    } else {
                        cost.bead_cached(bead, pi, pj, &mut gains)
                    };
                if total < best {
                    best = total;
                    best_bead = bead as u8;
                }
            }
            row[j - lo[i]] = best;
            back[row_start[i] + j - lo[i]] = best_bead;
        }
        rows[i % 4] = row;
    }
    if report {
        progress.advance((n % ROWS_PER_TICK) as u64);
    }
    // Walk back from (n, m).
    let (mut i, mut j) = (n, m);
    let mut beads = Vec::new();
    let mut touched = Vec::new();
    while i > 0 || j > 0 {
        let at_edge = (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m);
        if at_edge && i < n {
            touched.push(i);
        }
        let b = back[row_start[i] + j - lo[i]];
        let Some(&(na, nb)) = BEADS.get(b as usize) else {
            // Unreachable cell: cannot happen with overlapping rows; close the path safely.
            beads.push(Bead {
                a: 0..i,
                b: 0..j,
                cost: f32::INFINITY,
            });
            break;
        };
        let (pi, pj) = (i - na, j - nb);
        beads.push(Bead {
            a: pi..i,
            b: pj..j,
            cost: cost.bead(b as usize, pi, pj),
        });
        i = pi;
        j = pj;
    }
    beads.reverse();
    Ok((beads, touched))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_drops_crossing_pairs() {
        let mut pairs = vec![(0, 0), (1, 5), (2, 2), (3, 3), (4, 1), (5, 6)];
        pairs.sort_by(|x, y| x.0.cmp(&y.0).then(y.1.cmp(&x.1)));
        assert_eq!(
            longest_increasing(&pairs),
            vec![(0, 0), (2, 2), (3, 3), (5, 6)]
        );
    }

    #[test]
    fn centre_follows_characters_between_points() {
        // Three short sentences, then two long ones that the other side splits in two each.
        let a = [0, 10, 20, 30, 130, 230];
        let b = [0, 10, 20, 30, 80, 130, 180, 230];
        let centre = length_centre(&[(0.0, 0.0), (5.0, 7.0)], &a, &b);
        let expected = [0.0, 1.0, 2.0, 3.0, 5.0, 7.0];
        for (got, want) in centre.iter().zip(expected) {
            assert!((got - want).abs() < 1e-9, "{centre:?}");
        }
    }

    #[test]
    fn centre_without_characters_falls_back_to_sentences() {
        let centre = length_centre(&[(0.0, 0.0), (4.0, 2.0)], &[0; 5], &[0; 3]);
        assert_eq!(centre, vec![0.0, 0.5, 1.0, 1.5, 2.0]);
    }

    #[test]
    fn widening_matches_one_span_per_row() {
        let widths: Vec<usize> = (0..200).map(|i| if i < 100 { 3 } else { 5 }).collect();
        let rows = vec![150, 10, 12, 99, 100, 12, 190];
        let mut fast = widths.clone();
        widen(&mut fast, &widths, rows.clone(), 4, 40);
        let mut slow = widths.clone();
        for &t in &rows {
            let w = (widths[t] * 4).min(40);
            for g in &mut slow[t.saturating_sub(2 * w)..(t + 2 * w + 1).min(200)] {
                *g = (*g).max(w);
            }
        }
        assert_eq!(fast, slow);
    }
}

//! Dynamic programming over beads up to 4-1 / 1-4 / 3-2 / 2-3 inside a [`Window`], scored by
//! sentence-vector similarity plus the length, anchor and paragraph evidence of
//! [`PairCost::evidence`].

use super::vectors::SpanVectors;
use super::window::Window;
use crate::align::band::Bead;
use crate::align::cost::PairCost;
use crate::progress::{Cancelled, Progress};

/// Bead shapes searched: (pivot sentences, other sentences). Index = backpointer.
pub const SHAPES: [(usize, usize); 12] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
    (3, 2),
    (2, 3),
    (4, 1),
    (1, 4),
];

/// The weights of the bead cost, in nats.
#[derive(Clone, Debug, PartialEq)]
pub struct SemanticParams {
    /// Cost per unit of dissimilarity (1 − cosine), per sentence of the bead.
    pub weight: f32,
    /// Cosine that counts as "no better than chance": beads below it earn nothing.
    pub floor: f32,
    /// Cost of one inserted or omitted sentence.
    pub skip: f32,
    /// Extra cost per shape (index as in [`SHAPES`]).
    pub prior: [f32; 12],
    /// Weight of the length/anchor/paragraph evidence.
    pub evidence: f32,
    /// Half-width of the first window, in sentences.
    pub width: usize,
    /// How much of a sentence's typical similarity to its nearest other-side sentences is
    /// taken off its beads' cosine (0 = plain cosine). Sentences close to everything
    /// ("hubs": short, generic, numbers only) then stop attracting wrong partners.
    pub margin: f32,
    /// Nearest neighbours averaged for the margin.
    pub neighbours: usize,
}

impl Default for SemanticParams {
    fn default() -> Self {
        SemanticParams {
            weight: 12.0,
            floor: 0.0,
            skip: 1.6,
            prior: [0.0, 0.0, 0.0, 0.4, 0.4, 1.2, 1.0, 1.0, 1.6, 1.6, 1.8, 1.8],
            evidence: 0.25,
            width: 12,
            margin: 0.0,
            neighbours: 4,
        }
    }
}

/// Everything a bead's cost is made of.
pub struct BeadScorer<'a> {
    /// Length, anchor and paragraph evidence.
    pub pair: &'a PairCost<'a>,
    /// Pivot span vectors.
    pub a: &'a SpanVectors,
    /// Other side's span vectors.
    pub b: &'a SpanVectors,
    /// Weights.
    pub params: &'a SemanticParams,
    /// Prefix sums of each pivot sentence's mean similarity to its nearest other sentences.
    pub hub_a: Vec<f32>,
    /// The same for the other side.
    pub hub_b: Vec<f32>,
}

impl BeadScorer<'_> {
    /// Cosine of pivot sentences `i..i + na` with others `j..j + nb`.
    pub fn similarity(&self, i: usize, na: usize, j: usize, nb: usize) -> f32 {
        SpanVectors::cosine(self.a.get(i, na), self.b.get(j, nb))
    }

    /// Cost of bead `SHAPES[shape]` starting at pivot `i`, other `j`.
    pub fn cost(&self, shape: usize, i: usize, j: usize) -> f32 {
        let (na, nb) = SHAPES[shape];
        let p = self.params;
        let evidence = p.evidence * self.pair.evidence(i, na, j, nb);
        if na == 0 || nb == 0 {
            return p.skip * (na + nb) as f32 + evidence;
        }
        let mut sim = self.similarity(i, na, j, nb);
        if p.margin > 0.0 {
            let hub = |prefix: &[f32], s: usize, k: usize| {
                (prefix.get(s + k).copied().unwrap_or(0.0) - prefix.get(s).copied().unwrap_or(0.0))
                    / k as f32
            };
            sim -= p.margin * (hub(&self.hub_a, i, na) + hub(&self.hub_b, j, nb)) / 2.0;
        }
        let sim = sim.max(p.floor);
        p.weight * (1.0 - sim) * (na + nb) as f32 / 2.0 + p.prior[shape] + evidence
    }
}

/// Prefix sums over the sentences of one side of their mean cosine with their `k` most
/// similar sentences of the other side among those `window` allows, less the side's average.
pub fn hubness(a: &SpanVectors, b: &SpanVectors, window: &Window, k: usize, pivot: bool) -> Vec<f32> {
    let (own, other) = if pivot { (a, b) } else { (b, a) };
    let mut best: Vec<Vec<f32>> = vec![Vec::new(); own.len()];
    for i in 0..a.len() {
        // Pivot sentence i sits between positions i and i + 1: the union of both rows.
        let lo = *window.row(i).start();
        let hi = (*window.row(i + 1).end()).min(b.len());
        for j in lo..hi {
            let c = SpanVectors::cosine(a.get(i, 1), b.get(j, 1));
            let (s, _) = if pivot { (i, j) } else { (j, i) };
            best[s].push(c);
        }
    }
    let _ = other;
    let means: Vec<f32> = best
        .into_iter()
        .map(|mut sims| {
            sims.sort_unstable_by(|x, y| y.total_cmp(x));
            sims.truncate(k.max(1));
            if sims.is_empty() {
                0.0
            } else {
                sims.iter().sum::<f32>() / sims.len() as f32
            }
        })
        .collect();
    // Relative to the side's average, so only sentences closer to everything than usual pay.
    let average = means.iter().sum::<f32>() / means.len().max(1) as f32;
    let mut prefix = Vec::with_capacity(means.len() + 1);
    prefix.push(0.0f32);
    let mut total = 0.0f32;
    for mean in means {
        total += mean - average;
        prefix.push(total);
    }
    prefix
}

/// Cheapest path through `window`; also the pivot rows where it runs along the window's edge
/// (the true path may lie outside). Advances `progress` by one per pivot row if `report`.
pub fn search(
    scorer: &BeadScorer<'_>,
    window: &Window,
    progress: &Progress,
    report: bool,
) -> Result<(Vec<Bead>, Vec<usize>), Cancelled> {
    let n = scorer.a.len();
    let m = scorer.b.len();
    let mut cost: Vec<Vec<f32>> = Vec::with_capacity(n + 1);
    let mut back: Vec<Vec<u8>> = Vec::with_capacity(n + 1);
    for i in 0..=n {
        let row = window.row(i);
        let lo = *row.start();
        let width = row.clone().count();
        let mut c = vec![f32::INFINITY; width];
        let mut bk = vec![u8::MAX; width];
        for j in row {
            if i == 0 && j == 0 {
                c[0] = 0.0;
                continue;
            }
            let mut best = f32::INFINITY;
            let mut best_shape = u8::MAX;
            for (s, &(na, nb)) in SHAPES.iter().enumerate() {
                if na > i || nb > j {
                    continue;
                }
                let (pi, pj) = (i - na, j - nb);
                let prev = if pi == i {
                    match pj.checked_sub(lo) {
                        Some(k) => c[k],
                        None => continue,
                    }
                } else {
                    if !window.contains(pi, pj) {
                        continue;
                    }
                    cost[pi][pj - *window.row(pi).start()]
                };
                if !prev.is_finite() {
                    continue;
                }
                let total = prev + scorer.cost(s, pi, pj);
                if total < best {
                    best = total;
                    best_shape = s as u8;
                }
            }
            c[j - lo] = best;
            bk[j - lo] = best_shape;
        }
        cost.push(c);
        back.push(bk);
        if i % 256 == 255 {
            progress.check()?;
            if report {
                progress.advance(256);
            }
        }
    }
    if report {
        progress.advance((n + 1) as u64 % 256);
    }
    let mut beads = Vec::new();
    let mut touched = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let lo = *window.row(i).start();
        let shape = back
            .get(i)
            .and_then(|r| r.get(j.wrapping_sub(lo)))
            .copied()
            .unwrap_or(u8::MAX);
        let Some(&(na, nb)) = SHAPES.get(shape as usize) else {
            // Unreachable end (cannot happen with an overlapping window): one last bead.
            beads.push(Bead {
                a: 0..i,
                b: 0..j,
                cost: f32::INFINITY,
            });
            break;
        };
        if window.on_edge(i, j, m) {
            touched.push(i);
        }
        let (pi, pj) = (i - na, j - nb);
        beads.push(Bead {
            a: pi..i,
            b: pj..j,
            cost: scorer.cost(shape as usize, pi, pj),
        });
        (i, j) = (pi, pj);
    }
    beads.reverse();
    Ok((beads, touched))
}

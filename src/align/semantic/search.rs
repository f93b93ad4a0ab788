//! Dynamic programming over beads up to 4-1 / 1-4 / 3-2 / 2-3 inside a [`Window`], scored by
//! sentence-vector similarity plus the length, anchor and paragraph evidence of
//! [`PairCost::evidence`].

use super::vectors::SpanVectors;
use super::window::Window;
use crate::align::band::Bead;
use crate::align::cost::PairCost;
use crate::progress::{Cancelled, Progress};

/// Bead shapes searched: (pivot sentences, other sentences). Index = backpointer. The fast
/// engine's [`BEADS`](crate::align::cost::BEADS) first, then four wider ones.
pub const SHAPES: [(usize, usize); 12] = {
    let wider = [(3, 2), (2, 3), (4, 1), (1, 4)];
    let beads = crate::align::cost::BEADS;
    let mut shapes = [(0, 0); 12];
    let mut i = 0;
    while i < shapes.len() {
        shapes[i] = if i < beads.len() {
            beads[i]
        } else {
            wider[i - beads.len()]
        };
        i += 1;
    }
    shapes
};

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
    /// Weight of the length evidence.
    pub evidence: f32,
    /// Weight of the anchor evidence (numbers, names, codes, glossary terms).
    pub anchors: f32,
    /// Weight of the paragraph evidence (only where paragraphs hold several sentences).
    pub paragraphs: f32,
    /// Half-width of the first window, in sentences.
    pub width: usize,
    /// How much of a sentence's typical similarity to its nearest other-side sentences is
    /// taken off its beads' cosine (0 = plain cosine). Sentences close to everything
    /// ("hubs": short, generic, numbers only) then stop attracting wrong partners.
    pub margin: f32,
    /// Nearest neighbours averaged for the margin.
    pub neighbours: usize,
    /// Cosine both halves of a many-to-many bead must reach for it to count as two beads.
    pub split_cosine: f32,
    /// Extra cost of a many-to-many bead that splits cleanly into two good ones.
    pub split_penalty: f32,
    /// Exponent of a sentence's token count in its weight when combined with neighbours
    /// ([`super::vectors::sentence_weight`]).
    pub weight_power: f32,
}

impl Default for SemanticParams {
    fn default() -> Self {
        SemanticParams {
            weight: 12.0,
            floor: 0.0,
            skip: 1.6,
            prior: [0.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 2.0, 4.0, 4.0, 2.0, 2.0],
            evidence: 0.25,
            anchors: 0.25,
            paragraphs: 0.25,
            width: 12,
            margin: 0.0,
            neighbours: 4,
            weight_power: 0.5,
            split_cosine: 0.9,
            split_penalty: 3.0,
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
    /// Weight of the paragraph evidence for this pair: 0 when either side has a paragraph
    /// per sentence (paragraphs then say nothing about which sentences belong together).
    pub paragraphs: f32,
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
        let e = self.pair.evidence(i, na, j, nb);
        let evidence =
            p.evidence * e.length + p.anchors * e.anchors + self.paragraphs * e.paragraphs;
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
        let mut cost = p.weight * (1.0 - sim) * (na + nb) as f32 / 2.0 + p.prior[shape] + evidence;
        if na >= 2 && nb >= 2 && self.splits_cleanly(i, na, j, nb) {
            cost += p.split_penalty;
        }
        cost
    }

    /// True when the bead falls apart into two beads that are each a good translation on
    /// their own (its first pivot sentence with the first few others, the rest with the
    /// rest): then two rows say more than one merged row. Merged sides average out, so a
    /// 2-2 bead of two good 1-1 pairs looks as similar as the pairs; this keeps it split.
    fn splits_cleanly(&self, i: usize, na: usize, j: usize, nb: usize) -> bool {
        let good = self.params.split_cosine;
        (1..nb).any(|k| {
            self.similarity(i, 1, j, k) >= good
                && self.similarity(i + 1, na - 1, j + k, nb - k) >= good
        })
    }
}

/// Cosine at which a bead is as likely right as wrong (confidence ½), measured on the
/// Text+Berg dev pair with multilingual-e5-small: true translations mostly score 0.85–0.93,
/// neighbours that are not translations 0.70–0.80.
const EVEN_COSINE: f32 = 0.82;
/// Nats per unit of cosine around [`EVEN_COSINE`] in the reported cost.
const COSINE_SLOPE: f32 = 25.0;

impl BeadScorer<'_> {
    /// The cost reported with a bead, on the scale of [`crate::align::merge::confidence`]
    /// (2 nats = confidence ½), so the grid's tint and "review weakest rows" follow the
    /// similarity: a bead at [`EVEN_COSINE`] reports 2, better ones less.
    fn reported_cost(&self, shape: usize, i: usize, j: usize) -> f32 {
        let (na, nb) = SHAPES[shape];
        if na == 0 || nb == 0 {
            // An added or omitted sentence is always worth a look.
            return 2.0 + self.cost(shape, i, j);
        }
        let e = self.pair.evidence(i, na, j, nb);
        let anchors = self.params.anchors * e.anchors;
        2.0 + COSINE_SLOPE * (EVEN_COSINE - self.similarity(i, na, j, nb)) + anchors
    }
}

/// Prefix sums over the sentences of one side of their mean cosine with their `k` most
/// similar sentences of the other side among those `window` allows, less the side's average.
pub fn hubness(
    a: &SpanVectors,
    b: &SpanVectors,
    window: &Window,
    k: usize,
    pivot: bool,
) -> Vec<f32> {
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
            cost: scorer.reported_cost(shape as usize, pi, pj),
        });
        (i, j) = (pi, pj);
    }
    beads.reverse();
    Ok((beads, touched))
}

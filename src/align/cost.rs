//! The cost of a bead (a group of `a` pivot sentences aligned with `b` sentences of another
//! version), in nats: bead-type prior + length disagreement + anchor evidence + paragraph fit.
//!
//! Length follows Gale & Church (1993), with the expected character ratio `c` measured on the
//! two documents being aligned (so Arabic vs Malay is not penalised for being shorter).
//! Anchors (see [`super::anchors`]) lower the cost when they match across the bead and raise
//! it when a number, code or concept on one side has no partner on the other. Glossary
//! concepts arrive as anchors too, so the glossary plugs in without touching the search.

use super::anchors::{Anchor, VersionAnchors};
use crate::progress::Progress;

/// Bead shapes the search considers: (pivot sentences, other sentences). Index = backpointer.
pub const BEADS: [(usize, usize); 8] = [
    (1, 1),
    (1, 0),
    (0, 1),
    (2, 1),
    (1, 2),
    (2, 2),
    (3, 1),
    (1, 3),
];

/// -ln P(bead shape), from Gale & Church's counts with 1-3/3-1 added.
const PRIOR: [f32; 8] = [0.117, 3.4, 3.4, 2.3, 2.3, 4.5, 4.8, 4.8];

/// -ln P(bead shape) of the original Gale & Church (1993) for the baseline; 1-3 and 3-1 are
/// not part of it.
const GC_PRIOR: [f32; 8] = [
    0.1165,
    4.615,
    4.615,
    2.419,
    2.419,
    4.510,
    f32::INFINITY,
    f32::INFINITY,
];

/// Variance of the per-character length difference (Gale & Church's s²).
const S2: f32 = 6.8;

/// Cost of an inserted or omitted sentence beyond its prior, independent of its length.
const SKIP_COST: f32 = 1.0;

/// Cost of each further omitted or added sentence in a run (a paragraph or a caption block
/// dropped as a whole), instead of the prior and skip cost of the first one.
const SKIP_EXTEND: f32 = 1.2;

/// Reward when a bead starts on a paragraph start on both sides.
const PARA_BOTH: f32 = 0.8;
/// Cost when only one side starts a paragraph there.
const PARA_ONE: f32 = 0.3;
/// Cost when a multi-sentence side of a bead spans a paragraph boundary.
const PARA_INSIDE: f32 = 3.0;

/// What the cost of a bead needs to know about one side.
#[derive(Clone, Debug, Default)]
pub struct Side {
    /// `prefix_len[s]` = characters of sentences `0..s`.
    pub prefix_len: Vec<u64>,
    /// Paragraph index of each sentence.
    pub paragraph: Vec<usize>,
    /// Anchors per sentence.
    pub anchors: VersionAnchors,
    /// Sum of the miss penalties of each sentence's anchors.
    pub miss: Vec<f32>,
}

impl Side {
    /// Builds a side from sentence texts, paragraph indices and optional glossary concepts.
    pub fn new(texts: &[&str], paragraph: Vec<usize>, concepts: Option<&[Vec<u32>]>) -> Self {
        Self::new_reporting(texts, paragraph, concepts, &Progress::new())
    }

    /// [`Self::new`], advancing `progress` by one unit per sentence read.
    pub fn new_reporting(
        texts: &[&str],
        paragraph: Vec<usize>,
        concepts: Option<&[Vec<u32>]>,
        progress: &Progress,
    ) -> Self {
        let mut prefix_len = Vec::with_capacity(texts.len() + 1);
        let mut total = 0u64;
        prefix_len.push(0);
        for t in texts {
            total += t.chars().count() as u64;
            prefix_len.push(total);
        }
        let anchors = VersionAnchors::build_reporting(texts, concepts, progress);
        let miss = (0..texts.len())
            .map(|s| anchors.of(s).iter().map(|x| x.miss).sum())
            .collect();
        Side {
            prefix_len,
            paragraph,
            anchors,
            miss,
        }
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.prefix_len.len().saturating_sub(1)
    }

    /// True when the side has no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn chars(&self, start: usize, count: usize) -> f32 {
        (self.prefix_len[start + count] - self.prefix_len[start]) as f32
    }

    fn starts_paragraph(&self, s: usize) -> bool {
        s == 0 || s >= self.paragraph.len() || self.paragraph[s] != self.paragraph[s - 1]
    }

    fn spans_paragraphs(&self, start: usize, count: usize) -> bool {
        count > 1 && self.paragraph[start] != self.paragraph[start + count - 1]
    }
}

/// Scores beads between the pivot side `a` and another side `b`.
#[derive(Debug)]
pub struct PairCost<'s> {
    /// Pivot side.
    pub a: &'s Side,
    /// Other side.
    pub b: &'s Side,
    /// Expected characters of `b` per character of `a`.
    pub ratio: f32,
    /// Plain Gale & Church (the evaluation baseline): their priors, length only, ratio 1, no
    /// anchors or paragraphs.
    pub length_only: bool,
}

/// Cost of a length difference: -ln(2·(1 − Φ(|δ|))), with the erfc approximation of
/// Abramowitz & Stegun 7.1.26.
fn length_cost(delta: f32) -> f32 {
    let z = delta.abs() / std::f32::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_6
            + t * (-0.284_496_7 + t * (1.421_413_7 + t * (-1.453_152 + t * 1.061_405_4))));
    // erfc(z) = poly · exp(−z²), so −ln erfc(z) = z² − ln(poly).
    (z * z - poly.max(1e-30).ln()).max(0.0)
}

impl<'s> PairCost<'s> {
    /// A scorer with the length ratio measured on the two sides.
    pub fn new(a: &'s Side, b: &'s Side, length_only: bool) -> Self {
        let la = a.prefix_len.last().copied().unwrap_or(0) as f32;
        let lb = b.prefix_len.last().copied().unwrap_or(0) as f32;
        let ratio = if la > 0.0 && lb > 0.0 && !length_only {
            lb / la
        } else {
            1.0
        };
        PairCost {
            a,
            b,
            ratio,
            length_only,
        }
    }

    /// Cost of bead `BEADS[bead]` covering pivot sentences from `i` and others from `j`.
    pub fn bead(&self, bead: usize, i: usize, j: usize) -> f32 {
        self.bead_with(bead, i, j, &mut |p, q| self.pair_gain(p, q))
    }

    /// [`Self::bead`] with the anchor gains of sentence pairs taken from `cache`.
    pub fn bead_cached(&self, bead: usize, i: usize, j: usize, cache: &mut MatchCache) -> f32 {
        self.bead_with(bead, i, j, &mut |p, q| cache.gain(self, p, q))
    }

    /// Cost of a 1-0 or 0-1 bead that continues a run of them (affine gap cost).
    pub fn skip_extend(&self, bead: usize, i: usize, j: usize) -> f32 {
        let full = self.bead(bead, i, j);
        if self.length_only {
            return full;
        }
        full - PRIOR[bead] - SKIP_COST + SKIP_EXTEND
    }

    fn bead_with(
        &self,
        bead: usize,
        i: usize,
        j: usize,
        gain: &mut impl FnMut(usize, usize) -> f32,
    ) -> f32 {
        let (na, nb) = BEADS[bead];
        if self.length_only {
            let la = self.a.chars(i, na);
            let lb = self.b.chars(j, nb);
            let mean = ((la + lb) / 2.0).max(1.0);
            return GC_PRIOR[bead] + length_cost((lb - la) / (S2 * mean).sqrt());
        }
        let mut cost = PRIOR[bead];
        if na == 0 || nb == 0 {
            cost += SKIP_COST;
        } else {
            let la = self.a.chars(i, na) * self.ratio;
            let lb = self.b.chars(j, nb);
            let mean = ((la + lb) / 2.0).max(1.0);
            cost += length_cost((lb - la) / (S2 * mean).sqrt());
        }
        cost += self.anchor_cost(i, na, j, nb, gain);
        cost += self.paragraph_cost(i, na, j, nb);
        cost
    }

    /// The length, anchor and paragraph evidence of a bead of any shape — pivot sentences
    /// `i..i + na` with others `j..j + nb` — without the shape's prior, in nats. The
    /// semantic aligner adds it to the sentence-vector similarity.
    pub fn evidence(&self, i: usize, na: usize, j: usize, nb: usize) -> f32 {
        if i + na > self.a.len() || j + nb > self.b.len() {
            return f32::INFINITY;
        }
        let mut cost = 0.0;
        if na > 0 && nb > 0 {
            let la = self.a.chars(i, na) * self.ratio;
            let lb = self.b.chars(j, nb);
            let mean = ((la + lb) / 2.0).max(1.0);
            cost += length_cost((lb - la) / (S2 * mean).sqrt());
        }
        cost += self.anchor_cost(i, na, j, nb, &mut |p, q| self.pair_gain(p, q));
        cost + self.paragraph_cost(i, na, j, nb)
    }

    /// What matching the anchors of pivot sentence `p` with those of sentence `q` earns.
    fn pair_gain(&self, p: usize, q: usize) -> f32 {
        let aa = self.a.anchors.of(p);
        if aa.is_empty() {
            return 0.0;
        }
        matched(aa, self.b.anchors.of(q))
    }

    fn paragraph_cost(&self, i: usize, na: usize, j: usize, nb: usize) -> f32 {
        let mut cost = 0.0;
        if na > 0 && nb > 0 {
            match (self.a.starts_paragraph(i), self.b.starts_paragraph(j)) {
                (true, true) => cost -= PARA_BOTH,
                (false, false) => {}
                _ => cost += PARA_ONE,
            }
        }
        if self.a.spans_paragraphs(i, na) {
            cost += PARA_INSIDE;
        }
        if self.b.spans_paragraphs(j, nb) {
            cost += PARA_INSIDE;
        }
        cost
    }

    fn anchor_cost(
        &self,
        i: usize,
        na: usize,
        j: usize,
        nb: usize,
        gain: &mut impl FnMut(usize, usize) -> f32,
    ) -> f32 {
        let mut cost: f32 = self.a.miss[i..i + na].iter().sum::<f32>();
        cost += self.b.miss[j..j + nb].iter().sum::<f32>();
        for p in i..i + na {
            for q in j..j + nb {
                cost -= gain(p, q);
            }
        }
        cost
    }
}

/// Anchor gains of sentence pairs, remembered for the last few pivot sentences: the band
/// search asks for the same pair from up to six beads of neighbouring cells.
#[derive(Debug, Default)]
pub struct MatchCache {
    slots: [CacheRow; 4],
}

/// Gains of one pivot sentence `p` against other sentences from `base` on (NaN: not yet known).
#[derive(Debug, Default)]
struct CacheRow {
    p: Option<usize>,
    base: usize,
    gains: Vec<f32>,
}

impl MatchCache {
    fn gain(&mut self, cost: &PairCost<'_>, p: usize, q: usize) -> f32 {
        let row = &mut self.slots[p % 4];
        if row.p != Some(p) {
            row.p = Some(p);
            row.base = q.saturating_sub(3);
            row.gains.clear();
        }
        let Some(k) = q.checked_sub(row.base) else {
            return cost.pair_gain(p, q);
        };
        if k >= row.gains.len() {
            row.gains.resize(k + 1, f32::NAN);
        }
        let known = row.gains[k];
        if known.is_nan() {
            let g = cost.pair_gain(p, q);
            row.gains[k] = g;
            g
        } else {
            known
        }
    }
}

/// Sum over keys present in both sorted lists of (reward + both misses): a match earns its
/// reward and refunds the miss penalties charged to both anchors.
fn matched(aa: &[Anchor], bb: &[Anchor]) -> f32 {
    let (mut x, mut y, mut gain) = (0, 0, 0.0);
    while x < aa.len() && y < bb.len() {
        match aa[x].key.cmp(&bb[y].key) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                gain += aa[x].reward.min(bb[y].reward) + aa[x].miss + bb[y].miss;
                x += 1;
                y += 1;
            }
        }
    }
    gain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(texts: &[&str]) -> Side {
        Side::new(texts, vec![0; texts.len()], None)
    }

    #[test]
    fn length_cost_grows_with_delta() {
        assert!(length_cost(0.0) < 0.01);
        assert!(length_cost(1.0) < length_cost(2.0));
        assert!((length_cost(1.96) - (1.0f32 / 0.05).ln()).abs() < 0.05);
    }

    #[test]
    fn matching_numbers_make_beads_cheaper() {
        let a = side(&["Revenue reached 40,000 in 2025.", "Nothing else."]);
        let b = side(&["Doanh thu đạt 40.000 năm 2025.", "Không có gì."]);
        let c = side(&["Không có gì khác ở đây nhé.", "Doanh thu 40.000 năm 2025."]);
        let good = PairCost::new(&a, &b, false).bead(0, 0, 0);
        let bad = PairCost::new(&a, &c, false).bead(0, 0, 0);
        assert!(good + 3.0 < bad, "good {good} bad {bad}");
    }

    #[test]
    fn cached_gains_give_the_same_costs() {
        let texts_a: Vec<String> = (0..40)
            .map(|k| format!("Report {k} of {} on DTI and Hà Nội, page {}.", k % 7, k % 3))
            .collect();
        let texts_b: Vec<String> = (0..50)
            .map(|k| format!("Laporan {} tentang DTI di Hanoi, ms. {}?", k % 9, k % 4))
            .collect();
        let a = side(&texts_a.iter().map(String::as_str).collect::<Vec<_>>());
        let b = side(&texts_b.iter().map(String::as_str).collect::<Vec<_>>());
        let cost = PairCost::new(&a, &b, false);
        let mut cache = MatchCache::default();
        // Row by row, as the band search asks.
        for i in 0..=a.len() {
            for j in i.saturating_sub(5)..=(i + 10).min(b.len()) {
                for (bead, &(na, nb)) in BEADS.iter().enumerate() {
                    if na > i || nb > j {
                        continue;
                    }
                    let (pi, pj) = (i - na, j - nb);
                    let direct = cost.bead(bead, pi, pj);
                    let cached = cost.bead_cached(bead, pi, pj, &mut cache);
                    assert_eq!(
                        direct.to_bits(),
                        cached.to_bits(),
                        "bead {bead} at {pi},{pj}"
                    );
                }
            }
        }
    }
}

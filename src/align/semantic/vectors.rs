//! Sentence vectors as the aligner uses them: per sentence its unit vector and token count.
//! The vector of several consecutive sentences is the normalised weighted sum of theirs
//! (weights from the token counts, [`sentence_weight`]) — close to what the encoder gives
//! for their concatenation, at no extra encoding cost.

use std::ops::Range;

/// The sentence vectors of one version, in sentence order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SentenceVectors {
    dim: usize,
    /// `len × dim` unit vectors (zeros: no vector).
    units: Vec<f32>,
    /// Tokens per sentence.
    tokens: Vec<u32>,
}

impl SentenceVectors {
    /// An empty list of `dim`-dimensional vectors.
    pub fn new(dim: usize) -> Self {
        SentenceVectors {
            dim,
            units: Vec::new(),
            tokens: Vec::new(),
        }
    }

    /// Appends a sentence from its pooled vector (normalised or not) and its token count.
    /// A vector of the wrong dimension is stored as zeros (no evidence), never misread.
    pub fn push(&mut self, mean: &[f32], tokens: usize) {
        let norm = mean.iter().map(|x| x * x).sum::<f32>().sqrt();
        if mean.len() == self.dim && norm > 0.0 {
            self.units.extend(mean.iter().map(|x| x / norm));
        } else {
            self.units.extend(std::iter::repeat_n(0.0, self.dim));
        }
        self.tokens.push(u32::try_from(tokens).unwrap_or(u32::MAX));
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Vector dimension.
    pub fn dim(&self) -> usize {
        self.dim
    }

    fn unit(&self, s: usize) -> &[f32] {
        &self.units[s * self.dim..(s + 1) * self.dim]
    }
}

/// How much a sentence counts when it is combined with its neighbours into one vector:
/// `tokens^power` (1 = as much as its tokens, as a concatenation would; 0 = all alike).
pub fn sentence_weight(tokens: usize, power: f32) -> f32 {
    (tokens.max(1) as f32).powf(power)
}

/// Longest run of consecutive sentences one side of a bead may hold.
pub const MAX_SPAN: usize = 4;

/// Unit vectors of every run of 1..=[`MAX_SPAN`] consecutive sentences of a stretch, so that
/// the similarity of any bead is one dot product.
#[derive(Clone, Debug)]
pub struct SpanVectors {
    dim: usize,
    n: usize,
    /// `[len - 1][start]` → `dim` floats (runs past the end are zero).
    data: Vec<f32>,
}

impl SpanVectors {
    /// Span vectors of sentences `range` of `vectors` (indices are then relative to the range),
    /// each sentence weighted by `sentence_weight(tokens, power)`.
    /// Sentences outside `vectors` count as having no vector.
    pub fn build(vectors: &SentenceVectors, range: Range<usize>, power: f32) -> Self {
        let dim = vectors.dim;
        let n = range.len();
        let mut data = vec![0.0f32; MAX_SPAN * n * dim];
        let mut acc = vec![0.0f32; dim];
        for start in 0..n {
            acc.iter_mut().for_each(|x| *x = 0.0);
            for len in 1..=MAX_SPAN.min(n - start) {
                let s = range.start + start + len - 1;
                if s < vectors.len() {
                    let w = sentence_weight(vectors.tokens[s] as usize, power);
                    for (a, x) in acc.iter_mut().zip(vectors.unit(s)) {
                        *a += w * x;
                    }
                }
                let norm = acc.iter().map(|x| x * x).sum::<f32>().sqrt();
                if norm > 0.0 {
                    let at = ((len - 1) * n + start) * dim;
                    for (d, x) in data[at..at + dim].iter_mut().zip(&acc) {
                        *d = x / norm;
                    }
                }
            }
        }
        SpanVectors { dim, n, data }
    }

    /// Number of sentences in the stretch.
    pub fn len(&self) -> usize {
        self.n
    }

    /// True for an empty stretch.
    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Unit vector of sentences `start..start + len` (zeros if there is none).
    pub fn get(&self, start: usize, len: usize) -> &[f32] {
        if len == 0 || len > MAX_SPAN || start + len > self.n {
            return &[];
        }
        let at = ((len - 1) * self.n + start) * self.dim;
        &self.data[at..at + self.dim]
    }

    /// Cosine of two span vectors (0 when either is missing).
    pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
        if a.len() != b.len() {
            return 0.0;
        }
        // Eight lanes let the compiler vectorise the sum.
        let mut lanes = [0.0f32; 8];
        let chunks = a.len() / 8 * 8;
        for k in (0..chunks).step_by(8) {
            for l in 0..8 {
                lanes[l] += a[k + l] * b[k + l];
            }
        }
        let tail: f32 = (chunks..a.len()).map(|k| a[k] * b[k]).sum();
        lanes.iter().sum::<f32>() + tail
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vectors(rows: &[(&[f32], usize)]) -> SentenceVectors {
        let mut v = SentenceVectors::new(rows[0].0.len());
        for (mean, tokens) in rows {
            v.push(mean, *tokens);
        }
        v
    }

    #[test]
    fn a_span_is_the_token_weighted_mean_normalised() {
        let v = vectors(&[(&[1.0, 0.0], 3), (&[0.0, 1.0], 1), (&[1.0, 1.0], 2)]);
        let spans = SpanVectors::build(&v, 0..3, 1.0);
        let one = spans.get(1, 1);
        assert!((one[1] - 1.0).abs() < 1e-6);
        let two = spans.get(0, 2);
        let norm = (9.0f32 + 1.0).sqrt();
        assert!((two[0] - 3.0 / norm).abs() < 1e-6 && (two[1] - 1.0 / norm).abs() < 1e-6);
        assert!(spans.get(2, 2).is_empty());
        assert!((SpanVectors::cosine(spans.get(0, 1), spans.get(0, 1)) - 1.0).abs() < 1e-6);
    }

    #[test]
    fn a_range_is_indexed_from_its_start() {
        let v = vectors(&[(&[1.0, 0.0], 1), (&[0.0, 1.0], 1)]);
        let spans = SpanVectors::build(&v, 1..2, 1.0);
        assert_eq!(spans.len(), 1);
        assert!((spans.get(0, 1)[1] - 1.0).abs() < 1e-6);
    }

    #[test]
    fn wrong_dimensions_give_no_evidence_and_no_panic() {
        let mut v = SentenceVectors::new(3);
        v.push(&[1.0], 2);
        assert_eq!(v.len(), 1);
        let spans = SpanVectors::build(&v, 0..5, 1.0);
        assert_eq!(SpanVectors::cosine(spans.get(0, 1), spans.get(4, 1)), 0.0);
        assert_eq!(SpanVectors::cosine(&[1.0], &[1.0, 2.0]), 0.0);
    }
}

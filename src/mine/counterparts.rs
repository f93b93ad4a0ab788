//! Counterparts of one pivot term in one other version, by co-occurrence over aligned rows.
//!
//! Every span a term may occupy in the other version is scored by the Dice coefficient between
//! "the pivot cell has the term" and "this cell has the span" over the rows; spans are compared
//! by their matching keys, so inflected and cliticised forms count together. The best span is
//! the preferred counterpart; the rows it misses are searched again for variants.

use rustc_hash::FxHashMap;

use super::Counterpart;
use super::forms::FormCounter;
use super::tokens::TokenizedVersion;

/// Rows scored per term: evenly spread over its rows when it has more.
const SAMPLE_ROWS: usize = 150;
/// Rows whose surface forms are collected per counterpart (its frequency counts all rows).
const FORM_ROWS: usize = 400;
/// Counterparts reported per version, the preferred one included.
const MAX_COUNTERPARTS: usize = 3;

/// One version's spans, indexed for co-occurrence counting.
pub struct TargetIndex {
    /// The version's tokens.
    pub tokens: TokenizedVersion,
    /// Per row: (hash, content words, tokens) of each distinct span, sorted by hash.
    row_spans: Vec<Vec<(u64, u8, u8)>>,
    /// Rows holding each span.
    rows_with: FxHashMap<u64, u32>,
}

impl TargetIndex {
    /// Indexes the spans of `tokens`.
    pub fn build(tokens: TokenizedVersion) -> Self {
        let mut row_spans = Vec::with_capacity(tokens.tokens.len());
        let mut rows_with: FxHashMap<u64, u32> = FxHashMap::default();
        for row in 0..tokens.tokens.len() {
            let mut spans: Vec<(u64, u8, u8)> = Vec::new();
            tokens.for_each_span(row, |_, len, words, hash| {
                spans.push((hash, words as u8, len as u8));
            });
            spans.sort_unstable();
            spans.dedup_by_key(|s| s.0);
            for s in &spans {
                *rows_with.entry(s.0).or_default() += 1;
            }
            row_spans.push(spans);
        }
        // A span seen in one row only cannot be the counterpart of a recurring term: dropping
        // those (most long spans of a varied text) makes the co-occurrence counts cheaper.
        for spans in &mut row_spans {
            spans.retain(|s| rows_with.get(&s.0).is_some_and(|&n| n >= 2));
        }
        rows_with.retain(|_, n| *n >= 2);
        TargetIndex {
            tokens,
            row_spans,
            rows_with,
        }
    }

    fn has(&self, row: usize, hash: u64) -> bool {
        self.row_spans
            .get(row)
            .is_some_and(|s| s.binary_search_by_key(&hash, |x| x.0).is_ok())
    }

    /// The counterparts of a pivot term found in `rows` (distinct, ascending) whose length is
    /// `pivot_words` words, best first.
    pub fn counterparts(&self, rows: &[usize], pivot_words: usize) -> Vec<Counterpart> {
        let mut out: Vec<(u64, Counterpart)> = Vec::new();
        let mut remaining: Vec<usize> = rows.to_vec();
        while out.len() < MAX_COUNTERPARTS && !remaining.is_empty() {
            let Some((hash, score, together)) = self.best_span(&remaining, pivot_words) else {
                break;
            };
            if !out.is_empty() && (together < 2 || score < 0.2) {
                break;
            }
            let mut forms = FormCounter::default();
            // Rows with the span, by binary search; their forms from the first FORM_ROWS.
            let with: Vec<usize> = rows
                .iter()
                .copied()
                .filter(|&r| self.has(r, hash))
                .collect();
            let frequency = with.len();
            for &row in with.iter().take(FORM_ROWS) {
                self.tokens.for_each_span(row, |start, len, _, h| {
                    if h == hash {
                        let initial = self.tokens.tokens[row][start].initial;
                        forms.add(self.tokens.surface(row, start, len), initial);
                    }
                });
            }
            let forms = forms.finish();
            let Some(text) = forms.first().map(|f| f.0.clone()) else {
                break;
            };
            out.push((
                hash,
                Counterpart {
                    text,
                    forms: forms.into_iter().map(|f| f.0).collect(),
                    frequency,
                    score: (score * 100.0).round() / 100.0,
                },
            ));
            remaining.retain(|&r| !self.has(r, hash));
        }
        out.into_iter().map(|(_, c)| c).collect()
    }

    /// The span with the best Dice score over `rows`: (hash, score, rows together).
    fn best_span(&self, rows: &[usize], pivot_words: usize) -> Option<(u64, f32, usize)> {
        let step = rows.len().div_ceil(SAMPLE_ROWS).max(1);
        let sample: Vec<usize> = rows.iter().step_by(step).copied().collect();
        let scale = rows.len() as f32 / sample.len().max(1) as f32;
        let mut together: FxHashMap<u64, (u32, u8, u8)> = FxHashMap::default();
        for &row in &sample {
            for &(hash, words, len) in self.row_spans.get(row).map(Vec::as_slice).unwrap_or(&[]) {
                together.entry(hash).or_insert((0, words, len)).0 += 1;
            }
        }
        together
            .into_iter()
            .map(|(hash, (n, words, len))| {
                let both = n as f32 * scale;
                let all = self.rows_with.get(&hash).copied().unwrap_or(n) as f32;
                let dice = (2.0 * both / (rows.len() as f32 + all)).min(1.0);
                (hash, dice, (n as f32 * scale).round() as usize, words, len)
            })
            .max_by(|a, b| {
                a.1.total_cmp(&b.1)
                    .then_with(|| {
                        let off = |w: u8| usize::from(w).abs_diff(pivot_words).saturating_sub(1);
                        off(b.3).cmp(&off(a.3))
                    })
                    .then(a.3.cmp(&b.3))
                    .then(a.4.cmp(&b.4))
                    .then(b.0.cmp(&a.0))
            })
            .map(|(hash, dice, n, _, _)| (hash, dice, n))
    }
}

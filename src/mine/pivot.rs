//! Pivot-side candidates: recurring spans ranked by C-value termhood.
//!
//! C-value (Frantzi, Ananiadou & Mima 2000) rewards long, frequent spans and discounts a span
//! by the frequency of the longer candidates that contain it, so «Standing Deputy» inside
//! «Standing Deputy Secretary» ranks low when it never occurs alone. Length weight is
//! log2(words + 1) so single words count; single words that are neither acronyms nor names
//! (capitalised inside sentences) weigh half.

use rustc_hash::FxHashMap;

use super::tokens::{GRAM_SEED, TokenizedVersion, is_acronym, mix};

/// One recurring pivot span before counterparts are attached.
pub struct PivotTerm {
    /// Hash of the span's keys.
    pub hash: u64,
    /// Tokens (syllables in Vietnamese).
    pub len: usize,
    /// Content words (see `TokenizedVersion::words`).
    pub words: usize,
    /// Occurrences.
    pub frequency: usize,
    /// (row, first token) of every occurrence.
    pub occurrences: Vec<(u32, u32)>,
    /// Termhood.
    pub termhood: f32,
}

/// The spans of `pivot` seen `min_frequency` times or more, best first, at most `limit`.
pub fn pivot_terms(pivot: &TokenizedVersion, min_frequency: usize, limit: usize) -> Vec<PivotTerm> {
    let mut index: FxHashMap<u64, usize> = FxHashMap::default();
    let mut terms: Vec<PivotTerm> = Vec::new();
    for row in 0..pivot.tokens.len() {
        pivot.for_each_span(row, |start, len, words, hash| {
            let slot = *index.entry(hash).or_insert_with(|| {
                terms.push(PivotTerm {
                    hash,
                    len,
                    words,
                    frequency: 0,
                    occurrences: Vec::new(),
                    termhood: 0.0,
                });
                terms.len() - 1
            });
            let t = &mut terms[slot];
            t.frequency += 1;
            t.occurrences.push((row as u32, start as u32));
        });
    }
    let frequent: Vec<usize> = (0..terms.len())
        .filter(|&i| terms[i].frequency >= min_frequency)
        .collect();
    // Sum and count of the frequencies of the longer candidates containing each candidate.
    let mut nested: FxHashMap<u64, (usize, usize)> = FxHashMap::default();
    for &i in &frequent {
        let t = &terms[i];
        let (row, start) = t.occurrences[0];
        let toks = &pivot.tokens[row as usize][start as usize..start as usize + t.len];
        for s in 0..t.len {
            let mut h = GRAM_SEED;
            for (e, tok) in toks.iter().enumerate().skip(s) {
                h = mix(h, tok.key);
                if e - s + 1 < t.len {
                    let entry = nested.entry(h).or_default();
                    entry.0 += t.frequency;
                    entry.1 += 1;
                }
            }
        }
    }
    let mut out: Vec<PivotTerm> = Vec::with_capacity(frequent.len());
    let mut taken = vec![false; terms.len()];
    for &i in &frequent {
        taken[i] = true;
    }
    for (i, mut t) in terms.into_iter().enumerate() {
        if !taken[i] {
            continue;
        }
        let words = t.words;
        let f = t.frequency as f32;
        let discounted = match nested.get(&t.hash) {
            Some(&(sum, count)) if count > 0 => f - sum as f32 / count as f32,
            _ => f,
        };
        let mut weight = (words as f32 + 1.0).log2();
        if t.len == 1 && !is_name_like(pivot, &t) {
            weight *= 0.5;
        }
        t.termhood = weight * discounted.max(0.0) + 0.01 * f;
        out.push(t);
    }
    out.sort_by(|a, b| {
        b.termhood
            .total_cmp(&a.termhood)
            .then(b.frequency.cmp(&a.frequency))
            .then(b.len.cmp(&a.len))
            .then(a.occurrences.first().cmp(&b.occurrences.first()))
    });
    out.truncate(limit);
    out
}

/// An acronym, or a word capitalised in most of its sentence-inner occurrences.
fn is_name_like(pivot: &TokenizedVersion, t: &PivotTerm) -> bool {
    let (mut capital, mut inner) = (0, 0);
    for &(row, start) in &t.occurrences {
        let tok = &pivot.tokens[row as usize][start as usize];
        let word = &pivot.texts[row as usize][tok.range.clone()];
        if is_acronym(word) {
            return true;
        }
        if !tok.initial {
            inner += 1;
            if word.chars().next().is_some_and(char::is_uppercase) {
                capital += 1;
            }
        }
    }
    inner > 0 && capital * 2 > inner
}

//! The SentencePiece-unigram tokenizer, exactly as the wheel's C engine runs it.
//!
//! Steps, in the reference's order (deliberately the same, quirks included, so that token ids
//! match it one for one):
//! 1. the text stops at its first NUL (the C engine sees a C string);
//! 2. every code point goes through the file's normalisation map (replaced, or deleted when
//!    its replacement is empty);
//! 3. runs of spaces (U+0020) collapse into one;
//! 4. a `▁` (U+2581) is put in front unless the text already starts with a space, and every
//!    space becomes `▁`;
//! 5. Viterbi over code points: every piece (any id but `<unk>`, the specials included) whose
//!    bytes match scores its log-probability; one code point may always become `<unk>` at the
//!    lowest piece score − 10; ties keep the first candidate found;
//! 6. consecutive unknowns are not merged. No `<s>`/`</s>` here: see [`Tokenizer::content`].

use std::collections::HashMap;

use super::format::TokenizerData;

/// The SentencePiece metaspace marker.
const META: char = '\u{2581}';

/// A loaded tokenizer.
#[derive(Debug)]
pub struct Tokenizer {
    /// Piece bytes → lowest id with those bytes.
    lookup: HashMap<Vec<u8>, u32>,
    scores: Vec<f32>,
    unk: u32,
    unk_score: f32,
    max_piece_bytes: usize,
    norm: HashMap<u32, Vec<u32>>,
    /// Id of `<s>`.
    pub bos: u32,
    /// Id of `</s>`.
    pub eos: u32,
}

impl Tokenizer {
    /// Builds the lookup tables from the file's tokenizer section.
    pub fn new(data: &TokenizerData) -> Self {
        let mut lookup = HashMap::with_capacity(data.pieces.len());
        let mut max_piece_bytes = 1;
        let mut min_score = f32::INFINITY;
        for (id, (piece, &score)) in data.pieces.iter().zip(&data.scores).enumerate() {
            min_score = min_score.min(score);
            max_piece_bytes = max_piece_bytes.max(piece.len());
            if !piece.is_empty() {
                lookup.entry(piece.clone()).or_insert(id as u32);
            }
        }
        if !min_score.is_finite() {
            min_score = 0.0;
        }
        Tokenizer {
            lookup,
            scores: data.scores.clone(),
            unk: data.unk,
            unk_score: min_score - 10.0,
            max_piece_bytes,
            norm: data.norm.iter().cloned().collect(),
            bos: data.bos,
            eos: data.eos,
        }
    }

    /// Normalised characters (steps 1–4): the code points that Viterbi runs over.
    fn normalise(&self, text: &str) -> Vec<char> {
        let text = text.split('\0').next().unwrap_or("");
        let mut cps: Vec<u32> = Vec::with_capacity(text.len() + 1);
        for ch in text.chars() {
            match self.norm.get(&(ch as u32)) {
                Some(out) => cps.extend_from_slice(out),
                None => cps.push(ch as u32),
            }
        }
        cps.dedup_by(|b, a| *a == 0x20 && *b == 0x20);
        let mut chars = Vec::with_capacity(cps.len() + 1);
        if cps.first() != Some(&0x20) {
            chars.push(META);
        }
        for cp in cps {
            // A replacement outside Unicode scalar values cannot be a piece: it stays an
            // unknown code point (U+FFFD never matches a piece of its own here either way).
            let ch = if cp == 0x20 {
                META
            } else {
                char::from_u32(cp).unwrap_or('\u{FFFD}')
            };
            chars.push(ch);
        }
        chars
    }

    /// The content token ids of `text` (prefix already included by the caller), without
    /// `<s>`/`</s>` and without any length limit.
    pub fn content(&self, text: &str) -> Vec<u32> {
        let chars = self.normalise(text);
        let mut buf = String::with_capacity(chars.len() * 3);
        // Byte offset of each character start, plus the end.
        let mut starts = Vec::with_capacity(chars.len() + 1);
        for &ch in &chars {
            starts.push(buf.len());
            buf.push(ch);
        }
        starts.push(buf.len());
        let bytes = buf.as_bytes();
        let n = chars.len();

        const NONE: f32 = -1e30;
        let mut best = vec![NONE; n + 1];
        // (piece id or u32::MAX for unknown, previous char index)
        let mut back = vec![(u32::MAX, 0usize); n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] <= -1e29 {
                continue;
            }
            let from = starts[i];
            for e in i + 1..=n {
                let len = starts[e] - from;
                if len > self.max_piece_bytes {
                    break;
                }
                if let Some(&id) = self.lookup.get(&bytes[from..starts[e]])
                    && id != self.unk
                {
                    let sc = best[i] + self.scores[id as usize];
                    if sc > best[e] {
                        best[e] = sc;
                        back[e] = (id, i);
                    }
                }
            }
            let us = best[i] + self.unk_score;
            if us > best[i + 1] {
                best[i + 1] = us;
                back[i + 1] = (u32::MAX, i);
            }
        }
        let mut ids = Vec::new();
        let mut i = n;
        while i > 0 {
            let (id, from) = back[i];
            ids.push(if id == u32::MAX { self.unk } else { id });
            i = from;
        }
        ids.reverse();
        ids
    }
}

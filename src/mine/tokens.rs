//! Row cells as word tokens with matching keys, and the spans a term may occupy.
//!
//! Every aligned row's cell in one version is tokenized with the glossary tokenizer and each
//! token gets the glossary's inflection-aware key (stems, Arabic without clitics, Malay without
//! affixes), interned as a `u32`. Punctuation between two tokens (anything but spaces, hyphens
//! and apostrophes) is a boundary no span crosses; numbers are boundaries too.

use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use super::stopwords::stopwords;
use crate::glossary::normalize::{KeyKind, Normalizer, tokenize};
use crate::model::{Alignment, Version};

const INFLECTED: KeyKind = KeyKind {
    inflected: true,
    case_sensitive: false,
};

/// One word of a cell.
#[derive(Clone, Debug)]
pub struct Token {
    /// Byte range in the cell text.
    pub range: Range<usize>,
    /// Interned matching key.
    pub key: u32,
    /// A function word (may not start or end a span).
    pub stop: bool,
    /// All digits (never part of a span).
    pub number: bool,
    /// Punctuation between this token and the previous one (or the cell start).
    pub boundary_before: bool,
    /// First word of a sentence (its capital letter says nothing about names).
    pub initial: bool,
}

/// One version's cells, row by row, as tokens.
pub struct TokenizedVersion {
    /// Cell text per row.
    pub texts: Vec<String>,
    /// Tokens per row.
    pub tokens: Vec<Vec<Token>>,
    /// Vietnamese: tokens are syllables, a span needs two or more.
    pub syllabic: bool,
    /// Longest span, in tokens.
    pub max_len: usize,
}

/// Mixes one token key into an n-gram hash (start from [`GRAM_SEED`]).
pub fn mix(hash: u64, key: u32) -> u64 {
    (hash.rotate_left(5) ^ u64::from(key)).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Hash of the empty n-gram.
pub const GRAM_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

impl TokenizedVersion {
    /// Tokenizes the cells of `version` (index `v`) in every row of `alignment`.
    pub fn build(version: &Version, v: usize, alignment: &Alignment, max_words: usize) -> Self {
        let primary = version.lang.primary();
        let normalizer = Normalizer::new(primary, false);
        let stop: FxHashSet<&str> = stopwords(primary).iter().copied().collect();
        let mut interner: FxHashMap<String, u32> = FxHashMap::default();
        // Surface form → (interned key, function word): stemming once per distinct form.
        let mut seen: FxHashMap<Box<str>, (u32, bool)> = FxHashMap::default();
        let mut texts = Vec::with_capacity(alignment.rows.len());
        let mut tokens = Vec::with_capacity(alignment.rows.len());
        let mut ranges = Vec::new();
        for row in &alignment.rows {
            let text = row
                .cells
                .get(v)
                .map(|c| version.cell_text(c.clone()))
                .unwrap_or_default();
            ranges.clear();
            tokenize(&text, &mut ranges);
            let mut row_tokens = Vec::with_capacity(ranges.len());
            let mut prev_end = 0;
            let mut sentence_start = true;
            for r in &ranges {
                let gap = text.get(prev_end..r.start).unwrap_or("");
                let boundary = prev_end == 0
                    || gap
                        .chars()
                        .any(|c| !(c.is_whitespace() || matches!(c, '-' | '\'' | '’' | '‑')));
                if gap.contains(['.', '!', '?', ':', ';', '؟', '。']) {
                    sentence_start = true;
                }
                let surface = &text[r.clone()];
                let (key, is_stop) = match seen.get(surface) {
                    Some(&known) => known,
                    None => {
                        let key = normalizer.key(surface, INFLECTED);
                        let next = interner.len() as u32;
                        let key = *interner.entry(key).or_insert(next);
                        let is_stop = stop.contains(surface.to_lowercase().as_str());
                        seen.insert(surface.into(), (key, is_stop));
                        (key, is_stop)
                    }
                };
                row_tokens.push(Token {
                    range: r.clone(),
                    key,
                    stop: is_stop,
                    number: surface.chars().any(|c| c.is_numeric()),
                    boundary_before: boundary,
                    initial: sentence_start,
                });
                sentence_start = false;
                prev_end = r.end;
            }
            texts.push(text);
            tokens.push(row_tokens);
        }
        let syllabic = primary == "vi";
        TokenizedVersion {
            texts,
            tokens,
            syllabic,
            max_len: if syllabic { max_words * 2 } else { max_words },
        }
    }

    /// Calls `f(start, len, content, hash)` (`content`: words that are not function words)
    /// for every span of row `row` a term may occupy: no boundary
    /// inside, no number, no function word at either edge, two or more syllables in
    /// Vietnamese (unless an acronym).
    pub fn for_each_span(&self, row: usize, mut f: impl FnMut(usize, usize, usize, u64)) {
        let Some(toks) = self.tokens.get(row) else {
            return;
        };
        let text = &self.texts[row];
        for start in 0..toks.len() {
            let first = &toks[start];
            if first.stop || first.number {
                continue;
            }
            let mut hash = GRAM_SEED;
            let mut content = 0;
            for len in 1..=self.max_len.min(toks.len() - start) {
                let tok = &toks[start + len - 1];
                if tok.number || (len > 1 && tok.boundary_before) {
                    break;
                }
                hash = mix(hash, tok.key);
                if tok.stop {
                    continue;
                }
                content += 1;
                if self.syllabic && len == 1 && !is_acronym(&text[tok.range.clone()]) {
                    continue;
                }
                f(start, len, self.words(content), hash);
            }
        }
    }

    /// Words in `content` tokens: syllables count half in Vietnamese.
    pub fn words(&self, content: usize) -> usize {
        if self.syllabic {
            content.div_ceil(2)
        } else {
            content
        }
    }

    /// The surface of the span `start..start+len` of row `row`.
    pub fn surface(&self, row: usize, start: usize, len: usize) -> &str {
        let toks = &self.tokens[row];
        &self.texts[row][toks[start].range.start..toks[start + len - 1].range.end]
    }
}

/// Two or more letters, all capitals ("UN", "ASEAN", "ĐBQH").
pub fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

//! [`TermMatcher`]: every occurrence of every glossary term in a text, in one pass.
//!
//! How: each language's terms are split into word tokens and turned into keys
//! ([`super::normalize`]); every distinct key gets a number, encoded as one `char`, so a term
//! becomes a short string of such chars. A text is tokenised the same way and an Aho-Corasick
//! automaton runs over its key string. Because UTF-8 is self-synchronising, every match starts
//! and ends on whole tokens: a term never matches inside a longer word. Matches map back to the
//! byte ranges of their first and last token. Where matches overlap, the longest wins; matches
//! of several concepts on exactly the same words are all kept (that is a collision the checks
//! report).
//!
//! Key computation (stemming) is the costly part: [`FormTable`] computes it once per distinct
//! word form of a whole version, and sentences are then scanned with look-ups only.

use std::collections::BTreeMap;
use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::model::{Glossary, MatchMode, TermStatus};
use super::normalize::{KeyKind, Normalizer, tokenize};
use crate::lang::Lang;

/// Matching options shared by all languages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MatcherOptions {
    /// Vietnamese: ignore tone marks and other diacritics (inflected terms only).
    pub fold_vietnamese: bool,
}

/// One occurrence of a term in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occurrence {
    /// Byte offset of the first matched byte.
    pub start: usize,
    /// Byte offset after the last matched byte.
    pub end: usize,
    /// Index of the concept in `Glossary::concepts` order.
    pub concept: u32,
    /// Index of the term in the concept's term list for the text's language.
    pub term: u32,
    /// Status of that term.
    pub status: TermStatus,
}

impl Occurrence {
    /// The byte range.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Target {
    concept: u32,
    term: u32,
    status: TermStatus,
}

struct KindMatcher {
    kind: KeyKind,
    vocab: FxHashMap<String, u32>,
    automaton: AhoCorasick,
    targets: Vec<Vec<Target>>,
}

impl KindMatcher {
    /// The key number of one word form (0 if no term has that key).
    fn id_of(&self, normalizer: &Normalizer, surface: &str) -> u32 {
        self.vocab
            .get(&normalizer.key(surface, self.kind))
            .copied()
            .unwrap_or(0)
    }
}

struct LangMatcher {
    normalizer: Normalizer,
    kinds: Vec<KindMatcher>,
}

/// Finds glossary terms in texts; build once per glossary (and rebuild when it changes).
pub struct TermMatcher {
    concept_ids: Vec<String>,
    langs: FxHashMap<String, LangMatcher>,
}

/// The word tokens of one text with their key numbers per comparison kind, computed once per
/// distinct word form (in parallel), so that scanning its sentences needs neither tokenising
/// nor stemming. Build with [`TermMatcher::form_table`].
pub struct FormTable {
    /// Word tokens of the whole text.
    tokens: Vec<Range<usize>>,
    /// Per comparison kind, the key number of each token.
    ids: Vec<Vec<u32>>,
}

/// Key number 1 stands for punctuation or a line break between two words: a multi-word term
/// only matches across such a gap if the term itself has one there.
const BREAK: u32 = 1;

/// True if the gap between two words breaks a term (anything but spaces, or a line break).
fn is_break(gap: &str) -> bool {
    gap.chars().any(|c| !c.is_whitespace() || c == '\n')
}

fn key_char(id: u32) -> char {
    let code = if id < 0xD800 { id } else { id + 0x800 };
    char::from_u32(code).unwrap_or('\u{0}')
}

impl TermMatcher {
    /// Builds the matcher for the terms of `langs` (all languages of the glossary when empty).
    /// Languages are matched by primary subtag ("ar-eg" terms apply to "ar" texts).
    pub fn new(glossary: &Glossary, langs: &[Lang], options: MatcherOptions) -> Self {
        let wanted: Vec<&str> = langs.iter().map(Lang::primary).collect();
        // lang → kind → (pattern string → targets)
        type Patterns = FxHashMap<KeyKind, (FxHashMap<String, u32>, BTreeMap<String, Vec<Target>>)>;
        let mut per_lang: FxHashMap<String, Patterns> = FxHashMap::default();
        let mut normalizers: FxHashMap<String, Normalizer> = FxHashMap::default();
        let mut tokens = Vec::new();
        for (c_idx, concept) in glossary.concepts.values().enumerate() {
            for (lang, terms) in &concept.terms {
                let primary = lang.primary();
                if !wanted.is_empty() && !wanted.contains(&primary) {
                    continue;
                }
                let normalizer = normalizers
                    .entry(primary.to_string())
                    .or_insert_with(|| Normalizer::new(primary, options.fold_vietnamese));
                for (t_idx, term) in terms.iter().enumerate() {
                    let kind = KeyKind {
                        inflected: term.match_mode == MatchMode::Inflected,
                        case_sensitive: term.case_sensitive,
                    };
                    tokens.clear();
                    tokenize(&term.text, &mut tokens);
                    if tokens.is_empty() {
                        continue;
                    }
                    let (vocab, patterns) = per_lang
                        .entry(primary.to_string())
                        .or_default()
                        .entry(kind)
                        .or_default();
                    let mut pattern = String::new();
                    let mut prev_end: Option<usize> = None;
                    for r in &tokens {
                        if prev_end.is_some_and(|e| is_break(&term.text[e..r.start])) {
                            pattern.push(key_char(BREAK));
                        }
                        prev_end = Some(r.end);
                        let key = normalizer.key(&term.text[r.clone()], kind);
                        let next = vocab.len() as u32 + 2;
                        let id = *vocab.entry(key).or_insert(next);
                        pattern.push(key_char(id));
                    }
                    let target = Target {
                        concept: c_idx as u32,
                        term: t_idx as u32,
                        status: term.status,
                    };
                    patterns.entry(pattern).or_default().push(target);
                }
            }
        }
        let mut langs = FxHashMap::default();
        for (primary, kinds) in per_lang {
            let Some(normalizer) = normalizers.remove(&primary) else {
                continue;
            };
            let mut kind_matchers = Vec::new();
            let mut kinds: Vec<_> = kinds.into_iter().collect();
            kinds.sort_by_key(|(k, _)| *k);
            for (kind, (vocab, patterns)) in kinds {
                let (strings, targets): (Vec<String>, Vec<Vec<Target>>) =
                    patterns.into_iter().unzip();
                let Ok(automaton) = AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&strings)
                else {
                    continue;
                };
                kind_matchers.push(KindMatcher {
                    kind,
                    vocab,
                    automaton,
                    targets,
                });
            }
            langs.insert(
                primary,
                LangMatcher {
                    normalizer,
                    kinds: kind_matchers,
                },
            );
        }
        TermMatcher {
            concept_ids: glossary.concepts.keys().cloned().collect(),
            langs,
        }
    }

    /// The id of concept number `concept` (as in [`Occurrence::concept`]).
    pub fn concept_id(&self, concept: u32) -> &str {
        self.concept_ids
            .get(concept as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// True if the glossary has terms in `lang`.
    pub fn has_lang(&self, lang: &Lang) -> bool {
        self.langs.contains_key(lang.primary())
    }

    /// Every term occurrence in `text` (language `lang`), sorted by position; byte offsets
    /// into `text`.
    pub fn find(&self, text: &str, lang: &Lang) -> Vec<Occurrence> {
        let Some(lm) = self.langs.get(lang.primary()) else {
            return Vec::new();
        };
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let mut memo: FxHashMap<&str, u32> = FxHashMap::default();
        let ids: Vec<Vec<u32>> = lm
            .kinds
            .iter()
            .map(|km| {
                memo.clear();
                tokens
                    .iter()
                    .map(|r| {
                        *memo
                            .entry(&text[r.clone()])
                            .or_insert_with(|| km.id_of(&lm.normalizer, &text[r.clone()]))
                    })
                    .collect()
            })
            .collect();
        let ids: Vec<&[u32]> = ids.iter().map(Vec::as_slice).collect();
        Self::find_with(text, lm, &tokens, &ids)
    }

    /// Tokenises `text` (a whole version) and computes the key numbers of its word forms, so
    /// that [`TermMatcher::find_in_range`] on its sentences is only automaton work.
    pub fn form_table(&self, text: &str, lang: &Lang) -> FormTable {
        let mut tokens = Vec::new();
        tokenize(text, &mut tokens);
        let Some(lm) = self.langs.get(lang.primary()) else {
            return FormTable {
                tokens,
                ids: Vec::new(),
            };
        };
        let mut distinct: FxHashMap<&str, u32> = FxHashMap::default();
        let token_form: Vec<u32> = tokens
            .iter()
            .map(|r| {
                let next = distinct.len() as u32;
                *distinct.entry(&text[r.clone()]).or_insert(next)
            })
            .collect();
        let mut forms: Vec<(&str, u32)> = distinct.into_iter().collect();
        forms.sort_unstable_by_key(|(_, i)| *i);
        let ids = lm
            .kinds
            .iter()
            .map(|km| {
                let form_ids: Vec<u32> = forms
                    .par_iter()
                    .with_min_len(256)
                    .map(|(f, _)| km.id_of(&lm.normalizer, f))
                    .collect();
                token_form.iter().map(|&f| form_ids[f as usize]).collect()
            })
            .collect();
        FormTable { tokens, ids }
    }

    /// Occurrences in `range` (a sentence) of `text`, the text `forms` was built from; byte
    /// offsets into `text`. Words cut by the range's ends are not part of it.
    pub fn find_in_range(
        &self,
        text: &str,
        range: Range<usize>,
        lang: &Lang,
        forms: &FormTable,
    ) -> Vec<Occurrence> {
        let Some(lm) = self.langs.get(lang.primary()) else {
            return Vec::new();
        };
        if forms.ids.len() != lm.kinds.len() {
            return Vec::new();
        }
        let first = forms.tokens.partition_point(|t| t.start < range.start);
        let end = forms.tokens.partition_point(|t| t.end <= range.end);
        if first >= end {
            return Vec::new();
        }
        let ids: Vec<&[u32]> = forms.ids.iter().map(|v| &v[first..end]).collect();
        Self::find_with(text, lm, &forms.tokens[first..end], &ids)
    }

    fn find_with(
        text: &str,
        lm: &LangMatcher,
        tokens: &[Range<usize>],
        ids: &[&[u32]],
    ) -> Vec<Occurrence> {
        // (first token, token count, kind index, pattern index)
        let mut candidates: Vec<(usize, usize, usize, usize)> = Vec::new();
        let mut hay = String::new();
        let mut starts: Vec<usize> = Vec::with_capacity(tokens.len());
        for (k_idx, km) in lm.kinds.iter().enumerate() {
            hay.clear();
            starts.clear();
            let mut prev_end: Option<usize> = None;
            for (r, &id) in tokens.iter().zip(ids[k_idx]) {
                if prev_end.is_some_and(|e| is_break(&text[e..r.start])) {
                    hay.push(key_char(BREAK));
                }
                prev_end = Some(r.end);
                starts.push(hay.len());
                hay.push(key_char(id));
            }
            for m in km.automaton.find_overlapping_iter(&hay) {
                let Ok(first) = starts.binary_search(&m.start()) else {
                    continue;
                };
                let last = match starts.binary_search(&(m.end() - 1)) {
                    Ok(i) => i,
                    Err(i) => i.saturating_sub(1),
                };
                candidates.push((first, last + 1 - first, k_idx, m.pattern().as_usize()));
            }
        }
        // Longest first; ties by position. A token belongs to one span; several concepts on
        // exactly the same span are all kept.
        candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut owner: Vec<Option<(usize, usize)>> = vec![None; tokens.len()];
        let mut out: Vec<Occurrence> = Vec::new();
        for (first, count, k_idx, p_idx) in candidates {
            let span = (first, count);
            let free = owner[first..first + count].iter().all(|o| o.is_none());
            let same = owner[first..first + count].iter().all(|o| *o == Some(span));
            if !free && !same {
                continue;
            }
            owner[first..first + count].fill(Some(span));
            let (start, end) = (tokens[first].start, tokens[first + count - 1].end);
            for t in &lm.kinds[k_idx].targets[p_idx] {
                if out
                    .iter()
                    .any(|o| o.start == start && o.end == end && o.concept == t.concept)
                {
                    continue;
                }
                out.push(Occurrence {
                    start,
                    end,
                    concept: t.concept,
                    term: t.term,
                    status: t.status,
                });
            }
        }
        out.sort();
        out
    }
}

#[cfg(test)]
#[path = "matcher_tests.rs"]
mod tests;

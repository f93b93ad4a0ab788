//! Punkt-style statistics learned from the document being split (Kiss & Strunk 2006, in
//! spirit): for every word form, where it was seen — capitalised at a sentence start or in the
//! middle of a sentence, in lower case mid-sentence, followed by a period and then a
//! lower-case word, or without a period at all. An ambiguous candidate (an abbreviation or an
//! initial followed by a capitalised word, an unknown short token with a period) is decided by
//! what the rest of the document shows about the two words around it.
//!
//! Unsupervised, one pass over the text, built only when the scanner first asks for it; keys
//! borrow from the text, so building allocates nothing per word beyond the map's own table.

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::chars::{is_closer, is_dash, is_format, is_opener};
use super::rules::Rules;

/// Seen after a word, a digit or a comma: inside a sentence.
const MID: u8 = 1;
/// Seen at a paragraph start or after a clear sentence end.
const BEG: u8 = 2;
/// Seen not followed by a period.
const PLAIN: u8 = 4;
/// Seen followed by a period, a space and a lower-case word (a period that did not end a
/// sentence; the candidate being decided, before a capital or a digit, is never its own
/// evidence).
const DOT_INSIDE: u8 = 8;

/// Where the next word stands.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Beg,
    Mid,
    Unknown,
}

/// Orthographic and abbreviation evidence for the word forms of one document.
#[derive(Debug, Default)]
pub struct DocStats<'a> {
    words: FxHashMap<&'a str, u8>,
}

impl<'a> DocStats<'a> {
    /// Collects the evidence over the given ranges of `text`.
    pub fn build(text: &'a str, ranges: &[Range<usize>], rules: &Rules) -> DocStats<'a> {
        let mut stats = DocStats {
            words: FxHashMap::with_capacity_and_hasher(text.len() / 16 + 8, Default::default()),
        };
        for range in ranges {
            if let Some(p) = text.get(range.clone()) {
                stats.scan(p, rules);
            }
        }
        stats
    }

    fn scan(&mut self, p: &'a str, rules: &Rules) {
        let mut ctx = Ctx::Beg;
        let mut last_word: &str = "";
        let mut chars = p.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            if c.is_alphanumeric() {
                let mut end = k + c.len_utf8();
                while let Some(&(k2, c2)) = chars.peek() {
                    if !c2.is_alphanumeric() {
                        break;
                    }
                    end = k2 + c2.len_utf8();
                    chars.next();
                }
                let word = &p[k..end];
                let mut flags = match ctx {
                    Ctx::Beg => BEG,
                    Ctx::Mid => MID,
                    Ctx::Unknown => 0,
                };
                let rest = &p[end..];
                if let Some(after) = rest.strip_prefix('.') {
                    let next = after.trim_start();
                    if next.len() < after.len()
                        && next.chars().next().is_some_and(char::is_lowercase)
                    {
                        flags |= DOT_INSIDE;
                    }
                } else if !rest.starts_with(['-', '\'', '’']) {
                    flags |= PLAIN;
                }
                *self.words.entry(word).or_insert(0) |= flags;
                last_word = word;
                ctx = Ctx::Mid;
                continue;
            }
            match c {
                '\n' => ctx = Ctx::Unknown,
                '?' | '!' | '…' | '؟' => ctx = Ctx::Beg,
                '.' => {
                    ctx = if clear_end(last_word, rules) {
                        Ctx::Beg
                    } else {
                        Ctx::Unknown
                    }
                }
                ',' | ';' => ctx = Ctx::Mid,
                c if c.is_whitespace() || is_format(c) => {}
                c if is_opener(c) || is_closer(c) || is_dash(c) => {}
                _ => ctx = Ctx::Unknown,
            }
        }
    }

    /// Does the capitalised `word` start a sentence, judging by the document? `Some(true)`
    /// when it is seen in lower case mid-sentence, or capitalised only at sentence starts;
    /// `Some(false)` when it is seen capitalised mid-sentence (a name, a German noun); `None`
    /// when the document says nothing.
    pub fn starts_sentence(&self, word: &str) -> Option<bool> {
        let upper = self.words.get(word).copied().unwrap_or(0);
        if upper & MID != 0 {
            return Some(false);
        }
        let lower = word.to_lowercase();
        let low = if lower == word {
            0
        } else {
            self.words.get(lower.as_str()).copied().unwrap_or(0)
        };
        (low & MID != 0 || upper & BEG != 0).then_some(true)
    }

    /// Is the short token `tok` (without its period) an abbreviation in this document: seen
    /// with a period inside a sentence and never without one?
    pub fn is_abbreviation(&self, tok: &str) -> bool {
        let flags = self.words.get(tok).copied().unwrap_or(0);
        flags & DOT_INSIDE != 0 && flags & PLAIN == 0
    }
}

/// A period after `word` clearly ends a sentence: a word of four or more letters ending in a
/// lower-case letter that is not a listed abbreviation.
fn clear_end(word: &str, rules: &Rules) -> bool {
    word.chars().count() >= 4
        && word.chars().next_back().is_some_and(char::is_lowercase)
        && rules.abbreviation(&word.to_lowercase()).is_none()
}

/// Statistics built on first use, over the ranges of one document.
pub struct LazyStats<'a> {
    text: &'a str,
    ranges: &'a [Range<usize>],
    rules: &'a Rules,
    cell: OnceCell<DocStats<'a>>,
}

impl<'a> LazyStats<'a> {
    /// Statistics of `ranges` of `text`, not built yet.
    pub fn new(text: &'a str, ranges: &'a [Range<usize>], rules: &'a Rules) -> LazyStats<'a> {
        LazyStats {
            text,
            ranges,
            rules,
            cell: OnceCell::new(),
        }
    }

    /// The statistics, built now if this is the first call.
    pub fn get(&self) -> &DocStats<'a> {
        self.cell
            .get_or_init(|| DocStats::build(self.text, self.ranges, self.rules))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stats(text: &str) -> DocStats<'_> {
        let rules = Rules::default();
        let ranges = [0..text.len()];
        DocStats::build(text, &ranges, &rules)
    }

    #[test]
    fn lower_case_elsewhere_means_a_sentence_start() {
        let text = "Wir gingen danach heim. Herr Müller kam mit. Es war spät bei Müller.";
        let s = stats(text);
        assert_eq!(s.starts_sentence("Danach"), Some(true));
        assert_eq!(s.starts_sentence("Müller"), Some(false));
        assert_eq!(s.starts_sentence("Zebra"), None);
    }

    #[test]
    fn abbreviations_are_learned_from_use() {
        let s = stats("gemäss Ziff. vier des Vertrags und Ziff. 4 des Anhangs. Kap kam. Nr. 5.");
        assert!(s.is_abbreviation("Ziff"));
        assert!(!s.is_abbreviation("Kap"));
        assert!(!s.is_abbreviation("Nr"));
    }
}

//! Periods that do not end a sentence: abbreviations, initials, ordinals, units, lists.

use crate::segment::chars::{Case, case_of, is_format, is_opener};
use crate::segment::context::{looks_like_start, next_is_initial};
use crate::segment::lists::parse_marker;
use crate::segment::rules::AbbrevKind;

use super::Scanner;

/// `u. a.`, `d. h.`, `z. B.`: a one-letter token whose next token is a one-letter token with a
/// period is a spaced abbreviation or a run of initials, never a sentence end.
pub(super) fn spaced_abbreviation(tok: &str, next: &str) -> bool {
    let mut t = tok.chars();
    let single = t.next().is_some_and(char::is_alphabetic) && t.next().is_none();
    let mut n = next.chars();
    single
        && n.next().is_some_and(char::is_alphabetic)
        && n.next() == Some('.')
        && n.next().is_none_or(char::is_whitespace)
}

impl Scanner<'_, '_> {
    /// `am 10. September`, `der 3. Platz`: a number of one to three digits before a period is
    /// an ordinal in languages that write them so, when a listed word comes before or after.
    pub(super) fn is_ordinal(&self, tok_start: usize, dot: usize, nc: char, word: &str) -> bool {
        let tok = &self.p[tok_start..dot];
        if !self.rules.has_ordinals()
            || tok.is_empty()
            || tok.len() > 3
            || !tok.bytes().all(|b| b.is_ascii_digit())
        {
            return false;
        }
        if case_of(nc) == Case::Lower || self.rules.is_ordinal_after(word) {
            return true;
        }
        let before = self.p[..tok_start].trim_end();
        let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
        let prev = prev.trim_start_matches(is_opener);
        !prev.is_empty()
            && self.rules.is_ordinal_before(prev)
            && case_of(nc) != Case::Digit
            && !self.rules.is_starter(word)
    }

    /// The abbreviation kind of the token `p[tok_start..dot]`, from the rules, its shape, or
    /// the document's evidence.
    pub(super) fn abbreviation(&mut self, tok_start: usize, dot: usize) -> Option<AbbrevKind> {
        let tok = &self.p[tok_start..dot];
        self.key.clear();
        for c in tok.chars().filter(|&c| !is_format(c)) {
            self.key.extend(c.to_lowercase());
        }
        let before = self.p[..tok_start].trim_end();
        if before.len() < tok_start {
            let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
            if !prev.is_empty()
                && let Some(kind) = self.rules.phrase(&prev.to_lowercase(), &self.key)
            {
                return Some(kind);
            }
        }
        if let Some(kind) = self.rules.abbreviation(&self.key) {
            return Some(kind);
        }
        if let Some(kind) = self.rules.compound(&self.key) {
            return Some(kind);
        }
        // "se-Kab.": the part after a hyphen; "l'art.", "dell’On.": after an elision.
        if let Some((_, tail)) = self.key.rsplit_once(['-', '\'', '’'])
            && let Some(kind) = self.rules.abbreviation(tail)
        {
            return Some(kind);
        }
        // Initials and dotted abbreviations: "E.", "А.", "U.S.A", "J.C", "i.v".
        let mut letters = 0;
        let mut upper_single = false;
        for part in tok.split('.') {
            let mut chars = part.chars().filter(|&c| !is_format(c));
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_alphabetic() => {
                    letters += 1;
                    upper_single |= c.is_uppercase();
                }
                _ => return None,
            }
        }
        // A dotted degree after a name and a comma ("Gunawan, S.T., M.T. Acara", "Smith,
        // Ph.D. The") ends a sentence before a capitalised word, like `may_end`.
        if letters >= 2 && before.ends_with(',') {
            return Some(AbbrevKind::MayEnd);
        }
        if letters >= 2 || upper_single {
            return Some(AbbrevKind::WeakEnd);
        }
        None
    }

    /// An unknown short word that the document shows to be an abbreviation ("Ziff." seen
    /// before lower-case words and numbers, never without its period).
    pub(super) fn learned_abbreviation(&self, tok_start: usize, dot: usize) -> bool {
        let tok = &self.p[tok_start..dot];
        let n = tok.chars().count();
        (1..=5).contains(&n)
            && tok.chars().all(char::is_alphabetic)
            && self.stats.get().is_abbreviation(tok)
    }

    pub(super) fn abbreviation_ends(
        &self,
        kind: AbbrevKind,
        tok_start: usize,
        dot: usize,
        nc: char,
        word: &str,
        next: &str,
    ) -> bool {
        let weak = || {
            (self.is_sentence_start_word(word)
                || (case_of(nc) == Case::Upper
                    && self.stats.get().starts_sentence(word) == Some(true)))
                && self.long_enough(dot)
                && !next_is_initial(word, &self.p[dot..])
        };
        let kind = if matches!(kind, AbbrevKind::NeverEnd | AbbrevKind::WeakEnd)
            && self.unit_after_number(tok_start, dot)
        {
            AbbrevKind::MayEnd
        } else {
            kind
        };
        match kind {
            AbbrevKind::AlwaysEnd => true,
            AbbrevKind::NeverEnd => false,
            AbbrevKind::NumberPrefix => case_of(nc) != Case::Digit && weak(),
            AbbrevKind::WeakAfterNumber => {
                let before = self.p[..tok_start].trim_end();
                let prev_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let after_number = prev_word
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_digit())
                    || (!prev_word.is_empty()
                        && prev_word
                            .chars()
                            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')));
                // After a number, a word of a caseless script (Arabic "عام 1975 م. وهي")
                // starts a sentence: the era mark there is no title.
                after_number && (case_of(nc) == Case::Caseless || weak())
            }
            AbbrevKind::WeakEnd => weak(),
            AbbrevKind::MayEnd => {
                looks_like_start(nc, word) && self.long_enough(dot) && !self.next_is_degree(next)
            }
        }
    }

    /// The segment holds an inline list opened after a colon ("ما يلي: 1. التدريب، 2."), so a
    /// marker after a comma is its next item, not "Estación, 12." ending a sentence.
    pub(super) fn inline_list_open(&self, tok_start: usize) -> bool {
        let seg = &self.p[self.first_token..tok_start];
        seg.rfind(':')
            .is_some_and(|k| parse_marker(seg[k + 1..].trim_start()).is_some())
    }

    /// A short lower-case token right after a number is a unit, not the title it spells in
    /// capitals ("8481 m. L'écart" is metres, "M. Dupont" is Monsieur).
    pub(super) fn unit_after_number(&self, tok_start: usize, dot: usize) -> bool {
        let tok = &self.p[tok_start..dot];
        let n = tok.chars().count();
        let before = self.p[..tok_start].trim_end();
        (1..=3).contains(&n)
            && tok.chars().all(char::is_lowercase)
            && before.len() < tok_start
            && before.ends_with(|c: char| c.is_ascii_digit())
    }

    /// The next token is itself a dotted abbreviation that is not a title ("S.H. M.H.").
    pub(super) fn next_is_degree(&self, next: &str) -> bool {
        let tok = next.split(char::is_whitespace).next().unwrap_or("");
        let Some(body) = tok.strip_suffix(['.', ',']) else {
            return false;
        };
        let body = body.strip_suffix('.').unwrap_or(body);
        if body.is_empty() || body.chars().count() > 8 {
            return false;
        }
        match self.rules.abbreviation(&body.to_lowercase()) {
            Some(AbbrevKind::NeverEnd) => false,
            Some(_) => true,
            None => body.contains('.'),
        }
    }

    /// A listed starter, or a capitalised title abbreviation ("Mr.") opening the next sentence.
    pub(super) fn is_sentence_start_word(&self, word: &str) -> bool {
        if self.rules.is_starter(word) {
            return true;
        }
        let capitalised = word
            .chars()
            .next()
            .is_some_and(|c| case_of(c) == Case::Upper);
        capitalised && self.rules.abbreviation(&word.to_lowercase()) == Some(AbbrevKind::NeverEnd)
    }

    /// A sentence ending in an abbreviation has at least four words ("At 5 a.m." does not).
    pub(super) fn long_enough(&self, dot: usize) -> bool {
        self.p[self.first_token..dot]
            .split_whitespace()
            .nth(3)
            .is_some()
    }
}

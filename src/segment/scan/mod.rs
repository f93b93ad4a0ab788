//! The sentence scanner: one pass over a paragraph's bytes that finds terminator clusters,
//! newlines, bullets and quotations, and decides where sentences end.
//!
//! Rules decide wherever they know the answer (abbreviations, initials, numbers, lists,
//! quotations, case of the next word); where none applies, the UAX #29 verdict from
//! `unicode-segmentation` decides.

mod abbrev;
mod lines;
mod quotes;

use abbrev::spaced_abbreviation;

use unicode_segmentation::UnicodeSegmentation;

use super::chars::{
    Case, case_of, closing_pair, is_bullet_glyph, is_closer, is_format, is_opener, is_terminator,
};
use super::cluster::{self, Cluster};
use super::context::{
    INTERESTING, closing_parenthetical, floor_boundary, next_word, prev_char, starts_line_item,
    token_start,
};
use super::learned::learn_key;
use super::lists::{find_successor, parse_marker};
use super::rules::{AbbrevKind, Rules};
use super::stats::LazyStats;

/// Longest token (bytes) after a glued period that the `world.Today` rule considers.
const MAX_GLUED_TOKEN: usize = 64;
/// How far (bytes) to look for the next item of a run-together list.
const MAX_LIST_ITEM: usize = 2000;

/// Splits paragraph `p` and appends the byte positions where new sentences start to `cuts`;
/// `stats` holds the evidence of the whole document `p` belongs to.
pub fn cut_paragraph(p: &str, rules: &Rules, stats: &LazyStats<'_>, cuts: &mut Vec<usize>) {
    let mut scanner = Scanner {
        p,
        rules,
        stats,
        cuts,
        seg_start: 0,
        first_token: 0,
        span_close: None,
        pending_list: None,
        uax: None,
        key: String::new(),
    };
    scanner.start_segment(0);
    scanner.run();
}

struct Scanner<'a, 's> {
    p: &'a str,
    rules: &'a Rules,
    stats: &'a LazyStats<'s>,
    cuts: &'a mut Vec<usize>,
    seg_start: usize,
    first_token: usize,
    span_close: Option<usize>,
    pending_list: Option<usize>,
    uax: Option<Vec<usize>>,
    key: String,
}

impl Scanner<'_, '_> {
    fn run(&mut self) {
        let p = self.p;
        let bytes = p.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if let Some(q) = self.pending_list
                && q <= i
            {
                self.cut(q);
            }
            let b = bytes[i];
            if !INTERESTING[usize::from(b)] {
                i += 1;
                continue;
            }
            if b < 0x80 {
                match b {
                    b'.' | b'!' | b'?' => i = self.on_terminator(i),
                    b'\n' => {
                        self.on_newline(i);
                        i += 1;
                    }
                    _ => {
                        if !self.on_interrupted_quote(i, b as char) {
                            self.on_opener(i, b as char);
                        }
                        i += 1;
                    }
                }
                continue;
            }
            let Some(c) = p[i..].chars().next() else {
                break;
            };
            if is_terminator(c) {
                i = self.on_terminator(i);
                continue;
            }
            if is_bullet_glyph(c)
                && i > self.first_token
                && prev_char(p, i).is_some_and(char::is_whitespace)
            {
                self.cut(i);
            } else if self.on_interrupted_quote(i, c) {
            } else if closing_pair(c).is_some() {
                self.on_opener(i, c);
            }
            i += c.len_utf8();
        }
    }

    fn cut(&mut self, pos: usize) {
        if pos <= self.seg_start || pos >= self.p.len() {
            return;
        }
        self.cuts.push(pos);
        self.start_segment(pos);
    }

    fn start_segment(&mut self, pos: usize) {
        self.seg_start = pos;
        let p = self.p;
        let skip = p[pos..]
            .char_indices()
            .find(|&(_, c)| !(c.is_whitespace() || is_bullet_glyph(c) || is_format(c)))
            .map_or(p.len() - pos, |(k, _)| k);
        self.first_token = pos + skip;
        self.pending_list = None;
        if let Some(marker) = parse_marker(&p[self.first_token..]) {
            let from = self.first_token + marker.len;
            let limit = floor_boundary(p, (from + MAX_LIST_ITEM).min(p.len()));
            self.pending_list = find_successor(&marker, p, from, limit);
        }
    }

    fn on_terminator(&mut self, i: usize) -> usize {
        let cl = cluster::parse(self.p, i);
        if self.decide(i, &cl) {
            self.cut(cl.end);
        }
        cl.end.max(i + 1)
    }

    fn decide(&mut self, i: usize, cl: &Cluster) -> bool {
        let p = self.p;
        if self.span_close.is_some_and(|s| cl.end <= s) {
            return false;
        }
        if let Some(forced) = cl.forced {
            return forced;
        }
        if self.rules.has_learned()
            && let Some(key) = learn_key(&p[..cl.end])
            && let Some(split) = self.rules.learned(&key)
        {
            // "Always split after" holds before anything but a lower-case word.
            let after = &p[cl.end..];
            let (nc, _) = next_word(after.trim_start());
            return split && after.starts_with(char::is_whitespace) && case_of(nc) != Case::Lower;
        }
        let rest = &p[cl.end..];
        let Some(first) = rest.chars().next() else {
            return true;
        };
        if !first.is_whitespace() {
            return cl.fullwidth || (cl.only_dot && self.glued(i, cl.end));
        }
        if cl.ellipsis && prev_char(p, i).is_some_and(|b| b == '[' || b == '(') {
            return false;
        }
        let ws = rest.len() - rest.trim_start().len();
        let next_start = cl.end + ws;
        let next = &p[next_start..];
        let Some(next_first) = next.chars().next() else {
            return true;
        };
        let has_newline = rest[..ws].contains('\n');
        if is_bullet_glyph(next_first) || (has_newline && starts_line_item(next)) {
            return true;
        }
        if cl.spaced_dots == 3 {
            return false;
        }
        let (nc, word) = next_word(next);
        if cl.ellipsis {
            return match case_of(nc) {
                // Arabic "المشروع… سيكتمل": a pause inside the sentence; a caseless script
                // gives no sign of a new one unless a listed starter follows ("… وأضاف").
                Case::Lower => false,
                Case::Caseless => self.rules.is_starter(word),
                Case::Upper | Case::Digit => true,
                Case::Other => self.uax_breaks(cl.end, next_start),
            };
        }
        if cl.starts_with_dot {
            let tok_start = token_start(p, i).max(self.first_token);
            // A list marker opening the sentence, or an inline list after ':', ';' or a comma
            // ("Kết quả: 1. Hà Nội; 2. Đà Nẵng", "ما يلي: 1. التدريب، 2. التوجيه").
            let before_tok = p[..tok_start].trim_end();
            let after_list_colon = before_tok.ends_with([':', ';', '؛'])
                || (before_tok.ends_with([',', '،']) && self.inline_list_open(tok_start));
            if (tok_start == self.first_token || after_list_colon)
                && parse_marker(&p[tok_start..]).is_some()
            {
                return false;
            }
            if cl.only_dot && self.is_ordinal(tok_start, i, nc, word) {
                return false;
            }
            if cl.only_dot && spaced_abbreviation(&p[tok_start..i], next) {
                return false;
            }
            if cl.only_dot
                && let Some(kind) = self.abbreviation(tok_start, i).or_else(|| {
                    (matches!(case_of(nc), Case::Upper | Case::Digit)
                        && self.learned_abbreviation(tok_start, i))
                    .then_some(AbbrevKind::WeakEnd)
                })
            {
                return self.abbreviation_ends(kind, tok_start, i, nc, word, next);
            }
        }
        if parse_marker(next).is_some() {
            return true;
        }
        if closing_parenthetical(next) {
            return false;
        }
        match case_of(nc) {
            Case::Lower => false,
            Case::Upper | Case::Caseless => true,
            Case::Digit if matches!(cl.last_terminator, '.' | '…' | '。' | '．') => true,
            _ => self.uax_breaks(cl.end, next_start),
        }
    }

    /// "world.Today": a period glued between a word and a capitalised word.
    fn glued(&mut self, dot: usize, after: usize) -> bool {
        let p = self.p;
        let left_start = p[..dot]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == ','))
            .map_or(0, |(k, c)| k + c.len_utf8());
        let left = &p[left_start..dot];
        if left.chars().count() < 2 || left.ends_with(',') {
            return false;
        }
        if prev_char(p, left_start).is_some_and(|c| !(c.is_whitespace() || is_opener(c))) {
            return false;
        }
        let numeric = left.chars().all(|c| c.is_ascii_digit() || c == ',');
        if !numeric && !left.chars().any(char::is_lowercase) {
            return false;
        }
        let mut right = p[after..].chars();
        let (Some(r0), Some(r1)) = (right.next(), right.next()) else {
            return false;
        };
        if case_of(r0) != Case::Upper || case_of(r1) != Case::Lower {
            return false;
        }
        // Look at most MAX_GLUED_TOKEN bytes ahead so that long dotted strings stay linear.
        let window = &p[after..floor_boundary(p, (after + MAX_GLUED_TOKEN).min(p.len()))];
        let token_end = match window.find(char::is_whitespace) {
            Some(k) => after + k,
            None if after + window.len() == p.len() => p.len(),
            None => return false,
        };
        let right_tok = p[after..token_end].trim_end_matches(|c| is_terminator(c) || is_closer(c));
        if right_tok.contains(['.', '@', '/', ':']) || p[left_start..token_end].contains("www") {
            return false;
        }
        self.abbreviation(left_start, dot).is_none()
    }

    fn uax_breaks(&mut self, from: usize, to: usize) -> bool {
        let p = self.p;
        let bounds = self
            .uax
            .get_or_insert_with(|| p.split_sentence_bound_indices().map(|(k, _)| k).collect());
        let k = bounds.partition_point(|&b| b < from);
        bounds.get(k).is_some_and(|&b| b <= to)
    }
}

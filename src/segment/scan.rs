//! The sentence scanner: one pass over a paragraph's bytes that finds terminator clusters,
//! newlines, bullets and quotations, and decides where sentences end.
//!
//! Rules decide wherever they know the answer (abbreviations, initials, numbers, lists,
//! quotations, case of the next word); where none applies, the UAX #29 verdict from
//! `unicode-segmentation` decides.

use unicode_segmentation::UnicodeSegmentation;

use super::chars::{
    Case, case_of, closing_pair, is_bullet_glyph, is_closer, is_dash, is_format, is_opener,
    is_terminator,
};
use super::cluster::{self, Cluster};
use super::context::{
    INTERESTING, closing_parenthetical, floor_boundary, looks_like_start, next_is_initial,
    next_word, prev_char, starts_line_item, token_start,
};
use super::learned::learn_key;
use super::lists::{find_successor, parse_marker};
use super::rules::{AbbrevKind, Rules};
use super::stats::LazyStats;

/// How long (characters) a quotation or bracket may be and still be kept whole; longer
/// quotations are split into their sentences, which an editor aligns more easily.
const MAX_SPAN_CHARS: usize = 400;
/// Longest token (bytes) after a glued period that the `world.Today` rule considers.
const MAX_GLUED_TOKEN: usize = 64;
/// `u. a.`, `d. h.`, `z. B.`: a one-letter token whose next token is a one-letter token with a
/// period is a spaced abbreviation or a run of initials, never a sentence end.
fn spaced_abbreviation(tok: &str, next: &str) -> bool {
    let mut t = tok.chars();
    let single = t.next().is_some_and(char::is_alphabetic) && t.next().is_none();
    let mut n = next.chars();
    single
        && n.next().is_some_and(char::is_alphabetic)
        && n.next() == Some('.')
        && n.next().is_none_or(char::is_whitespace)
}

/// Title case: at least two capitalised words and no lower-case word of four or more letters
/// ("Key Tasks for 2024").
fn title_case(line: &str) -> bool {
    let mut upper = 0;
    for w in line.split_whitespace() {
        let mut letters = w.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            continue;
        };
        match case_of(first) {
            Case::Upper => upper += 1,
            Case::Lower if letters.count() >= 3 => return false,
            _ => {}
        }
    }
    upper >= 2
}

/// Shortest first line (characters) of a title-case headline wrapped over two lines: shorter
/// title-case lines are items of their own ("Attachment A").
const MIN_WRAPPED_TITLE: usize = 40;
/// Longest second line (characters) of a heading wrapped over two lines.
const MAX_HEADING_LINE: usize = 60;
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

    fn on_newline(&mut self, i: usize) {
        let line = &self.p[self.seg_start..i];
        let Some(last) = line.trim_end().chars().next_back() else {
            return;
        };
        let mut has_final = is_terminator(last);
        if !has_final && (is_closer(last) || is_format(last)) {
            let body = line
                .trim_end()
                .trim_end_matches(|c| is_closer(c) || is_format(c));
            has_final = body.chars().next_back().is_some_and(is_terminator);
        }
        if !has_final && !self.line_continues(line, i) {
            self.cut(i);
        }
    }

    /// A line without final punctuation that goes on in the next line: a wrapped heading whose
    /// next line is not capitalised, or whose line ends in a comma, a hyphen or a preposition
    /// or conjunction of the language. A list item on the next line always starts anew.
    fn line_continues(&self, line: &str, newline: usize) -> bool {
        let next = self.p[newline + 1..].trim_start();
        if next.is_empty() || starts_line_item(next) {
            return false;
        }
        // Only the last line of the segment (a segment may span many continued lines).
        let line = line.trim_end();
        let line = line.rsplit('\n').next().unwrap_or(line);
        if line.ends_with([',', '-', '‐', '¬']) {
            return true;
        }
        // A short lower-case second line under a line that starts like a heading.
        let (nc, _) = next_word(next);
        let next_line = next.split('\n').next().unwrap_or("");
        let first_upper = line
            .trim_start()
            .chars()
            .next()
            .is_some_and(|c| case_of(c) != Case::Lower);
        if case_of(nc) == Case::Lower
            && next.starts_with(nc)
            && first_upper
            && next_line.chars().count() <= MAX_HEADING_LINE
        {
            return true;
        }
        let last = line.rsplit(char::is_whitespace).next().unwrap_or("");
        if last != line && self.rules.is_continuation(last) {
            return true;
        }
        // "Party Committee Reviews Work in 2023 and Sets\nKey Tasks for 2024": a long
        // title-case headline wrapped onto a title-case line without final punctuation.
        let next_end = next_line.trim_end();
        line.chars().count() >= MIN_WRAPPED_TITLE
            && next_end.starts_with(char::is_alphabetic)
            && title_case(line)
            && title_case(next_end)
            && !next_end.chars().next_back().is_some_and(is_terminator)
    }

    fn on_opener(&mut self, i: usize, c: char) {
        if !self.rules.keep_quotes_whole || self.span_close.is_some_and(|s| i < s) {
            return;
        }
        let p = self.p;
        let Some(close) = closing_pair(c) else {
            return;
        };
        let symmetric = close == c;
        if !matches!(c, '(' | '[' | '（') {
            let prev_ok = prev_char(p, i)
                .is_none_or(|b| b.is_whitespace() || is_opener(b) || is_dash(b) || is_format(b));
            let next_ok = p[i + c.len_utf8()..].chars().next().is_some_and(|n| {
                !n.is_whitespace() || (c == '«' && matches!(n, ' ' | '\u{A0}' | '\u{202F}'))
            });
            if !prev_ok || !next_ok {
                return;
            }
        }
        let start = i + c.len_utf8();
        let mut depth = 0usize;
        for (k, ch) in p[start..].char_indices().take(MAX_SPAN_CHARS) {
            let pos = start + k;
            if ch == close {
                if symmetric || close == '’' {
                    let before_ok = prev_char(p, pos).is_some_and(|b| !b.is_whitespace());
                    let after_ok = p[pos + ch.len_utf8()..]
                        .chars()
                        .next()
                        .is_none_or(|a| !a.is_alphanumeric());
                    if before_ok && after_ok {
                        self.span_close = Some(pos);
                        return;
                    }
                } else if depth == 0 {
                    self.span_close = Some(pos);
                    return;
                } else {
                    depth -= 1;
                }
            } else if ch == c && !symmetric {
                depth += 1;
            }
        }
    }

    /// `"If you please, sir--" The Rabbit ...`: a quotation broken off by a dash ends the
    /// sentence when a capitalised word follows. Returns true if `c` at `i` was such a closer.
    fn on_interrupted_quote(&mut self, i: usize, c: char) -> bool {
        let p = self.p;
        if !matches!(c, '"' | '”' | '»' | '’' | '\'') || !prev_char(p, i).is_some_and(is_dash)
        {
            return false;
        }
        let end = i + c.len_utf8();
        let rest = &p[end..];
        let next = rest.trim_start();
        if next.len() == rest.len() || self.span_close.is_some_and(|s| end <= s) {
            return false;
        }
        let (nc, _) = next_word(next);
        if case_of(nc) == Case::Upper {
            self.cut(end);
        }
        true
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

    /// `am 10. September`, `der 3. Platz`: a number of one to three digits before a period is
    /// an ordinal in languages that write them so, when a listed word comes before or after.
    fn is_ordinal(&self, tok_start: usize, dot: usize, nc: char, word: &str) -> bool {
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
    fn abbreviation(&mut self, tok_start: usize, dot: usize) -> Option<AbbrevKind> {
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
    fn learned_abbreviation(&self, tok_start: usize, dot: usize) -> bool {
        let tok = &self.p[tok_start..dot];
        let n = tok.chars().count();
        (1..=5).contains(&n)
            && tok.chars().all(char::is_alphabetic)
            && self.stats.get().is_abbreviation(tok)
    }

    fn abbreviation_ends(
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
    fn inline_list_open(&self, tok_start: usize) -> bool {
        let seg = &self.p[self.first_token..tok_start];
        seg.rfind(':')
            .is_some_and(|k| parse_marker(seg[k + 1..].trim_start()).is_some())
    }

    /// A short lower-case token right after a number is a unit, not the title it spells in
    /// capitals ("8481 m. L'écart" is metres, "M. Dupont" is Monsieur).
    fn unit_after_number(&self, tok_start: usize, dot: usize) -> bool {
        let tok = &self.p[tok_start..dot];
        let n = tok.chars().count();
        let before = self.p[..tok_start].trim_end();
        (1..=3).contains(&n)
            && tok.chars().all(char::is_lowercase)
            && before.len() < tok_start
            && before.ends_with(|c: char| c.is_ascii_digit())
    }

    /// The next token is itself a dotted abbreviation that is not a title ("S.H. M.H.").
    fn next_is_degree(&self, next: &str) -> bool {
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
    fn is_sentence_start_word(&self, word: &str) -> bool {
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
    fn long_enough(&self, dot: usize) -> bool {
        self.p[self.first_token..dot]
            .split_whitespace()
            .nth(3)
            .is_some()
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

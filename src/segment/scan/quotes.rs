//! The scanner at quotation marks and brackets: spans kept whole, quotations broken off.

use crate::segment::chars::{Case, case_of, closing_pair, is_dash, is_format, is_opener};
use crate::segment::context::{next_word, prev_char};

use super::Scanner;

/// How long (characters) a quotation or bracket may be and still be kept whole; longer
/// quotations are split into their sentences, which an editor aligns more easily.
const MAX_SPAN_CHARS: usize = 400;

impl Scanner<'_, '_> {
    pub(super) fn on_opener(&mut self, i: usize, c: char) {
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
    pub(super) fn on_interrupted_quote(&mut self, i: usize, c: char) -> bool {
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
}

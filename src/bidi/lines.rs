//! Greedy line breaking in logical order, at spaces, measuring pieces with the caller's function.

use std::collections::HashMap;
use std::ops::Range;

use unicode_bidi::Level;
use unicode_segmentation::UnicodeSegmentation;

use super::pieces::{RawPiece, is_breaking_space, split_pieces};

/// Measures pieces of one text through the caller's function, remembering every answer.
pub(crate) struct Measurer<'t, 'm> {
    text: &'t str,
    measure: &'m mut dyn FnMut(&str) -> f32,
    memo: HashMap<(usize, usize, Option<char>), f32>,
}

impl<'t, 'm> Measurer<'t, 'm> {
    /// A measurer of pieces of `text`.
    pub fn new(text: &'t str, measure: &'m mut dyn FnMut(&str) -> f32) -> Self {
        Measurer {
            text,
            measure,
            memo: HashMap::new(),
        }
    }

    /// Width of a piece as the shaper will draw it (the mirrored character if any).
    pub fn piece(&mut self, piece: &RawPiece) -> f32 {
        let key = (piece.range.start, piece.range.end, piece.mirror);
        if let Some(&w) = self.memo.get(&key) {
            return w;
        }
        let w = match piece.mirror {
            Some(c) => (self.measure)(c.encode_utf8(&mut [0; 4])),
            None => (self.measure)(self.text.get(piece.range.clone()).unwrap_or("")),
        };
        self.memo.insert(key, w);
        w
    }

    /// Width of `range`, splitting it into same-level stretches and pieces.
    pub fn range(&mut self, range: Range<usize>, levels: &[Level]) -> f32 {
        let mut total = 0.0;
        for (stretch, rtl) in level_stretches(range, levels) {
            for piece in split_pieces(self.text, stretch, rtl) {
                total += self.piece(&piece);
            }
        }
        total
    }
}

/// Splits `range` into maximal stretches of equal level, with whether each is right to left.
pub(crate) fn level_stretches(range: Range<usize>, levels: &[Level]) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut start = range.start;
    for i in range.clone() {
        let (Some(a), Some(b)) = (levels.get(start), levels.get(i)) else {
            break;
        };
        if a != b {
            out.push((start..i, a.is_rtl()));
            start = i;
        }
    }
    if start < range.end {
        let rtl = levels.get(start).is_some_and(|l| l.is_rtl());
        out.push((start..range.end, rtl));
    }
    out
}

/// Breaks the paragraph content `para` (no trailing newline) into line ranges no wider than
/// `max_width` where possible. Lines exclude the spaces at which they were broken; a word wider
/// than a whole line is cut between graphemes.
pub(crate) fn break_lines(
    text: &str,
    para: Range<usize>,
    levels: &[Level],
    max_width: f32,
    m: &mut Measurer<'_, '_>,
) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let Some(slice) = text.get(para.clone()) else {
        return std::iter::once(para.start..para.start).collect();
    };
    // Words with the breaking spaces that precede them.
    let mut words: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut space_start = para.start;
    let mut word_start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        let at = para.start + i;
        if is_breaking_space(c) {
            if let Some(ws) = word_start.take() {
                words.push((space_start..ws, ws..at));
                space_start = at;
            }
        } else if word_start.is_none() {
            word_start = Some(at);
        }
    }
    if let Some(ws) = word_start {
        words.push((space_start..ws, ws..para.end));
    }
    let mut current: Option<(usize, usize, f32)> = None; // start, end, width
    for (index, (spaces, word)) in words.into_iter().enumerate() {
        let word_width = m.range(word.clone(), levels);
        if let Some((start, end, width)) = current {
            let space_width = m.range(spaces.clone(), levels);
            if width + space_width + word_width <= max_width {
                current = Some((start, word.end, width + space_width + word_width));
                continue;
            }
            lines.push(start..end);
        }
        // The word starts a line; the paragraph's leading spaces stay on its first line.
        let start = if index == 0 { spaces.start } else { word.start };
        let lead = m.range(start..word.start, levels);
        if lead + word_width <= max_width {
            current = Some((start, word.end, lead + word_width));
        } else {
            let mut chunks = cut_word(text, start..word.end, levels, max_width, m);
            let last = chunks.pop().unwrap_or(start..word.end);
            lines.extend(chunks);
            let width = m.range(last.clone(), levels);
            current = Some((last.start, last.end, width));
        }
    }
    match current {
        Some((start, end, _)) => lines.push(start..end),
        None => lines.push(para.start..para.start),
    }
    lines
}

/// Cuts an over-long word between graphemes into chunks that fit `max_width` (at least one
/// grapheme each).
fn cut_word(
    text: &str,
    word: Range<usize>,
    levels: &[Level],
    max_width: f32,
    m: &mut Measurer<'_, '_>,
) -> Vec<Range<usize>> {
    let Some(slice) = text.get(word.clone()) else {
        return std::iter::once(word).collect();
    };
    let bounds: Vec<usize> = slice
        .grapheme_indices(true)
        .map(|(i, g)| word.start + i + g.len())
        .collect();
    let mut chunks = Vec::new();
    let mut start = word.start;
    let mut last_fit: Option<usize> = None;
    for &end in &bounds {
        let fits = m.range(start..end, levels) <= max_width;
        if !fits && let Some(fit) = last_fit {
            chunks.push(start..fit);
            start = fit;
        }
        last_fit = Some(end);
    }
    chunks.push(start..word.end);
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ten units per character, like a monospace font.
    fn mono(s: &str) -> f32 {
        s.chars().count() as f32 * 10.0
    }

    fn lines_of(text: &str, max: f32) -> Vec<&str> {
        let levels = vec![unicode_bidi::LTR_LEVEL; text.len()];
        let mut f = mono;
        let mut m = Measurer::new(text, &mut f);
        break_lines(text, 0..text.len(), &levels, max, &mut m)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn breaks_at_spaces_and_drops_them() {
        assert_eq!(lines_of("aaa bbb ccc dd", 70.0), ["aaa bbb", "ccc dd"]);
    }

    #[test]
    fn cuts_words_longer_than_the_line() {
        assert_eq!(lines_of("abcdefgh ij", 30.0), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn empty_and_infinite_width() {
        assert_eq!(lines_of("", 50.0), [""]);
        assert_eq!(lines_of("a b c", f32::INFINITY), ["a b c"]);
    }

    #[test]
    fn no_break_space_keeps_words_together() {
        assert_eq!(lines_of("12\u{00A0}km x", 60.0), ["12\u{00A0}km", "x"]);
    }
}

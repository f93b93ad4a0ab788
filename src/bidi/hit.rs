//! Hit testing (point → byte offset) and byte ranges → x-spans, on a [`TextLayout`].

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::{Piece, TextLayout};

/// A horizontal stretch of one line to paint behind the text (selection, highlight).
#[derive(Clone, Debug, PartialEq)]
pub struct SelectionSpan {
    /// Index of the line.
    pub line: usize,
    /// Left and right edges.
    pub x: Range<f32>,
    /// Top and bottom of the line.
    pub y: Range<f32>,
}

impl Piece {
    /// Caret boundaries `(byte, distance from the leading edge)`: measured ones if present,
    /// otherwise the width spread evenly over the graphemes.
    fn caret_list(&self, text: &str) -> Vec<(usize, f32)> {
        if let Some(carets) = &self.carets {
            return carets.clone();
        }
        let slice = text.get(self.range.clone()).unwrap_or("");
        let starts: Vec<usize> = slice.grapheme_indices(true).map(|(i, _)| i).collect();
        let count = starts.len().max(1) as f32;
        let mut out: Vec<(usize, f32)> = starts
            .iter()
            .enumerate()
            .map(|(n, &i)| (self.range.start + i, self.width * n as f32 / count))
            .collect();
        out.push((self.range.end, self.width));
        out
    }

    /// Absolute x of a caret distance measured from the piece's leading edge.
    fn edge_x(&self, distance: f32) -> f32 {
        if self.rtl {
            self.x + self.width - distance
        } else {
            self.x + distance
        }
    }

    /// X of the caret boundary at `byte`, snapped down (or up) to a grapheme boundary.
    fn caret_x(&self, text: &str, byte: usize, round_up: bool) -> f32 {
        let carets = self.caret_list(text);
        let found = if round_up {
            carets.iter().find(|(b, _)| *b >= byte)
        } else {
            carets.iter().rev().find(|(b, _)| *b <= byte)
        };
        self.edge_x(found.map(|&(_, d)| d).unwrap_or(0.0))
    }
}

impl TextLayout {
    /// Index of the line at height `y` (clamped to the first and last line).
    fn line_at(&self, y: f32) -> usize {
        let last = self.lines.len().saturating_sub(1);
        if y <= 0.0 || self.line_height <= 0.0 {
            return 0;
        }
        ((y / self.line_height) as usize).min(last)
    }

    /// The caret position (byte offset of a grapheme boundary) nearest to the point `(x, y)`,
    /// relative to the block's top left; points outside snap to the nearest line and edge.
    pub fn caret_at(&self, text: &str, x: f32, y: f32) -> usize {
        let Some(line) = self.lines.get(self.line_at(y)) else {
            return 0;
        };
        let (Some(first), Some(last)) = (line.pieces.first(), line.pieces.last()) else {
            return line.range.start;
        };
        // Beyond the ends of the line: its logical start or end, by paragraph direction.
        if x <= first.x {
            return if line.rtl {
                line.range.end
            } else {
                line.range.start
            };
        }
        if x >= last.x + last.width {
            return if line.rtl {
                line.range.start
            } else {
                line.range.end
            };
        }
        let piece = line
            .pieces
            .iter()
            .find(|p| x < p.x + p.width)
            .unwrap_or(last);
        piece
            .caret_list(text)
            .into_iter()
            .map(|(byte, d)| (byte, (piece.edge_x(d) - x).abs()))
            .min_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(byte, _)| byte)
            .unwrap_or(piece.range.start)
    }

    /// Byte offset of the start of the grapheme drawn under `(x, y)`, if the point is on text.
    pub fn char_at(&self, text: &str, x: f32, y: f32) -> Option<usize> {
        if y < 0.0 || y >= self.height() {
            return None;
        }
        let line = self.lines.get(self.line_at(y))?;
        let piece = line.pieces.iter().find(|p| x >= p.x && x < p.x + p.width)?;
        let carets = piece.caret_list(text);
        carets
            .windows(2)
            .find(|w| {
                let (a, b) = (piece.edge_x(w[0].1), piece.edge_x(w[1].1));
                x >= a.min(b) && x < a.max(b)
            })
            .map(|w| w[0].0)
            .or(Some(piece.range.start))
    }

    /// The x-spans covering the bytes of `range`, line by line, adjacent spans merged. A
    /// logical range can cover several separate stretches of one line in mixed-direction text.
    pub fn selection_spans(&self, text: &str, range: Range<usize>) -> Vec<SelectionSpan> {
        let mut spans: Vec<SelectionSpan> = Vec::new();
        if range.is_empty() {
            return spans;
        }
        for (index, line) in self.lines.iter().enumerate() {
            let y = line.y..line.y + self.line_height;
            for piece in &line.pieces {
                let start = range.start.max(piece.range.start);
                let end = range.end.min(piece.range.end);
                if start >= end {
                    continue;
                }
                let a = piece.caret_x(text, start, false);
                let b = piece.caret_x(text, end, true);
                let x = a.min(b)..a.max(b);
                match spans.last_mut() {
                    Some(last) if last.line == index && (last.x.end - x.start).abs() < 0.5 => {
                        last.x.end = x.end;
                    }
                    _ => spans.push(SelectionSpan {
                        line: index,
                        x,
                        y: y.clone(),
                    }),
                }
            }
        }
        spans
    }
}

#[cfg(test)]
mod tests {
    use super::super::{LayoutParams, fill_carets, layout_text};
    use super::*;
    use crate::model::TextDirection;

    const MIXED: &str = "عام 2023 حققت المدينة 12/13 هدفا و DCCI";

    fn mono(s: &str) -> f32 {
        s.chars().count() as f32 * 10.0
    }

    fn one_line() -> TextLayout {
        let params = LayoutParams {
            direction: TextDirection::Auto,
            max_width: f32::INFINITY,
            line_height: 20.0,
        };
        let mut layout = layout_text(MIXED, params, &mut mono);
        fill_carets(&mut layout, MIXED, &mut mono);
        layout
    }

    fn byte_of(word: &str) -> Range<usize> {
        let start = MIXED.find(word).unwrap_or(usize::MAX);
        start..start + word.len()
    }

    #[test]
    fn char_under_pointer_in_rtl_word() {
        let layout = one_line();
        assert_eq!(layout.width, 390.0);
        // "عام" is drawn at 360..390, its first letter at the right.
        assert_eq!(layout.char_at(MIXED, 385.0, 10.0), Some(0));
        assert_eq!(layout.char_at(MIXED, 375.0, 10.0), Some(2));
        assert_eq!(layout.char_at(MIXED, 362.0, 10.0), Some(4));
        assert_eq!(layout.char_at(MIXED, 395.0, 10.0), None);
        assert_eq!(layout.char_at(MIXED, 375.0, 25.0), None);
        // "DCCI" at the far left, left to right.
        assert_eq!(
            layout.char_at(MIXED, 15.0, 5.0),
            Some(byte_of("DCCI").start + 1)
        );
    }

    #[test]
    fn caret_in_number_inside_arabic() {
        let layout = one_line();
        // "2023" is drawn at 310..350 left to right.
        assert_eq!(
            layout.caret_at(MIXED, 332.0, 10.0),
            byte_of("2023").start + 2
        );
    }

    #[test]
    fn dragging_across_an_rtl_word_selects_it() {
        let layout = one_line();
        // "حققت" is drawn at 260..300: its logical start is the right edge.
        let a = layout.caret_at(MIXED, 299.0, 10.0);
        let b = layout.caret_at(MIXED, 261.0, 10.0);
        assert_eq!(a.min(b)..a.max(b), byte_of("حققت"));
    }

    #[test]
    fn caret_beyond_the_edges() {
        let layout = one_line();
        assert_eq!(layout.caret_at(MIXED, 500.0, 10.0), 0);
        assert_eq!(layout.caret_at(MIXED, -5.0, 10.0), MIXED.len());
    }

    #[test]
    fn spans_merge_across_runs() {
        let layout = one_line();
        let range = byte_of("2023 حققت");
        let spans = layout.selection_spans(MIXED, range);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].x, 260.0..350.0);
        let range = byte_of("المدينة 12/13");
        let spans = layout.selection_spans(MIXED, range);
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].x, 120.0..250.0);
    }

    #[test]
    fn partial_spans_inside_pieces() {
        let layout = one_line();
        let start = byte_of("2023").start;
        let spans = layout.selection_spans(MIXED, start + 1..start + 3);
        assert_eq!(spans[0].x, 320.0..340.0);
        // The first letter of "عام" is at the right.
        let spans = layout.selection_spans(MIXED, 0..2);
        assert_eq!(spans[0].x, 380.0..390.0);
    }

    #[test]
    fn logical_range_over_a_direction_change_gives_two_spans() {
        let layout = one_line();
        // "هدفا و DCCI": the Arabic words are at 50..110, DCCI at 0..40, the space between
        // و and DCCI (level 1) at 40..50: one continuous stretch.
        let spans = layout.selection_spans(MIXED, byte_of("هدفا و DCCI"));
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].x, 0.0..110.0);
        // "12/13 هدفا" without the space gives two touching pieces merged; but "13 هد"
        // covers the right part of 12/13 and the right part of هدفا, which are apart.
        let start = byte_of("13 هد").start;
        let spans = layout.selection_spans(MIXED, start..start + "13 هد".len());
        assert_eq!(spans.len(), 2);
    }

    #[test]
    fn wrapped_lines_hit_by_height() {
        let params = LayoutParams {
            direction: TextDirection::Auto,
            max_width: 160.0,
            line_height: 20.0,
        };
        let layout = layout_text(MIXED, params, &mut mono);
        // Line 0 is "حققت 2023 عام" right-aligned at 30..160; "عام" at 130..160.
        assert_eq!(layout.char_at(MIXED, 155.0, 5.0), Some(0));
        assert_eq!(layout.line_at(45.0), 2);
        assert_eq!(layout.line_at(500.0), 2);
        let spans = layout.selection_spans(MIXED, byte_of("حققت المدينة"));
        let lines: Vec<usize> = spans.iter().map(|s| s.line).collect();
        assert_eq!(lines, [0, 1]);
    }
}

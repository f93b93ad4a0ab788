//! Caret offsets inside pieces, for exact hit testing and selection edges within a word.

use std::collections::HashMap;

use unicode_segmentation::UnicodeSegmentation;

use super::TextLayout;

/// Measures caret offsets at every grapheme boundary of every piece that lacks them, by measuring
/// the shorter of prefix and suffix per boundary (a fallback: it costs more than the layout and
/// is a few pixels off inside Arabic words; prefer [`fill_carets_with_advances`]).
pub fn fill_carets(layout: &mut TextLayout, text: &str, measure: &mut dyn FnMut(&str) -> f32) {
    for piece in layout.lines.iter_mut().flat_map(|l| l.pieces.iter_mut()) {
        if piece.carets.is_some() {
            continue;
        }
        let slice = text.get(piece.range.clone()).unwrap_or("");
        let mut carets = vec![(piece.range.start, 0.0)];
        if piece.mirror.is_none() {
            let bounds: Vec<usize> = slice.grapheme_indices(true).map(|(i, _)| i).collect();
            let count = bounds.len();
            for (n, &inner) in bounds.iter().enumerate().skip(1) {
                // Measure the shorter side: a cut-off Arabic prefix or suffix takes a final or
                // initial letter form, and the error grows with the measured length.
                let w = if 2 * n <= count {
                    measure(&slice[..inner])
                } else {
                    piece.width - measure(&slice[inner..])
                };
                carets.push((piece.range.start + inner, w.clamp(0.0, piece.width)));
            }
        }
        carets.push((piece.range.end, piece.width));
        // Cut-word measurements can disagree; carets must not run backwards.
        for i in 1..carets.len() {
            let previous = carets[i - 1].1;
            if carets[i].1 < previous {
                carets[i].1 = previous;
            }
        }
        piece.carets = Some(carets);
    }
}

/// Like [`fill_carets`], but asks `advances` first for the advance of every character of a
/// piece in logical order, as the shaper drew it (`(piece text, right to left)` → one width per
/// char; a ligature's later characters get 0). Pieces it answers `None` for, or with the wrong
/// number of widths, fall back to measuring cut pieces with `measure`.
pub fn fill_carets_with_advances(
    layout: &mut TextLayout,
    text: &str,
    advances: &mut dyn FnMut(&str, bool) -> Option<Vec<f32>>,
    measure: &mut dyn FnMut(&str) -> f32,
) {
    for piece in layout.lines.iter_mut().flat_map(|l| l.pieces.iter_mut()) {
        if piece.carets.is_some() || piece.mirror.is_some() {
            continue;
        }
        let slice = text.get(piece.range.clone()).unwrap_or("");
        let Some(widths) = advances(slice, piece.rtl) else {
            continue;
        };
        if widths.len() != slice.chars().count() {
            continue;
        }
        let total: f32 = widths.iter().sum();
        if total <= 0.0 {
            continue;
        }
        let scale = piece.width / total;
        // Distance from the leading edge at each char boundary.
        let mut at = HashMap::new();
        let mut sum = 0.0;
        for ((i, _), w) in slice.char_indices().zip(&widths) {
            at.insert(i, sum * scale);
            sum += w;
        }
        let mut carets: Vec<(usize, f32)> = slice
            .grapheme_indices(true)
            .map(|(i, _)| (piece.range.start + i, at.get(&i).copied().unwrap_or(0.0)))
            .collect();
        carets.push((piece.range.end, piece.width));
        piece.carets = Some(carets);
    }
    fill_carets(layout, text, measure);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bidi::layout::tests::{mono, params};
    use crate::bidi::layout_text;

    #[test]
    fn carets_measure_prefixes() {
        let text = "abc";
        let mut layout = layout_text(text, params(f32::INFINITY), &mut mono);
        fill_carets(&mut layout, text, &mut mono);
        let carets = layout.lines[0].pieces[0].carets.clone();
        assert_eq!(
            carets,
            Some(vec![(0, 0.0), (1, 10.0), (2, 20.0), (3, 30.0)])
        );
    }

    #[test]
    fn carets_from_shaper_advances_with_a_ligature_and_a_fallback() {
        let text = "لا ab";
        let mut layout = layout_text(text, params(f32::INFINITY), &mut mono);
        // The shaper drew "لا" as one 12-unit glyph; it knows nothing about other pieces.
        let mut advances = |s: &str, rtl: bool| (rtl && s == "لا").then(|| vec![12.0, 0.0]);
        fill_carets_with_advances(&mut layout, text, &mut advances, &mut mono);
        let pieces = &layout.lines[0].pieces;
        let lam_alef = pieces
            .iter()
            .find(|p| &text[p.range.clone()] == "لا")
            .and_then(|p| p.carets.clone());
        // Scaled to the measured width (20): the ligature's inner caret is at its far end.
        assert_eq!(lam_alef, Some(vec![(0, 0.0), (2, 20.0), (4, 20.0)]));
        let ab = pieces.iter().find(|p| &text[p.range.clone()] == "ab");
        assert_eq!(
            ab.and_then(|p| p.carets.clone()),
            Some(vec![(5, 0.0), (6, 10.0), (7, 20.0)])
        );
    }
}

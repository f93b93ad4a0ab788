//! Paragraph direction, bracket mirroring, and splitting a same-level stretch into pieces.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, bidi_class};
use unicode_segmentation::UnicodeSegmentation;

use crate::model::TextDirection;

/// Whether `text` reads right to left under `direction`: forced, or decided by its first strong
/// character (rules P2/P3; text with no strong character is left to right).
pub fn resolve_direction(text: &str, direction: TextDirection) -> bool {
    match direction {
        TextDirection::Ltr => false,
        TextDirection::Rtl => true,
        TextDirection::Auto => text
            .chars()
            .find_map(|c| match bidi_class(c) {
                BidiClass::L => Some(false),
                BidiClass::R | BidiClass::AL => Some(true),
                _ => None,
            })
            .unwrap_or(false),
    }
}

/// The paragraph level to hand to `unicode_bidi::BidiInfo::new` (`None` = decide per paragraph).
pub(crate) fn default_level(direction: TextDirection) -> Option<Level> {
    match direction {
        TextDirection::Auto => None,
        TextDirection::Ltr => Some(unicode_bidi::LTR_LEVEL),
        TextDirection::Rtl => Some(unicode_bidi::RTL_LEVEL),
    }
}

/// The mirror image of a bracket-like character, drawn in its place inside a right-to-left run
/// (Unicode Bidi_Mirroring_Glyph for the characters that occur in prose; `unicode-bidi` leaves
/// mirroring to the renderer).
pub fn mirrored(c: char) -> Option<char> {
    const PAIRS: [(char, char); 13] = [
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
        ('₍', '₎'),
        ('≤', '≥'),
        ('⟨', '⟩'),
        ('〈', '〉'),
        ('⸢', '⸣'),
    ];
    PAIRS.iter().find_map(|&(open, close)| {
        if c == open {
            Some(close)
        } else if c == close {
            Some(open)
        } else {
            None
        }
    })
}

/// Whether a space may end a line here (no-break spaces may not).
pub(crate) fn is_breaking_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}')
}

/// Whether a character belongs inside a right-to-left word handed to the shaper as one piece.
fn joins_rtl_word(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::R | BidiClass::AL | BidiClass::NSM | BidiClass::BN
    )
}

/// Whether a shaper that guesses direction from the script (harfrust in egui) lays `c` out
/// right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and related blocks. Such characters in a
/// left-to-right run (Persian or Arabic-Indic digits) must be handed to it one by one, or a
/// number like ۲۰۲۳ comes out reversed.
pub fn shaped_rtl(c: char) -> bool {
    matches!(
        c as u32,
        0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF
    )
}

/// A piece before placement: its byte range and, for a mirrored bracket, its replacement.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RawPiece {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Replacement character for a mirrored bracket.
    pub mirror: Option<char>,
}

/// Splits `range` of `text`, all at one embedding level, into pieces in logical order.
///
/// Left to right: words and space runs (characters the shaper would reverse, one by one).
/// Right to left: words of letters (with their marks),
/// space runs, and every other grapheme on its own so the caller can place it from the right.
pub(crate) fn split_pieces(text: &str, range: Range<usize>, rtl: bool) -> Vec<RawPiece> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut out: Vec<RawPiece> = Vec::new();
    let mut open: Option<(usize, u8)> = None; // (start, kind): 0 space, 1 word
    for (offset, grapheme) in slice.grapheme_indices(true) {
        let start = range.start + offset;
        let first = grapheme.chars().next().unwrap_or(' ');
        let kind = if first.is_whitespace() {
            0
        } else if rtl && joins_rtl_word(first) || !rtl && !shaped_rtl(first) {
            1
        } else {
            2
        };
        if let Some((open_start, open_kind)) = open
            && open_kind != kind
        {
            out.push(RawPiece {
                range: open_start..start,
                mirror: None,
            });
            open = None;
        }
        if kind == 2 {
            let mut chars = grapheme.chars();
            let mirror = match (chars.next(), chars.next(), rtl) {
                (Some(c), None, true) => mirrored(c),
                _ => None,
            };
            out.push(RawPiece {
                range: start..start + grapheme.len(),
                mirror,
            });
        } else if open.is_none() {
            open = Some((start, kind));
        }
    }
    if let Some((open_start, _)) = open {
        out.push(RawPiece {
            range: open_start..range.end,
            mirror: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, pieces: &[RawPiece]) -> Vec<&'a str> {
        pieces.iter().map(|p| &text[p.range.clone()]).collect()
    }

    #[test]
    fn direction_from_first_strong_character() {
        assert!(resolve_direction("2023 عام", TextDirection::Auto));
        assert!(!resolve_direction("DCCI عام", TextDirection::Auto));
        assert!(!resolve_direction("12/13", TextDirection::Auto));
        assert!(resolve_direction("שלום", TextDirection::Auto));
        assert!(resolve_direction("Hello", TextDirection::Rtl));
        assert!(!resolve_direction("عام", TextDirection::Ltr));
    }

    #[test]
    fn brackets_mirror_both_ways() {
        assert_eq!(mirrored('('), Some(')'));
        assert_eq!(mirrored('»'), Some('«'));
        assert_eq!(mirrored('a'), None);
    }

    #[test]
    fn ltr_pieces_are_words_and_spaces() {
        let text = "Hello,  world";
        let pieces = split_pieces(text, 0..text.len(), false);
        assert_eq!(texts(text, &pieces), ["Hello,", "  ", "world"]);
    }

    #[test]
    fn rtl_pieces_keep_words_whole_and_split_neutrals() {
        let text = "(هدفا)، و";
        let pieces = split_pieces(text, 0..text.len(), true);
        assert_eq!(texts(text, &pieces), ["(", "هدفا", ")", "،", " ", "و"]);
        assert_eq!(pieces[0].mirror, Some(')'));
        assert_eq!(pieces[2].mirror, Some('('));
        assert_eq!(pieces[3].mirror, None);
    }

    #[test]
    fn persian_digits_in_an_ltr_run_are_placed_one_by_one() {
        let text = "۲۰۲۳ km";
        let pieces = split_pieces(text, 0..text.len(), false);
        assert_eq!(texts(text, &pieces), ["۲", "۰", "۲", "۳", " ", "km"]);
        assert_eq!(split_pieces("(x)", 0..3, false)[0].mirror, None);
    }

    #[test]
    fn persian_zero_width_non_joiner_stays_in_the_word() {
        let text = "می\u{200C}خواهم";
        let pieces = split_pieces(text, 0..text.len(), true);
        assert_eq!(pieces.len(), 1);
    }
}

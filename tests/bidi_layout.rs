//! Properties of the toolkit-independent bidi layout on random mixed-direction texts: every
//! character is placed exactly once, pieces do not overlap, lines fit, and hit tests land on
//! character boundaries inside the text.

use alinea::bidi::{LayoutParams, TextLayout, fill_carets, layout_text};
use alinea::model::TextDirection;
use proptest::prelude::*;

const TOKENS: [&str; 16] = [
    "عام",
    "المدينة",
    "حققت",
    "2023",
    "12/13",
    "DCCI",
    "city",
    "(",
    ")",
    "،",
    ".",
    "שלום",
    "۲۰۲۳",
    "می\u{200C}خواهم",
    "Việt",
    "«",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec((0..TOKENS.len(), 0..4usize), 0..24).prop_map(|parts| {
        let mut s = String::new();
        for (token, sep) in parts {
            s.push_str(TOKENS[token]);
            s.push_str(match sep {
                0 => " ",
                1 => "",
                2 => "  ",
                _ => "\n",
            });
        }
        s
    })
}

/// Widths vary by character so that rounding errors would show.
fn measure(s: &str) -> f32 {
    s.chars().map(|c| 5.0 + (c as u32 % 7) as f32).sum()
}

fn layout(text: &str, width: f32, direction: TextDirection) -> TextLayout {
    let params = LayoutParams {
        direction,
        max_width: width,
        line_height: 18.0,
    };
    let mut layout = layout_text(text, params, &mut measure);
    fill_carets(&mut layout, text, &mut measure);
    layout
}

proptest! {
    #[test]
    fn every_visible_character_is_placed_once(text in text_strategy(), width in 40.0f32..400.0) {
        let layout = layout(&text, width, TextDirection::Auto);
        let mut covered = vec![0u32; text.len()];
        for line in &layout.lines {
            for p in &line.pieces {
                for b in p.range.clone() {
                    covered[b] += 1;
                }
            }
        }
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() {
                prop_assert_eq!(covered[i], 1, "char {:?} at {}", c, i);
            }
            prop_assert!(covered[i] <= 1);
        }
    }

    #[test]
    fn pieces_are_ordered_and_lines_fit(text in text_strategy(), width in 40.0f32..400.0) {
        let layout = layout(&text, width, TextDirection::Auto);
        for line in &layout.lines {
            let mut x = f32::NEG_INFINITY;
            for p in &line.pieces {
                prop_assert!(p.x >= x - 0.01);
                x = p.x + p.width;
            }
            // A line wider than the column holds a single grapheme-cut chunk at most.
            if line.width > width + 0.01 {
                prop_assert!(line.pieces.iter().filter(|p| !text[p.range.clone()].trim().is_empty()).count() <= 1);
            }
            if line.rtl && line.width <= width {
                let right = line.pieces.last().map_or(width, |p| p.x + p.width);
                prop_assert!((right - width).abs() < 0.01);
            }
        }
    }

    #[test]
    fn hit_tests_land_on_boundaries(
        text in text_strategy(),
        width in 40.0f32..400.0,
        x in -20.0f32..420.0,
        y in -10.0f32..400.0,
        rtl in any::<bool>(),
    ) {
        let dir = if rtl { TextDirection::Rtl } else { TextDirection::Auto };
        let layout = layout(&text, width, dir);
        let caret = layout.caret_at(&text, x, y);
        prop_assert!(caret <= text.len() && text.is_char_boundary(caret));
        if let Some(b) = layout.char_at(&text, x, y) {
            prop_assert!(b < text.len() && text.is_char_boundary(b));
        }
        let a = caret.min(text.len() / 2);
        let mut a = a;
        while !text.is_char_boundary(a) { a -= 1; }
        for span in layout.selection_spans(&text, a..caret.max(a)) {
            prop_assert!(span.x.start <= span.x.end);
            prop_assert!(span.line < layout.lines.len());
        }
    }
}

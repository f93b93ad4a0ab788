//! Right-to-left aware line layout, independent of any toolkit.
//!
//! egui shapes Arabic (letters join) but has no bidirectional layout, so the app lays out every
//! cell itself: it resolves the paragraph direction, runs the Unicode Bidirectional Algorithm
//! (`unicode-bidi`), breaks lines at spaces in logical order while measuring pieces with a
//! caller-supplied function, reorders each line's runs into visual order, and places the pieces.
//! The same layout answers hit tests (point → byte offset) and turns byte ranges into x-spans
//! for selection and term highlights.
//!
//! A *piece* is the smallest unit handed to the text shaper: a word of a left-to-right run, a
//! space run, a word of right-to-left letters (given to the shaper in logical order — the shaper
//! reverses it), or a single neutral character of a right-to-left run (brackets get mirrored).

mod carets;
mod hit;
mod layout;
mod lines;
mod pieces;

use std::ops::Range;

pub use carets::{fill_carets, fill_carets_with_advances};
pub use hit::SelectionSpan;
pub use layout::layout_text;
pub use pieces::{mirrored, resolve_direction, shaped_rtl};

/// One positioned piece of a line, in visual order.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    /// Byte range of the piece in the laid-out text (logical order).
    pub range: Range<usize>,
    /// Left edge, relative to the left of the text block.
    pub x: f32,
    /// Advance width as measured.
    pub width: f32,
    /// Whether the piece belongs to a right-to-left run (its first character is at the right).
    pub rtl: bool,
    /// The character to draw instead of the text, for a mirrored bracket in a right-to-left run.
    pub mirror: Option<char>,
    /// Measured caret offsets at the piece's grapheme boundaries, from its leading edge (left for
    /// LTR, right for RTL), as `(byte offset, distance)`. `None` until [`fill_carets`] ran;
    /// hit testing then spreads the width evenly over the graphemes.
    pub carets: Option<Vec<(usize, f32)>>,
}

/// A directional run of a line, in visual order; a left-to-right run can be drawn as one string.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Byte range of the run (contiguous in logical order).
    pub range: Range<usize>,
    /// Whether the run is right to left (odd embedding level).
    pub rtl: bool,
    /// Indices into [`Line::pieces`] of the pieces that make up the run.
    pub pieces: Range<usize>,
    /// Left edge of the run.
    pub x: f32,
}

/// One visual line of a laid-out text.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// Byte range of the line's content (trailing spaces and the newline excluded).
    pub range: Range<usize>,
    /// Whether the line's paragraph is right to left (the line is then right-aligned).
    pub rtl: bool,
    /// Top of the line, relative to the top of the text block.
    pub y: f32,
    /// Width of the line's content.
    pub width: f32,
    /// Pieces in visual order, left to right.
    pub pieces: Vec<Piece>,
    /// Directional runs in visual order, left to right.
    pub runs: Vec<Run>,
}

/// A whole text laid out in lines, ready to draw and hit-test.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLayout {
    /// Lines top to bottom (at least one, even for empty text).
    pub lines: Vec<Line>,
    /// Height of every line.
    pub line_height: f32,
    /// Width of the block: the wrap width if finite, otherwise the widest line.
    pub width: f32,
}

impl TextLayout {
    /// Total height of the block.
    pub fn height(&self) -> f32 {
        self.lines.len() as f32 * self.line_height
    }
}

/// Parameters of one layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutParams {
    /// Paragraph direction: automatic (first strong character) or forced.
    pub direction: crate::model::TextDirection,
    /// Wrap width; `f32::INFINITY` for no wrapping.
    pub max_width: f32,
    /// Height of one line.
    pub line_height: f32,
}

//! Right-to-left aware text widget used for every grid cell (minimal first version: plain
//! egui label; being replaced by the bidirectional layout).

use std::ops::Range;

use egui::{Color32, FontId};

use crate::model::TextDirection;

/// A coloured span to draw behind part of the text (term highlights, search hits).
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    /// Byte range in the widget's text.
    pub range: Range<usize>,
    /// Background colour.
    pub color: Color32,
    /// Shown when the pointer rests on the span.
    pub tooltip: Option<String>,
}

/// What happened to a [`BidiLabel`] this frame.
pub struct BidiResponse {
    /// The underlying egui response (clicks, right-click menus, hover).
    pub response: egui::Response,
    /// Byte offset under the pointer, if the pointer is over the text.
    pub hovered_byte: Option<usize>,
    /// The current drag selection as a byte range of the text, if any.
    pub selection: Option<Range<usize>>,
    /// Index into the highlights of the span under the pointer.
    pub hovered_highlight: Option<usize>,
}

/// A wrapped, selectable text block that lays out Arabic/Hebrew correctly.
pub struct BidiLabel<'a> {
    text: &'a str,
    font: FontId,
    color: Color32,
    direction: TextDirection,
    highlights: &'a [Highlight],
    id: egui::Id,
}

impl<'a> BidiLabel<'a> {
    /// A label for `text`, drawn with `font` in `color`; `id` keeps its selection state.
    pub fn new(text: &'a str, font: FontId, color: Color32, id: egui::Id) -> Self {
        BidiLabel {
            text,
            font,
            color,
            direction: TextDirection::Auto,
            highlights: &[],
            id,
        }
    }

    /// Forces or automates the paragraph direction.
    pub fn direction(mut self, direction: TextDirection) -> Self {
        self.direction = direction;
        self
    }

    /// Spans to highlight.
    pub fn highlights(mut self, highlights: &'a [Highlight]) -> Self {
        self.highlights = highlights;
        self
    }

    /// Lays out and draws the text wrapped at the available width.
    pub fn show(self, ui: &mut egui::Ui) -> BidiResponse {
        let _ = (self.direction, self.highlights, self.id);
        let response = ui.add(
            egui::Label::new(
                egui::RichText::new(self.text)
                    .font(self.font)
                    .color(self.color),
            )
            .wrap()
            .sense(egui::Sense::click()),
        );
        BidiResponse {
            response,
            hovered_byte: None,
            selection: None,
            hovered_highlight: None,
        }
    }
}

/// Height the text needs when wrapped at `width` (for the grid's row-height cache).
pub fn measure_height(ui: &egui::Ui, text: &str, font: &FontId, width: f32) -> f32 {
    let galley = ui.fonts_mut(|f| f.layout(text.to_string(), font.clone(), Color32::WHITE, width));
    galley.size().y
}

//! Right-to-left aware text widget used for every grid cell.
//!
//! egui shapes Arabic but has no bidirectional layout, and its cursor logic assumes one glyph
//! per character, so this widget lays text out with [`crate::bidi`] (measuring pieces with
//! egui's fonts), draws each piece where the layout put it (right-to-left words are handed to
//! egui in logical order; its shaper reverses them), and builds hovering, drag selection and
//! highlights on the same layout.

mod cache;

use std::ops::Range;

use egui::{Color32, CursorIcon, FontId, Pos2, Sense, Vec2};
use unicode_segmentation::UnicodeSegmentation;

use crate::bidi::TextLayout;
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

/// Drag-selection state of one label, kept in egui memory under the label's id.
#[derive(Clone, Copy, Debug, Default)]
struct DragSelection {
    anchor: usize,
    cursor: usize,
}

/// Id under which the id of the one label owning the selection is kept.
fn owner_id() -> egui::Id {
    egui::Id::unique("alinea::bidi_text::selection_owner")
}

/// A wrapped, selectable text block that lays out Arabic/Hebrew correctly.
pub struct BidiLabel<'a> {
    text: &'a str,
    font: FontId,
    color: Color32,
    direction: TextDirection,
    highlights: &'a [Highlight],
    id: egui::Id,
    wrap_width: Option<f32>,
    selection: Option<Range<usize>>,
    shrink: bool,
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
            wrap_width: None,
            selection: None,
            shrink: false,
        }
    }

    /// Takes only the width the text needs (up to the wrap width), like a plain label in a
    /// row of widgets; by default a label takes the whole wrap width (grid cells).
    pub fn shrink_to_fit(mut self) -> Self {
        self.shrink = true;
        self
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

    /// Wraps at `width` instead of the available width.
    pub fn wrap_width(mut self, width: f32) -> Self {
        self.wrap_width = Some(width);
        self
    }

    /// A selection to show while the user has not drag-selected in this label (e.g. a range the
    /// app selected for them).
    pub fn selection(mut self, selection: Option<Range<usize>>) -> Self {
        self.selection = selection;
        self
    }

    /// Lays out and draws the text wrapped at the available width.
    pub fn show(self, ui: &mut egui::Ui) -> BidiResponse {
        let ctx = ui.ctx().clone();
        let mut width = self.wrap_width.unwrap_or_else(|| ui.available_width());
        if self.shrink {
            let natural = cache::layout(
                &ctx,
                self.text,
                &self.font,
                f32::INFINITY,
                self.direction,
                false,
            );
            width = width.min(natural.width.ceil());
        }
        let plain = cache::layout(&ctx, self.text, &self.font, width, self.direction, false);
        let size = Vec2::new(plain.width, plain.height());
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let pointer_here = response.hovered() || response.is_pointer_button_down_on();
        let layout = if pointer_here || self.needs_carets(&plain, &ctx) {
            cache::layout(&ctx, self.text, &self.font, width, self.direction, true)
        } else {
            plain
        };
        let local = |p: Pos2| p - rect.min;
        let selection = self.update_selection(&ctx, &response, &layout, rect.min);
        let hovered_byte = response
            .hover_pos()
            .map(local)
            .and_then(|p| layout.char_at(self.text, p.x, p.y));
        let hovered_highlight = hovered_byte.and_then(|b| {
            self.highlights
                .iter()
                .position(|h| h.range.start <= b && b < h.range.end)
        });
        if hovered_byte.is_some() || response.dragged() {
            ctx.set_cursor_icon(CursorIcon::Text);
        }
        if ui.is_rect_visible(rect) {
            self.paint(ui, &layout, rect.min, selection.clone());
        }
        let tooltip = hovered_highlight
            .and_then(|i| self.highlights.get(i))
            .and_then(|h| h.tooltip.clone());
        let response = match tooltip {
            // Terms in the tooltip may be Arabic: laid out like the cells.
            Some(tip) => response.on_hover_ui(|ui| bidi_lines(ui, &tip, self.id.with("tip"))),
            None => response,
        };
        BidiResponse {
            response,
            hovered_byte,
            selection: selection.or(self.selection),
            hovered_highlight,
        }
    }

    /// Whether a highlight or selection edge falls inside a piece (then carets must be measured
    /// for its span to be exact).
    fn needs_carets(&self, layout: &TextLayout, ctx: &egui::Context) -> bool {
        let own = ctx.data(|d| d.get_temp::<DragSelection>(self.id));
        let mut edges: Vec<usize> = self
            .highlights
            .iter()
            .flat_map(|h| [h.range.start, h.range.end])
            .collect();
        edges.extend(self.selection.iter().flat_map(|r| [r.start, r.end]));
        edges.extend(own.iter().flat_map(|s| [s.anchor, s.cursor]));
        edges.iter().any(|&e| {
            layout
                .lines
                .iter()
                .flat_map(|l| l.pieces.iter())
                .any(|p| p.range.start < e && e < p.range.end)
        })
    }

    /// Applies this frame's pointer input to the drag selection and returns it.
    fn update_selection(
        &self,
        ctx: &egui::Context,
        response: &egui::Response,
        layout: &TextLayout,
        origin: Pos2,
    ) -> Option<Range<usize>> {
        let caret = |p: Pos2| layout.caret_at(self.text, p.x - origin.x, p.y - origin.y);
        let pointer = response.interact_pointer_pos();
        let mut state = ctx.data(|d| d.get_temp::<DragSelection>(self.id));
        let clicks = if response.triple_clicked() {
            3
        } else if response.double_clicked() {
            2
        } else {
            0
        };
        if clicks > 0 {
            state = pointer
                .and_then(|p| layout.char_at(self.text, p.x - origin.x, p.y - origin.y))
                .and_then(|b| {
                    if clicks == 3 {
                        sentence_around(self.text, b)
                    } else {
                        word_around(self.text, b)
                    }
                })
                .map(|w| DragSelection {
                    anchor: w.start,
                    cursor: w.end,
                });
        } else if response.drag_started() {
            let press = ctx.input(|i| i.pointer.press_origin()).or(pointer);
            state = press.map(|start| DragSelection {
                anchor: caret(start),
                cursor: pointer.map_or(caret(start), caret),
            });
        } else if response.dragged() {
            if let (Some(s), Some(p)) = (state.as_mut(), pointer) {
                s.cursor = caret(p);
            }
        } else if response.clicked() {
            state = None;
        }
        let interacted = clicks > 0 || response.drag_started() || response.clicked();
        ctx.data_mut(|d| {
            match state {
                Some(s) => {
                    d.insert_temp(self.id, s);
                }
                None => d.remove::<DragSelection>(self.id),
            }
            if interacted {
                d.insert_temp(owner_id(), self.id);
            }
        });
        let owner = ctx.data(|d| d.get_temp::<egui::Id>(owner_id()));
        let s = state.filter(|_| owner == Some(self.id))?;
        let range = s.anchor.min(s.cursor)..s.anchor.max(s.cursor);
        let valid = !range.is_empty()
            && self.text.is_char_boundary(range.start)
            && self.text.is_char_boundary(range.end);
        if !valid {
            return None;
        }
        if ctx.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Copy)))
            && let Some(selected) = self.text.get(range.clone())
        {
            ctx.copy_text(selected.to_owned());
        }
        Some(range)
    }

    /// Draws highlights, the selection, then the text.
    fn paint(
        &self,
        ui: &egui::Ui,
        layout: &TextLayout,
        origin: Pos2,
        selection: Option<Range<usize>>,
    ) {
        let painter = ui.painter();
        let spans_rect = |s: &crate::bidi::SelectionSpan| {
            egui::Rect::from_min_max(
                origin + Vec2::new(s.x.start, s.y.start),
                origin + Vec2::new(s.x.end, s.y.end),
            )
        };
        for h in self.highlights {
            for s in layout.selection_spans(self.text, h.range.clone()) {
                painter.rect_filled(spans_rect(&s), 2.0, h.color);
            }
        }
        if let Some(range) = selection.or_else(|| self.selection.clone()) {
            let fill = ui.visuals().selection.bg_fill;
            for s in layout.selection_spans(self.text, range) {
                painter.rect_filled(spans_rect(&s), 0.0, fill);
            }
        }
        let mut items: Vec<(f32, f32, String)> = Vec::new();
        for line in &layout.lines {
            for run in &line.runs {
                let s = self.text.get(run.range.clone()).unwrap_or("");
                if !run.rtl && !s.chars().any(crate::bidi::shaped_rtl) {
                    items.push((run.x, line.y, s.to_owned()));
                    continue;
                }
                for piece in line.pieces.get(run.pieces.clone()).unwrap_or(&[]) {
                    let s = match piece.mirror {
                        Some(c) => c.to_string(),
                        None => self.text.get(piece.range.clone()).unwrap_or("").to_owned(),
                    };
                    if !s.trim().is_empty() {
                        items.push((piece.x, line.y, s));
                    }
                }
            }
        }
        let galleys = ui.fonts_mut(|f| {
            items
                .into_iter()
                .map(|(x, y, s)| (x, y, f.layout_no_wrap(s, self.font.clone(), self.color)))
                .collect::<Vec<_>>()
        });
        for (x, y, galley) in galleys {
            painter.galley(origin + Vec2::new(x, y), galley, self.color);
        }
    }
}

/// The word (or other word-boundary segment) containing byte `at`.
fn word_around(text: &str, at: usize) -> Option<Range<usize>> {
    text.split_word_bound_indices()
        .map(|(i, w)| i..i + w.len())
        .find(|r| r.start <= at && at < r.end)
}

/// The sentence (UAX #29 sentence bounds, trailing spaces left out) holding byte `at`.
fn sentence_around(text: &str, at: usize) -> Option<Range<usize>> {
    text.split_sentence_bound_indices()
        .map(|(i, s)| i..i + s.trim_end().len())
        .find(|r| r.start <= at && at < r.end.max(r.start + 1))
}

/// Shows `text` line by line, each through [`BidiLabel`] in the body font (for tooltips and
/// lists whose lines may hold right-to-left terms); `id` keeps the labels apart.
pub fn bidi_lines(ui: &mut egui::Ui, text: &str, id: egui::Id) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    for (i, line) in text.lines().enumerate() {
        BidiLabel::new(line, font.clone(), color, id.with(i))
            .shrink_to_fit()
            .show(ui);
    }
}

/// Height the text needs when wrapped at `width` (for the grid's row-height cache).
pub fn measure_height(ui: &egui::Ui, text: &str, font: &FontId, width: f32) -> f32 {
    measure_height_with(ui, text, font, width, TextDirection::Auto)
}

/// Like [`measure_height`] for a label shown with a forced `direction` (shares its cache entry).
pub fn measure_height_with(
    ui: &egui::Ui,
    text: &str,
    font: &FontId,
    width: f32,
    direction: TextDirection,
) -> f32 {
    cache::layout(ui.ctx(), text, font, width, direction, false).height()
}

/// The cached layout a [`BidiLabel`] with these parameters uses (for callers that need line
/// positions, e.g. to scroll to a byte offset).
pub fn layout_for(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    width: f32,
    direction: TextDirection,
) -> std::sync::Arc<TextLayout> {
    cache::layout(ctx, text, font, width, direction, false)
}

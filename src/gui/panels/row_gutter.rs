//! The gutter left of each grid row: row number, aligner score, and for confirmed rows a
//! painted check mark and a green bar (painted, so no glyph is needed from the fonts).

use egui::{Color32, FontId, Rect, Stroke, vec2};

/// Space between a cell's border and its text (grid cells and the gutter alike).
pub(super) const CELL_PAD: f32 = 6.0;

/// Draws the row number, the score, or the confirmed mark in the gutter left of a row.
pub fn row_number(
    ui: &egui::Ui,
    row_rect: Rect,
    num_w: f32,
    r: usize,
    confirmed: bool,
    score: f32,
) {
    let painter = ui.painter();
    let num_rect = Rect::from_min_size(row_rect.min, vec2(num_w, row_rect.height()));
    let weak = ui.visuals().weak_text_color();
    painter.text(
        num_rect.left_top() + vec2(CELL_PAD, CELL_PAD),
        egui::Align2::LEFT_TOP,
        (r + 1).to_string(),
        FontId::monospace(12.0),
        weak,
    );
    if confirmed {
        // A painted check mark: no glyph needed from the bundled fonts.
        let green = Color32::from_rgb(40, 150, 70);
        let base = num_rect.left_top() + vec2(CELL_PAD + 2.0, CELL_PAD + 20.0);
        let stroke = Stroke::new(2.0, green);
        painter.line_segment([base, base + vec2(4.0, 4.0)], stroke);
        painter.line_segment([base + vec2(4.0, 4.0), base + vec2(12.0, -6.0)], stroke);
        painter.rect_filled(
            Rect::from_min_size(row_rect.min, vec2(3.0, row_rect.height())),
            0.0,
            green,
        );
    } else {
        painter.text(
            num_rect.left_top() + vec2(CELL_PAD, CELL_PAD + 16.0),
            egui::Align2::LEFT_TOP,
            format!("{:.0}%", score * 100.0),
            FontId::monospace(10.0),
            weak,
        );
    }
}

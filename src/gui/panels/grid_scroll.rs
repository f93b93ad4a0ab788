//! Where the grid is scrolled to, kept per row filter (filter the rows, clear the filter: the
//! grid is back where it was), and the request to bring the current row into view, kept
//! until the row is really in view (row heights are estimates until rows are measured, so
//! one scroll to a far row can land beside it).

use std::collections::HashMap;
use std::ops::Range;

use egui::Rect;

use super::find::RowFilter;

/// How many frames a scroll to the current row is retried until it is in view.
const SETTLE_FRAMES: u8 = 4;

/// Scroll offsets per filter and the pending scroll to the current row.
#[derive(Default)]
pub struct GridScroll {
    offsets: HashMap<RowFilter, f32>,
    shown_filter: Option<RowFilter>,
    restore: Option<(f32, u8)>,
    settle: u8,
    in_view: Range<usize>,
    last_view: (f32, f32),
}

impl GridScroll {
    /// Called before the scroll area is built: the offset to restore, if the filter changed.
    /// It is given for two frames: egui clamps an offset to the content size of the frame
    /// before, which was the other filter's.
    pub fn offset_for(&mut self, filter: RowFilter) -> Option<f32> {
        if self.shown_filter != Some(filter) {
            self.shown_filter = Some(filter);
            let offset = self.offsets.get(&filter).copied().unwrap_or(0.0);
            self.restore = Some((offset, 2));
        }
        let (offset, frames) = self.restore?;
        self.restore = (frames > 1).then_some((offset, frames - 1));
        Some(offset)
    }

    /// Remembers the offset the scroll area ended the frame at.
    pub fn store_offset(&mut self, offset: f32) {
        if let Some(f) = self.shown_filter
            && self.restore.is_none()
        {
            self.offsets.insert(f, offset);
        }
    }

    /// Asks to bring the current row into view over the next frames.
    pub fn request(&mut self) {
        self.settle = SETTLE_FRAMES;
    }

    /// True while a scroll to the current row is pending.
    pub fn is_pending(&self) -> bool {
        self.settle > 0
    }

    /// Rows (row indices, not display positions) drawn fully in the viewport last frame.
    pub fn in_view(&self) -> Range<usize> {
        self.in_view.clone()
    }

    /// Records the rows drawn fully inside the viewport.
    pub fn set_in_view(&mut self, rows: Range<usize>) {
        self.in_view = rows;
    }

    /// The scroll offset and height of the viewport in the last frame.
    pub fn last_view(&self) -> (f32, f32) {
        self.last_view
    }

    /// Records the viewport (content coordinates) of this frame.
    pub fn set_last_view(&mut self, viewport: Rect) {
        self.last_view = (viewport.top(), viewport.height());
    }

    /// Ends the pending scroll once the current row (`row`, content coordinates like
    /// `viewport`) is in view; else asks for another frame, which scrolls again with the
    /// rows measured by now.
    pub fn settle(&mut self, ui: &egui::Ui, row: Rect, viewport: Rect) {
        if self.settle == 0 {
            return;
        }
        let inside = viewport.min.y <= row.min.y + 0.5 && row.max.y <= viewport.max.y + 0.5;
        let tall_and_on_top =
            row.height() > viewport.height() && (row.min.y - viewport.min.y).abs() < 1.0;
        if inside || tall_and_on_top {
            self.settle = 0;
        } else {
            self.settle -= 1;
            ui.ctx().request_repaint();
        }
    }
}

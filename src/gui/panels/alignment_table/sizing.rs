//! Sizes in the grid: column widths (the editor's, saved in the project, or shares of the
//! window), the drag handle that resizes a column, row measuring and the scroll offset that
//! brings a row into view.

use egui::{Rect, Sense, pos2};

use super::{CELL_PAD, Layout, TableState};
use crate::gui::action::Action;
use crate::gui::session::Session;
use crate::gui::widgets::bidi_text;

use super::RowHeights;

/// Narrowest a column can be made.
pub(super) const MIN_COL_W: f32 = 80.0;

/// Column widths: the editor's for the columns that have one, the rest sharing what is left.
pub(super) fn column_widths(s: &Session, columns: &[usize], avail: f32) -> Vec<f32> {
    let set = |v: usize| {
        s.project()
            .view
            .column_widths
            .iter()
            .find(|(c, _)| *c == v)
            .map(|(_, w)| w.max(MIN_COL_W))
    };
    let fixed: f32 = columns.iter().filter_map(|&v| set(v)).sum();
    let free = columns.iter().filter(|&&v| set(v).is_none()).count();
    let share = ((avail - fixed) / free.max(1) as f32).max(MIN_COL_W);
    columns.iter().map(|&v| set(v).unwrap_or(share)).collect()
}

/// The drag handle on a column's right edge: dragging sets the column's width.
pub(super) fn resize_handle(ui: &egui::Ui, cell: Rect, version: usize, actions: &mut Vec<Action>) {
    let handle = Rect::from_min_max(
        pos2(cell.right() - 4.0, cell.top()),
        pos2(cell.right() + 4.0, cell.bottom()),
    );
    let resp = ui
        .interact(
            handle,
            ui.scope_id().with(("col_resize", version)),
            Sense::drag(),
        )
        .on_hover_cursor(egui::CursorIcon::ResizeColumn)
        .on_hover_text("Drag to resize the column");
    if resp.dragged()
        && let Some(p) = resp.interact_pointer_pos()
    {
        let width = (p.x - cell.left()).max(MIN_COL_W);
        actions.push(Action::SetColumnWidth { version, width });
    }
}

/// Measures row `i` of the shown rows with real text layout, unless it already was.
pub(super) fn measure_row(
    ui: &egui::Ui,
    s: &Session,
    layout: &Layout,
    display: &[usize],
    heights: &mut RowHeights,
    i: usize,
) {
    if heights.is_measured(i) {
        return;
    }
    let Some(&r) = display.get(i) else {
        return;
    };
    let mut h = layout.line_h;
    for (j, &v) in layout.columns.iter().enumerate() {
        let text = s.cell_text(r, v);
        if !text.is_empty() {
            h = h.max(bidi_text::measure_height(
                ui,
                &text,
                &layout.font,
                layout.text_w(j),
            ));
        }
    }
    heights.set_measured(i, h + 2.0 * CELL_PAD);
}

/// The scroll offset that shows row `i` (measured with the rows around it first, so the
/// position is final): centred if it is far from the current view, else just in view.
pub(super) fn offset_showing(
    ui: &egui::Ui,
    s: &Session,
    layout: &Layout,
    table: &mut TableState,
    i: usize,
) -> Option<f32> {
    let (offset, view_h) = table.scroll.last_view();
    let page = table.rows_per_page.max(10);
    let heights = &mut table.heights;
    for j in i.saturating_sub(page)..=(i + page).min(heights.len().saturating_sub(1)) {
        measure_row(ui, s, layout, &table.display, heights, j);
    }
    heights.refresh_prefix();
    let (top, h) = (heights.top(i), heights.height(i));
    let view_h = if view_h > 0.0 {
        view_h
    } else {
        ui.available_height()
    };
    if top >= offset && top + h <= offset + view_h {
        return None;
    }
    let far = top + h < offset - view_h || top > offset + 2.0 * view_h;
    let target = if far && h < view_h {
        top + h / 2.0 - view_h / 2.0
    } else if top < offset || h >= view_h {
        top
    } else {
        top + h - view_h
    };
    Some(target.clamp(0.0, (heights.total() - view_h).max(0.0)))
}

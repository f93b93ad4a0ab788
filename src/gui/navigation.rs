//! Actions that change only view state: the current cell, search hits, zoom, columns.

use super::action::Action;
use super::state::AlineaApp;

const MIN_FONT: f32 = 8.0;
const MAX_FONT: f32 = 40.0;
const DEFAULT_FONT: f32 = 15.0;

/// Applies a navigation or view action.
pub fn apply(app: &mut AlineaApp, action: &Action) {
    let Some(s) = &mut app.session else {
        return;
    };
    let table = &mut app.ui.table;
    let shown: Vec<usize> = table.display_rows().to_vec();
    let pos = shown.partition_point(|&r| r < s.cursor.row);
    let go_to = |idx: usize| shown.get(idx.min(shown.len().saturating_sub(1))).copied();
    let cols = s.visible_columns();
    let col_pos = cols
        .iter()
        .position(|&v| v == s.cursor.version)
        .unwrap_or(0);
    let page = table.rows_per_page.max(1);
    let mut new_row = None;
    let mut message: Option<(&str, bool)> = None;
    match action {
        Action::CellUp => new_row = go_to(pos.saturating_sub(1)),
        Action::CellDown => {
            let here = shown.get(pos) == Some(&s.cursor.row);
            new_row = go_to(if here { pos + 1 } else { pos });
        }
        Action::PageUp => new_row = go_to(pos.saturating_sub(page)),
        Action::PageDown => new_row = go_to(pos + page),
        Action::FirstRow => new_row = go_to(0),
        Action::LastRow => new_row = go_to(usize::MAX),
        Action::NextUnconfirmed => {
            let rows = &s.project().alignment.rows;
            new_row = shown
                .iter()
                .copied()
                .find(|&r| r > s.cursor.row && rows.get(r).is_some_and(|x| !x.is_confirmed()));
            if new_row.is_none() {
                message = Some(("No unconfirmed row below", false));
            }
        }
        Action::NextWeakRow | Action::PrevWeakRow => {
            let rows = &s.project().alignment.rows;
            let low = s.project().view.low_confidence;
            let weak = |r: &usize| rows.get(*r).is_some_and(|x| x.confidence() < low);
            new_row = if *action == Action::NextWeakRow {
                shown
                    .iter()
                    .copied()
                    .filter(|r| *r > s.cursor.row)
                    .find(weak)
            } else {
                shown
                    .iter()
                    .rev()
                    .copied()
                    .filter(|r| *r < s.cursor.row)
                    .find(weak)
            };
            if new_row.is_none() {
                message = Some(("No weak row left in that direction", false));
            }
        }
        Action::CellLeft => {
            if let Some(&v) = cols.get(col_pos.saturating_sub(1)) {
                s.cursor.version = v;
                table.scroll_to_cursor = true;
            }
        }
        Action::CellRight => {
            if let Some(&v) = cols.get(col_pos + 1) {
                s.cursor.version = v;
                table.scroll_to_cursor = true;
            }
        }
        Action::SelectCell { row, version } => {
            s.cursor.row = *row;
            s.cursor.version = *version;
        }
        Action::NextHit | Action::PrevHit => {
            let forward = *action == Action::NextHit;
            match app.ui.find.step(s.cursor, forward) {
                Some(hit) => {
                    s.cursor.row = hit.row;
                    s.cursor.version = hit.version;
                    table.scroll_to_cursor = true;
                }
                None => message = Some(("No search hits", false)),
            }
        }
        Action::ZoomIn | Action::ZoomOut | Action::ZoomReset => {
            s.change_settings(|p| {
                let size = &mut p.view().font_size;
                *size = match action {
                    Action::ZoomIn => (*size + 1.0).min(MAX_FONT),
                    Action::ZoomOut => (*size - 1.0).max(MIN_FONT),
                    _ => DEFAULT_FONT,
                };
            });
        }
        Action::ToggleColumn(v) => {
            let hidden = s.project().view.hidden_columns.iter().position(|h| h == v);
            let can_hide = s.visible_columns().len() > 1;
            s.change_settings(|p| match hidden {
                Some(i) => {
                    p.view().hidden_columns.remove(i);
                }
                None if can_hide => p.view().hidden_columns.push(*v),
                None => message = Some(("At least one column stays visible", true)),
            });
            s.clamp_cursor();
        }
        Action::SetColumnWidth { version, width } => {
            s.change_settings(|p| {
                let widths = &mut p.view().column_widths;
                widths.retain(|(v, _)| v != version);
                widths.push((*version, width.round()));
            });
        }
        Action::MoveColumn { version, offset } => {
            let mut order = s.column_order();
            if let Some(i) = order.iter().position(|c| c == version) {
                let j = i as isize + offset;
                if j >= 0 && (j as usize) < order.len() {
                    order.swap(i, j as usize);
                    s.change_settings(|p| p.view().column_order = order);
                }
            }
        }
        _ => {}
    }
    if let Some(row) = new_row {
        s.cursor.row = row;
        table.scroll_to_cursor = true;
    }
    if let Some((text, is_error)) = message {
        app.ui.message = Some((text.to_string(), is_error));
    }
}

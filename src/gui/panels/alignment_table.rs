//! The alignment grid: one column per visible version (pivot first unless reordered), one
//! row per alignment row, row numbers, wrapped cells drawn with `BidiLabel`, low-confidence
//! rows tinted, confirmed rows marked. Only rows in the viewport are laid out (see
//! [`super::row_heights`]), so 20,000 rows × 5 versions scroll smoothly.

use egui::{Color32, FontId, Rect, Sense, Stroke, UiBuilder, pos2, vec2};

use crate::gui::action::{Action, Group};
use crate::gui::session::Session;
use crate::gui::widgets::bidi_text::{BidiLabel, Highlight};

use super::context::PanelCtx;
use super::find::{FindState, RowFilter};
use super::glossary::GlossaryUi;
use super::grid_scroll::GridScroll;
use super::row_gutter::{CELL_PAD, row_number};
use super::row_heights::{LayoutKey, RowHeights};

mod sizing;

use sizing::{column_widths, measure_row, offset_showing, resize_handle};

/// Scroll state and caches of the grid.
#[derive(Default)]
pub struct TableState {
    heights: RowHeights,
    display: Vec<usize>,
    display_key: Option<(u64, RowFilter, u64, usize, u64)>,
    display_generation: u64,
    bytes_per_char: Vec<f32>,
    /// The versions' text revisions `bytes_per_char` was measured at.
    bytes_per_char_texts: Option<Vec<u64>>,
    /// Scroll the current cell into view on the next frame.
    pub scroll_to_cursor: bool,
    /// Rows that fit on a screen (for Page Up/Down).
    pub rows_per_page: usize,
    scroll: GridScroll,
    cursor_rect: Option<Rect>,
    header_rects: Vec<(usize, Rect)>,
}

impl TableState {
    /// Row indices the grid shows, in order (all rows unless a filter is on).
    pub fn display_rows(&self) -> &[usize] {
        &self.display
    }

    /// The column headers drawn in the last frame: version index and rect (screen).
    pub fn header_rects(&self) -> &[(usize, Rect)] {
        &self.header_rects
    }

    /// Where the current cell was drawn in the last frame (screen coordinates), if it was.
    pub fn cursor_cell_rect(&self) -> Option<Rect> {
        self.cursor_rect
    }

    /// Rows (row indices) drawn fully inside the grid's viewport in the last frame.
    pub fn rows_in_view(&self) -> std::ops::Range<usize> {
        self.scroll.in_view()
    }

    fn refresh(&mut self, s: &Session, find: &FindState) {
        let rows = &s.project().alignment.rows;
        let key = (
            s.history.revision(),
            find.filter,
            find.generation,
            rows.len(),
            s.terms.generation(),
        );
        if self.display_key != Some(key) {
            let low = s.project().view.low_confidence;
            let display: Vec<usize> = (0..rows.len())
                .filter(|&r| match find.filter {
                    RowFilter::All => true,
                    RowFilter::Unconfirmed => !rows[r].is_confirmed(),
                    RowFilter::LowConfidence => rows[r].confidence() < low,
                    RowFilter::WithHits => find.row_has_hit(r),
                    RowFilter::WithFindings => s.terms.row_has_finding(r),
                })
                .collect();
            self.display_key = Some(key);
            // Row heights are measured again only if the rows shown changed (a confirm with
            // no filter on changes none of them).
            if display != self.display {
                self.display = display;
                self.display_generation += 1;
            }
        }
        // Counting the characters of a 100 MB text takes tens of milliseconds: only when
        // a text changed.
        let texts: Vec<u64> = (0..s.project().versions.len())
            .map(|v| s.history.text_revision(v))
            .collect();
        if self.bytes_per_char_texts.as_ref() != Some(&texts) {
            self.bytes_per_char = s
                .project()
                .versions
                .iter()
                .map(|v| v.text.len() as f32 / v.text.chars().count().max(1) as f32)
                .collect();
            self.bytes_per_char_texts = Some(texts);
        }
    }
}

struct Layout {
    font: FontId,
    columns: Vec<usize>,
    num_w: f32,
    /// Width of each shown column, in display order.
    col_ws: Vec<f32>,
    /// Left edge of each shown column relative to the grid's left, and the grid's width.
    col_xs: Vec<f32>,
    line_h: f32,
}

impl Layout {
    fn col_w(&self, j: usize) -> f32 {
        self.col_ws.get(j).copied().unwrap_or(80.0)
    }
    fn text_w(&self, j: usize) -> f32 {
        self.col_w(j) - 2.0 * CELL_PAD
    }
    fn width(&self) -> f32 {
        self.num_w + self.col_ws.iter().sum::<f32>()
    }
}

/// Draws the grid into the central panel: its own scroll and height cache in `table`, the
/// find hits it shows in `find`, the term outlines of `glossary`.
pub fn show(
    ui: &mut egui::Ui,
    cx: &PanelCtx,
    table: &mut TableState,
    find: &mut FindState,
    glossary: &mut GlossaryUi,
) -> Vec<Action> {
    let mut actions = Vec::new();
    let Some(s) = cx.session else {
        return actions;
    };
    find.update(s);
    table.refresh(s, find);
    if s.project().alignment.rows.is_empty() {
        ui.label("This project has no rows yet.");
        return actions;
    }
    let font = FontId::proportional(s.project().view.font_size);
    let columns = s.visible_columns();
    let num_w = (s.project().view.font_size * 3.6).max(44.0);
    let avail = ui.available_width();
    let col_ws = column_widths(s, &columns, avail - num_w);
    let col_xs = col_ws
        .iter()
        .scan(num_w, |x, w| {
            let left = *x;
            *x += w;
            Some(left)
        })
        .collect();
    let line_h = ui.fonts_mut(|f| f.row_height(&font));
    let layout = Layout {
        font,
        columns,
        num_w,
        col_ws,
        col_xs,
        line_h,
    };
    table.header_rects = header(s, &layout, ui, &mut actions);
    let key = LayoutKey {
        widths: (0..layout.columns.len())
            .map(|j| layout.text_w(j).round() as u32)
            .collect(),
        columns: layout.columns.clone(),
        font_size: (s.project().view.font_size * 100.0) as u32,
        revision: s.history.layout_revision(),
        rows_generation: table.display_generation,
    };
    let display = &table.display;
    let bpc = &table.bytes_per_char;
    let char_w = s.project().view.font_size * 0.5;
    table.heights.reset_if_changed(key, display.len(), |i| {
        let row = &s.project().alignment.rows[display[i]];
        let lines = layout
            .columns
            .iter()
            .enumerate()
            .map(|(j, &v)| {
                let (Some(cell), Some(ver)) = (row.cells.get(v), s.project().versions.get(v))
                else {
                    return 1.0;
                };
                let bytes: usize = cell.clone().map(|k| ver.sentence_text(k).len() + 1).sum();
                let chars = bytes as f32 / bpc.get(v).copied().unwrap_or(1.0);
                (chars * char_w / layout.text_w(j)).ceil().max(1.0)
            })
            .fold(1.0f32, f32::max);
        lines * line_h + 2.0 * CELL_PAD
    });
    if std::mem::take(&mut table.scroll_to_cursor) {
        table.scroll.request();
    }
    let mut area = egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .id_salt("alignment_grid");
    let mut offset = table.scroll.offset_for(find.filter);
    if table.scroll.is_pending()
        && let Ok(i) = table.display.binary_search(&s.cursor.row)
    {
        offset = offset_showing(ui, s, &layout, table, i).or(offset);
    }
    if let Some(offset) = offset {
        area = area.vertical_scroll_offset(offset);
    }
    // No rubber band: an offset restored for another filter's (taller) content would be
    // taken for an overscroll in the first frame and spring back to the top.
    ui.spacing_mut().scroll.kinetic.rubber_band = false;
    let output = area.show_viewport(ui, |ui, viewport| {
        body(
            s,
            &layout,
            table,
            find,
            ui,
            viewport,
            &mut actions,
            glossary,
        );
    });
    table.scroll.store_offset(output.state.clamped_offset().y);
    actions
}

fn header(
    s: &Session,
    layout: &Layout,
    ui: &mut egui::Ui,
    actions: &mut Vec<Action>,
) -> Vec<(usize, Rect)> {
    let mut rects = Vec::new();
    let h = layout.line_h + 2.0 * CELL_PAD;
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), h), Sense::hover());
    let painter = ui.painter().clone();
    painter.rect_filled(rect, 0.0, ui.visuals().faint_bg_color);
    let strong = ui.visuals().strong_text_color();
    for (j, &v) in layout.columns.iter().enumerate() {
        let Some(version) = s.version(v) else {
            continue;
        };
        let x = rect.left() + layout.col_xs[j];
        let cell = Rect::from_min_size(pos2(x, rect.top()), vec2(layout.col_w(j), h));
        let pivot = if v == s.project().alignment.pivot {
            " (pivot)"
        } else {
            ""
        };
        let title = format!("{} · {}{pivot}", version.lang, version.name);
        painter.with_clip_rect(cell.shrink(2.0)).text(
            cell.left_center() + vec2(CELL_PAD, 0.0),
            egui::Align2::LEFT_CENTER,
            title,
            FontId::proportional(14.0),
            strong,
        );
        let resp = ui
            .interact(cell, ui.scope_id().with(("grid_header", v)), Sense::click())
            .on_hover_text(format!(
                "{} — {}, {} sentences. Right-click to move or hide the column.",
                version.name,
                version.encoding,
                version.sentences.len()
            ));
        resize_handle(ui, cell, v, actions);
        rects.push((v, cell));
        resp.context_menu(|ui| {
            for (label, action) in [
                (
                    "Move left",
                    Action::MoveColumn {
                        version: v,
                        offset: -1,
                    },
                ),
                (
                    "Move right",
                    Action::MoveColumn {
                        version: v,
                        offset: 1,
                    },
                ),
                ("Hide column", Action::ToggleColumn(v)),
            ] {
                if ui.button(label).clicked() {
                    actions.push(action);
                    ui.close();
                }
            }
        });
    }
    rects
}

// The grid body needs the session, layout, caches, find hits and glossary view state.
#[allow(clippy::too_many_arguments)]
fn body(
    s: &Session,
    layout: &Layout,
    table: &mut TableState,
    find: &FindState,
    ui: &mut egui::Ui,
    viewport: Rect,
    actions: &mut Vec<Action>,
    glossary: &mut GlossaryUi,
) {
    let origin = ui.max_rect().min;
    let width = layout.width();
    let heights = &mut table.heights;
    let measure = |heights: &mut RowHeights, i: usize| {
        measure_row(ui, s, layout, &table.display, heights, i);
    };
    let cursor_idx = table.display.binary_search(&s.cursor.row).ok();
    let first = heights.index_at(viewport.top());
    let mut last = heights.index_at(viewport.bottom());
    // Measure the rows in view (and a few below) before drawing, so positions are final.
    for i in first..=(last + 2).min(heights.len().saturating_sub(1)) {
        measure(heights, i);
    }
    heights.refresh_prefix();
    last = heights.index_at(viewport.bottom());
    table.rows_per_page = (last - first).max(1);
    let visuals = ui.visuals().clone();
    let text_color = visuals.text_color();
    let grid_stroke = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
    let low = s.project().view.low_confidence;
    let mut cursor_rect = None;
    for i in first..=last {
        let Some(&r) = table.display.get(i) else {
            break;
        };
        let Some(row) = s.project().alignment.rows.get(r) else {
            continue;
        };
        let top = origin.y + heights.top(i);
        let row_rect = Rect::from_min_size(pos2(origin.x, top), vec2(width, heights.height(i)));
        let painter = ui.painter();
        if row.is_confirmed() {
            painter.rect_filled(
                row_rect,
                0.0,
                Color32::from_rgba_unmultiplied(60, 170, 90, 30),
            );
        } else if row.score < low {
            painter.rect_filled(
                row_rect,
                0.0,
                Color32::from_rgba_unmultiplied(250, 150, 30, 45),
            );
        }
        if r == s.cursor.row {
            painter.rect_filled(
                row_rect,
                0.0,
                visuals.selection.bg_fill.gamma_multiply(0.25),
            );
        }
        row_number(ui, row_rect, layout.num_w, r, row.is_confirmed(), row.score);
        for (j, &v) in layout.columns.iter().enumerate() {
            let x = origin.x + layout.col_xs[j];
            let cell_rect =
                Rect::from_min_size(pos2(x, top), vec2(layout.col_w(j), row_rect.height()));
            let resp = ui.interact(
                cell_rect,
                ui.scope_id().with(("grid_cell", r, v)),
                Sense::click(),
            );
            let text = s.cell_text(r, v);
            let mut highlights = glossary.cell_highlights(s, r, v);
            highlights.extend(find.hits_in(r, v).iter().map(|h| Highlight {
                range: h.range.clone(),
                color: Color32::from_rgba_unmultiplied(255, 220, 0, 110),
                tooltip: None,
            }));
            let mut child = ui.new_child(
                UiBuilder::new()
                    .max_rect(cell_rect.shrink(CELL_PAD))
                    .layout(egui::Layout::top_down(egui::Align::Min)),
            );
            let direction = s.version(v).map(|ver| ver.direction).unwrap_or_default();
            let label = BidiLabel::new(
                &text,
                layout.font.clone(),
                text_color,
                ui.scope_id().with(("cell", r, v)),
            )
            .direction(direction)
            .highlights(&highlights)
            .selection(glossary.selection_in(r, v))
            .show(&mut child);
            glossary.record_selection(r, v, &label);
            let resp = resp.union(label.response);
            if resp.clicked() || resp.secondary_clicked() {
                actions.push(Action::SelectCell { row: r, version: v });
            }
            resp.context_menu(|ui| cell_menu(ui, r, v, actions));
            if r == s.cursor.row && v == s.cursor.version {
                cursor_rect = Some(cell_rect);
                ui.painter().rect_stroke(
                    cell_rect.shrink(1.0),
                    2.0,
                    Stroke::new(2.0, visuals.selection.stroke.color),
                    egui::StrokeKind::Inside,
                );
            }
            ui.painter().vline(x, row_rect.y_range(), grid_stroke);
        }
        ui.painter()
            .hline(row_rect.x_range(), row_rect.bottom(), grid_stroke);
    }
    table.cursor_rect = cursor_rect;
    ui.expand_to_include_rect(Rect::from_min_size(origin, vec2(width, heights.total())));
    let fully_in = |i: usize| {
        heights.top(i) >= viewport.top() && heights.top(i) + heights.height(i) <= viewport.bottom()
    };
    let in_first = (first..=last).find(|&i| fully_in(i)).unwrap_or(first);
    let in_last = (first..=last).rev().find(|&i| fully_in(i)).unwrap_or(last);
    let row_of = |i: usize| table.display.get(i).copied().unwrap_or(0);
    table
        .scroll
        .set_in_view(row_of(in_first)..row_of(in_last) + 1);
    table.scroll.set_last_view(viewport);
    if let Some(i) = cursor_idx {
        let content =
            Rect::from_min_size(pos2(0.0, heights.top(i)), vec2(width, heights.height(i)));
        table.scroll.settle(ui, content, viewport);
    }
}

fn cell_menu(ui: &mut egui::Ui, row: usize, version: usize, actions: &mut Vec<Action>) {
    let mark = Action::Glossary(crate::gui::action::GlossaryAction::MarkTerm);
    let edits = Action::COMMANDS.iter().filter(|a| a.group() == Group::Edit);
    for a in edits.chain(std::iter::once(&mark)) {
        if matches!(a, Action::Undo | Action::Redo) {
            continue;
        }
        let button = egui::Button::new(a.label()).shortcut_text(a.shortcut_text(ui.ctx()));
        if ui
            .add(button)
            .on_hover_text(a.hover_text(ui.ctx()))
            .clicked()
        {
            actions.push(Action::SelectCell { row, version });
            actions.push(a.clone());
            ui.close();
        }
    }
}

//! The bidirectional text widget with egui's real fonts: visual order, alignment, and selecting
//! an Arabic word by dragging the mouse across it.
#![cfg(feature = "gui")]

use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use alinea::bidi::TextLayout;
use alinea::gui::widgets::bidi_text::{BidiLabel, Highlight, layout_for, measure_height};
use alinea::model::TextDirection;
use egui::{Color32, FontId, Pos2, Rect};
use egui_kittest::Harness;

const MIXED: &str = "عام 2023 حققت المدينة 12/13 هدفا و DCCI";
const WIDTH: f32 = 260.0;

#[derive(Default)]
struct Probe {
    rect: Option<Rect>,
    selection: Option<Range<usize>>,
    hovered_byte: Option<usize>,
    hovered_highlight: Option<usize>,
}

fn font() -> FontId {
    FontId::proportional(16.0)
}

fn byte_range(text: &str, word: &str) -> Range<usize> {
    let start = text.find(word).unwrap_or(usize::MAX);
    start..start + word.len()
}

fn harness(text: &'static str, probe: Rc<RefCell<Probe>>) -> Harness<'static> {
    let highlights = vec![Highlight {
        range: byte_range(text, "2023"),
        color: Color32::YELLOW,
        tooltip: Some("year".to_owned()),
    }];
    let mut harness = Harness::builder()
        .with_size((400.0, 300.0))
        .with_step_dt(0.05)
        .with_context_setup(alinea::gui::fonts::install)
        .build_ui(move |ui| {
            let r = BidiLabel::new(text, font(), Color32::WHITE, egui::Id::unique("cell"))
                .highlights(&highlights)
                .wrap_width(WIDTH)
                .show(ui);
            let mut p = probe.borrow_mut();
            p.rect = Some(r.response.rect);
            p.selection = r.selection;
            p.hovered_byte = r.hovered_byte;
            p.hovered_highlight = r.hovered_highlight;
        });
    harness.run();
    harness
}

/// The screen x-span and line top of the piece holding `range`.
fn piece_span(layout: &TextLayout, range: &Range<usize>) -> (f32, f32, f32) {
    for line in &layout.lines {
        for p in &line.pieces {
            if p.range == *range {
                return (p.x, p.x + p.width, line.y);
            }
        }
    }
    panic!("no piece for {range:?}");
}

fn visual_words(text: &str, layout: &TextLayout) -> Vec<Vec<String>> {
    layout
        .lines
        .iter()
        .map(|l| {
            l.pieces
                .iter()
                .map(|p| text[p.range.clone()].trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect()
}

#[test]
fn dragging_across_an_arabic_word_selects_exactly_that_word() {
    let probe = Rc::new(RefCell::new(Probe::default()));
    let mut harness = harness(MIXED, probe.clone());
    let rect = probe.borrow().rect.expect("label shown");
    let layout = layout_for(&harness.ctx, MIXED, &font(), WIDTH, TextDirection::Auto);
    let word = byte_range(MIXED, "المدينة");
    let (left, right, top) = piece_span(&layout, &word);
    let y = rect.min.y + top + layout.line_height / 2.0;
    // An Arabic word starts at its right edge: drag from there to its left edge.
    let start = Pos2::new(rect.min.x + right - 1.0, y);
    let end = Pos2::new(rect.min.x + left + 1.0, y);
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=4 {
        let t = step as f32 / 4.0;
        harness.hover_at(start + (end - start) * t);
        harness.run();
    }
    harness.drop_at(end);
    harness.run();
    assert_eq!(probe.borrow().selection, Some(word));
}

#[test]
fn hovering_reports_the_byte_and_the_highlight_under_the_pointer() {
    let probe = Rc::new(RefCell::new(Probe::default()));
    let mut harness = harness(MIXED, probe.clone());
    let rect = probe.borrow().rect.expect("label shown");
    let layout = layout_for(&harness.ctx, MIXED, &font(), WIDTH, TextDirection::Auto);
    // The first letter of the first word is at the far right of the first line.
    let (_, right, top) = piece_span(&layout, &byte_range(MIXED, "عام"));
    let y = rect.min.y + top + layout.line_height / 2.0;
    harness.hover_at(Pos2::new(rect.min.x + right - 1.0, y));
    harness.run();
    assert_eq!(probe.borrow().hovered_byte, Some(0));
    assert_eq!(probe.borrow().hovered_highlight, None);
    let year = byte_range(MIXED, "2023");
    let (left, right, top) = piece_span(&layout, &year);
    let y = rect.min.y + top + layout.line_height / 2.0;
    harness.hover_at(Pos2::new(rect.min.x + (left + right) / 2.0, y));
    harness.run();
    let hovered = probe.borrow().hovered_byte.expect("over the year");
    assert!(year.contains(&hovered));
    assert_eq!(probe.borrow().hovered_highlight, Some(0));
}

#[test]
fn real_fonts_keep_reading_order_and_right_alignment() {
    let probe = Rc::new(RefCell::new(Probe::default()));
    let harness = harness(MIXED, probe);
    let wide = layout_for(
        &harness.ctx,
        MIXED,
        &font(),
        f32::INFINITY,
        TextDirection::Auto,
    );
    assert_eq!(
        visual_words(MIXED, &wide),
        [[
            "DCCI",
            "و",
            "هدفا",
            "12/13",
            "المدينة",
            "حققت",
            "2023",
            "عام"
        ]]
    );
    let narrow = layout_for(&harness.ctx, MIXED, &font(), 120.0, TextDirection::Auto);
    assert!(narrow.lines.len() > 1);
    // The sentence's first word is at the right end of the first line, its last on the last.
    let first = visual_words(MIXED, &narrow);
    assert_eq!(first[0].last().map(String::as_str), Some("عام"));
    assert_eq!(
        first.last().and_then(|l| l.first()).map(String::as_str),
        Some("DCCI")
    );
    for line in &narrow.lines {
        let right = line.pieces.last().map_or(0.0, |p| p.x + p.width);
        assert!((right - 120.0).abs() < 0.01, "RTL lines are right-aligned");
    }
}

#[test]
fn arabic_and_latin_cells_of_one_row_share_line_height() {
    let heights = Rc::new(RefCell::new(Vec::new()));
    let out = heights.clone();
    let mut harness = Harness::builder()
        .with_context_setup(alinea::gui::fonts::install)
        .build_ui(move |ui| {
            let texts = ["عام حققت المدينة", "The city met its targets", "העיר השיגה"];
            *out.borrow_mut() = texts
                .iter()
                .map(|t| measure_height(ui, t, &font(), 1000.0))
                .collect();
        });
    harness.run();
    let h = heights.borrow().clone();
    assert!(h[0] > 0.0);
    assert_eq!(h[0], h[1]);
    assert_eq!(h[2], h[1]);
}

#[test]
fn a_latin_run_drawn_whole_is_as_wide_as_its_measured_pieces() {
    let text = "In 2023 the city met 12 of its 13 targets, and Việt Nam’s DCCI ranked it first.";
    let probe = Rc::new(RefCell::new(Probe::default()));
    let harness = harness(MIXED, probe);
    let layout = layout_for(
        &harness.ctx,
        text,
        &font(),
        f32::INFINITY,
        TextDirection::Auto,
    );
    let line = &layout.lines[0];
    assert_eq!(line.runs.len(), 1);
    let whole = harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font(), Color32::WHITE)
            .size()
            .x
    });
    // Hit testing uses the pieces, drawing uses one galley: they must agree.
    assert!(
        (whole - line.width).abs() < 1.0,
        "galley {whole} vs pieces {}",
        line.width
    );
}

#[test]
fn dragging_to_a_letter_boundary_selects_the_article_of_a_word() {
    let probe = Rc::new(RefCell::new(Probe::default()));
    let mut harness = harness(MIXED, probe.clone());
    let rect = probe.borrow().rect.expect("label shown");
    let layout = layout_for(&harness.ctx, MIXED, &font(), WIDTH, TextDirection::Auto);
    let word = byte_range(MIXED, "المدينة");
    let (left, right, top) = piece_span(&layout, &word);
    // Where egui draws the word's lam: the article «ال» ends at its left edge.
    let galley = harness
        .ctx
        .fonts_mut(|f| f.layout_no_wrap("المدينة".to_owned(), font(), Color32::WHITE));
    let lam_x = galley.rows[0]
        .row
        .glyphs
        .iter()
        .find(|g| g.chr == 'ل' && g.advance_width > 0.0)
        .map(|g| g.pos.x)
        .expect("lam drawn");
    let y = rect.min.y + top + layout.line_height / 2.0;
    let start = Pos2::new(rect.min.x + right - 0.5, y);
    let end = Pos2::new(rect.min.x + left + lam_x + 0.5, y);
    harness.hover_at(start);
    harness.run();
    harness.drag_at(start);
    harness.run();
    for step in 1..=3 {
        harness.hover_at(start + (end - start) * (step as f32 / 3.0));
        harness.run();
    }
    harness.drop_at(end);
    harness.run();
    let article = word.start..word.start + "ال".len();
    assert_eq!(probe.borrow().selection, Some(article));
}

#[test]
fn double_click_selects_the_word_under_the_pointer() {
    let probe = Rc::new(RefCell::new(Probe::default()));
    let mut harness = harness(MIXED, probe.clone());
    let rect = probe.borrow().rect.expect("label shown");
    let layout = layout_for(&harness.ctx, MIXED, &font(), WIDTH, TextDirection::Auto);
    let word = byte_range(MIXED, "حققت");
    let (left, right, top) = piece_span(&layout, &word);
    let at = Pos2::new(
        rect.min.x + (left + right) / 2.0,
        rect.min.y + top + layout.line_height / 2.0,
    );
    harness.hover_at(at);
    harness.run();
    for _ in 0..2 {
        harness.drag_at(at);
        harness.step();
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        });
        harness.step();
    }
    harness.run();
    assert_eq!(probe.borrow().selection, Some(word));
}

#[test]
fn a_shrunk_label_takes_its_text_width_and_leaves_room_for_what_follows() {
    let term = "لجنة الشعب";
    let rects: Rc<RefCell<(Option<Rect>, Option<Rect>)>> = Rc::default();
    let seen = rects.clone();
    let mut harness = Harness::builder()
        .with_size((600.0, 100.0))
        .with_context_setup(alinea::gui::fonts::install)
        .build_ui(move |ui| {
            ui.horizontal(|ui| {
                let label = BidiLabel::new(term, font(), Color32::WHITE, egui::Id::unique("t"))
                    .shrink_to_fit()
                    .show(ui);
                let button = ui.button("Accept");
                *seen.borrow_mut() = (Some(label.response.rect), Some(button.rect));
            });
        });
    harness.run();
    let (label, button) = *rects.borrow();
    let (label, button) = (label.expect("label drawn"), button.expect("button drawn"));
    let natural = harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(term.to_owned(), font(), Color32::WHITE)
            .size()
            .x
    });
    assert!(
        (label.width() - natural).abs() <= 2.0,
        "label {} wide, text {natural}",
        label.width()
    );
    assert!(button.left() < label.right() + 20.0, "{label:?} {button:?}");
    assert!(button.right() < 600.0, "the button stays in the window");
}

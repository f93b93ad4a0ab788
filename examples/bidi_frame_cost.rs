//! Prints what `BidiLabel` costs per frame: a headless egui context shows a column of cells
//! (35 rows × 2 cells, narrow columns) and times the first frame (every layout computed), steady
//! frames (layouts from the cache), and frames with the pointer moving over an Arabic cell
//! (caret offsets measured once, then cached).
//!
//! `cargo run --release --example bidi_frame_cost -- [FILE...]`: each FILE's non-empty lines
//! are the right-to-left cells (default: the demo's own Arabic sentence).

use std::time::{Duration, Instant};

use alinea::gui::widgets::bidi_text::BidiLabel;
use egui::{Color32, FontId, Pos2, Rect, Vec2};

const ROWS: usize = 35;
const WIDTH: f32 = 260.0;
const OWN_RTL: &str =
    "عام 2023 حققت المدينة 12/13 هدفا و DCCI، وحضر الاجتماع أعضاء اللجنة الدائمة للحزب في المدينة.";
const OWN_LTR: &str = "In 2023 the city met 12 of its 13 targets, and the standing committee of the city party attended the meeting.";

fn frame(ctx: &egui::Context, cells: &[(String, String)], pointer: Option<Pos2>) -> Duration {
    let mut input = egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(700.0, 4000.0))),
        ..Default::default()
    };
    if let Some(p) = pointer {
        input.events.push(egui::Event::PointerMoved(p));
    }
    let font = FontId::proportional(16.0);
    let start = Instant::now();
    let mut output = ctx.run_ui(input, |ui| {
        egui::Grid::new("cells").show(ui, |ui| {
            for (row, (rtl, ltr)) in cells.iter().enumerate() {
                let id = egui::Id::unique(("rtl", row));
                BidiLabel::new(rtl, font.clone(), Color32::WHITE, id)
                    .wrap_width(WIDTH)
                    .show(ui);
                let id = egui::Id::unique(("ltr", row));
                BidiLabel::new(ltr, font.clone(), Color32::WHITE, id)
                    .wrap_width(WIDTH)
                    .show(ui);
                ui.end_row();
            }
        });
    });
    let elapsed = start.elapsed();
    output.textures_delta.clear();
    elapsed
}

fn main() {
    let mut rtl: Vec<String> = Vec::new();
    for file in std::env::args().skip(1) {
        match std::fs::read_to_string(&file) {
            Ok(text) => rtl.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned),
            ),
            Err(e) => eprintln!("{file}: {e}"),
        }
    }
    if rtl.is_empty() {
        rtl.push(OWN_RTL.to_owned());
    }
    let cells: Vec<(String, String)> = (0..ROWS)
        .map(|i| (rtl[i % rtl.len()].clone(), OWN_LTR.to_owned()))
        .collect();
    let chars: usize = cells.iter().map(|c| c.0.chars().count()).sum();
    let ctx = egui::Context::default();
    alinea::gui::fonts::install(&ctx);
    frame(&ctx, &[], None); // fonts take effect from the next frame
    let first = frame(&ctx, &cells, None);
    let steady: Vec<Duration> = (0..50).map(|_| frame(&ctx, &cells, None)).collect();
    let hover_first = frame(&ctx, &cells, Some(Pos2::new(100.0, 30.0)));
    let hover: Vec<Duration> = (0..50)
        .map(|i| frame(&ctx, &cells, Some(Pos2::new(60.0 + i as f32, 30.0))))
        .collect();
    let median = |v: &[Duration]| {
        let mut v = v.to_vec();
        v.sort();
        v[v.len() / 2]
    };
    println!(
        "{ROWS} rows × 2 cells at {WIDTH} px, {} Arabic chars per row on average",
        chars / ROWS
    );
    println!("first frame (all layouts computed): {first:?}");
    println!("steady frame, median of 50:         {:?}", median(&steady));
    println!("first frame hovering an Arabic cell: {hover_first:?}");
    println!("hover frames, median of 50:          {:?}", median(&hover));
}

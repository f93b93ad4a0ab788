//! A small window showing text cells in narrow columns through `BidiLabel`, for screenshots and
//! for trying selection by mouse.
//!
//! `cargo run --example bidi_demo -- [FILE...] [--lines N] [--width PX] [--dump]`
//!
//! Each FILE contributes its first N non-empty lines (default 2) as cells of the left column;
//! the demo's own mixed-direction strings follow. `--dump` prints each cell's lines as pieces in
//! visual order (left to right) with their x positions, to compare with a reference renderer.

use std::ops::Range;

use alinea::gui::widgets::bidi_text::{BidiLabel, Highlight, layout_for};
use alinea::model::TextDirection;
use eframe::egui;

/// Mixed-direction strings written for this demo (Arabic, Persian, Urdu, Hebrew, Latin).
const OWN_RTL: [&str; 5] = [
    "عام 2023 حققت المدينة 12/13 هدفا و DCCI",
    "در سال ۲۰۲۳ شهر به ۱۲ هدف از ۱۳ هدف رسید (گزارش DCCI).",
    "سال 2023 میں شہر نے 13 میں سے 12 اہداف حاصل کیے۔",
    "בשנת 2023 העיר השיגה 12 מתוך 13 יעדים (DCCI).",
    "اللجنة (الدائمة) للحزب «الإقليمي» – 5 برامج.",
];

/// Left-to-right cells shown beside the right-to-left ones, row by row.
const OWN_LTR: [&str; 5] = [
    "In 2023 the city met 12/13 of its targets and DCCI ranked it first.",
    "Năm 2023, thành phố đạt 12/13 chỉ tiêu; DCCI xếp hạng cao.",
    "В 2023 году город выполнил 12 из 13 целей (DCCI).",
    "The term حزب المدينة means “city party” (12 letters).",
    "Hebrew שלום and Arabic سلام inside a Latin sentence.",
];

struct Demo {
    cells: Vec<(String, String)>,
    width: f32,
    dump: bool,
    last_selection: Option<(usize, Range<usize>)>,
}

impl Demo {
    fn dump_cell(&self, ctx: &egui::Context, text: &str, font: &egui::FontId) {
        let layout = layout_for(ctx, text, font, self.width, TextDirection::Auto);
        println!("cell ({} lines):", layout.lines.len());
        for (i, line) in layout.lines.iter().enumerate() {
            let pieces: Vec<String> = line
                .pieces
                .iter()
                .filter_map(|p| {
                    let s = text.get(p.range.clone())?.trim();
                    (!s.is_empty()).then(|| format!("{s}@{:.0}", p.x))
                })
                .collect();
            println!("  line {i}: {}", pieces.join(" | "));
        }
    }
}

impl eframe::App for Demo {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let font = egui::FontId::proportional(16.0);
        let color = ui.visuals().text_color();
        if self.dump {
            let ctx = ui.ctx().clone();
            for (rtl, ltr) in &self.cells {
                self.dump_cell(&ctx, rtl, &font);
                self.dump_cell(&ctx, ltr, &font);
            }
            self.dump = false;
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let status = match &self.last_selection {
                Some((row, range)) => {
                    let text = self.cells.get(*row).map(|c| c.0.as_str()).unwrap_or("");
                    format!(
                        "selection in row {row}: bytes {range:?} = «{}»",
                        text.get(range.clone()).unwrap_or("")
                    )
                }
                None => "drag across a word to select it".to_owned(),
            };
            BidiLabel::new(&status, font.clone(), color, egui::Id::unique("status"))
                .direction(TextDirection::Ltr)
                .show(ui);
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("cells")
                    .striped(true)
                    .min_col_width(self.width)
                    .max_col_width(self.width)
                    .show(ui, |ui| {
                        for (row, (rtl, ltr)) in self.cells.iter().enumerate() {
                            let term = "المدينة";
                            let highlights: Vec<Highlight> = rtl
                                .find(term)
                                .map(|s| Highlight {
                                    range: s..s + term.len(),
                                    color: egui::Color32::from_rgb(90, 70, 20),
                                    tooltip: Some("glossary: city".to_owned()),
                                })
                                .into_iter()
                                .collect();
                            let id = egui::Id::unique(("rtl", row));
                            let r = BidiLabel::new(rtl, font.clone(), color, id)
                                .highlights(&highlights)
                                .wrap_width(self.width)
                                .show(ui);
                            if let Some(sel) = r.selection {
                                self.last_selection = Some((row, sel));
                            }
                            let id = egui::Id::unique(("ltr", row));
                            BidiLabel::new(ltr, font.clone(), color, id)
                                .wrap_width(self.width)
                                .show(ui);
                            ui.end_row();
                        }
                    });
            });
        });
    }
}

fn main() -> eframe::Result {
    let mut files = Vec::new();
    let mut lines = 2usize;
    let mut width = 260.0f32;
    let mut dump = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lines" => lines = args.next().and_then(|s| s.parse().ok()).unwrap_or(lines),
            "--width" => width = args.next().and_then(|s| s.parse().ok()).unwrap_or(width),
            "--dump" => dump = true,
            _ => files.push(arg),
        }
    }
    let mut rtl_cells: Vec<String> = Vec::new();
    for file in &files {
        match std::fs::read_to_string(file) {
            Ok(text) => rtl_cells.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .take(lines)
                    .map(str::to_owned),
            ),
            Err(e) => eprintln!("{file}: {e}"),
        }
    }
    rtl_cells.extend(OWN_RTL.iter().map(|s| (*s).to_owned()));
    let cells = rtl_cells
        .into_iter()
        .enumerate()
        .map(|(i, rtl)| {
            (
                rtl,
                OWN_LTR
                    .get(i % OWN_LTR.len())
                    .copied()
                    .unwrap_or("")
                    .to_owned(),
            )
        })
        .collect();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default().with_inner_size([2.0 * width + 60.0, 980.0]),
        ..Default::default()
    };
    eframe::run_native(
        "bidi demo",
        options,
        Box::new(move |cc| {
            alinea::gui::fonts::install(&cc.egui_ctx);
            Ok(Box::new(Demo {
                cells,
                width,
                dump,
                last_selection: None,
            }))
        }),
    )
}

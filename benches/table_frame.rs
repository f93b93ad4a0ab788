//! Frame time of the alignment grid with 20,000 rows × 5 versions, drawn headless (egui
//! context without a window): a still frame, a frame that scrolls by mouse wheel, and a frame
//! that jumps a page down with the keyboard (new rows to measure every frame).
//!
//! A fourth bench scrolls while edits keep the recovery writer busy.
//!
//! Run: `cargo bench --bench table_frame`

use std::hint::black_box;

use alinea::gui::AlineaApp;
use alinea::gui::session::Session;
use alinea::model::{Alignment, Lang, Project, Row, RowStatus, Version};
use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Key, Modifiers, MouseWheelSource, MouseWheelUnit, RawInput, TouchPhase};

const ROWS: usize = 20_000;

const WORDS: [&[&str]; 5] = [
    &[
        "báo", "cáo", "tỉnh", "Quảng", "Nam", "lũ", "lụt", "người", "dân", "hỗ", "trợ",
    ],
    &[
        "report", "province", "flood", "people", "support", "schools", "roads", "budget",
    ],
    &[
        "отчёт",
        "провинция",
        "наводнение",
        "жители",
        "помощь",
        "школы",
        "дороги",
    ],
    &[
        "laporan", "wilayah", "banjir", "penduduk", "bantuan", "sekolah", "jalan",
    ],
    &[
        "تقرير",
        "المقاطعة",
        "الفيضانات",
        "السكان",
        "المساعدة",
        "المدارس",
        "الطرق",
    ],
];
const LANGS: [&str; 5] = ["vi", "en", "ru", "ms", "ar"];

fn sentence(words: &[&str], seed: usize) -> String {
    let len = 6 + (seed * 7919) % 30;
    let mut s: Vec<&str> = (0..len)
        .map(|i| words[(seed + i * 31) % words.len()])
        .collect();
    s.push("2024");
    format!("{}.", s.join(" "))
}

fn big_project() -> Project {
    let versions: Vec<Version> = (0..5)
        .map(|v| {
            let sentences: Vec<String> = (0..ROWS).map(|i| sentence(WORDS[v], i + v)).collect();
            let paragraphs: Vec<Vec<&str>> = sentences
                .chunks(10)
                .map(|c| c.iter().map(String::as_str).collect())
                .collect();
            Version::from_sentences(LANGS[v], Lang::new(LANGS[v]), &paragraphs)
        })
        .collect();
    let mut project = Project::new(versions);
    project.alignment = Alignment {
        pivot: 0,
        rows: (0..ROWS)
            .map(|i| Row {
                cells: vec![i..i + 1; 5],
                score: (i % 10) as f32 / 10.0,
                status: if i % 3 == 0 {
                    RowStatus::Confirmed
                } else {
                    RowStatus::Auto
                },
            })
            .collect(),
    };
    project
}

fn input(events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        events,
        ..Default::default()
    }
}

/// One whole CPU frame: run the UI and tessellate its shapes (what eframe does before the GPU).
fn frame(ctx: &egui::Context, app: &mut AlineaApp, events: Vec<Event>) -> usize {
    let out = ctx.run_ui(input(events), |ui| app.show(ui));
    let mut textures = out.textures_delta;
    textures.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point).len()
}

fn table_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let dir = std::env::temp_dir().join("alinea-bench-recovery");
    // A saved project (path set, nothing changed), so the 60 s autosave never runs mid-bench.
    let session = Session::new(big_project(), Some(dir.join("bench.alinea")));
    let mut app = AlineaApp::with_session(&ctx, session, dir);
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    c.bench_function("table_frame_still_20000x5", |b| {
        b.iter(|| black_box(frame(&ctx, &mut app, Vec::new())))
    });
    let mut down = true;
    let mut frames = 0;
    c.bench_function("table_frame_wheel_scroll_20000x5", |b| {
        b.iter(|| {
            frames += 1;
            if frames % 400 == 0 {
                down = !down;
            }
            let dy = if down { -120.0 } else { 120.0 };
            let events = vec![
                Event::PointerMoved(egui::pos2(800.0, 500.0)),
                Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, dy),
                    phase: TouchPhase::Move,
                    source: MouseWheelSource::Unknown,
                    modifiers: Modifiers::NONE,
                },
            ];
            black_box(frame(&ctx, &mut app, events))
        })
    });
    let mut pages = 0;
    c.bench_function("table_frame_page_down_20000x5", |b| {
        b.iter(|| {
            pages += 1;
            // Back to the top now and then, so every frame lays out rows it has not measured.
            let (key, modifiers) = if pages % 500 == 0 {
                (Key::Home, Modifiers::COMMAND)
            } else {
                (Key::PageDown, Modifiers::NONE)
            };
            let key = |pressed| Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            };
            black_box(frame(&ctx, &mut app, vec![key(true), key(false)]))
        })
    });
}

/// Scrolling while the recovery file is written in the background: an edit every 20th
/// frame keeps the writer busy (each edit reaches the recovery file within a second).
fn table_frame_recovery(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let dir = std::env::temp_dir().join("alinea-bench-recovery-journal");
    let session = Session::new(big_project(), Some(dir.join("bench.alinea")));
    let mut app = AlineaApp::with_session(&ctx, session, dir);
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new());
    }
    let mut frames = 0u64;
    let mut writing = 0u64;
    c.bench_function("table_frame_scroll_while_recovery_writes_20000x5", |b| {
        b.iter(|| {
            frames += 1;
            if frames.is_multiple_of(20) {
                app.push(alinea::gui::action::Action::ToggleConfirm);
            }
            if app.is_writing_recovery() {
                writing += 1;
            }
            let dy = if (frames / 400).is_multiple_of(2) {
                -120.0
            } else {
                120.0
            };
            let events = vec![
                Event::PointerMoved(egui::pos2(800.0, 500.0)),
                Event::MouseWheel {
                    unit: MouseWheelUnit::Point,
                    delta: egui::vec2(0.0, dy),
                    phase: TouchPhase::Move,
                    source: MouseWheelSource::Unknown,
                    modifiers: Modifiers::NONE,
                },
            ];
            black_box(frame(&ctx, &mut app, events))
        })
    });
    eprintln!("recovery writer busy in {writing} of {frames} frames");
    app.clear_recovery();
}

criterion_group!(benches, table_frame, table_frame_recovery);
criterion_main!(benches);

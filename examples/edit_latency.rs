//! How long the window stalls when the editor changes a big project: loads a project file,
//! shows it in a headless egui context at 1600×1000, then times frames (UI, actions,
//! tessellation) after Enter (confirm row), after Ctrl+M (merge rows), after Ctrl+Z, while
//! still, the frame after a pause that starts the term check (with `--terms`), and the frame
//! that starts the recovery snapshot (focus lost).
//!
//! `cargo run --release --example edit_latency -- PROJECT.alinea [--terms]`
//! (`--terms` adds a glossary of three concepts of the generated big report, so every edit
//! also re-runs the consistency check).
//! (a big project: `cargo run --release --no-default-features --example big_input` with
//! `BIG_INPUT_DIR=/tmp/big`, then `alinea new /tmp/big/report.vi.txt /tmp/big/report.ms.txt
//! -o /tmp/big/big.alinea`).

use std::time::{Duration, Instant};

use alinea::gui::AlineaApp;
use alinea::gui::session::Session;
use egui::{Event, Key, Modifiers, RawInput};

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

/// One frame with `events`; returns its wall time.
fn frame(ctx: &egui::Context, app: &mut AlineaApp, events: Vec<Event>) -> Duration {
    let start = Instant::now();
    let out = ctx.run_ui(input(events), |ui| app.show(ui));
    let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    start.elapsed()
}

fn key(key: Key, modifiers: Modifiers) -> Vec<Event> {
    vec![Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }]
}

/// Runs `events` in one frame and the next frame; prints the slower of the two.
fn timed(ctx: &egui::Context, app: &mut AlineaApp, what: &str, events: Vec<Event>) {
    let first = frame(ctx, app, events);
    let second = frame(ctx, app, Vec::new());
    println!(
        "{what:<40} {:>8.1} ms (next frame {:>6.1} ms)",
        first.as_secs_f64() * 1e3,
        second.as_secs_f64() * 1e3
    );
}

/// Three concepts of the generated report (`examples/big_input.rs`), in its languages.
fn add_terms(glossary: &mut alinea::glossary::Glossary) {
    use alinea::glossary::{Term, TermStatus};
    use alinea::model::Lang;
    let concepts: [(&str, &[(&str, &str)]); 3] = [
        (
            "budget",
            &[
                ("vi", "ngân sách"),
                ("ar", "الميزانية"),
                ("ms", "bajet"),
                ("id", "anggaran"),
            ],
        ),
        (
            "poor-households",
            &[
                ("vi", "hộ nghèo"),
                ("ar", "الأسر الفقيرة"),
                ("id", "rumah tangga miskin"),
            ],
        ),
        (
            "clean-water",
            &[
                ("vi", "nước sạch"),
                ("ar", "المياه النظيفة"),
                ("id", "air bersih"),
            ],
        ),
    ];
    for (id, terms) in concepts {
        for (lang, text) in terms {
            glossary.add_term(id, Lang::new(lang), Term::new(text, TermStatus::Preferred));
        }
    }
}

fn main() -> anyhow::Result<()> {
    let path = std::env::args()
        .nth(1)
        .ok_or_else(|| anyhow::anyhow!("usage: edit_latency PROJECT.alinea"))?;
    let path = std::path::PathBuf::from(path);
    let with_terms = std::env::args().any(|a| a == "--terms");
    let start = Instant::now();
    let mut project = alinea::project::load(&path)?;
    if with_terms {
        add_terms(&mut project.glossary);
    }
    let rows = project.alignment.rows.len();
    println!(
        "loaded {} ({} versions, {rows} rows) in {:.1} s",
        path.display(),
        project.versions.len(),
        start.elapsed().as_secs_f64()
    );
    let recovery = tempfile::tempdir()?;
    let ctx = egui::Context::default();
    let session = Session::new(project, Some(path.clone()));
    let mut app = AlineaApp::with_session(&ctx, session, recovery.path().to_path_buf());
    let start = Instant::now();
    frame(&ctx, &mut app, Vec::new());
    while app.session.as_ref().is_some_and(|s| s.terms.is_building()) {
        std::thread::sleep(Duration::from_millis(20));
        frame(&ctx, &mut app, Vec::new());
    }
    println!(
        "term index ready after {:.1} s",
        start.elapsed().as_secs_f64()
    );
    for _ in 0..5 {
        frame(&ctx, &mut app, Vec::new());
    }
    timed(&ctx, &mut app, "still", Vec::new());
    timed(
        &ctx,
        &mut app,
        "Enter (confirm row)",
        key(Key::Enter, Modifiers::NONE),
    );
    timed(
        &ctx,
        &mut app,
        "Ctrl+M (merge with the row below)",
        key(Key::M, Modifiers::COMMAND),
    );
    timed(
        &ctx,
        &mut app,
        "Ctrl+Z (undo)",
        key(Key::Z, Modifiers::COMMAND),
    );
    std::thread::sleep(Duration::from_millis(700));
    timed(
        &ctx,
        &mut app,
        "0.7 s pause (term check starts)",
        Vec::new(),
    );
    timed(
        &ctx,
        &mut app,
        "focus lost (recovery snapshot starts)",
        vec![Event::WindowFocused(false)],
    );
    while app.is_writing_recovery() {
        std::thread::sleep(Duration::from_millis(50));
        frame(&ctx, &mut app, Vec::new());
    }
    timed(&ctx, &mut app, "still, after the snapshot", Vec::new());
    Ok(())
}

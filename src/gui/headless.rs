//! The recovery folder override, and a test-only way to run the real app without a window:
//! the app's frames on a bare egui context, with one scripted edit. The crash test
//! (`tests/recovery_kill.rs`) starts the binary this way, kills it (SIGKILL) two seconds after
//! the edit and checks that the next start offers the edit back. The headless run exists only
//! with the `test-hooks` feature (on for the crate's own tests, off in a release build).

use std::path::PathBuf;

/// Set to run headless and confirm the first row once the project is open (`test-hooks`).
#[cfg(feature = "test-hooks")]
pub const HEADLESS_ENV: &str = "ALINEA_TEST_HEADLESS_EDIT";

/// Overrides the folder of the recovery and settings files (tests).
pub const RECOVERY_DIR_ENV: &str = "ALINEA_RECOVERY_DIR";

/// The recovery folder: [`RECOVERY_DIR_ENV`] if set, else the app's data folder.
pub fn recovery_dir() -> PathBuf {
    std::env::var_os(RECOVERY_DIR_ENV)
        .map(PathBuf::from)
        .unwrap_or_else(super::recovery::default_dir)
}

/// One frame of the app; the textures it made are dropped (nothing draws them).
#[cfg(feature = "test-hooks")]
fn frame(ctx: &egui::Context, app: &mut super::AlineaApp, input: egui::RawInput) {
    let mut out = ctx.run_ui(input, |ui| app.show(ui));
    out.textures_delta.clear();
}

/// Runs the app headless: opens `files`, confirms the first row once open, prints `edited`
/// on stdout, then keeps running frames (as an idle window would) until killed.
#[cfg(feature = "test-hooks")]
pub fn run(files: Vec<PathBuf>) -> anyhow::Result<()> {
    use std::io::Write;
    use std::time::Duration;

    use super::action::Action;

    let ctx = egui::Context::default();
    let start = super::StartOptions {
        files,
        settings: Default::default(),
        recovery_dir: recovery_dir(),
    };
    let mut app = super::AlineaApp::new(&ctx, start);
    app.native_dialogs = false;
    let mut edited = false;
    loop {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1400.0, 900.0),
            )),
            ..Default::default()
        };
        frame(&ctx, &mut app, input.clone());
        if !edited && app.session.is_some() && !app.jobs.is_busy() {
            app.push(Action::ToggleConfirm);
            frame(&ctx, &mut app, input);
            edited = true;
            let mut out = std::io::stdout();
            writeln!(out, "edited")?;
            out.flush()?;
        }
        std::thread::sleep(Duration::from_millis(16));
    }
}

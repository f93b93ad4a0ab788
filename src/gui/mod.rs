//! The desktop app (eframe/egui 0.37): the window where an editor checks and corrects the
//! alignment of two or more versions.
//!
//! Shape (after rerun and the egui demo app): panels draw from a read-only
//! [`panels::context::PanelCtx`] and their own view state and return [`action::Action`]s;
//! [`AlineaApp`] applies them after drawing through [`dispatch`], the one place that touches
//! the undo history, the dirty mark and files. Long work (loading, aligning, exports) runs as
//! [`jobs`] on [`crate::worker::Worker`] threads with progress and cancel and hands back a
//! [`jobs::JobResult`], which [`job_results`] turns into state. The app is constructible
//! without eframe ([`AlineaApp::new`] + [`AlineaApp::show`]) so egui_kittest tests and the
//! frame-time bench drive the real UI.

pub mod action;
pub mod app;
pub mod dispatch;
pub mod exchange;
pub mod file_choice;
pub mod file_dialog;
pub mod fonts;
pub mod glossary_dispatch;
pub mod headless;
pub mod job_results;
pub mod jobs;
pub mod navigation;
pub mod panels;
pub mod path_proposal;
pub mod recovery;
pub mod review;
pub mod review_dispatch;
pub mod sample;
pub mod semantic;
pub mod session;
pub mod settings;
pub mod shortcuts;
pub mod state;
pub mod terms;
pub mod widgets;

use std::path::PathBuf;

pub use app::StartOptions;
pub use state::AlineaApp;

/// Opens the app window; `files` is a project file or documents for a new project.
pub fn run(files: Vec<PathBuf>) -> anyhow::Result<()> {
    #[cfg(feature = "test-hooks")]
    if std::env::var_os(headless::HEADLESS_ENV).is_some() {
        return headless::run(files);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Alinea")
            .with_app_id("alinea")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([640.0, 400.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "alinea",
        options,
        Box::new(move |cc| {
            let stored = cc
                .storage
                .and_then(|s| eframe::get_value::<settings::AppSettings>(s, settings::STORAGE_KEY))
                .unwrap_or_default();
            let start = StartOptions {
                files,
                settings: stored,
                recovery_dir: headless::recovery_dir(),
            };
            Ok(Box::new(AlineaApp::new(&cc.egui_ctx, start)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

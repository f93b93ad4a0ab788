//! Shared harness for the UI tests: the real app in an egui_kittest `Harness`, created on the
//! first frame (it needs the harness's egui context), with native file dialogs off.
// Each test crate uses only some of these helpers.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use alinea::gui::{AlineaApp, StartOptions};
use alinea::model::Project;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The app, created on the first frame (it needs the harness's egui context).
pub struct TestApp {
    pub start: StartOptions,
    pub app: Option<AlineaApp>,
}

impl TestApp {
    pub fn get(&self) -> &AlineaApp {
        self.app.as_ref().expect("app created on the first frame")
    }
    pub fn project(&self) -> &Project {
        self.get()
            .session
            .as_ref()
            .expect("a project is open")
            .project()
    }
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ui")
        .join(name)
}

pub fn harness(start: StartOptions) -> Harness<'static, TestApp> {
    harness_with(start, false)
}

/// `allow_missing_glyphs`: egui's default fonts have no Arabic; the sample needs the bundled
/// fonts of `gui::fonts`.
pub fn harness_with(start: StartOptions, allow_missing_glyphs: bool) -> Harness<'static, TestApp> {
    pin_fast_engine();
    let mut builder = Harness::builder().with_size(egui::vec2(1400.0, 900.0));
    if allow_missing_glyphs {
        builder = builder.allow_missing_glyphs();
    }
    builder.build_ui_state(
        |ui, t: &mut TestApp| {
            let start = t.start.clone();
            let app = t.app.get_or_insert_with(|| {
                let mut app = AlineaApp::new(ui.ctx(), start);
                app.native_dialogs = false;
                app
            });
            app.show(ui);
        },
        TestApp { start, app: None },
    )
}

/// Steps until the background job is done, then settles.
pub fn wait_for_jobs(h: &mut Harness<'static, TestApp>) {
    h.step();
    for _ in 0..1000 {
        h.step();
        if h.state().app.as_ref().is_some_and(|a| !a.jobs.is_busy()) {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    h.step();
    h.run();
}

/// Types `path` into the path prompt and presses OK, then steps once (the job it starts,
/// if any, is still running).
pub fn enter_path(h: &mut Harness<'static, TestApp>, path: &Path) {
    h.get_by_label("Path:").click();
    h.run();
    // The field starts with a proposed path: replace it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label("Path:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.step();
}

/// [`enter_path`], then waits for the job it started (open, save, load, export).
pub fn type_path(h: &mut Harness<'static, TestApp>, path: &Path) {
    enter_path(h, path);
    wait_for_jobs(h);
}

/// The app started on the two harbour fixtures (English pivot, Russian), loaded and aligned.
pub fn aligned_harbour(dir: &Path) -> Harness<'static, TestApp> {
    let en = fixture("harbour.en.txt");
    let ru = fixture("harbour.ru.txt");
    let mut h = harness(start_options(dir, vec![en, ru]));
    h.step();
    wait_for_jobs(&mut h);
    wait_for_jobs(&mut h);
    h
}

/// Glossary ▸ Open glossary… with `path` typed into its prompt.
pub fn open_glossary_file(h: &mut Harness<'static, TestApp>, path: &Path) {
    h.get_by_label("Glossary").click();
    h.run();
    h.get_by_label_contains("Open glossary").click();
    h.run();
    h.get_by_label("Glossary path:").click();
    h.run();
    h.get_by_label("Glossary path:")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("Use this file").click();
    h.run();
}

/// The texts of the open notices, oldest first; `errors_only` keeps the errors.
pub fn notice_texts(h: &Harness<'static, TestApp>, errors_only: bool) -> Vec<String> {
    h.state()
        .get()
        .ui
        .notices
        .list()
        .iter()
        .filter(|n| !errors_only || n.level == alinea::gui::panels::messages::Level::Error)
        .map(|n| n.text.clone())
        .collect()
}

/// The texts of all open notices.
pub fn notices(h: &Harness<'static, TestApp>) -> Vec<String> {
    notice_texts(h, false)
}

/// Steps until the background write of the recovery file is done.
pub fn wait_for_recovery_write(h: &mut Harness<'static, TestApp>) {
    h.step();
    for _ in 0..1000 {
        h.step();
        if h.state()
            .app
            .as_ref()
            .is_some_and(|a| !a.is_writing_recovery())
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run();
}

pub fn start_options(dir: &Path, files: Vec<PathBuf>) -> StartOptions {
    StartOptions {
        files,
        settings: Default::default(),
        recovery_dir: dir.join("recovery"),
    }
}

/// UI tests check what the app does with its rows, not how well it aligns: the fast engine
/// keeps their jobs short and deterministic whether or not the encoder's model is installed
/// (loading the model in a debug build outlasts kittest's frame budget).
fn pin_fast_engine() {
    static PIN: std::sync::Once = std::sync::Once::new();
    // SAFETY: set once, before this test binary's first app exists; the harness is the only
    // writer of the environment in the UI tests.
    PIN.call_once(|| unsafe { std::env::set_var("ALINEA_ENGINE", "fast") });
}

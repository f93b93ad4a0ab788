//! The frame loop of the app ([`AlineaApp`], whose state is in [`super::state`]): takes in
//! finished jobs, draws the panels from a read-only [`super::panels::context::PanelCtx`],
//! then applies the actions they returned (see [`super::dispatch`]). Works with or without
//! eframe: tests and benches call [`AlineaApp::new`] and [`AlineaApp::show`] on a bare egui
//! context.

use std::path::PathBuf;
use std::time::Instant;

use super::action::Action;
use super::panels;
use super::recovery::{self, RecoveryOffer};
use super::session::Session;
use super::settings::{self, AppSettings};
use super::state::AlineaApp;
use super::{dispatch, fonts, job_results};

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A project file, or documents for a new project; empty: last project or the sample.
    pub files: Vec<PathBuf>,
    /// Settings from the previous run.
    pub settings: AppSettings,
    /// Folder of the crash-recovery file.
    pub recovery_dir: PathBuf,
}

impl AlineaApp {
    /// Sets up fonts and theme on `ctx` and starts opening what `start` asks for.
    pub fn new(ctx: &egui::Context, start: StartOptions) -> Self {
        // The settings file beside the recovery file is written at once on every open and
        // save; what the caller read (eframe's storage) may be older.
        let settings = AppSettings::read_from(&start.recovery_dir).unwrap_or(start.settings);
        let mut app = Self::bare_checked(ctx, settings, start.recovery_dir);
        let files = start.files;
        let is_project = |p: &PathBuf| p.extension().is_some_and(|e| e == "alinea");
        if let [one] = files.as_slice()
            && is_project(one)
        {
            app.open_project(ctx, one);
        } else if !files.is_empty() {
            app.ui.new_project = Some(panels::versions::Draft::default());
            app.jobs
                .load_documents(ctx, files, Default::default(), Default::default(), true);
        } else if app.recovered.is_none() {
            let last = app.settings.last_project.clone().filter(|p| p.exists());
            match last {
                Some(path) => app.open_project(ctx, &path),
                None => app.jobs.sample(ctx),
            }
        }
        app
    }

    fn bare_checked(ctx: &egui::Context, settings: AppSettings, recovery_dir: PathBuf) -> Self {
        let mut app = Self::bare_with_fonts(ctx, settings, recovery_dir);
        app.recovered = app
            .recovery
            .left_over()
            .map(|origin| RecoveryOffer { origin });
        app
    }

    fn bare_with_fonts(ctx: &egui::Context, settings: AppSettings, recovery_dir: PathBuf) -> Self {
        fonts::install(ctx);
        AlineaApp::bare(settings, recovery_dir)
    }

    /// An app showing `session` right away (tests, benches); no start-up work.
    pub fn with_session(ctx: &egui::Context, session: Session, recovery_dir: PathBuf) -> Self {
        let mut app = Self::bare_with_fonts(ctx, AppSettings::default(), recovery_dir);
        app.session = Some(session);
        app
    }

    /// Draws the whole window into `ui` and applies what the editor asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(result) = self.jobs.poll() {
            job_results::take_in(self, &ctx, result);
        }
        if let Some(s) = &mut self.session {
            s.refresh_terms(&ctx);
        }
        self.read_shortcuts(&ctx);
        let dropped = panels::dropped_paths(&ctx);
        if !dropped.is_empty() {
            dispatch::files_dropped(self, dropped);
        }

        let (cx, state) = self.panel_view();
        let actions = panels::show_all(ui, &cx, state);
        self.actions.extend(actions);

        // A pass egui throws away runs again with the same input: its actions come again.
        if ctx.will_discard() {
            self.actions.clear();
        }
        dispatch::apply_queued(self, &ctx);
        if let Some(s) = &mut self.session {
            s.refresh_terms(&ctx);
        }
        self.after_frame(&ctx);
    }

    fn read_shortcuts(&mut self, ctx: &egui::Context) {
        // An open context menu or popup takes Escape first (and only it).
        if egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            egui::Popup::close_all(ctx);
        } else if ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
            // Escape closes the innermost open thing.
            if self.ui.glossary.mark.take().is_none()
                && self.ui.path_prompt.take().is_none()
                && self.pending.take().is_none()
                && self.ui.export_dialog.take().is_none()
                && self.ui.sentence_editor.take().is_none()
            {
                self.ui.find.open = false;
            }
        }
        let typing = ctx.egui_wants_keyboard_input();
        let modal_open = self.pending.is_some()
            || self.recovered.is_some()
            || self.ui.path_prompt.is_some()
            || self.ui.export_dialog.is_some();
        if modal_open {
            return;
        }
        let commands = super::shortcuts::take_commands(ctx, typing);
        self.actions.extend(commands);
    }

    fn after_frame(&mut self, ctx: &egui::Context) {
        let title = match &self.session {
            Some(s) => s.title(),
            None => "Alinea".to_string(),
        };
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        let dark = self
            .session
            .as_ref()
            .map_or(self.settings.dark_mode, |s| s.project().view.dark_mode);
        if self.theme_dark != Some(dark) {
            ctx.set_theme(if dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            self.theme_dark = Some(dark);
        }
        let (lost_focus, active) = ctx.input(|i| {
            let lost = i
                .events
                .iter()
                .any(|e| matches!(e, egui::Event::WindowFocused(false)));
            (
                lost,
                !i.events.is_empty() || i.pointer.is_decidedly_dragging(),
            )
        });
        if active {
            self.last_input = Instant::now();
        }
        // The snapshot is a copy of the project made on this thread (a fifth of a second
        // for two 100 MB versions): taken in a pause of the editor's work, or after
        // AUTOSAVE_LATEST at the latest.
        let since = self.last_autosave.elapsed();
        let due = since >= recovery::AUTOSAVE_INTERVAL
            && (self.last_input.elapsed() >= recovery::AUTOSAVE_PAUSE
                || since >= recovery::AUTOSAVE_LATEST);
        // Edits reach the recovery file within EDIT_WRITE_DELAY (plus the write itself).
        let edited = self
            .session
            .as_ref()
            .is_some_and(|s| s.is_dirty() && s.recovered_revision != s.history.revision());
        if edited && self.edited_since.is_none() {
            self.edited_since = Some(Instant::now());
        }
        let edit_due = self
            .edited_since
            .is_some_and(|t| t.elapsed() >= recovery::EDIT_WRITE_DELAY);
        if lost_focus || due || (edit_due && !self.recovery_writer.is_busy()) {
            dispatch::autosave(self);
            self.edited_since = None;
        }
        if let Some(t) = self.edited_since {
            let wait = recovery::EDIT_WRITE_DELAY.saturating_sub(t.elapsed());
            ctx.request_repaint_after(wait.max(std::time::Duration::from_millis(50)));
        }
        if let Some((revision, outcome)) = self.recovery_writer.poll() {
            dispatch::autosave_finished(self, revision, outcome);
        }
        if self.recovery_writer.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
        }
        if self.jobs.is_busy() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        let wait = recovery::AUTOSAVE_INTERVAL.saturating_sub(self.last_autosave.elapsed());
        ctx.request_repaint_after(wait.max(recovery::AUTOSAVE_PAUSE));
    }
}

impl eframe::App for AlineaApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.push(Action::Quit);
        }
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        if let Some(path) = self.session.as_ref().and_then(|s| s.path.clone()) {
            self.settings.last_project = Some(path);
        }
        eframe::set_value(storage, settings::STORAGE_KEY, &self.settings);
        // Best effort: the file was written on every open and save already.
        let _ = self.settings.write_to(self.recovery.dir());
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.clear_recovery();
    }
}

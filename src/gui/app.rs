//! The app: owns the session, the jobs and the panels' view state; draws the panels, then
//! applies the actions they recorded (see [`super::dispatch`]). Works with or without eframe:
//! tests and benches call [`AlineaApp::new`] and [`AlineaApp::show`] on a bare egui context.

use std::path::PathBuf;
use std::time::Instant;

use super::action::Action;
use super::jobs::Jobs;
use super::panels::{self, UiState};
use super::recovery::{self, RecoveryFolder, RecoveryOffer, RecoveryWriter};
use super::session::Session;
use super::settings::{self, AppSettings};
use super::{dispatch, fonts};

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

/// The Alinea window.
pub struct AlineaApp {
    /// The open project, if any.
    pub session: Option<Session>,
    /// Background work.
    pub jobs: Jobs,
    /// Recent projects and other settings kept between runs.
    pub settings: AppSettings,
    /// Panels' view state.
    pub ui: UiState,
    /// Use native file dialogs (rfd); off in tests, which use typed paths.
    pub native_dialogs: bool,
    pub(crate) recovery: RecoveryFolder,
    pub(crate) recovery_writer: RecoveryWriter,
    pub(crate) actions: Vec<Action>,
    /// The action to run once the save it waited for has finished (from "save changes?").
    pub(crate) after_save: Option<Action>,
    /// An action waiting for the answer to "save changes?".
    pub(crate) pending: Option<Action>,
    /// Set when the editor chose to discard changes for the pending action.
    pub(crate) discard_ok: bool,
    /// A project found in the recovery folder, offered at start.
    pub(crate) recovered: Option<RecoveryOffer>,
    pub(crate) last_autosave: Instant,
    /// When an edit not yet in the recovery file was first seen.
    pub(crate) edited_since: Option<Instant>,
    /// When the editor last typed, clicked or moved the pointer in the window.
    pub(crate) last_input: Instant,
    pub(crate) allow_close: bool,
    title: String,
    theme_dark: Option<bool>,
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
            dispatch::open_project(&mut app, ctx, one);
        } else if !files.is_empty() {
            app.ui.new_project = Some(panels::versions::Draft::default());
            app.jobs
                .load_documents(ctx, files, Default::default(), Default::default(), true);
        } else if app.recovered.is_none() {
            let last = app.settings.last_project.clone().filter(|p| p.exists());
            match last {
                Some(path) => dispatch::open_project(&mut app, ctx, &path),
                None => app.jobs.sample(ctx),
            }
        }
        app
    }

    fn bare_checked(ctx: &egui::Context, settings: AppSettings, recovery_dir: PathBuf) -> Self {
        let mut app = Self::bare(ctx, settings, recovery_dir);
        app.recovered = app
            .recovery
            .left_over()
            .map(|origin| RecoveryOffer { origin });
        app
    }

    fn bare(ctx: &egui::Context, settings: AppSettings, recovery_dir: PathBuf) -> Self {
        fonts::install(ctx);
        AlineaApp {
            session: None,
            jobs: Jobs::default(),
            settings,
            ui: UiState::default(),
            native_dialogs: true,
            recovered: None,
            recovery: RecoveryFolder::new(recovery_dir),
            recovery_writer: RecoveryWriter::default(),
            actions: Vec::new(),
            after_save: None,
            pending: None,
            discard_ok: false,
            last_autosave: Instant::now(),
            edited_since: None,
            last_input: Instant::now(),
            allow_close: false,
            title: String::new(),
            theme_dark: None,
        }
    }

    /// An app showing `session` right away (tests, benches); no start-up work.
    pub fn with_session(ctx: &egui::Context, session: Session, recovery_dir: PathBuf) -> Self {
        let mut app = Self::bare(ctx, AppSettings::default(), recovery_dir);
        app.session = Some(session);
        app
    }

    /// Records an action to apply after this frame's drawing.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// The recovery folder in use.
    pub fn recovery_dir(&self) -> &std::path::Path {
        self.recovery.dir()
    }

    /// Draws the whole window into `ui` and applies what the editor asked for.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if let Some(out) = self.jobs.poll() {
            dispatch::job_finished(self, &ctx, out);
        }
        if let Some(s) = &mut self.session {
            s.terms.refresh(&s.project, &s.history, &ctx);
        }
        self.read_shortcuts(&ctx);
        let dropped = panels::dropped_paths(&ctx);
        if !dropped.is_empty() {
            dispatch::files_dropped(self, dropped);
        }

        panels::menu_bar::show(self, ui);
        panels::status_bar::show(self, ui);
        if self.ui.find.open && self.session.is_some() && self.ui.new_project.is_none() {
            panels::find::show(self, ui);
        }
        if self.ui.help_open {
            panels::help::show(self, ui);
        }
        if self.session.is_some() && self.ui.new_project.is_none() {
            panels::glossary::show_panel(self, ui);
            panels::findings::show(self, ui);
            panels::review_queue::show(self, ui);
        }
        egui::CentralPanel::default().show(ui, |ui| {
            if self.ui.new_project.is_some() {
                panels::versions::show(self, ui);
            } else if self.session.is_some() {
                panels::alignment_table::show(self, ui);
            } else {
                panels::dialogs::welcome(self, ui);
            }
        });
        panels::sentence_editor::show(self, &ctx);
        panels::export_dialog::show(self, &ctx);
        panels::glossary_dialogs::show(self, &ctx);
        panels::dialogs::show(self, &ctx);
        panels::messages::show(self, &ctx);

        // A pass egui throws away runs again with the same input: its actions come again.
        if ctx.will_discard() {
            self.actions.clear();
        }
        for action in std::mem::take(&mut self.actions) {
            dispatch::apply(self, &ctx, action);
        }
        if let Some(s) = &mut self.session {
            s.terms.refresh(&s.project, &s.history, &ctx);
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
            .map_or(self.settings.dark_mode, |s| s.project.view.dark_mode);
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

    /// Removes the recovery file, after any write of it still running has finished (else
    /// that write would bring it back).
    pub fn clear_recovery(&mut self) {
        self.recovery_writer.wait();
        self.recovery.clear();
    }

    /// True while the recovery file is being written in the background.
    pub fn is_writing_recovery(&self) -> bool {
        self.recovery_writer.is_busy()
    }

    /// The window title the app last set.
    pub fn title(&self) -> &str {
        &self.title
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

//! The app's state: the session, the jobs, the settings, the panels' view state, and the few
//! operations every command handler shares (apply an edit, close the project, start an open
//! or a save, ask for a typed path). The frame loop is in [`super::app`]; what commands do
//! is in [`super::dispatch`].

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::edit::Edit;

use super::action::Action;
use super::jobs::Jobs;
use super::panels::context::{JobView, PanelCtx};
use super::panels::{PathPrompt, PathPurpose, UiState};
use super::recovery::{RecoveryFolder, RecoveryOffer, RecoveryWriter};
use super::session::Session;
use super::settings::AppSettings;

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
    pub(crate) title: String,
    pub(crate) theme_dark: Option<bool>,
}

impl AlineaApp {
    /// The state of an app with nothing open and nothing started.
    pub(crate) fn bare(settings: AppSettings, recovery_dir: PathBuf) -> Self {
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

    /// Records an action to apply after this frame's drawing.
    pub fn push(&mut self, action: Action) {
        self.actions.push(action);
    }

    /// The recovery folder in use.
    pub fn recovery_dir(&self) -> &Path {
        self.recovery.dir()
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

    /// The panels' read-only view of the app, and their view state to draw into.
    pub(crate) fn panel_view(&mut self) -> (PanelCtx<'_>, &mut UiState) {
        let job = self.jobs.status().map(|(label, fraction)| JobView {
            label,
            fraction,
            stage: self.jobs.stage(),
            can_cancel: self.jobs.can_cancel(),
        });
        let cx = PanelCtx {
            session: self.session.as_ref(),
            settings: &self.settings,
            job,
            pending: self.pending.as_ref(),
            recovered: self.recovered.as_ref(),
        };
        (cx, &mut self.ui)
    }

    /// Applies `edit` as one undoable step; reports a refused edit in the status bar.
    pub fn apply_edit(&mut self, label: &str, edit: Edit) {
        let Some(s) = &mut self.session else {
            return;
        };
        match s.apply_edit(label, edit) {
            Ok(()) => self.ui.info(label.to_string()),
            Err(e) => self.ui.error(format!("{label}: {e}")),
        }
    }

    /// Opens the typed-path prompt (no native file dialog available).
    pub(crate) fn prompt_path(&mut self, purpose: PathPurpose) {
        let text = super::path_proposal::proposed_path(self.session.as_ref(), purpose);
        self.ui.path_prompt = Some(PathPrompt {
            purpose,
            text,
            error: None,
            focused: false,
        });
    }

    /// Closes the open project (cancelling its jobs and clearing its view state).
    pub(crate) fn close_session(&mut self) {
        // Work for the project being closed (e.g. a re-align) must not land in the next one.
        self.jobs.cancel();
        if self.session.take().is_some() {
            self.clear_recovery();
        }
        self.after_save = None;
        self.ui.sentence_editor = None;
        self.ui.table = Default::default();
        self.ui.find.clear_results();
        let open = self.ui.review.open;
        self.ui.review = Default::default();
        self.ui.review.open = open;
        self.ui.glossary.example_spans.clear();
    }

    /// Starts opening the project at `path` in the background; the current project is
    /// replaced only once the new one has loaded.
    pub fn open_project(&mut self, ctx: &egui::Context, path: &Path) {
        if let Some((label, _)) = self.jobs.status() {
            self.ui.error(format!(
                "Wait until “{label}” has finished, then open the project"
            ));
            return;
        }
        self.jobs.open_project(ctx, path.to_path_buf());
    }

    /// Starts writing a snapshot of the project to `path` in the background; true if started.
    pub(crate) fn save_to(&mut self, ctx: &egui::Context, path: &Path) -> bool {
        let Some(s) = &self.session else {
            return false;
        };
        if let Some((label, _)) = self.jobs.status() {
            self.ui
                .error(format!("Wait until “{label}” has finished, then save"));
            return false;
        }
        let path: PathBuf = if path.extension().is_none() {
            path.with_extension("alinea")
        } else {
            path.to_path_buf()
        };
        let snapshot = s.project().clone();
        let revision = s.history.revision();
        self.jobs.save_project(ctx, snapshot, path, revision);
        true
    }

    /// Puts `path` at the top of the recent list and writes the settings at once, so a crash
    /// right after still reopens it.
    pub(crate) fn remember_project(&mut self, path: &Path) {
        self.settings.remember(path);
        if let Err(e) = self.settings.write_to(self.recovery.dir()) {
            self.ui
                .error(format!("Could not keep the recent projects: {e}"));
        }
    }
}

//! The panels of the window. Each is `show(ui, &PanelCtx, &mut ItsViewState) -> Vec<Action>`:
//! it draws from the read-only [`context::PanelCtx`] and its own view state (scroll position,
//! find query, drafts) and returns what the editor asked for; [`show_all`] lays them out.

pub mod alignment_table;
pub mod context;
pub mod dialogs;
pub mod export_dialog;
pub mod find;
pub mod findings;
pub mod glossary;
pub mod glossary_dialogs;
pub mod grid_scroll;
pub mod help;
pub mod mark_term;
pub mod menu_bar;
pub mod messages;
pub mod review_queue;
pub mod row_gutter;
pub mod row_heights;
pub mod sentence_editor;
pub mod status_bar;
pub mod versions;

use std::path::PathBuf;

use context::PanelCtx;

use super::action::Action;

/// What a typed-path prompt is for (used when no native file dialog is available).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open a project.
    Open,
    /// Save the project under a new name.
    SaveAs,
    /// Add documents to the new project.
    AddDocuments,
    /// Import a TMX file as a new project.
    ImportTmx,
    /// Export the project's glossary (.tbx or .csv).
    ExportGlossary,
}

/// A typed-path prompt.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: PathPurpose,
    /// The text typed so far (a proposed path to start with).
    pub text: String,
    /// Why the path was refused, shown in the dialog (which stays open).
    pub error: Option<String>,
    /// The path field has been given the keyboard focus.
    pub focused: bool,
}

/// View state of all panels (never saved with the project).
#[derive(Default)]
pub struct UiState {
    /// The new-project draft, while the editor is putting one together.
    pub new_project: Option<versions::Draft>,
    /// Find bar state and hits.
    pub find: find::FindState,
    /// Table scroll and row-height cache.
    pub table: alignment_table::TableState,
    /// The F1 help panel is open.
    pub help_open: bool,
    /// The sentence editor window, if open.
    pub sentence_editor: Option<sentence_editor::SentenceEditor>,
    /// A typed-path prompt, if open.
    pub path_prompt: Option<PathPrompt>,
    /// Last status message and whether it is an error.
    pub message: Option<(String, bool)>,
    /// Errors and reports waiting to be dismissed.
    pub notices: messages::Notices,
    /// The export dialog, if open.
    pub export_dialog: Option<export_dialog::ExportDialog>,
    /// Glossary panels, "Mark as term", findings (view state).
    pub glossary: glossary::GlossaryUi,
    /// The term review queue (view state).
    pub review: review_queue::ReviewUi,
}

impl UiState {
    /// Shows an informational message in the status bar.
    pub fn info(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), false));
    }

    /// Shows an error as a notice that stays until dismissed.
    pub fn error(&mut self, text: impl Into<String>) {
        self.message = None;
        self.notices.push(messages::Level::Error, text);
    }

    /// Shows a report or warning as a notice that stays until dismissed.
    pub fn notice(&mut self, level: messages::Level, text: impl Into<String>) {
        self.notices.push(level, text);
    }
}

/// Paths of dropped files this frame.
pub fn dropped_paths(ctx: &egui::Context) -> Vec<PathBuf> {
    ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    })
}

/// Draws every panel into `ui` from `cx` and `state`, in window order (bars and side panels
/// before the central panel, windows and modals last); the actions the editor asked for.
pub fn show_all(ui: &mut egui::Ui, cx: &PanelCtx, state: &mut UiState) -> Vec<Action> {
    let ctx = ui.ctx().clone();
    let mut actions = Vec::new();
    let project_shown = cx.session.is_some() && state.new_project.is_none();
    actions.extend(menu_bar::show(ui, cx));
    actions.extend(status_bar::show(ui, cx, &state.message));
    if state.find.open && project_shown {
        actions.extend(find::show(ui, &mut state.find));
    }
    if state.help_open {
        actions.extend(help::show(ui));
    }
    if project_shown {
        actions.extend(glossary::show(ui, cx, &mut state.glossary));
        actions.extend(findings::show(ui, cx, &mut state.glossary));
        actions.extend(review_queue::show(ui, cx, &mut state.review));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if state.new_project.is_some() {
            actions.extend(versions::show(ui, cx, &mut state.new_project));
        } else if cx.session.is_some() {
            actions.extend(alignment_table::show(
                ui,
                cx,
                &mut state.table,
                &mut state.find,
                &mut state.glossary,
            ));
        } else {
            actions.extend(dialogs::welcome(ui, cx));
        }
    });
    actions.extend(sentence_editor::show(&ctx, cx, &mut state.sentence_editor));
    actions.extend(export_dialog::show(&ctx, cx, &mut state.export_dialog));
    actions.extend(glossary_dialogs::show(&ctx, cx, &mut state.glossary));
    actions.extend(dialogs::show(&ctx, cx, &mut state.path_prompt));
    messages::show(&ctx, &mut state.notices);
    actions
}

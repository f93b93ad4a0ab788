//! Modal questions: save changes before closing, recover after a crash, type a path when no
//! native file dialog is available; and the welcome screen when nothing is open.

use std::path::PathBuf;

use crate::gui::action::{Action, SaveChoice};

use super::context::PanelCtx;
use super::{PathPrompt, PathPurpose};

/// The screen shown when no project is open.
pub fn welcome(ui: &mut egui::Ui, cx: &PanelCtx) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading("Alinea");
        ui.label("Align translations of one report sentence by sentence.");
        ui.add_space(16.0);
        if cx.busy() {
            ui.spinner();
            return;
        }
        for a in [Action::NewProject, Action::OpenProject] {
            let text = format!("{}   {}", a.label(), a.shortcut_text(ui.ctx()));
            if ui
                .button(text)
                .on_hover_text(a.hover_text(ui.ctx()))
                .clicked()
            {
                actions.push(a);
            }
        }
        if !cx.settings.recent.is_empty() {
            ui.add_space(12.0);
            ui.strong("Recent projects");
            for path in &cx.settings.recent {
                if ui.link(path.display().to_string()).clicked() {
                    actions.push(Action::OpenPath(path.clone()));
                }
            }
        }
    });
    actions
}

/// Draws whichever modal question is open: recovery, "save changes?", or the typed path of
/// `path_prompt`.
pub fn show(
    ctx: &egui::Context,
    cx: &PanelCtx,
    path_prompt: &mut Option<PathPrompt>,
) -> Vec<Action> {
    let answer = if let Some(offer) = cx.recovered {
        recovery_offer(ctx, offer.origin.as_deref())
    } else if cx.pending.is_some() {
        save_changes(ctx, cx)
    } else {
        ask_path(ctx, path_prompt)
    };
    answer.into_iter().collect()
}

fn save_changes(ctx: &egui::Context, cx: &PanelCtx) -> Option<Action> {
    let name = cx
        .session
        .and_then(|s| s.path.as_ref())
        .and_then(|p| p.file_name())
        .map_or("the new project".to_string(), |n| {
            n.to_string_lossy().into_owned()
        });
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("save_changes")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!("Save the changes to {name} first?"));
        ui.horizontal(|ui| {
            for c in ["Save", "Discard", "Cancel"] {
                if ui.button(c).clicked() {
                    choice = Some(c);
                }
            }
        });
    });
    let choice = match choice? {
        "Save" => SaveChoice::Save,
        "Discard" => SaveChoice::Discard,
        _ => SaveChoice::Cancel,
    };
    Some(Action::AnswerSaveChanges(choice))
}

fn recovery_offer(ctx: &egui::Context, origin: Option<&std::path::Path>) -> Option<Action> {
    let origin = origin.map_or("a project never saved".to_string(), |p| {
        p.display().to_string()
    });
    let mut choice = None;
    egui::Modal::new(egui::Id::unique("recovery_offer")).show(ctx, |ui| {
        ui.heading("Recover unsaved work?");
        ui.label(format!(
            "Alinea did not close cleanly. Unsaved changes to {origin} were kept."
        ));
        ui.horizontal(|ui| {
            if ui.button("Recover").clicked() {
                choice = Some(true);
            }
            if ui.button("Discard").clicked() {
                choice = Some(false);
            }
        });
    });
    choice.map(Action::AnswerRecovery)
}

/// Why `text` cannot be used for `purpose` (shown in the dialog), if it cannot.
fn path_problem(purpose: PathPurpose, text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("Type a path".to_string());
    }
    let paths: Vec<&str> = match purpose {
        PathPurpose::AddDocuments => text
            .split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect(),
        _ => vec![text],
    };
    for p in paths {
        let path = std::path::Path::new(p);
        let reads = matches!(
            purpose,
            PathPurpose::Open | PathPurpose::AddDocuments | PathPurpose::ImportTmx
        );
        if reads && !path.is_file() {
            return Some(format!("No such file: {p}"));
        }
        let folder = path.parent().filter(|d| !d.as_os_str().is_empty());
        if !reads && folder.is_some_and(|d| !d.is_dir()) {
            return Some(format!(
                "No such folder: {}",
                folder.map_or(String::new(), |d| d.display().to_string())
            ));
        }
        if !reads && path.is_dir() {
            return Some(format!("{p} is a folder: add a file name"));
        }
    }
    None
}

fn ask_path(ctx: &egui::Context, path_prompt: &mut Option<PathPrompt>) -> Option<Action> {
    let prompt = path_prompt.as_mut()?;
    let (title, hint) = match prompt.purpose {
        PathPurpose::Open => ("Open project", "/path/to/project.alinea"),
        PathPurpose::SaveAs => ("Save project as", "/path/to/project.alinea"),
        PathPurpose::AddDocuments => ("Add documents", "/path/a.txt; /path/b.docx"),
        PathPurpose::ImportTmx => ("Import TMX", "/path/memory.tmx"),
        PathPurpose::ExportGlossary => ("Export glossary", "/path/terms.tbx or terms.csv"),
    };
    let mut done = None;
    egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
        ui.heading(title);
        ui.label("No file dialog is available here: type the path.");
        let label = ui.label("Path:");
        let edit = ui
            .add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .hint_text(hint)
                    .desired_width(420.0),
            )
            .labelled_by(label.id);
        // Like a desktop dialog: the cursor is in the path field from the start.
        if !prompt.focused {
            edit.request_focus();
            prompt.focused = true;
        }
        if let Some(error) = &prompt.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        let entered = ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button("OK").clicked() || entered {
                done = Some(true);
            }
            if ui.button("Cancel").clicked() {
                done = Some(false);
            }
        });
    });
    let ok = done?;
    if ok {
        prompt.error = path_problem(prompt.purpose, prompt.text.trim());
        if prompt.error.is_some() {
            // Back into the field to fix the path (Enter took the focus out of it).
            prompt.focused = false;
            return None;
        }
    }
    let prompt = path_prompt.take()?;
    let text = prompt.text.trim();
    if !ok || text.is_empty() {
        return None;
    }
    let action = match prompt.purpose {
        PathPurpose::Open => Action::OpenPath(PathBuf::from(text)),
        PathPurpose::SaveAs => Action::SaveTo(PathBuf::from(text)),
        PathPurpose::AddDocuments => Action::AddDocuments(
            text.split(';')
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect(),
        ),
        PathPurpose::ImportTmx => Action::ImportTmxFrom(PathBuf::from(text)),
        PathPurpose::ExportGlossary => Action::ExportGlossaryTo(PathBuf::from(text)),
    };
    Some(action)
}

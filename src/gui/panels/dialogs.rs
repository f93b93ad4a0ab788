//! Modal questions: save changes before closing, recover after a crash, type a path when no
//! native file dialog is available; and the welcome screen when nothing is open.

use std::path::PathBuf;

use crate::gui::action::Action;
use crate::gui::app::AlineaApp;
use crate::gui::dispatch;

use super::PathPurpose;

/// The screen shown when no project is open.
pub fn welcome(app: &mut AlineaApp, ui: &mut egui::Ui) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading("Alinea");
        ui.label("Align translations of one report sentence by sentence.");
        ui.add_space(16.0);
        if app.jobs.is_busy() {
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
                app.push(a);
            }
        }
        if !app.settings.recent.is_empty() {
            ui.add_space(12.0);
            ui.strong("Recent projects");
            for path in app.settings.recent.clone() {
                if ui.link(path.display().to_string()).clicked() {
                    app.push(Action::OpenPath(path));
                }
            }
        }
    });
}

/// Draws whichever modal question is open.
pub fn show(app: &mut AlineaApp, ctx: &egui::Context) {
    if app.recovered.is_some() {
        recovery_offer(app, ctx);
    } else if app.pending.is_some() {
        save_changes(app, ctx);
    } else if app.ui.path_prompt.is_some() {
        path_prompt(app, ctx);
    }
}

fn save_changes(app: &mut AlineaApp, ctx: &egui::Context) {
    let name = app
        .session
        .as_ref()
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
    match choice {
        Some("Save") => {
            let pending = app.pending.take();
            if dispatch::save_current(app, ctx) {
                // Runs once the save has finished cleanly.
                app.after_save = pending;
            }
        }
        Some("Discard") => {
            if let Some(a) = app.pending.take() {
                app.discard_ok = true;
                app.push(a);
            }
        }
        Some(_) => app.pending = None,
        None => {}
    }
}

fn recovery_offer(app: &mut AlineaApp, ctx: &egui::Context) {
    let origin = app
        .recovered
        .as_ref()
        .and_then(|r| r.origin.as_ref())
        .map_or("a project never saved".to_string(), |p| {
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
    let Some(recover) = choice else {
        return;
    };
    if app.recovered.take().is_none() {
        return;
    }
    if recover {
        // Read in the background: a big project's snapshot takes seconds.
        let folder = app.recovery.clone();
        app.jobs.recover(ctx, folder);
    } else {
        app.clear_recovery();
        match app.settings.last_project.clone().filter(|p| p.exists()) {
            Some(path) => dispatch::open_project(app, ctx, &path),
            None => app.jobs.sample(ctx),
        }
    }
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

fn path_prompt(app: &mut AlineaApp, ctx: &egui::Context) {
    let Some(prompt) = app.ui.path_prompt.as_mut() else {
        return;
    };
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
    let Some(ok) = done else {
        return;
    };
    if ok && let Some(prompt) = app.ui.path_prompt.as_mut() {
        prompt.error = path_problem(prompt.purpose, prompt.text.trim());
        if prompt.error.is_some() {
            // Back into the field to fix the path (Enter took the focus out of it).
            prompt.focused = false;
            return;
        }
    }
    let Some(prompt) = app.ui.path_prompt.take() else {
        return;
    };
    let text = prompt.text.trim();
    if !ok || text.is_empty() {
        return;
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
    app.push(action);
}

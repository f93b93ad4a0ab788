//! The menu bar: File, Edit, Go, View, Help, generated from [`Action::COMMANDS`] so labels,
//! shortcuts and tooltips match the help panel.

use crate::gui::action::{Action, Group};

use super::context::PanelCtx;

/// Draws the menu bar at the top of the window.
pub fn show(ui: &mut egui::Ui, cx: &PanelCtx) -> Vec<Action> {
    let mut actions = Vec::new();
    let has_session = cx.session.is_some();
    let undo_label = cx
        .session
        .and_then(|s| s.history.undo_label())
        .map(|l| format!("Undo {l}"));
    let redo_label = cx
        .session
        .and_then(|s| s.history.redo_label())
        .map(|l| format!("Redo {l}"));
    egui::Panel::top("menu_bar").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                group(ui, Group::File, has_session, &mut actions, |a| {
                    matches!(a, Action::Save | Action::SaveAs | Action::CloseProject)
                });
                ui.separator();
                super::export_dialog::file_menu_items(ui, has_session, &mut actions);
                ui.separator();
                ui.menu_button("Recent projects", |ui| {
                    if cx.settings.recent.is_empty() {
                        ui.label("(none yet)");
                    }
                    for path in &cx.settings.recent {
                        let name = path.display().to_string();
                        if ui.button(name).clicked() {
                            actions.push(Action::OpenPath(path.clone()));
                            ui.close();
                        }
                    }
                });
            });
            ui.menu_button("Edit", |ui| {
                for a in Action::COMMANDS.iter().filter(|a| a.group() == Group::Edit) {
                    let label = match a {
                        Action::Undo => undo_label.clone(),
                        Action::Redo => redo_label.clone(),
                        _ => None,
                    };
                    item(ui, a, label.as_deref(), has_session, &mut actions);
                    if matches!(a, Action::Undo) {
                        ui.separator();
                    }
                }
            });
            ui.menu_button("Go", |ui| {
                group(ui, Group::Navigate, has_session, &mut actions, |_| true);
            });
            ui.menu_button("View", |ui| {
                group(ui, Group::View, has_session, &mut actions, |a| {
                    !matches!(a, Action::ToggleTheme | Action::ToggleHelp)
                });
                if let Some(s) = cx.session {
                    ui.separator();
                    ui.menu_button("Columns", |ui| {
                        for v in s.column_order() {
                            let Some(version) = s.version(v) else {
                                continue;
                            };
                            ui.horizontal(|ui| {
                                let mut shown = !s.project().view.hidden_columns.contains(&v);
                                let text = format!("{} · {}", version.lang, version.name);
                                if ui.checkbox(&mut shown, text).changed() {
                                    actions.push(Action::ToggleColumn(v));
                                }
                                if ui.small_button("Left").on_hover_text("Move left").clicked() {
                                    actions.push(Action::MoveColumn {
                                        version: v,
                                        offset: -1,
                                    });
                                }
                                if ui
                                    .small_button("Right")
                                    .on_hover_text("Move right")
                                    .clicked()
                                {
                                    actions.push(Action::MoveColumn {
                                        version: v,
                                        offset: 1,
                                    });
                                }
                            });
                        }
                    });
                }
            });
            ui.menu_button("Glossary", |ui| {
                group(ui, Group::Glossary, has_session, &mut actions, |_| true);
                ui.separator();
                super::export_dialog::glossary_menu_items(ui, has_session, &mut actions);
            });
            ui.menu_button("Help", |ui| {
                item(ui, &Action::ToggleHelp, None, true, &mut actions);
            });
        });
    });
    actions
}

fn group(
    ui: &mut egui::Ui,
    g: Group,
    has_session: bool,
    actions: &mut Vec<Action>,
    needs_session: impl Fn(&Action) -> bool,
) {
    for a in Action::COMMANDS.iter().filter(|a| a.group() == g) {
        let enabled = has_session || !needs_session(a);
        item(ui, a, None, enabled, actions);
    }
}

fn item(
    ui: &mut egui::Ui,
    action: &Action,
    label: Option<&str>,
    enabled: bool,
    actions: &mut Vec<Action>,
) {
    let enabled = enabled || !action.edits_project() && action.group() != Group::Navigate;
    let button = egui::Button::new(label.unwrap_or(action.label()))
        .shortcut_text(action.shortcut_text(ui.ctx()));
    let resp = ui
        .add_enabled(enabled, button)
        .on_hover_text(action.hover_text(ui.ctx()));
    if resp.clicked() {
        actions.push(action.clone());
        ui.close();
    }
}

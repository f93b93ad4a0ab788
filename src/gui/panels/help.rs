//! The F1 help panel: every command with its shortcut and what it does, from
//! [`Action::COMMANDS`].

use crate::gui::action::{Action, Group};

/// Draws the help panel on the right.
pub fn show(ui: &mut egui::Ui) -> Vec<Action> {
    let mut close = false;
    egui::Panel::right("help_panel")
        .resizable(true)
        .default_size(380.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Keyboard help");
                if ui.button("Close").on_hover_text("Close (F1)").clicked() {
                    close = true;
                }
            });
            ui.label("Click a cell or use the arrow keys; right-click a cell for its commands.");
            egui::ScrollArea::vertical().show(ui, |ui| {
                for (g, title) in [
                    (Group::Edit, "Edit"),
                    (Group::Navigate, "Move around"),
                    (Group::View, "View"),
                    (Group::Glossary, "Glossary"),
                    (Group::File, "File"),
                ] {
                    ui.add_space(6.0);
                    ui.strong(title);
                    egui::Grid::new(("help_grid", title))
                        .striped(true)
                        .num_columns(2)
                        .show(ui, |ui| {
                            for a in Action::COMMANDS.iter().filter(|a| a.group() == g) {
                                ui.monospace(a.shortcut_text(ui.ctx()));
                                ui.label(a.label()).on_hover_text(a.tooltip());
                                ui.end_row();
                            }
                        });
                }
            });
        });
    if close {
        vec![Action::ToggleHelp]
    } else {
        Vec::new()
    }
}

/// The shortcuts as a Markdown table (for notes and the README).
pub fn markdown_table(ctx: &egui::Context) -> String {
    let mut out = String::from("| Shortcut | Command | What it does |\n|---|---|---|\n");
    for a in Action::COMMANDS {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            a.shortcut_text(ctx),
            a.label(),
            a.tooltip()
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_table_lists_every_command() {
        let ctx = egui::Context::default();
        let table = markdown_table(&ctx);
        for a in Action::COMMANDS {
            assert!(table.contains(a.label()), "{a:?} missing");
        }
        // `cargo test --lib gui::panels::help -- --nocapture` prints the table for notes/gui.md.
        println!("{table}");
    }
}

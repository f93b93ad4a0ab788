//! The glossary's windows: the typed glossary path (when no native file dialog is available)
//! and the save-conflict dialog (per concept: mine or theirs), plus "Mark as term".

use std::path::PathBuf;

use crate::glossary::Concept;
use crate::gui::action::{Action, GlossaryAction};

use super::context::PanelCtx;
use super::glossary::{GlossaryPathKind, GlossaryUi};
use super::mark_term;

/// The typed glossary path prompt and the save-conflict dialog (call after the panels).
pub fn show(ctx: &egui::Context, cx: &PanelCtx, g: &mut GlossaryUi) -> Vec<Action> {
    let mut actions = Vec::new();
    if let Some((kind, text)) = &mut g.path_prompt {
        let title = match kind {
            GlossaryPathKind::New => "New glossary",
            GlossaryPathKind::Open => "Open glossary",
            GlossaryPathKind::SaveAs => "Save glossary as",
        };
        let mut close = false;
        egui::Window::new(title).collapsible(false).show(ctx, |ui| {
            let label = ui.label("Glossary path:");
            ui.text_edit_singleline(text).labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button("Use this file").clicked() && !text.trim().is_empty() {
                    let p = PathBuf::from(text.trim());
                    actions.push(Action::Glossary(match kind {
                        GlossaryPathKind::New => GlossaryAction::NewGlossaryAt(p),
                        GlossaryPathKind::Open => GlossaryAction::OpenGlossaryAt(p),
                        GlossaryPathKind::SaveAs => GlossaryAction::SaveGlossaryAt(p),
                    }));
                    close = true;
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
        if close {
            g.path_prompt = None;
        }
    }
    if let Some(d) = &mut g.conflicts {
        let mut done = false;
        egui::Window::new("Glossary conflicts")
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{} was changed by someone else since you opened it. These concepts were changed on both sides:",
                    d.path.display()
                ));
                for (i, c) in d.outcome.conflicts.iter().enumerate() {
                    ui.separator();
                    ui.strong(&c.id);
                    ui.label(format!("Mine: {}", concept_summary(c.mine.as_ref())));
                    ui.label(format!("Theirs: {}", concept_summary(c.theirs.as_ref())));
                    ui.horizontal(|ui| {
                        ui.radio_value(&mut d.keep_mine[i], true, "Keep mine");
                        ui.radio_value(&mut d.keep_mine[i], false, "Keep theirs");
                    });
                }
                if ui.button("Save with these choices").clicked() {
                    done = true;
                }
            });
        if done {
            let choices = d
                .outcome
                .conflicts
                .iter()
                .zip(&d.keep_mine)
                .map(|(c, &m)| (c.id.clone(), m))
                .collect();
            actions.push(Action::Glossary(GlossaryAction::ResolveConflicts(choices)));
        }
    }
    actions.extend(mark_term::show(ctx, cx, &mut g.mark));
    actions
}

fn concept_summary(c: Option<&Concept>) -> String {
    let Some(c) = c else {
        return "(deleted)".to_string();
    };
    c.terms
        .iter()
        .map(|(lang, ts)| {
            let list: Vec<String> = ts.iter().map(mark_term::term_display).collect();
            format!("{lang}: {}", list.join("; "))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

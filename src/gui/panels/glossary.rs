//! The glossary panel (right side): list and search concepts, edit their terms, merge two
//! concepts, delete; plus the glossary's view state, its typed-path prompt and the save
//! conflict dialog. Every change goes through `GlossaryAction::PutConcepts` (undoable).

use std::ops::Range;
use std::path::PathBuf;

use egui::Color32;

use crate::checks::Finding;
use crate::glossary::{Concept, SaveOutcome, TermStatus};
use crate::gui::action::{Action, GlossaryAction};
use crate::gui::session::Session;
use crate::gui::terms;
use crate::gui::widgets::bidi_text::{BidiResponse, Highlight};
use crate::model::Lang;

use super::context::PanelCtx;
pub use super::mark_term::CellSelection;
use super::mark_term::{self, MarkTerm};

/// What a typed glossary path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlossaryPathKind {
    /// A new, empty glossary.
    New,
    /// Load a glossary file.
    Open,
    /// Save the glossary (which has no file yet) to a file.
    SaveAs,
}

/// Conflicts found when saving the glossary, waiting for the editor's choice.
pub struct ConflictDialog {
    /// The glossary file.
    pub path: PathBuf,
    /// The save attempt (merged glossary and conflicts).
    pub outcome: SaveOutcome,
    /// Per conflict: keep mine (`true`) or theirs.
    pub keep_mine: Vec<bool>,
}

impl ConflictDialog {
    /// A dialog for `outcome`, every conflict on "mine".
    pub fn new(path: PathBuf, outcome: SaveOutcome) -> Self {
        let keep_mine = vec![true; outcome.conflicts.len()];
        ConflictDialog {
            path,
            outcome,
            keep_mine,
        }
    }
}

/// View state of the glossary features.
#[derive(Default)]
pub struct GlossaryUi {
    /// The glossary panel is open.
    pub panel_open: bool,
    /// The consistency-check panel is open.
    pub findings_open: bool,
    /// Search text of the glossary panel.
    pub search: String,
    /// Concept being edited in the panel (a working copy).
    pub editing: Option<Concept>,
    /// Id typed to merge the edited concept into.
    pub merge_into: String,
    /// The "Mark as term" window.
    pub mark: Option<MarkTerm>,
    /// Save conflicts waiting for a choice.
    pub conflicts: Option<ConflictDialog>,
    /// The last text selection made in a grid cell.
    pub selection: Option<CellSelection>,
    /// The finding last jumped to (its terms are outlined in the grid).
    pub focus_finding: Option<Finding>,
    /// Scroll the findings list to the focused finding on the next frame.
    pub scroll_to_focus: bool,
    /// Typed glossary path prompt.
    pub path_prompt: Option<(GlossaryPathKind, String)>,
    /// Path typed for the findings report.
    pub report_path: String,
    /// Findings panel: show accepted findings too.
    pub show_accepted: bool,
    /// Findings panel: list only this kind.
    pub kind_filter: Option<crate::checks::FindingKind>,
    /// Findings panel: list only this language.
    pub lang_filter: Option<String>,
    /// Spans of the term-review example last jumped to: (row, version, byte range in the
    /// cell text), drawn in the grid with a strong outline colour.
    pub example_spans: Vec<(usize, usize, Range<usize>)>,
}

impl GlossaryUi {
    /// True if finding `f` passes the findings list's kind and language filters.
    pub fn shows(&self, f: &Finding) -> bool {
        self.kind_filter.is_none_or(|k| k == f.kind)
            && self.lang_filter.as_ref().is_none_or(|l| *l == f.lang)
    }

    /// Opens the typed-path prompt.
    pub fn ask_path(&mut self, kind: GlossaryPathKind) {
        self.path_prompt = Some((kind, String::new()));
    }

    /// Takes in what the editor did with the label of cell (row, version): a drag or
    /// double-click selection becomes the selection "Mark as term" uses.
    pub fn record_selection(&mut self, row: usize, version: usize, label: &BidiResponse) {
        let r = &label.response;
        let active = r.dragged() || r.drag_stopped() || r.double_clicked() || r.triple_clicked();
        if !active {
            return;
        }
        if let Some(range) = label.selection.clone().filter(|s| !s.is_empty()) {
            self.selection = Some(CellSelection {
                row,
                version,
                range,
            });
        }
    }

    /// The programmatic selection to show in cell (row, version), if any.
    pub fn selection_in(&self, row: usize, version: usize) -> Option<Range<usize>> {
        self.selection
            .as_ref()
            .filter(|s| s.row == row && s.version == version)
            .map(|s| s.range.clone())
    }

    /// Term highlights for a grid cell, with the terms of the focused finding in a stronger
    /// colour.
    pub fn cell_highlights(&self, s: &Session, row: usize, version: usize) -> Vec<Highlight> {
        let dark = s.project().view.dark_mode;
        let mut out = s.terms.cell_highlights(s.project(), row, version, dark);
        if let Some(f) = &self.focus_finding
            && f.row == row
            && f.version == version
            && let (Some(ver), Some(r)) = (
                s.project().versions.get(version),
                s.project().alignment.rows.get(row),
            )
            && let Some(cell) = r.cells.get(version)
        {
            for range in &f.ranges {
                if let Some(local) = terms::version_range_to_cell(ver, cell.clone(), range.clone())
                {
                    out.push(Highlight {
                        range: local,
                        color: Color32::from_rgba_unmultiplied(255, 140, 0, 160),
                        tooltip: Some(format!("{}: {} ({})", f.kind.as_str(), f.text, f.concept)),
                    });
                }
            }
        }
        for (_, _, range) in self
            .example_spans
            .iter()
            .filter(|(r, v, _)| *r == row && *v == version)
        {
            out.push(Highlight {
                range: range.clone(),
                color: Color32::from_rgba_unmultiplied(40, 160, 255, 170),
                tooltip: Some("Term candidate under review".to_string()),
            });
        }
        out
    }
}

/// Draws the glossary panel (call before the central panel).
pub fn show(ui: &mut egui::Ui, cx: &PanelCtx, g: &mut GlossaryUi) -> Vec<Action> {
    let mut actions = Vec::new();
    if !g.panel_open {
        return actions;
    }
    let Some(s) = cx.session else {
        return actions;
    };
    egui::Panel::right("glossary_panel")
        .resizable(true)
        .default_size(340.0)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading("Glossary");
                if ui.button("Close").clicked() {
                    g.panel_open = false;
                }
            });
            let file = s
                .project()
                .glossary_path
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_else(|| "(no file yet)".to_string());
            let unsaved = if s.project().glossary != s.glossary_base {
                " • unsaved"
            } else {
                ""
            };
            ui.label(format!(
                "{} concepts — {file}{unsaved}",
                s.project().glossary.concepts.len()
            ));
            ui.horizontal(|ui| {
                for a in [
                    GlossaryAction::NewGlossary,
                    GlossaryAction::OpenGlossary,
                    GlossaryAction::SaveGlossary,
                ] {
                    if ui.button(a.label()).on_hover_text(a.tooltip()).clicked() {
                        actions.push(Action::Glossary(a));
                    }
                }
            });
            let label = ui.label("Search concepts:");
            ui.text_edit_singleline(&mut g.search).labelled_by(label.id);
            ui.separator();
            if let Some(editing) = g.editing.as_mut() {
                concept_editor(ui, s, editing, &mut g.merge_into, &mut actions);
                if actions
                    .iter()
                    .any(|a| matches!(a, Action::Glossary(GlossaryAction::PutConcepts { .. })))
                    || ui.button("Back to the list").clicked()
                {
                    g.editing = None;
                }
                return;
            }
            concept_list(ui, s, g, &mut actions);
        });
    actions
}

fn concept_list(ui: &mut egui::Ui, s: &Session, g: &mut GlossaryUi, actions: &mut Vec<Action>) {
    let needle = g.search.to_lowercase();
    let dark = s.project().view.dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("glossary_list")
        .show(ui, |ui| {
            for (n, c) in s.project().glossary.concepts.values().enumerate() {
                let hit = needle.is_empty()
                    || c.id.to_lowercase().contains(&needle)
                    || c.terms
                        .values()
                        .flatten()
                        .any(|t| t.text.to_lowercase().contains(&needle));
                if !hit {
                    continue;
                }
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, terms::concept_color(n as u32, dark));
                    ui.strong(&c.id);
                    if ui.small_button("Edit").clicked() {
                        g.editing = Some(c.clone());
                        g.merge_into.clear();
                    }
                    if ui
                        .small_button("Delete")
                        .on_hover_text("Delete this concept (undo with Ctrl+Z)")
                        .clicked()
                    {
                        actions.push(Action::Glossary(GlossaryAction::PutConcepts {
                            label: "Delete concept",
                            puts: vec![(c.id.clone(), None)],
                        }));
                    }
                });
                for (lang, ts) in &c.terms {
                    let list: Vec<String> = ts.iter().map(mark_term::term_display).collect();
                    ui.label(format!("    {lang}: {}", list.join("; ")));
                }
            }
        });
}

fn concept_editor(
    ui: &mut egui::Ui,
    s: &Session,
    c: &mut Concept,
    merge_into: &mut String,
    actions: &mut Vec<Action>,
) {
    ui.strong(format!("Concept {}", c.id));
    ui.horizontal(|ui| {
        let label = ui.label("Note:");
        ui.text_edit_singleline(&mut c.note).labelled_by(label.id);
    });
    ui.horizontal(|ui| {
        let label = ui.label("Subject:");
        ui.text_edit_singleline(&mut c.subject)
            .labelled_by(label.id);
    });
    let mut remove: Option<(Lang, usize)> = None;
    for (lang, ts) in c.terms.iter_mut() {
        for (i, t) in ts.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.label(lang.to_string());
                ui.add(egui::TextEdit::singleline(&mut t.text).desired_width(150.0))
                    .labelled_by(label.id);
                egui::ComboBox::from_id_salt(("term_status", lang.to_string(), i))
                    .selected_text(t.status.as_str())
                    .show_ui(ui, |ui| {
                        for st in [
                            TermStatus::Preferred,
                            TermStatus::Allowed,
                            TermStatus::Forbidden,
                        ] {
                            ui.selectable_value(&mut t.status, st, st.as_str());
                        }
                    });
                if ui.small_button("×").on_hover_text("Remove term").clicked() {
                    remove = Some((lang.clone(), i));
                }
            });
        }
    }
    if let Some((lang, i)) = remove
        && let Some(ts) = c.terms.get_mut(&lang)
    {
        ts.remove(i);
        if ts.is_empty() {
            c.terms.remove(&lang);
        }
    }
    if ui.button("Save concept").clicked() {
        actions.push(Action::Glossary(GlossaryAction::PutConcepts {
            label: "Edit concept",
            puts: vec![(c.id.clone(), Some(c.clone()))],
        }));
    }
    ui.separator();
    ui.horizontal(|ui| {
        let label = ui.label("Merge into:");
        ui.text_edit_singleline(merge_into).labelled_by(label.id);
    });
    let target = s.project().glossary.concepts.get(merge_into.trim());
    let can = target.is_some_and(|t| t.id != c.id);
    if ui
        .add_enabled(can, egui::Button::new("Merge"))
        .on_hover_text("Move this concept's terms into the other concept and delete this one")
        .clicked()
        && let Some(t) = target
    {
        let mut merged = t.clone();
        for (lang, ts) in &c.terms {
            for term in ts {
                let list = merged.terms.entry(lang.clone()).or_default();
                if !list.iter().any(|x| x.text == term.text) {
                    let mut term = term.clone();
                    if term.status == TermStatus::Preferred
                        && list.iter().any(|x| x.status == TermStatus::Preferred)
                    {
                        term.status = TermStatus::Allowed;
                    }
                    list.push(term);
                }
            }
        }
        actions.push(Action::Glossary(GlossaryAction::PutConcepts {
            label: "Merge concepts",
            puts: vec![(t.id.clone(), Some(merged)), (c.id.clone(), None)],
        }));
    }
}

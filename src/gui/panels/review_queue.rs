//! The term review queue (left panel, F6): the candidates mined from the aligned rows, each
//! with its frequency, its counterparts per language with their counts, and example rows.
//! Accept makes a new concept in all languages at once (the most frequent counterpart
//! preferred, the others allowed, forbidden or left out as the editor sets them), a
//! counterpart can be added to an existing concept, Reject remembers the candidate in the
//! project. Clicking an example row shows it in the grid with the spans highlighted.
//!
//! [`draw`] reads a [`ReviewCtx`] (read-only) and the panel's own view state and returns
//! actions; [`show`] is the thin wrapper the app calls. Terms and counterparts are laid out
//! with the bidi widget, so Arabic reads right to left, joined.

use crate::glossary::TermStatus;
use crate::gui::action::{Action, ReviewAction};
use crate::gui::widgets::bidi_text::BidiLabel;
use crate::mine::TermCandidate;
use crate::mine::review::{Choices, default_choices};
use crate::model::Project;

use super::context::PanelCtx;

/// Label of the mining job (the panel shows its progress).
pub const MINING_JOB: &str = "Mining terms";
/// Example rows listed per candidate.
const MAX_EXAMPLES: usize = 6;
/// Characters of an example row's pivot text shown.
const EXAMPLE_CHARS: usize = 90;
/// Widest a counterpart is laid out in the details grid before it wraps (points).
const COUNTERPART_WIDTH: f32 = 190.0;

/// View state of the review queue (never saved; rejections live in the project).
#[derive(Default)]
pub struct ReviewUi {
    /// The panel is open.
    pub open: bool,
    /// The queue: mined candidates not yet accepted or rejected, best first.
    pub candidates: Vec<TermCandidate>,
    /// Mining has run at least once for this project.
    pub mined: bool,
    /// Why the last mining run gave nothing (no alignment, one version…).
    pub problem: Option<String>,
    /// Key of the candidate whose details are open.
    pub expanded: Option<String>,
    /// The editor's status choices for the expanded candidate's counterparts.
    pub choices: Choices,
    /// Concept id chosen for "add to concept".
    pub variant_concept: String,
    /// Filter text (matches the term and its counterparts).
    pub filter: String,
}

impl ReviewUi {
    /// Takes in the result of a mining run.
    pub fn set_candidates(&mut self, candidates: Vec<TermCandidate>) {
        self.candidates = candidates;
        self.mined = true;
        self.problem = None;
        self.expanded = None;
        self.choices.clear();
    }

    /// Drops candidate `key` from the queue (accepted or rejected).
    pub fn remove(&mut self, key: &str) {
        self.candidates.retain(|c| c.key() != key);
        if self.expanded.as_deref() == Some(key) {
            self.expanded = None;
            self.choices.clear();
        }
    }

    /// The candidate with key `key`.
    pub fn find(&self, key: &str) -> Option<&TermCandidate> {
        self.candidates.iter().find(|c| c.key() == key)
    }
}

/// What the panel reads.
pub struct ReviewCtx<'a> {
    /// The open project.
    pub project: &'a Project,
    /// Progress of a running mining job.
    pub mining: Option<f32>,
    /// Another job runs (mining waits for it).
    pub busy: bool,
}

/// Draws the review panel (call before the central panel).
pub fn show(ui: &mut egui::Ui, cx: &PanelCtx, state: &mut ReviewUi) -> Vec<Action> {
    let mut actions = Vec::new();
    if !state.open {
        return actions;
    }
    let Some(s) = cx.session else {
        return actions;
    };
    let ctx = ReviewCtx {
        project: s.project(),
        mining: cx.job.filter(|j| j.label == MINING_JOB).map(|j| j.fraction),
        busy: cx.busy(),
    };
    egui::Panel::left("review_panel")
        .resizable(true)
        .default_size(430.0)
        .show(ui, |ui| actions = draw(ui, &ctx, state));
    actions
}

/// Draws the queue into `ui` and returns what the editor asked for.
pub fn draw(ui: &mut egui::Ui, ctx: &ReviewCtx, state: &mut ReviewUi) -> Vec<Action> {
    let mut actions = Vec::new();
    header(ui, ctx, state, &mut actions);
    ui.separator();
    if let Some(problem) = &state.problem {
        ui.colored_label(ui.visuals().warn_fg_color, problem);
    } else if !state.mined {
        ui.label("Mine terms to list the recurring terms of the pivot and their counterparts.");
    } else if state.candidates.is_empty() {
        ui.label("No candidates left: every recurring term is in the glossary or rejected.");
    }
    let filter = state.filter.trim().to_lowercase();
    let keys: Vec<String> = state
        .candidates
        .iter()
        .filter(|c| filter.is_empty() || matches_filter(c, &filter))
        .map(TermCandidate::key)
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("review_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for key in keys {
                let Some(c) = state.candidates.iter().find(|c| c.key() == key).cloned() else {
                    continue;
                };
                candidate_row(ui, ctx, state, &c, &key, &mut actions);
            }
        });
    actions
}

fn matches_filter(c: &TermCandidate, filter: &str) -> bool {
    c.text.to_lowercase().contains(filter)
        || c.counterparts.iter().any(|vc| {
            vc.counterparts
                .iter()
                .any(|k| k.text.to_lowercase().contains(filter))
        })
}

fn header(ui: &mut egui::Ui, ctx: &ReviewCtx, state: &mut ReviewUi, actions: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading("Term review");
        if ui.button("Close").clicked() {
            state.open = false;
        }
    });
    ui.horizontal(|ui| {
        let mine = ReviewAction::Mine;
        match ctx.mining {
            Some(fraction) => {
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(160.0)
                        .text(format!("Mining… {:.0} %", fraction * 100.0)),
                );
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelJob);
                }
            }
            None => {
                let label = if state.mined {
                    "Mine again"
                } else {
                    mine.label()
                };
                if ui
                    .add_enabled(!ctx.busy, egui::Button::new(label))
                    .on_hover_text(mine.tooltip())
                    .clicked()
                {
                    actions.push(Action::Review(mine));
                }
            }
        }
        let rejected = ctx.project.rejected_terms.len();
        if rejected > 0 {
            let restore = ReviewAction::RestoreRejected;
            if ui
                .small_button(format!("{rejected} rejected: restore"))
                .on_hover_text(restore.tooltip())
                .clicked()
            {
                actions.push(Action::Review(restore));
            }
        }
    });
    if state.mined {
        ui.horizontal(|ui| {
            ui.label(format!("{} candidates", state.candidates.len()));
            let label = ui.label("Filter:");
            ui.add(egui::TextEdit::singleline(&mut state.filter).desired_width(160.0))
                .labelled_by(label.id);
        });
    }
}

fn candidate_row(
    ui: &mut egui::Ui,
    ctx: &ReviewCtx,
    state: &mut ReviewUi,
    c: &TermCandidate,
    key: &str,
    actions: &mut Vec<Action>,
) {
    let expanded = state.expanded.as_deref() == Some(key);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().strong_text_color();
    ui.horizontal(|ui| {
        let toggle = ui
            .selectable_label(expanded, format!("{}×", c.frequency))
            .on_hover_text("Show counterparts and example rows");
        let text = BidiLabel::new(
            &c.text,
            font,
            color,
            ui.scope_id().with(("review", "cand", key)),
        )
        .shrink_to_fit()
        .show(ui);
        if toggle.clicked() || text.response.clicked() {
            if expanded {
                state.expanded = None;
            } else {
                state.expanded = Some(key.to_string());
                state.choices = default_choices(c);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let reject = ReviewAction::Reject(key.to_string());
            if ui
                .small_button("Reject")
                .on_hover_text(reject.tooltip())
                .clicked()
            {
                actions.push(Action::Review(reject));
            }
            let choices = if expanded {
                state.choices.clone()
            } else {
                default_choices(c)
            };
            let accept = ReviewAction::Accept {
                key: key.to_string(),
                choices,
            };
            if ui
                .small_button("Accept")
                .on_hover_text(accept.tooltip())
                .clicked()
            {
                actions.push(Action::Review(accept));
            }
        });
    });
    if !expanded {
        summary(ui, c, key);
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        details(ui, ctx, state, c, actions);
    });
}

/// One line per language with the preferred counterpart, under a collapsed candidate.
fn summary(ui: &mut egui::Ui, c: &TermCandidate, key: &str) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().weak_text_color();
    ui.indent(("summary", key), |ui| {
        for vc in &c.counterparts {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new(vc.lang.as_str()).small().weak());
                match vc.counterparts.first() {
                    Some(k) => {
                        BidiLabel::new(
                            &k.text,
                            font.clone(),
                            color,
                            ui.scope_id().with(("review", "sum", key, vc.version)),
                        )
                        .shrink_to_fit()
                        .show(ui);
                        let more = vc.counterparts.len() - 1;
                        let note = if more > 0 {
                            format!("{}× (+{more})", k.frequency)
                        } else {
                            format!("{}×", k.frequency)
                        };
                        ui.label(egui::RichText::new(note).small().weak());
                    }
                    None => {
                        ui.label(egui::RichText::new("—").small().weak());
                    }
                }
            });
        }
    });
}

const STATUSES: [(Option<TermStatus>, &str); 4] = [
    (Some(TermStatus::Preferred), "preferred"),
    (Some(TermStatus::Allowed), "allowed"),
    (Some(TermStatus::Forbidden), "forbidden"),
    (None, "leave out"),
];

fn status_name(s: Option<TermStatus>) -> &'static str {
    STATUSES
        .iter()
        .find(|(v, _)| *v == s)
        .map_or("leave out", |(_, n)| n)
}

/// The expanded candidate `c`: its forms, counterparts with their status choices, example
/// rows, and the accept / add-variant / reject buttons.
fn details(
    ui: &mut egui::Ui,
    ctx: &ReviewCtx,
    state: &mut ReviewUi,
    c: &TermCandidate,
    actions: &mut Vec<Action>,
) {
    let key = c.key();
    let key = key.as_str();
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    if c.forms.len() > 1 {
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new("Forms:").weak());
            for (i, f) in c.forms.iter().enumerate() {
                BidiLabel::new(
                    f,
                    font.clone(),
                    color,
                    ui.scope_id().with(("review", "form", key, i)),
                )
                .shrink_to_fit()
                .show(ui);
            }
        });
    }
    let small = egui::TextStyle::Small.resolve(ui.style());
    let weak = ui.visuals().weak_text_color();
    let concepts: Vec<&String> = ctx.project.glossary.concepts.keys().collect();
    if state.choices.len() != c.counterparts.len() {
        state.choices = default_choices(c);
    }
    egui::Grid::new(("counterparts", key))
        .num_columns(4)
        .striped(true)
        .show(ui, |ui| {
            for (e, vc) in c.counterparts.iter().enumerate() {
                for (k, cp) in vc.counterparts.iter().enumerate() {
                    let lang_label = ui.label(if k == 0 { vc.lang.as_str() } else { "" });
                    ui.vertical(|ui| {
                        BidiLabel::new(
                            &cp.text,
                            font.clone(),
                            color,
                            ui.scope_id().with(("review", "cp", key, e, k)),
                        )
                        .wrap_width(COUNTERPART_WIDTH)
                        .shrink_to_fit()
                        .show(ui);
                        // The other inflected / cliticised forms seen, smaller.
                        for (i, form) in cp.forms.iter().filter(|f| **f != cp.text).enumerate() {
                            BidiLabel::new(
                                form,
                                small.clone(),
                                weak,
                                ui.scope_id().with(("review", "form", key, e, k, i)),
                            )
                            .wrap_width(COUNTERPART_WIDTH)
                            .shrink_to_fit()
                            .show(ui);
                        }
                    });
                    ui.label(format!("{}× · {:.2}", cp.frequency, cp.score));
                    let slot = state.choices.get_mut(e).and_then(|v| v.get_mut(k));
                    ui.horizontal(|ui| {
                        if let Some(slot) = slot {
                            egui::ComboBox::from_id_salt(("status", key, e, k))
                                .selected_text(status_name(*slot))
                                .width(90.0)
                                .show_ui(ui, |ui| {
                                    for (v, name) in STATUSES {
                                        ui.selectable_value(slot, v, name);
                                    }
                                })
                                .response
                                .labelled_by(lang_label.id);
                        }
                        let target = state.variant_concept.clone();
                        if !target.is_empty()
                            && ctx.project.glossary.concepts.contains_key(&target)
                            && ui
                                .small_button("Add to concept")
                                .on_hover_text(format!("Add to “{target}” as an allowed variant"))
                                .clicked()
                        {
                            actions.push(Action::Review(ReviewAction::AddVariant {
                                key: key.to_string(),
                                concept: target,
                                version_entry: e,
                                counterpart: k,
                                status: TermStatus::Allowed,
                            }));
                        }
                    });
                    ui.end_row();
                }
                if vc.counterparts.is_empty() {
                    ui.label(vc.lang.as_str());
                    ui.label(egui::RichText::new("no counterpart found").weak());
                    ui.end_row();
                }
            }
        });
    if !concepts.is_empty() {
        ui.horizontal(|ui| {
            let label = ui.label("Existing concept:");
            let shown = if state.variant_concept.is_empty() {
                "(choose)".to_string()
            } else {
                state.variant_concept.clone()
            };
            egui::ComboBox::from_id_salt(("variant_concept", key))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for id in &concepts {
                        ui.selectable_value(&mut state.variant_concept, (*id).clone(), id.as_str());
                    }
                })
                .response
                .labelled_by(label.id);
        });
    }
    ui.label(egui::RichText::new(format!("Examples ({} rows):", c.rows.len())).weak());
    let pivot = ctx.project.alignment.pivot;
    for &row in c.rows.iter().take(MAX_EXAMPLES) {
        ui.horizontal(|ui| {
            let go = ReviewAction::ShowExample {
                key: key.to_string(),
                row,
            };
            if ui
                .small_button(format!("row {}", row + 1))
                .on_hover_text(go.tooltip())
                .clicked()
            {
                actions.push(Action::Review(go));
            }
            let text = example_text(ctx.project, row, pivot);
            BidiLabel::new(
                &text,
                small.clone(),
                ui.visuals().weak_text_color(),
                ui.scope_id().with(("review", "ex", key, row)),
            )
            .show(ui);
        });
    }
}

/// The start of the pivot cell of `row`.
fn example_text(project: &Project, row: usize, pivot: usize) -> String {
    let (Some(r), Some(v)) = (project.alignment.rows.get(row), project.versions.get(pivot)) else {
        return String::new();
    };
    let text = r
        .cells
        .get(pivot)
        .map(|c| v.cell_text(c.clone()))
        .unwrap_or_default();
    match text.char_indices().nth(EXAMPLE_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text,
    }
}

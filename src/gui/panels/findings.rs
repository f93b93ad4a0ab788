//! The consistency-check panel (bottom): counts per concept × language, the list of findings
//! (click one to jump to its row with its terms outlined, accept or reopen it), and the report
//! export as CSV or HTML to a typed or chosen path.

use std::path::PathBuf;

use crate::checks::{self, FindingKind};
use crate::gui::action::{Action, FilePurpose, GlossaryAction};
use crate::gui::panels::glossary::GlossaryUi;
use crate::gui::widgets::bidi_text::BidiLabel;

use super::context::PanelCtx;

/// Draws the findings panel (call before the central panel).
pub fn show(ui: &mut egui::Ui, cx: &PanelCtx, g: &mut GlossaryUi) -> Vec<Action> {
    let mut actions = Vec::new();
    if !g.findings_open {
        return actions;
    }
    let Some(s) = cx.session else {
        return actions;
    };
    let findings = s.terms.findings();
    egui::Panel::bottom("findings_panel")
        .resizable(true)
        .default_size(240.0)
        .show(ui, |ui| {
            let open = findings.iter().filter(|f| !f.accepted).count();
            ui.horizontal(|ui| {
                ui.heading("Consistency check");
                ui.label(format!(
                    "{open} findings, {} accepted{}",
                    findings.len() - open,
                    if s.terms.is_building() {
                        " (updating…)"
                    } else {
                        ""
                    }
                ));
                ui.checkbox(&mut g.show_accepted, "Show accepted");
                filters(ui, findings, g);
                if ui.button("Close").clicked() {
                    g.findings_open = false;
                }
            });
            ui.horizontal(|ui| {
                let label = ui.label("Report:");
                ui.add(
                    egui::TextEdit::singleline(&mut g.report_path)
                        .hint_text("/path/report.html or .csv")
                        .desired_width(280.0),
                )
                .labelled_by(label.id);
                if ui.button("Export").clicked() {
                    let path = g.report_path.trim();
                    if path.is_empty() {
                        // The chosen file is written into `report_path` and exported.
                        actions.push(Action::ChooseFile(FilePurpose::ExportReport));
                    } else {
                        actions.push(Action::Glossary(GlossaryAction::ExportReport(
                            PathBuf::from(path),
                        )));
                    }
                }
            });
            ui.separator();
            ui.columns(2, |cols| {
                counts_table(&mut cols[0], findings);
                egui::ScrollArea::vertical()
                    .id_salt("findings_list")
                    .show(&mut cols[1], |ui| {
                        for (n, f) in findings.iter().enumerate() {
                            if (f.accepted && !g.show_accepted) || !g.shows(f) {
                                continue;
                            }
                            ui.horizontal(|ui| {
                                let color = match f.kind {
                                    FindingKind::Forbidden => ui.visuals().error_fg_color,
                                    FindingKind::Missing => ui.visuals().warn_fg_color,
                                    _ => ui.visuals().text_color(),
                                };
                                let text = format!(
                                    "row {} · {} · {} · {}:",
                                    f.row + 1,
                                    f.lang,
                                    f.concept,
                                    f.kind.as_str(),
                                );
                                let focused = g.focus_finding.as_ref() == Some(f);
                                let rich = egui::RichText::new(text).color(color);
                                let rich = if f.accepted {
                                    rich.strikethrough()
                                } else {
                                    rich
                                };
                                let resp = ui
                                    .selectable_label(focused, rich)
                                    .on_hover_text("Go to the row");
                                if focused && std::mem::take(&mut g.scroll_to_focus) {
                                    resp.scroll_to_me(Some(egui::Align::Center));
                                }
                                if resp.clicked() {
                                    actions
                                        .push(Action::Glossary(GlossaryAction::JumpToFinding(n)));
                                }
                                // The term itself may be Arabic: laid out like the cells.
                                let term_color = if f.accepted {
                                    ui.visuals().weak_text_color()
                                } else {
                                    color
                                };
                                let font = egui::TextStyle::Body.resolve(ui.style());
                                BidiLabel::new(
                                    &f.text,
                                    font,
                                    term_color,
                                    ui.scope_id().with(("finding-term", n)),
                                )
                                .shrink_to_fit()
                                .show(ui);
                                let (label, accepted) = if f.accepted {
                                    ("Reopen", false)
                                } else {
                                    ("Accept", true)
                                };
                                if ui
                                    .small_button(label)
                                    .on_hover_text("Accepted findings are saved in the project")
                                    .clicked()
                                {
                                    actions.push(Action::Glossary(
                                        GlossaryAction::SetFindingAccepted {
                                            key: f.key(),
                                            accepted,
                                        },
                                    ));
                                }
                            });
                        }
                        if findings.is_empty() {
                            ui.label(if s.project().glossary.concepts.is_empty() {
                                "The glossary is empty: mark terms with T or open a glossary."
                            } else {
                                "No findings: the terms are used consistently."
                            });
                        }
                    });
            });
        });
    actions
}

/// The kind and language filters of the list (only kinds and languages that occur).
fn filters(ui: &mut egui::Ui, findings: &[checks::Finding], g: &mut GlossaryUi) {
    let mut kinds: Vec<FindingKind> = findings.iter().map(|f| f.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut langs: Vec<&str> = findings.iter().map(|f| f.lang.as_str()).collect();
    langs.sort_unstable();
    langs.dedup();
    let label = ui.label("Kind:");
    egui::ComboBox::from_id_salt("findings_kind_filter")
        .selected_text(g.kind_filter.map_or("all", FindingKind::as_str))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut g.kind_filter, None, "all");
            for k in kinds {
                ui.selectable_value(&mut g.kind_filter, Some(k), k.as_str());
            }
        })
        .response
        .labelled_by(label.id);
    let label = ui.label("Language:");
    egui::ComboBox::from_id_salt("findings_lang_filter")
        .selected_text(g.lang_filter.as_deref().unwrap_or("all"))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut g.lang_filter, None, "all");
            for l in langs {
                ui.selectable_value(&mut g.lang_filter, Some(l.to_string()), l);
            }
        })
        .response
        .labelled_by(label.id);
}

fn counts_table(ui: &mut egui::Ui, findings: &[checks::Finding]) {
    let counts = checks::counts(findings);
    egui::ScrollArea::vertical()
        .id_salt("findings_counts")
        .show(ui, |ui| {
            egui::Grid::new("findings_counts_grid")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    for h in [
                        "Concept",
                        "Lang",
                        "Missing",
                        "Forbidden",
                        "Variant",
                        "Collision",
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for ((concept, lang), c) in &counts {
                        // A concept named by an Arabic term: laid out right to left.
                        crate::gui::widgets::bidi_text::bidi_lines(
                            ui,
                            concept,
                            ui.scope_id().with(("finding-concept", concept, lang)),
                        );
                        ui.label(lang);
                        for n in [c.missing, c.forbidden, c.variant, c.collision] {
                            ui.label(if n == 0 { String::new() } else { n.to_string() });
                        }
                        ui.end_row();
                    }
                });
        });
}

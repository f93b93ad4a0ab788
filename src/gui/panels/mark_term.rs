//! "Mark as term" (T): the text selected in a cell becomes a term of a new concept or of an
//! existing one (searchable). For a pivot cell the window proposes the counterpart in every
//! other version, ranked by co-occurrence over all aligned rows
//! ([`crate::glossary::propose_counterparts`]); one click takes a proposal, or type it.

use std::ops::Range;

use crate::glossary::{Candidate, Concept, Term, TermStatus, propose_counterparts};
use crate::gui::action::{Action, GlossaryAction};
use crate::gui::session::Session;
use crate::gui::terms;
use crate::model::Lang;

use super::context::PanelCtx;

/// How many proposals per version are listed.
const PROPOSALS: usize = 5;

/// A text selection in a grid cell: row, version and byte range in the cell text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellSelection {
    /// Row index.
    pub row: usize,
    /// Version index.
    pub version: usize,
    /// Byte range in the cell text (sentences joined by single spaces).
    pub range: Range<usize>,
}

/// The state of the "Mark as term" window.
#[derive(Clone, Debug)]
pub struct MarkTerm {
    /// Version the text was selected in.
    pub version: usize,
    /// Its language.
    pub lang: Lang,
    /// The term text (editable).
    pub text: String,
    /// Status of the new term.
    pub status: TermStatus,
    /// Create a new concept (`true`) or add to `existing`.
    pub new_concept: bool,
    /// Id of the new concept.
    pub id: String,
    /// Search text for existing concepts.
    pub search: String,
    /// The existing concept chosen.
    pub existing: Option<String>,
    /// Per version: proposals (empty for the source version and when not the pivot).
    pub proposals: Vec<Vec<Candidate>>,
    /// Per version: the counterpart to add (empty: none), with its language.
    pub counterparts: Vec<(Lang, String)>,
}

/// "term", "term (allowed)", "term (forbidden)".
pub fn term_display(t: &Term) -> String {
    match t.status {
        TermStatus::Preferred => t.text.clone(),
        TermStatus::Allowed => format!("{} (allowed)", t.text),
        TermStatus::Forbidden => format!("{} (forbidden)", t.text),
    }
}

/// A concept id from a term: lower-case letters and digits joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

impl MarkTerm {
    /// The window for `selection` (it must be in the current cell's row).
    pub fn open(s: &Session, selection: Option<&CellSelection>) -> Result<MarkTerm, String> {
        let Some(sel) = selection else {
            return Err(
                "Select the term in a cell first (drag over it or double-click a word)".into(),
            );
        };
        let Some(version) = s.project().versions.get(sel.version) else {
            return Err("The selected version no longer exists".into());
        };
        let cell_text = s.cell_text(sel.row, sel.version);
        let Some(text) = cell_text.get(sel.range.clone()) else {
            return Err("The selection no longer fits the cell; select again".into());
        };
        let text = text.trim().to_string();
        if text.is_empty() {
            return Err("The selection is empty".into());
        }
        let proposals = if sel.version == s.project().alignment.pivot {
            propose_counterparts(s.project(), sel.version, &text, PROPOSALS)
        } else {
            vec![Vec::new(); s.project().versions.len()]
        };
        let counterparts = s
            .project()
            .versions
            .iter()
            .enumerate()
            .map(|(v, ver)| {
                let best = proposals
                    .get(v)
                    .and_then(|p| p.first())
                    .map(|c| c.text.clone())
                    .unwrap_or_default();
                (
                    ver.lang.clone(),
                    if v == sel.version {
                        String::new()
                    } else {
                        best
                    },
                )
            })
            .collect();
        let mut id = slug(&text);
        let mut n = 2;
        while s.project().glossary.concepts.contains_key(&id) {
            id = format!("{}-{n}", slug(&text));
            n += 1;
        }
        Ok(MarkTerm {
            version: sel.version,
            lang: version.lang.clone(),
            text,
            status: TermStatus::Preferred,
            new_concept: true,
            id,
            search: String::new(),
            existing: None,
            proposals,
            counterparts,
        })
    }

    /// The concept after adding the term (and the chosen counterparts), or why not.
    pub fn concept(&self, s: &Session) -> Result<Concept, String> {
        let mut c = if self.new_concept {
            let id = self.id.trim();
            if id.is_empty() {
                return Err("Give the concept an id".into());
            }
            if s.project().glossary.concepts.contains_key(id) {
                return Err(format!("A concept \"{id}\" exists: choose it as existing"));
            }
            Concept {
                id: id.to_string(),
                ..Concept::default()
            }
        } else {
            let Some(id) = &self.existing else {
                return Err("Choose the concept to add the term to".into());
            };
            let Some(c) = s.project().glossary.concepts.get(id) else {
                return Err(format!("No concept \"{id}\""));
            };
            c.clone()
        };
        add_term(&mut c, &self.lang, Term::new(&self.text, self.status));
        for (v, (lang, text)) in self.counterparts.iter().enumerate() {
            if v == self.version || text.trim().is_empty() {
                continue;
            }
            let has_preferred = c
                .terms
                .get(lang)
                .is_some_and(|ts| ts.iter().any(|t| t.status == TermStatus::Preferred));
            let status = if has_preferred {
                TermStatus::Allowed
            } else {
                TermStatus::Preferred
            };
            add_term(&mut c, lang, Term::new(text, status));
        }
        Ok(c)
    }
}

/// Adds `term` to `lang`, unless a term with the same text is there.
fn add_term(c: &mut Concept, lang: &Lang, term: Term) {
    let list = c.terms.entry(lang.clone()).or_default();
    if !list.iter().any(|t| t.text == term.text) {
        list.push(term);
    }
}

/// Draws the window, if open.
pub fn show(ctx: &egui::Context, cx: &PanelCtx, mark: &mut Option<MarkTerm>) -> Vec<Action> {
    let mut actions = Vec::new();
    let (Some(s), Some(m)) = (cx.session, mark.as_mut()) else {
        return actions;
    };
    let mut close = false;
    let mut commit = None;
    let mut error = None;
    egui::Window::new("Mark as term")
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label(format!("Term ({}):", m.lang));
                ui.text_edit_singleline(&mut m.text).labelled_by(label.id);
            });
            ui.horizontal(|ui| {
                ui.label("Status:");
                for st in [
                    TermStatus::Preferred,
                    TermStatus::Allowed,
                    TermStatus::Forbidden,
                ] {
                    ui.radio_value(&mut m.status, st, st.as_str());
                }
            });
            ui.horizontal(|ui| {
                ui.radio_value(&mut m.new_concept, true, "New concept");
                ui.radio_value(&mut m.new_concept, false, "Existing concept");
            });
            if m.new_concept {
                ui.horizontal(|ui| {
                    let label = ui.label("Concept id:");
                    ui.text_edit_singleline(&mut m.id).labelled_by(label.id);
                });
            } else {
                existing_picker(ui, s, m);
            }
            if m.proposals.iter().any(|p| !p.is_empty()) {
                ui.separator();
                ui.label("Counterparts (ranked by co-occurrence in the aligned rows; click to take one):");
            } else {
                ui.separator();
                ui.label("Counterparts (optional; proposals are made for pivot terms):");
            }
            egui::Grid::new("mark_term_counterparts")
                .num_columns(2)
                .show(ui, |ui| {
                    for (v, (lang, text)) in m.counterparts.iter_mut().enumerate() {
                        if v == m.version {
                            continue;
                        }
                        let name = s.project().versions.get(v).map_or("", |x| x.name.as_str());
                        let label = ui.label(format!("{lang} · {name}"));
                        ui.vertical(|ui| {
                            ui.add(egui::TextEdit::singleline(text).desired_width(260.0))
                                .labelled_by(label.id);
                            ui.horizontal_wrapped(|ui| {
                                for c in m.proposals.get(v).into_iter().flatten() {
                                    let tip = format!(
                                        "Dice {:.2}: together in {} rows, in {} rows overall",
                                        c.score, c.rows_together, c.rows_with_candidate
                                    );
                                    if ui
                                        .selectable_label(*text == c.text, &c.text)
                                        .on_hover_text(tip)
                                        .clicked()
                                    {
                                        *text = c.text.clone();
                                    }
                                }
                                if !text.is_empty() && ui.small_button("none").clicked() {
                                    text.clear();
                                }
                            });
                        });
                        ui.end_row();
                    }
                });
            ui.separator();
            ui.horizontal(|ui| {
                if ui.button("Add to glossary").clicked() {
                    match m.concept(s) {
                        Ok(c) => commit = Some(c),
                        Err(e) => error = Some(e),
                    }
                }
                if ui.button("Cancel").clicked() {
                    close = true;
                }
            });
        });
    if let Some(e) = error {
        actions.push(Action::ReportError(e));
    }
    if let Some(c) = commit {
        actions.push(Action::Glossary(GlossaryAction::PutConcepts {
            label: "Mark as term",
            puts: vec![(c.id.clone(), Some(c))],
        }));
        close = true;
    }
    if close {
        *mark = None;
    }
    actions
}

fn existing_picker(ui: &mut egui::Ui, s: &Session, m: &mut MarkTerm) {
    ui.horizontal(|ui| {
        let label = ui.label("Find concept:");
        ui.text_edit_singleline(&mut m.search).labelled_by(label.id);
    });
    let needle = m.search.to_lowercase();
    let dark = s.project().view.dark_mode;
    egui::ScrollArea::vertical()
        .id_salt("mark_term_existing")
        .max_height(160.0)
        .show(ui, |ui| {
            for (n, c) in s.project().glossary.concepts.values().enumerate() {
                let terms: Vec<String> = c
                    .terms
                    .iter()
                    .flat_map(|(l, ts)| ts.iter().map(move |t| format!("{l}: {}", t.text)))
                    .collect();
                let hay = format!("{} {}", c.id, terms.join(" ")).to_lowercase();
                if !needle.is_empty() && !hay.contains(&needle) {
                    continue;
                }
                ui.horizontal(|ui| {
                    let (rect, _) =
                        ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
                    ui.painter()
                        .rect_filled(rect, 2.0, terms::concept_color(n as u32, dark));
                    let chosen = m.existing.as_deref() == Some(c.id.as_str());
                    if ui
                        .selectable_label(chosen, &c.id)
                        .on_hover_text(terms.join("\n"))
                        .clicked()
                    {
                        m.existing = Some(c.id.clone());
                    }
                });
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(slug("People's Committee"), "people-s-committee");
        assert_eq!(slug("Ủy ban nhân dân"), "ủy-ban-nhân-dân");
        assert_eq!(slug("  --x--  "), "x");
    }
}

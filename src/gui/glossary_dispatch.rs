//! Applies [`GlossaryAction`]s: concept edits and accepted findings through the undo history,
//! the glossary file (new, open, save with three-way merge and conflict resolution), reports.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::checks;
use crate::edit::Edit;
use crate::glossary::{self, Glossary, Resolution};

use super::action::{Action, FilePurpose, GlossaryAction};
use super::panels::glossary::ConflictDialog;
use super::panels::mark_term::MarkTerm;
use super::state::AlineaApp;

/// Applies one glossary command.
pub fn apply(app: &mut AlineaApp, action: GlossaryAction) {
    if app.session.is_none() {
        app.ui.error("Open a project first");
        return;
    }
    match action {
        GlossaryAction::MarkTerm => match app
            .session
            .as_ref()
            .map(|s| MarkTerm::open(s, app.ui.glossary.selection.as_ref()))
        {
            Some(Ok(m)) => app.ui.glossary.mark = Some(m),
            Some(Err(e)) => app.ui.error(e),
            None => {}
        },
        GlossaryAction::TogglePanel => app.ui.glossary.panel_open ^= true,
        GlossaryAction::ToggleFindings => app.ui.glossary.findings_open ^= true,
        GlossaryAction::NewGlossary => app.push(Action::ChooseFile(FilePurpose::NewGlossary)),
        GlossaryAction::OpenGlossary => app.push(Action::ChooseFile(FilePurpose::OpenGlossary)),
        GlossaryAction::SaveGlossaryAt(p) => {
            if let Some(s) = &mut app.session {
                // Merged against an empty base: the file's concepts are kept, and a concept
                // both sides define differently is a conflict for the editor.
                s.glossary_base = Glossary::default();
                s.change_settings(|g| g.set_glossary_path(p));
            }
            save_glossary(app, true);
        }
        GlossaryAction::NewGlossaryAt(p) => new_glossary(app, p),
        GlossaryAction::OpenGlossaryAt(p) => open_glossary(app, &p),
        GlossaryAction::SaveGlossary => save_glossary(app, true),
        GlossaryAction::PutConcepts { label, puts } => {
            let mut edits: Vec<Edit> = puts
                .into_iter()
                .map(|(id, concept)| Edit::PutConcept { id, concept })
                .collect();
            let edit = if edits.len() == 1 {
                edits.remove(0)
            } else {
                Edit::Batch(edits)
            };
            app.apply_edit(label, edit);
        }
        GlossaryAction::SetFindingAccepted { key, accepted } => {
            let label = if accepted {
                "Accept finding"
            } else {
                "Reopen finding"
            };
            app.apply_edit(label, Edit::SetFindingAccepted { key, accepted });
        }
        GlossaryAction::JumpToFinding(n) => jump_to_finding(app, n),
        GlossaryAction::ExportReport(path) => export_report(app, &path),
        GlossaryAction::ResolveConflicts(choices) => resolve_conflicts(app, choices),
    }
}

fn new_glossary(app: &mut AlineaApp, path: PathBuf) {
    let Some(s) = &mut app.session else {
        return;
    };
    let old: Vec<String> = s.project().glossary.concepts.keys().cloned().collect();
    s.change_settings(|g| g.set_glossary_path(path.clone()));
    s.glossary_base = Glossary::default();
    if !old.is_empty() {
        let puts = old.into_iter().map(|id| (id, None)).collect();
        apply(
            app,
            GlossaryAction::PutConcepts {
                label: "New glossary",
                puts,
            },
        );
    }
    app.ui.info(format!(
        "New glossary {}: mark terms with T, it is written when you save",
        path.display()
    ));
}

fn open_glossary(app: &mut AlineaApp, path: &Path) {
    let loaded = match glossary::load_any(path) {
        Ok(g) => g,
        Err(e) => {
            app.ui.error(e.to_string());
            return;
        }
    };
    let is_ron = path.to_string_lossy().to_lowercase().ends_with(".ron");
    let Some(s) = &mut app.session else {
        return;
    };
    let mut puts: Vec<(String, Option<glossary::Concept>)> = s
        .project()
        .glossary
        .concepts
        .keys()
        // A RON file replaces the glossary; CSV/TBX are imported into it.
        .filter(|id| is_ron && !loaded.concepts.contains_key(*id))
        .map(|id| (id.clone(), None))
        .collect();
    puts.extend(
        loaded
            .concepts
            .iter()
            .filter(|(id, c)| s.project().glossary.concepts.get(*id) != Some(c))
            .map(|(id, c)| (id.clone(), Some(c.clone()))),
    );
    if is_ron {
        s.change_settings(|g| g.set_glossary_path(path.to_path_buf()));
        s.glossary_base = loaded.clone();
    }
    let n = loaded.concepts.len();
    if !puts.is_empty() {
        apply(
            app,
            GlossaryAction::PutConcepts {
                label: "Open glossary",
                puts,
            },
        );
    }
    let note = if is_ron {
        ""
    } else {
        " (imported; use Save glossary to give it a .ron file)"
    };
    app.ui
        .info(format!("Glossary {}: {n} concepts{note}", path.display()));
}

/// Saves the glossary if it has a file and changed since loaded; `explicit` reports
/// "nothing to save" and asks for a path when there is none.
pub fn save_glossary(app: &mut AlineaApp, explicit: bool) {
    let Some(s) = &mut app.session else {
        return;
    };
    let Some(path) = s.project().glossary_path.clone() else {
        if explicit {
            app.push(Action::ChooseFile(FilePurpose::SaveGlossary));
            app.ui
                .info("Choose a file for the glossary (it has none yet)");
        }
        return;
    };
    if s.project().glossary == s.glossary_base && path.exists() {
        if explicit {
            app.ui.info("The glossary has no unsaved changes");
        }
        return;
    }
    match glossary::save(&path, &s.project().glossary, &s.glossary_base) {
        Ok(outcome) if outcome.is_saved() => {
            s.glossary_base = outcome.merged.clone();
            let merged = outcome.merged;
            let puts = changed_concepts(&s.project().glossary, &merged);
            if !puts.is_empty() {
                apply(
                    app,
                    GlossaryAction::PutConcepts {
                        label: "Take in others' glossary changes",
                        puts,
                    },
                );
            }
            app.ui.info(format!("Saved glossary {}", path.display()));
        }
        Ok(outcome) => {
            app.ui.error(format!(
                "Glossary {}: {} concepts were changed by someone else too — choose per concept",
                path.display(),
                outcome.conflicts.len()
            ));
            app.ui.glossary.conflicts = Some(ConflictDialog::new(path, outcome));
        }
        Err(e) => app.ui.error(e.to_string()),
    }
}

/// Concepts that differ between `now` and `target`, as puts turning `now` into `target`.
fn changed_concepts(now: &Glossary, target: &Glossary) -> Vec<(String, Option<glossary::Concept>)> {
    let mut puts: Vec<_> = now
        .concepts
        .keys()
        .filter(|id| !target.concepts.contains_key(*id))
        .map(|id| (id.clone(), None))
        .collect();
    puts.extend(
        target
            .concepts
            .iter()
            .filter(|(id, c)| now.concepts.get(*id) != Some(c))
            .map(|(id, c)| (id.clone(), Some(c.clone()))),
    );
    puts
}

fn resolve_conflicts(app: &mut AlineaApp, choices: Vec<(String, bool)>) {
    let Some(dialog) = app.ui.glossary.conflicts.take() else {
        return;
    };
    let choices: BTreeMap<String, Resolution> = choices
        .into_iter()
        .map(|(id, mine)| {
            let r = if mine {
                Resolution::Mine
            } else {
                Resolution::Theirs
            };
            (id, r)
        })
        .collect();
    match glossary::save_with_resolutions(&dialog.path, &dialog.outcome, &choices) {
        Ok(outcome) if outcome.is_saved() => {
            let Some(s) = &mut app.session else {
                return;
            };
            s.glossary_base = outcome.merged.clone();
            let puts = changed_concepts(&s.project().glossary, &outcome.merged);
            if !puts.is_empty() {
                apply(
                    app,
                    GlossaryAction::PutConcepts {
                        label: "Merge glossary changes",
                        puts,
                    },
                );
            }
            app.ui
                .info(format!("Saved glossary {}", dialog.path.display()));
        }
        Ok(outcome) => {
            app.ui
                .error("The glossary changed on disk again: choose once more");
            app.ui.glossary.conflicts = Some(ConflictDialog::new(dialog.path, outcome));
        }
        Err(e) => app.ui.error(e.to_string()),
    }
}

fn jump_to_finding(app: &mut AlineaApp, n: usize) {
    let Some(s) = &mut app.session else {
        return;
    };
    let Some(f) = s.terms.findings().get(n).cloned() else {
        return;
    };
    if f.row < s.project().alignment.rows.len() {
        s.cursor.row = f.row;
        s.cursor.version = f.version;
        s.clamp_cursor();
        app.ui.table.scroll_to_cursor = true;
    }
    app.ui.glossary.focus_finding = Some(f);
    app.ui.glossary.scroll_to_focus = true;
}

fn export_report(app: &mut AlineaApp, path: &Path) {
    let Some(s) = &app.session else {
        return;
    };
    let findings = s.terms.findings();
    let html = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let result = if html {
        std::fs::write(path, checks::html_report(s.project(), findings)).map_err(|e| e.to_string())
    } else {
        std::fs::File::create(path)
            .map_err(|e| e.to_string())
            .and_then(|f| {
                checks::write_csv_report(std::io::BufWriter::new(f), s.project(), findings)
                    .map_err(|e| e.to_string())
            })
    };
    match result {
        Ok(()) => app.ui.info(format!(
            "Wrote {} findings to {}",
            findings.len(),
            path.display()
        )),
        Err(e) => app.ui.error(format!("{}: {e}", path.display())),
    }
}

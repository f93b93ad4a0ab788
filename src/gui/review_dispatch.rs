//! Applies [`ReviewAction`]s: mining as a background job (progress, Cancel), accepted
//! candidates and added variants as undoable glossary edits (`PutConcepts`, so the grid
//! marks the terms at once), rejections in the project (saved with it), and the jump to an
//! example row with its spans highlighted. The work itself is `mine::review`'s.

use crate::mine::review;
use crate::mine::{MineError, MineOptions};

use super::action::{GlossaryAction, ReviewAction};
use super::glossary_dispatch;
use super::jobs::JobResult;
use super::panels::review_queue::MINING_JOB;
use super::state::AlineaApp;

/// Applies one review command.
pub fn apply(app: &mut AlineaApp, ctx: &egui::Context, action: ReviewAction) {
    if app.session.is_none() {
        app.ui.error("Open a project first");
        return;
    }
    match action {
        ReviewAction::TogglePanel => app.ui.review.open ^= true,
        ReviewAction::Mine => start_mining(app, ctx),
        ReviewAction::ShowExample { key, row } => show_example(app, &key, row),
        ReviewAction::Accept { key, choices } => accept(app, &key, &choices),
        ReviewAction::AddVariant {
            key,
            concept,
            version_entry,
            counterpart,
            status,
        } => add_variant(app, &key, &concept, version_entry, counterpart, status),
        ReviewAction::Reject(key) => {
            if let Some(s) = &mut app.session {
                s.change_settings(|p| p.reject_term(&key));
            }
            let text = app.ui.review.find(&key).map(|c| c.text.clone());
            app.ui.review.remove(&key);
            app.ui.glossary.example_spans.clear();
            app.ui.info(format!(
                "Rejected “{}”: it is not proposed again",
                text.unwrap_or(key)
            ));
        }
        ReviewAction::RestoreRejected => {
            if let Some(s) = &mut app.session {
                let n = s.change_settings(|p| p.clear_rejected_terms());
                app.ui.info(format!(
                    "{n} rejected candidates will be proposed again: mine again"
                ));
            }
        }
    }
}

fn start_mining(app: &mut AlineaApp, ctx: &egui::Context) {
    if app.jobs.is_busy() {
        app.ui
            .error("Wait for the running job to finish (or cancel it) first");
        return;
    }
    let Some(s) = &app.session else {
        return;
    };
    let project = s.project().clone();
    app.ui.review.open = true;
    app.jobs.spawn_job(
        ctx,
        MINING_JOB,
        true,
        move |progress| match review::review_queue(&project, &MineOptions::default(), progress) {
            Ok(found) => JobResult::Mined(found),
            Err(MineError::Cancelled(_)) => JobResult::Cancelled,
            Err(e) => JobResult::MiningFailed(e.to_string()),
        },
    );
}

fn show_example(app: &mut AlineaApp, key: &str, row: usize) {
    let Some(s) = &mut app.session else {
        return;
    };
    let Some(c) = app.ui.review.find(key) else {
        return;
    };
    if row >= s.project().alignment.rows.len() {
        app.ui
            .error("That row is gone (the alignment changed): mine again");
        return;
    }
    let spans = review::example_spans(s.project(), c, row);
    app.ui.glossary.example_spans = spans.into_iter().map(|(v, r)| (row, v, r)).collect();
    s.cursor.row = row;
    s.cursor.version = s.project().alignment.pivot;
    s.clamp_cursor();
    app.ui.table.scroll_to_cursor = true;
}

fn accept(app: &mut AlineaApp, key: &str, choices: &review::Choices) {
    let Some(s) = &app.session else {
        return;
    };
    let Some(c) = app.ui.review.find(key) else {
        return;
    };
    match review::concept_from_candidate(&s.project().glossary, c, choices) {
        Ok(concept) => {
            let id = concept.id.clone();
            glossary_dispatch::apply(
                app,
                GlossaryAction::PutConcepts {
                    label: "Accept term candidate",
                    puts: vec![(id.clone(), Some(concept))],
                },
            );
            app.ui.review.remove(key);
            app.ui.glossary.example_spans.clear();
            app.ui.info(format!("New concept “{id}” in the glossary"));
        }
        Err(e) => app.ui.error(e.to_string()),
    }
}

fn add_variant(
    app: &mut AlineaApp,
    key: &str,
    concept: &str,
    version_entry: usize,
    counterpart: usize,
    status: crate::glossary::TermStatus,
) {
    let Some(s) = &app.session else {
        return;
    };
    let Some(c) = app.ui.review.find(key) else {
        return;
    };
    let Some((lang, text)) = c.counterparts.get(version_entry).and_then(|vc| {
        vc.counterparts
            .get(counterpart)
            .map(|k| (&vc.lang, &k.text))
    }) else {
        return;
    };
    match review::add_counterpart(&s.project().glossary, concept, lang, text, status) {
        Ok(updated) => {
            let message = format!("Added “{text}” ({lang}) to “{concept}”");
            glossary_dispatch::apply(
                app,
                GlossaryAction::PutConcepts {
                    label: "Add counterpart to concept",
                    puts: vec![(concept.to_string(), Some(updated))],
                },
            );
            app.ui.info(message);
        }
        Err(e) => app.ui.error(e.to_string()),
    }
}

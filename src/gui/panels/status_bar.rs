//! Status bar: rows, % confirmed, low-confidence rows left, the current language pair, the
//! running job with its progress and Cancel, and the last message.

use crate::gui::action::Action;

use super::context::PanelCtx;

/// Draws the status bar at the bottom of the window; `message` is the last status message
/// and whether it is an error.
pub fn show(ui: &mut egui::Ui, cx: &PanelCtx, message: &Option<(String, bool)>) -> Vec<Action> {
    let mut cancel = false;
    egui::Panel::bottom("status_bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            if let Some(job) = cx.job {
                let (label, fraction) = (job.label, job.fraction);
                ui.spinner();
                let text = match job.stage {
                    Some(stage) => format!("{label}: {stage}"),
                    None => label.to_string(),
                };
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(260.0)
                        .text(text),
                );
                if job.can_cancel
                    && ui
                        .button(Action::CancelJob.label())
                        .on_hover_text(Action::CancelJob.hover_text(ui.ctx()))
                        .clicked()
                {
                    cancel = true;
                }
                ui.separator();
            }
            if let Some(s) = cx.session {
                let rows = s.project().alignment.rows.len();
                let (confirmed, low) = s.progress_counts();
                ui.label(format!("{rows} rows"));
                ui.separator();
                ui.label(format!("{confirmed:.0}% confirmed"));
                ui.separator();
                ui.label(format!("{low} low-confidence left"));
                ui.separator();
                if let Some(engine) = crate::gui::semantic::engine_name() {
                    ui.label(engine).on_hover_text(
                        "The engine of the last alignment. The semantic engine compares the \
                         sentences' meaning with a multilingual sentence encoder; the fast \
                         engine uses length, numbers, names and glossary terms. Install the \
                         encoder's model with scripts/fetch-model.",
                    );
                    ui.separator();
                }
                // On the pivot column the pair is the pivot and the next column shown.
                let pivot_v = s.project().alignment.pivot;
                let other = if s.cursor.version == pivot_v {
                    s.visible_columns().into_iter().find(|&v| v != pivot_v)
                } else {
                    Some(s.cursor.version)
                };
                let pivot = s.version(pivot_v);
                let current = other.and_then(|v| s.version(v));
                if let (Some(p), Some(c)) = (pivot, current) {
                    ui.label(format!("{} - {}", p.lang, c.lang))
                        .on_hover_text("Pivot language - language of the current cell");
                    ui.separator();
                }
                ui.label(format!("row {}", s.cursor.row + 1));
            }
            if let Some((text, is_error)) = message {
                ui.separator();
                if *is_error {
                    ui.colored_label(ui.visuals().error_fg_color, text);
                } else {
                    ui.label(text);
                }
            }
        });
    });
    if cancel {
        vec![Action::CancelJob]
    } else {
        Vec::new()
    }
}
